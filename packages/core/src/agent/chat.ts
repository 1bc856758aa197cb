import type { KontaktError } from '../errors/KontaktError.js';
import { EventStreamErrorEvent } from '../events/error-event.js';
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

/*
 * The agent stream's event names, as `AGENT_CHAT_EVENTS` has them (checked by type): a value
 * import would bring the agent chat schemas into the console's first load with them.
 */
const QUEUE_EVENT: typeof AGENT_CHAT_EVENTS.queue = 'chat.queue';
const OFFER_EVENT: typeof AGENT_CHAT_EVENTS.offer = 'chat.offer';

/*
 * The agent's live chat feeds: the queue (`GET /v1/agent/chat/stream`) and one chat
 * (`GET /v1/agent/chat/sessions/{id}/stream`). Both read the core's one SSE reader
 * (`EventStream`), which resumes with `Last-Event-ID`; here each event's data is checked by its
 * schema and handed on as a typed event and through an async iterator.
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

/** How one SSE event type becomes a change: `undefined` for data that does not fit. */
type Reader<T> = (data: unknown, cursor: string) => T | undefined;

/** Changes a feed keeps for its iterator: a reader that far behind reloads anyway. */
const MAX_UNREAD = 1000;

/**
 * A live feed over one `EventStream`: every change in order, as events and through one async
 * iterator (kept from the start, so none is lost before you ask). Reconnects by itself; close it
 * when done.
 */
class ChatFeed<T extends { readonly type: string }>
  extends EventTarget
  implements AsyncIterable<T>
{
  readonly #stream: EventStream;
  readonly #unread: T[] = [];
  #wake: (() => void) | undefined;

  constructor(stream: EventStream, readers: Record<string, Reader<T>>) {
    super();
    this.#stream = stream;
    for (const [type, read] of Object.entries(readers)) {
      stream.addEventListener(type, (event: MessageEvent<string>) => {
        const change = read(parseJson(event.data), event.lastEventId);
        if (!change) return;
        if (this.#unread.push(change) > MAX_UNREAD) this.#unread.shift();
        this.#wake?.();
        this.dispatchEvent(new AgentChatFeedEvent(change));
      });
    }
    stream.addEventListener('open', () => this.dispatchEvent(new Event('open')));
    stream.addEventListener('error', (event) => {
      this.#wake?.();
      this.dispatchEvent(new EventStreamErrorEvent(event.error, event.willRetry));
    });
  }

  /** The id of the last event received: pass it as `after` to resume from there. */
  get lastEventId(): string {
    return this.#stream.lastEventId;
  }

  /** The error that ended the stream, if one did (e.g. `unauthorized`, `chat_not_found`). */
  get error(): KontaktError | undefined {
    return this.#stream.error;
  }

  /** Stops following; iterators end. */
  close(): void {
    this.#stream.close();
    this.#wake?.();
  }

  /** The changes in order, from when the feed was made. One reader: iterators share them. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async () => {
        for (;;) {
          const change = this.#unread.shift();
          if (change) return { done: false, value: change };
          if (this.#stream.readyState === 'closed') return { done: true, value: undefined };
          await new Promise<void>((resolve) => {
            this.#wake = resolve;
          });
          this.#wake = undefined;
        }
      },
      return: async () => {
        this.close();
        return { done: true, value: undefined };
      },
    };
  }
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
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
      [CHAT_EVENTS.message]: (data, cursor) => {
        const parsed = ChatMessageSchema.safeParse(data);
        return parsed.success ? { type: 'message', message: parsed.data, cursor } : undefined;
      },
      [CHAT_EVENTS.receipt]: (data, cursor) => {
        const parsed = ChatReceiptSchema.safeParse(data);
        return parsed.success ? { type: 'receipt', receipt: parsed.data, cursor } : undefined;
      },
      [CHAT_EVENTS.typing]: (data, cursor) => {
        const parsed = ChatTypingEventSchema.safeParse(data);
        return parsed.success ? { type: 'typing', typing: parsed.data, cursor } : undefined;
      },
      [CHAT_EVENTS.session]: (data, cursor) => {
        const parsed = ChatSessionStateSchema.safeParse(data);
        return parsed.success ? { type: 'session', session: parsed.data, cursor } : undefined;
      },
    });
  }
}
