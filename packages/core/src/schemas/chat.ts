import * as z from 'zod/mini';
import { CaseOriginSchema } from './case.js';
import { DateTimeSchema, DepartmentIdSchema, LocaleSchema, missingOr } from './common.js';
import { EmailSchema, NAME_MAX_LENGTH, PhoneSchema } from './contact-message.js';
import { CaseReferenceSchema } from './reference.js';

/*
 * Chat with a kommunvägledare, and call-back requests (issue 10).
 *
 * A citizen starts a chat session on a department's page; it waits in a queue (one per department,
 * or one for the whole contact center, as the server is configured), an agent takes it, they talk,
 * and when it ends it is stored as a case (channel `chat`) with its transcript. Everything a session
 * does is an event on its own stream (`chat:<id>`), delivered over SSE and resumed from
 * `Last-Event-ID`, so a dropped connection loses and duplicates nothing.
 *
 * The citizen proves a session is theirs with the session token they got when it started
 * (`Authorization: Bearer …`), which the widget keeps in sessionStorage so the conversation survives
 * a reload and navigation on the same site. The token is never in a URL.
 */

/** Longest chat message, in characters. */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;
/** Longest note on a call-back request. */
export const CALLBACK_NOTE_MAX_LENGTH = 500;

/** A chat session id: `chat_` and 22 URL-safe random characters. */
export const ChatSessionIdSchema = z
  .string({ error: missingOr('invalid_type') })
  .check(z.regex(/^chat_[A-Za-z0-9_-]{22}$/, 'invalid_format'));
export type ChatSessionId = z.infer<typeof ChatSessionIdSchema>;

/** The citizen's bearer token for one session (43 URL-safe characters, 256 bits). */
export const ChatTokenSchema = z
  .string({ error: missingOr('invalid_type') })
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'invalid_format'));
export type ChatToken = z.infer<typeof ChatTokenSchema>;

/**
 * The id the sender gives a message before it is sent (a UUID). Sending is idempotent by it: the
 * same id sent twice (a retry after a timeout, a second tab) stores one message.
 */
export const ClientMessageIdSchema = z.uuid({ error: missingOr('invalid_format') });
export type ClientMessageId = z.infer<typeof ClientMessageIdSchema>;

export const ChatMessageTextSchema = z
  .string({ error: missingOr('invalid_type') })
  .check(z.trim(), z.minLength(1, 'required'), z.maxLength(CHAT_MESSAGE_MAX_LENGTH, 'too_long'));

/** Who wrote a message. `system` lines are the server's (queued, an agent joined, ended). */
export const CHAT_AUTHOR_ROLES = ['citizen', 'agent', 'system'] as const;
export const ChatAuthorRoleSchema = z.enum(CHAT_AUTHOR_ROLES);
export type ChatAuthorRole = z.infer<typeof ChatAuthorRoleSchema>;

/**
 * A message's progress as its sender sees it: `sent` (stored by the server), `delivered` (reached
 * the other side's open connection), `read` (the other side showed it). Only ever moves forward.
 */
export const CHAT_MESSAGE_STATES = ['sent', 'delivered', 'read'] as const;
export const ChatMessageStateSchema = z.enum(CHAT_MESSAGE_STATES);
export type ChatMessageState = z.infer<typeof ChatMessageStateSchema>;

/** What `system` messages say, so each client words them in its own language. */
export const CHAT_SYSTEM_KINDS = [
  'queued',
  'agent_joined',
  'handed_over',
  'agent_left',
  'ended_by_citizen',
  'ended_by_agent',
  'ended_unanswered',
  /** The citizen left the queue: not connected for a while (the tab closed), and it ended. */
  'ended_citizen_left',
] as const;
export const ChatSystemKindSchema = z.enum(CHAT_SYSTEM_KINDS);
export type ChatSystemKind = z.infer<typeof ChatSystemKindSchema>;

