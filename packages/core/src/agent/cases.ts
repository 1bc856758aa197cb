/*
 * The agent's side of cases: the inbox, one case with its whole timeline, and the actions on it.
 * Shared by the server (which validates with them) and the agent client (which parses with them),
 * so the two cannot drift apart. `zod/mini`: the console ships them to browsers.
 */
import * as z from 'zod/mini';
import type { CaseChannel } from '../schemas/case.js';
import { CaseChannelSchema } from '../schemas/case.js';
import { ChatMessageSchema } from '../schemas/chat.js';
import { DateTimeSchema, HttpUrlSchema, LocaleSchema, SlugSchema } from '../schemas/common.js';
import {
  AnswerChannelSchema,
  EmailSchema,
  missingForAnswer,
  NeedSchema,
  PhoneSchema,
  PostalAddressSchema,
} from '../schemas/contact-message.js';
import { CaseReferenceSchema, normalizeCaseReference } from '../schemas/reference.js';
import { StaffStatusSchema } from '../schemas/staff-status.js';
import { MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH, NEEDS } from '../schemas/vocabulary.js';
import { CLASSIFICATION_FILTER, ClassificationPathSchema } from './classification.js';

/** The longest reply, note or status note an agent writes. */
export const AGENT_TEXT_MAX_LENGTH = 10_000;
/** Cases per inbox page: default and most. */
export const INBOX_PAGE_SIZE = 50;
export const INBOX_MAX_PAGE_SIZE = 200;

const text = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));

/** A member of staff as cases name them: who is assigned, who wrote an entry. */
export const StaffRefSchema = z.object({ id: z.string(), name: z.string() });
export type StaffRef = z.infer<typeof StaffRefSchema>;

/** A reason for contact from the configured list; `avoidable` marks avoidable demand. */
export const ContactReasonSchema = z.object({
  id: SlugSchema,
  name: z.object({ sv: z.string(), en: z.optional(z.string()) }),
  /** True when better information or e-services would have made the contact unnecessary. */
  avoidable: z.boolean(),
});
export type ContactReason = z.infer<typeof ContactReasonSchema>;
export const ContactReasonListSchema = z.object({ reasons: z.array(ContactReasonSchema) });

/** The channels an agent registers by hand: a call taken or a visit at a service point. */
export const REGISTERED_CHANNELS = ['phone', 'visit'] as const satisfies readonly CaseChannel[];

/** How a reply reached the citizen: an e-mail sent from here, or a call made or letter sent. */
export const REPLY_CHANNELS = ['email', 'phone', 'letter'] as const;
export const ReplyChannelSchema = z.enum(REPLY_CHANNELS, { error: 'invalid_option' });
export type ReplyChannel = z.infer<typeof ReplyChannelSchema>;

/** Where a status note shows: on the citizen's status view, or only to staff. */
export const NoteVisibilitySchema = z.enum(['public', 'internal'], { error: 'invalid_option' });
export type NoteVisibility = z.infer<typeof NoteVisibilitySchema>;

/** An e-mail the case sent, as its delivery stands (`failed` stays visible, never silently lost). */
export const CaseMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  /** `queued`, `sending`, `sent` or `failed` (a newer server may add more). */
  state: z.string(),
  /** Attempts started so far. */
  attempts: z.number(),
  /** The last failure in one line, or `null`. */
  lastError: z.nullable(z.string()),
  /** While queued: when the next attempt is due. */
  nextAttemptAt: z.nullable(DateTimeSchema),
  queuedAt: DateTimeSchema,
  sentAt: z.nullable(DateTimeSchema),
});
export type CaseMail = z.infer<typeof CaseMailSchema>;

/**
 * How a finished case was resolved, for the statistics (first-contact resolution): the contact
 * center solved it itself; put the call through to someone; pointed the person to a self-service
 * (an e-service, a page); sent it on to a department.
 *
 * @since 0.6.0
 */
export const CLOSING_REASONS = [
  'resolved_by_contact_center',
  'call_transferred',
  'referred_to_self_service',
  'forwarded_to_department',
] as const;
export const ClosingReasonSchema = z.enum(CLOSING_REASONS, { error: 'invalid_option' });
export type ClosingReason = z.infer<typeof ClosingReasonSchema>;

