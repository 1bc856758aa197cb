import * as z from 'zod/mini';
import { CaseOriginSchema } from '../schemas/case.js';
import {
  CallbackSlotSchema,
  ChatMessageSchema,
  ChatSessionIdSchema,
  ChatSessionStatusSchema,
} from '../schemas/chat.js';
import { DateTimeSchema, LocaleSchema } from '../schemas/common.js';
import { NAME_MAX_LENGTH } from '../schemas/contact-message.js';
import { DepartmentIdSchema } from '../schemas/department.js';
import { CaseReferenceSchema } from '../schemas/reference.js';
import { AgentIdSchema } from './schemas.js';

/*
 * The agent console's side of chat (issue 10): the queue, presence, one chat, and the actions on it.
 * Routes under `/v1/agent/chat/…`, signed-in agents only (session cookie + CSRF on changes).
 */

/**
 * An agent's chat presence. `available`: offered and may take new chats; `busy`: keeps the chats
 * they have but takes no new ones; `away`: none. An agent with no open console (no stream for a
 * while) counts as away.
 */
export const AGENT_PRESENCES = ['available', 'busy', 'away'] as const;
export const AgentPresenceSchema = z.enum(AGENT_PRESENCES, { error: 'invalid_option' });
export type AgentPresence = z.infer<typeof AgentPresenceSchema>;

/** `PUT /v1/agent/chat/presence`. */
export const PresenceInputSchema = z.object({ presence: AgentPresenceSchema });
export type PresenceInput = z.infer<typeof PresenceInputSchema>;

/** A chat in a queue or in an agent's list. */
export const AgentChatSummarySchema = z.object({
  id: ChatSessionIdSchema,
  department: DepartmentIdSchema,
  status: ChatSessionStatusSchema,
  locale: LocaleSchema,
  /** What the citizen asked to be called, if anything. */
  citizenName: z.optional(z.string().check(z.maxLength(NAME_MAX_LENGTH))),
  /** The page and widget the citizen is on. */
  origin: CaseOriginSchema,
  startedAt: DateTimeSchema,
  /** While queued: since when (for the wait shown in the queue). */
  queuedAt: z.optional(DateTimeSchema),
  /** While active: who has it. */
  agentId: z.optional(AgentIdSchema),
  agentName: z.optional(z.string()),
  /** The first or latest citizen message, cut to 140 characters. */
  preview: z.optional(z.string().check(z.maxLength(140))),
  /** Citizen messages the handling agent has not read. */
  unread: z.number().check(z.int(), z.minimum(0)),
  lastMessageAt: z.optional(DateTimeSchema),
});
export type AgentChatSummary = z.infer<typeof AgentChatSummarySchema>;

/** A call-back request waiting to be called, shown beside the chat queue. */
export const CallbackSummarySchema = z.object({
  caseReference: CaseReferenceSchema,
  department: DepartmentIdSchema,
  /** Absent for "as soon as possible". */
  slot: z.optional(CallbackSlotSchema),
  requestedAt: DateTimeSchema,
  name: z.optional(z.string()),
  /** Shown to agents only. */
  phone: z.string(),
  note: z.optional(z.string()),
});
export type CallbackSummary = z.infer<typeof CallbackSummarySchema>;

export const AgentPresenceEntrySchema = z.object({
  agentId: AgentIdSchema,
  name: z.string(),
  presence: AgentPresenceSchema,
  /** How many active chats they have. */
  chats: z.number().check(z.int(), z.minimum(0)),
});
export type AgentPresenceEntry = z.infer<typeof AgentPresenceEntrySchema>;

/** `GET /v1/agent/chat/queue`: what the chat view shows beside the inbox. */
export const AgentChatQueueSchema = z.object({
  /** Waiting chats the agent may take, oldest first (their departments only, for specialists). */
  waiting: z.array(AgentChatSummarySchema),
  /** The agent's own active chats. */
  mine: z.array(AgentChatSummarySchema),
  /** Open call-back requests, soonest first. */
  callbacks: z.array(CallbackSummarySchema),
  /** Everyone's presence, for hand-over. */
  agents: z.array(AgentPresenceEntrySchema),
  /** The signed-in agent's own presence. */
  presence: AgentPresenceSchema,
});
export type AgentChatQueue = z.infer<typeof AgentChatQueueSchema>;

/** `GET /v1/agent/chat/sessions/{id}`: one chat with its messages. */
export const AgentChatSchema = z.object({
  ...AgentChatSummarySchema.shape,
  messages: z.array(ChatMessageSchema),
  /** Once ended: the case it was stored as. */
  caseReference: z.optional(CaseReferenceSchema),
  endedAt: z.optional(DateTimeSchema),
  /**
   * Until it ends: whether the citizen is still there — their page has the chat open (its stream
   * connected lately), or they acted in it. `false` once they have not been seen for a while.
   */
  citizenConnected: z.optional(z.boolean()),
  /** When the citizen was last seen connected (to within some seconds). */
  citizenSeenAt: z.optional(DateTimeSchema),
});
export type AgentChat = z.infer<typeof AgentChatSchema>;

/** `POST /v1/agent/chat/take`: a given waiting chat, or (without `id`) the next one in line. */
export const TakeChatInputSchema = z.object({ id: z.optional(ChatSessionIdSchema) });
export type TakeChatInput = z.infer<typeof TakeChatInputSchema>;

/** `POST /v1/agent/chat/sessions/{id}/handover`: to another available agent. */
export const HandoverInputSchema = z.object({ agentId: AgentIdSchema });
export type HandoverInput = z.infer<typeof HandoverInputSchema>;

/** `POST /v1/agent/chat/sessions/{id}/end`: end it, tagging the reason for contact. */
export const EndChatInputSchema = z.object({
  /** A configured reason for contact (`GET /v1/agent/reasons`). */
  reason: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type EndChatInput = z.infer<typeof EndChatInputSchema>;

/**
 * Events on `GET /v1/agent/chat/stream` (SSE). `chat.queue`: the queue changed (a chat waits, was
 * taken, ended, a call-back came, presence changed); data `{ id? }`, and the console reloads the
 * queue. `chat.offer`: the server offers this agent the next waiting chat; data `{ id }`; the agent
 * takes it (`POST /v1/agent/chat/take`) or lets the offer pass to someone else. A chat's own
 * messages, receipts and typing come on `GET /v1/agent/chat/sessions/{id}/stream` with the citizen
 * stream's event types (`CHAT_EVENTS`).
 */
export const AGENT_CHAT_EVENTS = { queue: 'chat.queue', offer: 'chat.offer' } as const;