export const ChatMessageSchema = z.object({
  /** The server's id, ordered within a session. */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  clientMessageId: z.optional(ClientMessageIdSchema),
  role: ChatAuthorRoleSchema,
  /** An agent's display name (first name only, as the contact center chooses); never a citizen's. */
  authorName: z.optional(z.string().check(z.maxLength(NAME_MAX_LENGTH))),
  /** Plain text; clients render it as text, links only through their safe-link check. */
  text: z.string().check(z.maxLength(CHAT_MESSAGE_MAX_LENGTH)),
  /**
   * An agent's message: the language it is written in, when they said (the chat marks it with
   * it, so that it is read in that language whatever the page's is).
   */
  language: z.optional(LocaleSchema),
  /** For `system` messages: what happened. */
  system: z.optional(ChatSystemKindSchema),
  state: ChatMessageStateSchema,
  sentAt: DateTimeSchema,
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Where a session is: waiting in the queue, talking with an agent, or ended. */
export const CHAT_SESSION_STATUSES = ['queued', 'active', 'ended'] as const;
export const ChatSessionStatusSchema = z.enum(CHAT_SESSION_STATUSES);
export type ChatSessionStatus = z.infer<typeof ChatSessionStatusSchema>;

/** A place in the queue and how long the wait is expected to be (from recent waits). */
export const ChatQueuePositionSchema = z.object({
  /** 1 is next. */
  position: z.number().check(z.int(), z.minimum(1)),
  /** Estimated seconds until an agent answers; absent when there is too little history to say. */
  estimatedWaitSeconds: z.optional(z.number().check(z.int(), z.minimum(0))),
});
export type ChatQueuePosition = z.infer<typeof ChatQueuePositionSchema>;

/** A chat session as its citizen sees it. */
export const ChatSessionSchema = z.object({
  id: ChatSessionIdSchema,
  department: DepartmentIdSchema,
  status: ChatSessionStatusSchema,
  locale: LocaleSchema,
  /** While `queued`. */
  queue: z.optional(ChatQueuePositionSchema),
  /** While `active`: the agent's display name. */
  agentName: z.optional(z.string().check(z.maxLength(NAME_MAX_LENGTH))),
  /** Once ended: the case it was stored as. */
  caseReference: z.optional(CaseReferenceSchema),
  startedAt: DateTimeSchema,
  endedAt: z.optional(DateTimeSchema),
  messages: z.array(ChatMessageSchema),
});
export type ChatSession = z.infer<typeof ChatSessionSchema>;

/** `POST /v1/chat/sessions`: start a chat. */
export const ChatStartSchema = z.object({
  department: DepartmentIdSchema,
  locale: LocaleSchema,
  /** The page and widget the chat was started from (shown to the agent, kept on the case). */
  origin: CaseOriginSchema,
  /** What the person wants to be called, if they say. */
  name: z.optional(z.string().check(z.trim(), z.maxLength(NAME_MAX_LENGTH, 'too_long'))),
  /** The first message, so the agent sees the question before taking the chat. */
  message: z.optional(ChatMessageTextSchema),
  clientMessageId: z.optional(ClientMessageIdSchema),
});
export type ChatStart = z.infer<typeof ChatStartSchema>;
export type ChatStartInput = z.input<typeof ChatStartSchema>;

/** `POST /v1/chat/sessions`' answer: the session and the token to follow and speak in it with. */
export const ChatSessionAccessSchema = z.object({
  session: ChatSessionSchema,
  token: ChatTokenSchema,
});
export type ChatSessionAccess = z.infer<typeof ChatSessionAccessSchema>;

/** `POST /v1/chat/sessions/{id}/messages` (citizen) and the agent's counterpart. */
export const ChatSendSchema = z.object({
  clientMessageId: ClientMessageIdSchema,
  text: ChatMessageTextSchema,
  /** The language the text is written in; kept for an agent's message (a citizen's is theirs). */
  language: z.optional(LocaleSchema),
});
export type ChatSend = z.infer<typeof ChatSendSchema>;

/** `POST …/read`: everything up to and including this message has been shown. */
export const ChatReadSchema = z.object({ upTo: z.string().check(z.minLength(1), z.maxLength(64)) });
export type ChatRead = z.infer<typeof ChatReadSchema>;

/** `POST …/typing`: the sender is typing (sent at most every few seconds while typing). */
export const ChatTypingSchema = z.object({ typing: z.boolean() });

/** `POST /v1/chat/sessions/{id}/close`: the citizen ends the chat, optionally asking for the transcript by e-mail. */
export const ChatCloseSchema = z.object({ transcriptTo: z.optional(EmailSchema) });
export type ChatClose = z.infer<typeof ChatCloseSchema>;

/** `POST /v1/chat/sessions/{id}/transcript`: send the transcript to this address (after the end too). */
export const ChatTranscriptRequestSchema = z.object({ email: EmailSchema });

/*
 * Events on a session's stream (`GET /v1/chat/sessions/{id}/stream`, SSE, Bearer token). Each has
 * an `id:` (resume with `Last-Event-ID`) and one of these types; `data` is the JSON named.
 */
export const CHAT_EVENTS = {
  /** A new message (either side, or system); data `ChatMessage`. */
  message: 'chat.message',
  /** Messages changed state (delivered/read); data `ChatReceipt`. */
  receipt: 'chat.receipt',
  /** The other side started or stopped typing; data `ChatTypingEvent`. Not stored; may be missed. */
  typing: 'chat.typing',
  /** The session changed: queue position, an agent joined or handed over, ended; data `ChatSession` without `messages` (`ChatSessionState`). */
  session: 'chat.session',
} as const;
export type ChatEventType = (typeof CHAT_EVENTS)[keyof typeof CHAT_EVENTS];

export const ChatReceiptSchema = z.object({
  /** Every message of `role` up to and including `upTo` is now at least `state`. */
  role: ChatAuthorRoleSchema,
  upTo: z.string(),
  state: ChatMessageStateSchema,
});
export type ChatReceipt = z.infer<typeof ChatReceiptSchema>;

export const ChatTypingEventSchema = z.object({ role: ChatAuthorRoleSchema, typing: z.boolean() });
export type ChatTypingEvent = z.infer<typeof ChatTypingEventSchema>;

export const ChatSessionStateSchema = z.omit(ChatSessionSchema, { messages: true });
export type ChatSessionState = z.infer<typeof ChatSessionStateSchema>;

/*
 * Opening hours and availability (`GET /v1/chat/availability?department=`), short-lived cacheable.
 */

/** One day's hours as shown to a citizen (in the department's time zone). */
export const OpeningDaySchema = z.object({
  date: z.iso.date(),
  /** `HH:MM`, absent when closed all day. */
  opens: z.optional(z.string()),
  closes: z.optional(z.string()),
  /** Why it differs from the usual week: a public holiday's or special day's name, Swedish. */
  note: z.optional(z.string()),
});
export type OpeningDay = z.infer<typeof OpeningDaySchema>;

export const ChatAvailabilitySchema = z.object({
  department: DepartmentIdSchema,
  /** Within opening hours now. */
  open: z.boolean(),
  /** When open: when it closes today. */
  closesAt: z.optional(DateTimeSchema),
  /** When closed: the next opening time (always set while closed, unless none is configured). */
  opensAt: z.optional(DateTimeSchema),
  timeZone: z.string(),
  /** Today and the next six days. */
  week: z.array(OpeningDaySchema),
  /** Agents signed in and available for chat now (0 while open means a long wait, not closed). */
  agentsAvailable: z.number().check(z.int(), z.minimum(0)),
  /** The queue a new chat would join. */
  queue: z.object({
    waiting: z.number().check(z.int(), z.minimum(0)),
    estimatedWaitSeconds: z.optional(z.number().check(z.int(), z.minimum(0))),
  }),
  /** Whether call-back requests are taken for this department. */
  callback: z.boolean(),
});
export type ChatAvailability = z.infer<typeof ChatAvailabilitySchema>;

/*
 * Call-back (*uppringning*): instead of waiting or when closed, the citizen asks to be called.
 */

/** A time the contact center can call, within opening hours (`GET /v1/callbacks/slots?department=`). */
export const CallbackSlotSchema = z.object({
  start: DateTimeSchema,
  end: DateTimeSchema,
  /** False when the slot is full. */
  available: z.boolean(),
});
export type CallbackSlot = z.infer<typeof CallbackSlotSchema>;

export const CallbackSlotListSchema = z.object({
  department: DepartmentIdSchema,
  timeZone: z.string(),
  slots: z.array(CallbackSlotSchema),
});
export type CallbackSlotList = z.infer<typeof CallbackSlotListSchema>;

/** `POST /v1/callbacks`: becomes a case (channel `phone`) in the console, shown in the chat queue. */
export const CallbackRequestSchema = z.object({
  department: DepartmentIdSchema,
  locale: LocaleSchema,
  origin: CaseOriginSchema,
  phone: PhoneSchema,
  name: z.optional(z.string().check(z.trim(), z.maxLength(NAME_MAX_LENGTH, 'too_long'))),
  note: z.optional(z.string().check(z.trim(), z.maxLength(CALLBACK_NOTE_MAX_LENGTH, 'too_long'))),
  /** As soon as possible, or the start of one of the offered slots. */
  when: z.union([z.object({ asap: z.literal(true) }), z.object({ slot: DateTimeSchema })]),
  /** The chat this came from, if the person was waiting in one (it then ends). */
  chatSession: z.optional(ChatSessionIdSchema),
});
export type CallbackRequest = z.infer<typeof CallbackRequestSchema>;
export type CallbackRequestInput = z.input<typeof CallbackRequestSchema>;