/**
 * How urgent a case is for the contact center (*Hög, Medel, Låg*): set by an agent, shown and
 * filtered by in the inbox. A new case is `medium`.
 *
 * @since 0.6.0
 */
export const CASE_PRIORITIES = ['high', 'medium', 'low'] as const;
export const CasePrioritySchema = z.enum(CASE_PRIORITIES, { error: 'invalid_option' });
export type CasePriority = z.infer<typeof CasePrioritySchema>;

/**
 * One stretch of time a case spent in one staff status, as the server recorded it when the
 * status changed (every path: an agent's action, the citizen's answer, a chat's end, a
 * department's system, a date coming due).
 *
 * @since 0.6.0
 */
export const StatusPeriodSchema = z.object({
  status: StaffStatusSchema,
  from: DateTimeSchema,
  /** When the case left that status; `null` for the status it is in now. */
  until: z.nullable(DateTimeSchema),
});
export type StatusPeriod = z.infer<typeof StatusPeriodSchema>;

const entryBase = { seq: z.number(), at: DateTimeSchema, actor: z.nullable(StaffRefSchema) };

/** One entry of a case's timeline as staff see it (internal notes included). */
export const AgentTimelineEntrySchema = z.discriminatedUnion('kind', [
  /** The citizen's message arrived (or an agent registered a call or visit). */
  z.object({
    ...entryBase,
    kind: z.literal('message_in'),
    channel: CaseChannelSchema,
    /** More information the citizen sent later; the first message is `message.text`. */
    text: z.optional(z.string()),
    /**
     * Ids of the photos sent with that later message, in order
     * (`GET /v1/agent/cases/{reference}/photos/{id}`); the first message's are `message.photos`.
     * Empty on other entries, and from a server older than these photos.
     */
    photos: z._default(z.array(z.string()), []),
  }),
  /** An answer: e-mail sent from the case, or a note of a call made or a letter sent. */
  z.object({
    ...entryBase,
    kind: z.literal('reply'),
    via: ReplyChannelSchema,
    text: z.string(),
    mailId: z.optional(z.string()),
  }),
  z.object({ ...entryBase, kind: z.literal('note'), text: z.string() }),
  z.object({
    ...entryBase,
    kind: z.literal('status'),
    status: StaffStatusSchema,
    visibility: NoteVisibilitySchema,
    note: z.optional(z.string()),
    /** Parked with a date: when it comes back by itself. */
    resumeAt: z.optional(DateTimeSchema),
    /** True when the case came back by itself from being parked (no `actor`). */
    resumed: z.optional(z.boolean()),
    /** Resolved or closed: how. */
    closingReason: z.optional(ClosingReasonSchema),
  }),
  z.object({
    ...entryBase,
    kind: z.literal('forward'),
    department: SlugSchema,
    reason: z.string(),
  }),
  z.object({ ...entryBase, kind: z.literal('assign'), assignee: z.nullable(StaffRefSchema) }),
  z.object({
    ...entryBase,
    kind: z.literal('reason'),
    reason: SlugSchema,
    avoidable: z.boolean(),
    page: z.optional(z.string()),
  }),
  /** The priority was set. */
  z.object({ ...entryBase, kind: z.literal('priority'), priority: CasePrioritySchema }),
  /**
   * The case was classified (`path`), or its classification taken away (`null`). `escalated`:
   * the path reached a label that escalates, and the case was e-mailed on (see `mails`).
   *
   * @since 0.6.0
   */
  z.object({
    ...entryBase,
    kind: z.literal('classification'),
    path: z.nullable(ClassificationPathSchema),
    escalated: z.optional(z.boolean()),
  }),
]);
export type AgentTimelineEntry = z.infer<typeof AgentTimelineEntrySchema>;
export type AgentTimelineKind = AgentTimelineEntry['kind'];

/** The reason tagged on a case, and the page that caused the contact when it was avoidable. */
export const TaggedReasonSchema = z.object({
  id: SlugSchema,
  avoidable: z.boolean(),
  page: z.nullable(z.string()),
});

/** Where a fault report is, as the inbox lists it: the address and/or the WGS84 point. */
export const CasePlaceSchema = z.object({
  address: z.nullable(z.string()),
  lat: z.nullable(z.number()),
  lon: z.nullable(z.number()),
});
export type CasePlace = z.infer<typeof CasePlaceSchema>;

