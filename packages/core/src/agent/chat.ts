import type { EventStream } from '../events/event-stream.js';
import type {
  ChatMessage,
  ChatReceipt,
  ChatSessionState,
  ChatTypingEvent,
} from '../schemas/chat.js';
import {
  CHAT_EVENTS,
  ChatMessageSchema,
  ChatReceiptSchema,
  ChatSessionStateSchema,
  ChatTypingEventSchema,
} from '../schemas/chat.js';
import type { AGENT_CHAT_EVENTS } from './chat-schemas.js';
import { AgentFeed, readAs } from './feed.js';

/*
 * The agent stream's event names, as `AGENT_CHAT_EVENTS` has them (checked by type): a value
 * import would bring the agent chat schemas into the console's first load with them.
 */
const QUEUE_EVENT: typeof AGENT_CHAT_EVENTS.queue = 'chat.queue';
const OFFER_EVENT: typeof AGENT_CHAT_EVENTS.offer = 'chat.offer';

/*
 * The agent's live chat feeds: the queue (`GET /v1/agent/chat/stream`) and one chat
 * (`GET /v1/agent/chat/sessions/{id}/stream`), both `AgentFeed`s (`feed.ts`); here each event's
 * data is checked by its schema and made a typed change.
 */

/** What the queue stream tells: the queue changed (reload it), or a chat is offered to you. */
export type AgentQueueChange =
  | { readonly type: 'queue'; readonly id?: string | undefined; readonly cursor: string }
  | { readonly type: 'offer'; readonly id: string; readonly cursor: string };

/** What a chat's stream tells, as the citizen's stream has it (`CHAT_EVENTS`). */
export type AgentChatChange =
  | { readonly type: 'message'; readonly message: ChatMessage; readonly cursor: string }
  | { readonly type: 'receipt'; readonly receipt: ChatReceipt; readonly cursor: string }
  | { readonly type: 'typing'; readonly typing: ChatTypingEvent; readonly cursor: string }
  | { readonly type: 'session'; readonly session: ChatSessionState; readonly cursor: string };

/**
 * One change of a chat feed, dispatched under the change's `type` (`queue`, `offer`, `message`,
 * `receipt`, `typing`, `session`).
 */
export class AgentChatFeedEvent<T extends { readonly type: string }> extends Event {
  readonly change: T;
  constructor(change: T) {
    super(change.type);
    this.change = change;
  }
}

/** A chat feed: an `AgentFeed` whose changes are dispatched under their `type`, resumable by id. */
class ChatFeed<T extends { readonly type: string }> extends AgentFeed<T> {
  protected eventOf(change: T): Event {
    return new AgentChatFeedEvent(change);
  }

  /** The id of the last event received: pass it as `after` to resume from there. */
  get lastEventId(): string {
    return this.stream.lastEventId;
  }
}

const idOf = (data: unknown): string | undefined => {
  const id = (data as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
};

/**
 * The chat queue followed live (`client.chat.watchQueue()`): `queue` when it changed (a chat
 * waits, was taken or ended, a call-back came, someone's presence changed; reload it with
 * `client.chat.queue()`) and `offer` when the server offers you the next waiting chat (take it
 * with `client.chat.take(id)`, or let it pass). Keeping it open is what marks you present.
 *
 * @since 0.5.0
 * @event queue - `AgentChatFeedEvent<AgentQueueChange>`: the queue changed.
 * @event offer - `AgentChatFeedEvent<AgentQueueChange>`: a waiting chat is offered to you.
 * @event open - Connected (again).
 * @event error - `EventStreamErrorEvent`: lost and reconnecting (`willRetry`), or ended.
 */
export class AgentQueueWatch extends ChatFeed<AgentQueueChange> {
  constructor(stream: EventStream) {
    super(stream, {
      [QUEUE_EVENT]: (data, cursor) => {
        const id = idOf(data);
        return { type: 'queue', ...(id ? { id } : {}), cursor };
      },
      [OFFER_EVENT]: (data, cursor) => {
        const id = idOf(data);
        return id ? { type: 'offer', id, cursor } : undefined;
      },
    });
  }
}

/**
 * One chat followed live (`client.chat.watch(id)`): its messages (both sides and the server's
 * system lines), receipts, the citizen's typing and changes of the session (hand-over, ended).
 * Resumes from `Last-Event-ID` after a drop with nothing lost or repeated; typing is not kept by
 * the server and may be missed.
 *
 * @since 0.5.0
 * @event message - `AgentChatFeedEvent<AgentChatChange>` with a `ChatMessage`.
 * @event receipt - … with a `ChatReceipt` (messages delivered or read).
 * @event typing - … with a `ChatTypingEvent`.
 * @event session - … with the `ChatSessionState`.
 * @event open - Connected (again).
 * @event error - `EventStreamErrorEvent`: lost and reconnecting (`willRetry`), or ended.
 */
export class AgentChatWatch extends ChatFeed<AgentChatChange> {
  constructor(stream: EventStream) {
    super(stream, {
      [CHAT_EVENTS.message]: readAs(ChatMessageSchema, (message, cursor) => ({
        type: 'message',
        message,
        cursor,
      })),
      [CHAT_EVENTS.receipt]: readAs(ChatReceiptSchema, (receipt, cursor) => ({
        type: 'receipt',
        receipt,
        cursor,
      })),
      [CHAT_EVENTS.typing]: readAs(ChatTypingEventSchema, (typing, cursor) => ({
        type: 'typing',
        typing,
        cursor,
      })),
      [CHAT_EVENTS.session]: readAs(ChatSessionStateSchema, (session, cursor) => ({
        type: 'session',
        session,
        cursor,
      })),
    });
  }
}