/** One row of the inbox. */
export const AgentCaseSummarySchema = z.object({
  reference: CaseReferenceSchema,
  channel: CaseChannelSchema,
  /** The department whose page (or desk) the case came from. */
  department: SlugSchema,
  /** The department it was forwarded to, whose specialists now see it. */
  forwardedTo: z.nullable(SlugSchema),
  topic: z.string(),
  status: StaffStatusSchema,
  assignee: z.nullable(StaffRefSchema),
  needs: z.array(NeedSchema),
  interpreterLanguage: z.nullable(z.string()),
  answerChannel: AnswerChannelSchema,
  /** The sender's name, when given. */
  name: z.nullable(z.string()),
  /** The start of the message, for the list. */
  excerpt: z.string(),
  reason: z.nullable(TaggedReasonSchema),
  createdAt: DateTimeSchema,
  updatedAt: DateTimeSchema,
  /** When the department promised an answer (its working days from arrival). */
  answerBy: z.nullable(DateTimeSchema),
  firstAnsweredAt: z.nullable(DateTimeSchema),
  /**
   * Unanswered and past `answerBy`, and neither finished nor waiting for the citizen (asked, the
   * promise cannot wait for their answer).
   */
  overdue: z.boolean(),
  /**
   * When a waiting case (`PAUSED_STAFF_STATUSES`: parked, or waiting for the citizen) comes back
   * by itself (`in_progress`, on its timeline); `null` when it is not waiting, or has no date.
   *
   * @since 0.6.0
   */
  resumeAt: z._default(z.nullable(DateTimeSchema), null),
  /**
   * How a resolved or closed case was resolved; `null` while it is open, or when none was given.
   *
   * @since 0.6.0
   */
  closingReason: z._default(z.nullable(ClosingReasonSchema), null),
  /**
   * How urgent the case is (`medium` unless an agent set another; a server without it reads as
   * `medium`).
   *
   * @since 0.6.0
   */
  priority: z._default(CasePrioritySchema, 'medium'),
  /**
   * How staff classified the case in its department's tree, from the category down; `null`
   * until someone does (and from a server without classification).
   *
   * @since 0.6.0
   */
  classification: z._default(z.nullable(ClassificationPathSchema), null),
  /**
   * When the case entered the status it is in (its arrival, if it never changed); `null` when
   * that is not known (a case from before the server recorded its statuses, which has not
   * changed since), and from a server without it.
   *
   * @since 0.6.0
   */
  statusSince: z._default(z.nullable(DateTimeSchema), null),
  /** Changes with every action: send it back as `If-Match` to act on what you saw. */
  version: z.number(),
  /** A fault report's place, in the inbox's list; absent on other cases. */
  place: z.optional(CasePlaceSchema),
});
export type AgentCaseSummary = z.infer<typeof AgentCaseSummarySchema>;

/** A page of the inbox, newest first. */
export const AgentCasePageSchema = z.object({
  cases: z.array(AgentCaseSummarySchema),
  /** Pass as `after` for the next page; `null` on the last. */
  next: z.nullable(z.string()),
  /** The event log's position before this page was read: follow the inbox stream from here. */
  cursor: z.string(),
});
export type AgentCasePage = z.infer<typeof AgentCasePageSchema>;

/** What the citizen wrote and how to reach them. Shown as text, never as markup. */
export const AgentCaseMessageSchema = z.object({
  text: z.string(),
  answerChannel: AnswerChannelSchema,
  answerLanguage: z.string(),
  needs: z.array(NeedSchema),
  interpreterLanguage: z.nullable(z.string()),
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  /**
   * Ids of the photos sent with the message, in order
   * (`GET /v1/agent/cases/{reference}/photos/{id}`); a fault report's are in `fault.photos`.
   */
  photos: z._default(z.array(z.string()), []),
  /**
   * Where to send the answer when the citizen asked for a letter (`answerChannel: 'letter'`): the
   * addressee is `name`; `postalCode` as the post writes it (`211 22`). `null` on other cases
   * (and from a server older than letters). Plain strings: the console shows what was stored.
   */
  postalAddress: z._default(
    z.nullable(z.object({ street: z.string(), postalCode: z.string(), city: z.string() })),
    null,
  ),
});
export type AgentCaseMessage = z.infer<typeof AgentCaseMessageSchema>;

/**
 * A fault report's own facts as staff see them: the category (also the case's `topic`), the
 * answers to its extra questions by code, the place (a point, an address, or both), whether it
 * came without contact details, and its photos' ids (`GET /v1/agent/cases/{reference}/photos/{id}`).
 */
export const AgentFaultSchema = z.object({
  category: z.string(),
  location: z.object({
    lat: z.nullable(z.number()),
    lon: z.nullable(z.number()),
    /** Metres, when the point came from the device's position. */
    accuracy: z.nullable(z.number()),
    address: z.nullable(z.string()),
  }),
  /**
   * `FaultAnswer`s by question code: text, a number, a date-time string, or the keys chosen (not
   * imported from `schemas/fault.ts`, which would bring the whole fault contract into the console's
   * first load).
   */
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  anonymous: z.boolean(),
  photos: z.array(z.string()),
});
export type AgentFault = z.infer<typeof AgentFaultSchema>;

/**
 * A call-back request's own facts as staff see them (channel `phone`): when to call — as soon as
 * possible or the chosen slot — when it is due, the number, and the chat it came from, if any.
 * The name and note are in the case's message. Done: set the case's status as for any case.
 */
export const AgentCallbackSchema = z.object({
  when: z.union([
    z.object({ asap: z.literal(true) }),
    z.object({ slot: z.object({ start: z.string(), end: z.string() }) }),
  ]),
  dueAt: z.string(),
  phone: z.string(),
  chatSession: z.nullable(z.string()),
});
export type AgentCallback = z.infer<typeof AgentCallbackSchema>;

/**
 * A chat's transcript on its case (channel `chat`): the session, when it ran, and every message
 * (the citizen's, the agents', and the server's lines), as the chat showed them.
 */
export const AgentChatTranscriptSchema = z.object({
  sessionId: z.string(),
  startedAt: DateTimeSchema,
  endedAt: z.nullable(DateTimeSchema),
  messages: z.array(ChatMessageSchema),
});
export type AgentChatTranscript = z.infer<typeof AgentChatTranscriptSchema>;

/** One case as staff see it: everything, with the timeline and the state of its mail. */
export const AgentCaseSchema = z.object({
  ...AgentCaseSummarySchema.shape,
  /** Where it came from; a registered call or visit has no page or widget. */
  origin: z.object({
    department: SlugSchema,
    pageUrl: z.nullable(z.string()),
    widget: z.nullable(z.string()),
  }),
  message: AgentCaseMessageSchema,
  timeline: z.array(AgentTimelineEntrySchema),
  mails: z.array(CaseMailSchema),
  /** A fault report's category, answers, place and photos; absent on other cases. */
  fault: z.optional(z.nullable(AgentFaultSchema)),
  /** A chat's transcript; absent on other cases. */
  chat: z.optional(z.nullable(AgentChatTranscriptSchema)),
  /** A call-back request's slot or "as soon as possible"; absent on other cases. */
  callback: z.optional(z.nullable(AgentCallbackSchema)),
  /** The case this one was marked a duplicate of. */
  duplicateOf: z.optional(z.nullable(CaseReferenceSchema)),
  /**
   * The time the case spent in each staff status, oldest first, the last one still open. A case
   * from before the server recorded it starts later than `createdAt` (at the first status the
   * server saw it in); a server without it sends none.
   *
   * @since 0.6.0
   */
  statusHistory: z._default(z.array(StatusPeriodSchema), []),
});
export type AgentCase = z.infer<typeof AgentCaseSchema>;

const booleanParam = z.pipe(
  z.enum(['true', 'false'], { error: 'invalid_option' }),
  z.transform((value) => value === 'true'),
);

/**
 * The inbox's orders, by arrival: newest first (the default), or oldest first, for a queue
 * worked in turn.
 *
 * @since 0.6.0
 */
export const INBOX_ORDERS = ['newest', 'oldest'] as const;
export const InboxOrderSchema = z.enum(INBOX_ORDERS, { error: 'invalid_option' });
export type InboxOrder = z.infer<typeof InboxOrderSchema>;

/**
 * The inbox's filters as query parameters (`GET /v1/agent/cases?status=open&need=interpreter`).
 * `status=open`: every unfinished status. `assigned`: `me`, `none`, or an agent id.
 * `q`: a case reference (or its start), or words of the message, name, e-mail or phone.
 */
export const InboxQuerySchema = z.object({
  department: z.optional(SlugSchema),
  status: z.optional(z.union([StaffStatusSchema, z.literal('open')], { error: 'invalid_option' })),
  channel: z.optional(CaseChannelSchema),
  topic: z.optional(SlugSchema),
  need: z.optional(NeedSchema),
  assigned: z.optional(z.string().check(z.minLength(1, 'required'), z.maxLength(200, 'too_long'))),
  overdue: z.optional(booleanParam),
  priority: z.optional(CasePrioritySchema),
  /**
   * Cases classified at this label or under it: its path, the labels' ids joined by `/`
   * (`gata-och-trafik/parkering`).
   */
  classification: z.optional(z.string().check(z.regex(CLASSIFICATION_FILTER, 'invalid_format'))),
  q: z.optional(z.string().check(z.trim(), z.maxLength(200, 'too_long'))),
  /** `newest` (the default) or `oldest` first; a page's `next` goes on in the order it was read in. */
  order: z.optional(InboxOrderSchema),
  after: z.optional(z.string().check(z.maxLength(200, 'too_long'))),
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,4}$/, 'invalid_format')),
      z
        .transform(Number)
        .check(z.minimum(1, 'too_short'), z.maximum(INBOX_MAX_PAGE_SIZE, 'too_long')),
    ),
  ),
});
export type InboxQuery = z.output<typeof InboxQuerySchema>;

/** The inbox's filters as the SDK takes them. */
export interface InboxFilters {
  department?: string;
  status?: z.infer<typeof StaffStatusSchema> | 'open';
  channel?: CaseChannel;
  topic?: string;
  need?: (typeof NEEDS)[number];
  /** `'me'`, `'none'` or an agent id. */
  assigned?: string;
  overdue?: boolean;
  /** Only the cases of this priority. */
  priority?: CasePriority;
  /**
   * Only the cases classified at this label or under it: its path joined by `/`.
   *
   * @since 0.6.0
   */
  classification?: string;
  /** A case reference (or its start), or words to find. */
  q?: string;
  /**
   * Newest first (the default) or oldest first; pass the same order with `after`.
   *
   * @since 0.6.0
   */
  order?: InboxOrder;
  /** The `next` of the previous page. */
  after?: string;
  limit?: number;
}

/** `POST …/priority`: how urgent the case is. */
export const PriorityInputSchema = z.object({ priority: CasePrioritySchema });
export type PriorityInput = z.infer<typeof PriorityInputSchema>;

/** `POST …/assign`: give the case to someone (`null`: nobody). `take` is the same for oneself. */
export const AssignInputSchema = z.object({
  assignee: z.nullable(z.string().check(z.minLength(1, 'required'), z.maxLength(200, 'too_long'))),
});
export type AssignInput = z.infer<typeof AssignInputSchema>;

/** `POST …/replies`: an e-mail to the citizen, or a note of a call made or a letter sent. */
export const ReplyInputSchema = z.object({
  via: ReplyChannelSchema,
  text: text(AGENT_TEXT_MAX_LENGTH),
});
export type ReplyInput = z.infer<typeof ReplyInputSchema>;

/** `POST …/notes`: an internal note, never shown to the citizen. */
export const NoteInputSchema = z.object({ text: text(AGENT_TEXT_MAX_LENGTH) });
export type NoteInput = z.infer<typeof NoteInputSchema>;

/** The furthest ahead a case may be parked: a year. */
export const PARK_MAX_DAYS = 366;

/**
 * The statuses in which a case waits, and may come back by itself on a date (`resumeAt`): parked
 * (waiting for something else) and waiting for the citizen's answer.
 *
 * @since 0.6.0
 */
export const PAUSED_STAFF_STATUSES = ['parked', 'waiting_for_citizen'] as const;
/** True for a status in which a case may wait until a date (`PAUSED_STAFF_STATUSES`). */
export const isPaused = (status: string): boolean =>
  (PAUSED_STAFF_STATUSES as readonly string[]).includes(status);

/**
 * `POST …/status`: a new staff status, with a note for the citizen (`public`) or for staff. With
 * `parked` or `waiting_for_citizen`, `resumeAt` may say when the case comes back by itself (a
 * reminder: the citizen did not answer): in the future and at most `PARK_MAX_DAYS` ahead (the
 * server judges by its clock: `in_the_past`, `too_far_ahead`), and only then (`only_when_paused`). With `resolved` or `closed`, `closingReason` says how
 * it was resolved, for the statistics (only then: `only_when_finished`).
 */
export const StatusInputSchema = z
  .object({
    status: StaffStatusSchema,
    note: z.optional(text(2000)),
    visibility: z._default(NoteVisibilitySchema, 'internal'),
    /**
     * The language a public note is written in (the citizen's widgets mark it with it); only
     * with a public note.
     */
    noteLanguage: z.optional(LocaleSchema),
    resumeAt: z.optional(DateTimeSchema),
    closingReason: z.optional(ClosingReasonSchema),
  })
  .check(
    z.refine((input) => input.resumeAt === undefined || isPaused(input.status), {
      error: 'only_when_paused',
      path: ['resumeAt'],
    }),
    z.refine(
      (input) =>
        input.closingReason === undefined ||
        input.status === 'resolved' ||
        input.status === 'closed',
      { error: 'only_when_finished', path: ['closingReason'] },
    ),
  );
export type StatusInput = z.input<typeof StatusInputSchema>;

/** `POST …/forward`: to a department, whose specialists then see it, with the reason why. */
export const ForwardInputSchema = z.object({
  department: SlugSchema,
  reason: text(2000),
});
export type ForwardInput = z.infer<typeof ForwardInputSchema>;

/**
 * `POST …/duplicate`: the case is the same as `of`, which is handled instead (staff status
 * `duplicate`). Its sender and followers then follow `of`. `of` may be typed loosely
 * (`kc 7f3k 9qxm`); the server refuses itself (`same_case`) and a case it does not have or the
 * person may not see (`unknown_case`).
 */
export const DuplicateInputSchema = z.object({
  of: z
    .string()
    .check(z.refine((value) => normalizeCaseReference(value) !== undefined, 'invalid_reference')),
});
export type DuplicateInput = z.infer<typeof DuplicateInputSchema>;

/** `POST …/reason`: the reason for contact, and for avoidable demand the page that caused it. */
export const ReasonInputSchema = z.object({
  reason: SlugSchema,
  page: z.optional(HttpUrlSchema),
});
export type ReasonInput = z.infer<typeof ReasonInputSchema>;

/**
 * `POST /v1/agent/cases`: a call or a visit registered as a case, so every channel is counted.
 * An answer by e-mail needs `email`, one by letter `name` and `postalAddress`, as a citizen's
 * message does (`required_for_channel`).
 */
export const RegisterCaseInputSchema = z
  .object({
    channel: z.enum(REGISTERED_CHANNELS, { error: 'invalid_option' }),
    department: SlugSchema,
    topic: SlugSchema,
    /** What the person asked and what was said. */
    notes: text(MESSAGE_MAX_LENGTH),
    reason: z.optional(SlugSchema),
    page: z.optional(HttpUrlSchema),
    name: z.optional(text(NAME_MAX_LENGTH)),
    email: z.optional(EmailSchema),
    phone: z.optional(PhoneSchema),
    /** Where the answer goes by letter; required for (and kept only with) `answerChannel: 'letter'`. */
    postalAddress: z.optional(PostalAddressSchema),
    answerChannel: z._default(AnswerChannelSchema, 'phone'),
    answerLanguage: z._default(LocaleSchema, 'sv'),
    needs: z._default(z.array(NeedSchema).check(z.maxLength(NEEDS.length)), []),
    interpreterLanguage: z.optional(text(60)),
  })
  .check(
    z.superRefine((value, ctx) => {
      for (const field of missingForAnswer(value)) {
        ctx.issues.push({
          code: 'custom',
          path: [field],
          message: 'required_for_channel',
          input: value[field],
        });
      }
    }),
  );
export type RegisterCaseInput = z.input<typeof RegisterCaseInputSchema>;

/** The data of the inbox stream's `case.created` / `case.updated` events. */
export const InboxEventSchema = z.object({ reference: CaseReferenceSchema });
export type InboxEvent = z.infer<typeof InboxEventSchema>;
export const INBOX_EVENTS = ['case.created', 'case.updated'] as const;
export type InboxEventType = (typeof INBOX_EVENTS)[number];
