import type { ZodMiniType } from 'zod/mini';
import type { KontaktError } from '../errors/KontaktError.js';
import { EventStreamErrorEvent } from '../events/error-event.js';
import { EventStream } from '../events/event-stream.js';

/*
 * What the agent client's live feeds share (`client.cases.watch()`, `client.chat.watchQueue()`,
 * `client.chat.watch(id)`): one `EventStream` of the core's SSE reader (resumed with
 * `Last-Event-ID`), each event's data read into a typed change, handed on as an event and through
 * one async iterator that keeps every change in order (unlike the citizen's `LatestFeed`, which
 * keeps only the newest value: staff must not miss a message or a case).
 */

/** How one SSE event type becomes a change: `undefined` for data that does not fit. */
export type FeedReader<T> = (data: unknown, cursor: string) => T | undefined;

/** A reader that checks the data with `schema` and makes the change of what passed. */
export const readAs =
  <S, T>(schema: ZodMiniType<S>, change: (data: S, cursor: string) => T): FeedReader<T> =>
  (data, cursor) => {
    const parsed = schema.safeParse(data);
    return parsed.success ? change(parsed.data, cursor) : undefined;
  };

/** Changes a feed keeps for its iterator: a reader that far behind reloads anyway. */
const MAX_UNREAD = 1000;

/**
 * A live feed over one `EventStream`: every change in order, as the event `eventOf` makes and
 * through one async iterator (kept from the start, so none is lost before you ask). Reconnects by
 * itself; close it when done.
 *
 * @event open - Connected (again).
 * @event error - `EventStreamErrorEvent`: lost and reconnecting (`willRetry`), or ended.
 */
export abstract class AgentFeed<T> extends EventTarget implements AsyncIterable<T> {
  protected readonly stream: EventStream;
  readonly #unread: T[] = [];
  #wake: (() => void) | undefined;

  constructor(stream: EventStream, readers: Record<string, FeedReader<T>>) {
    super();
    this.stream = stream;
    for (const [type, read] of Object.entries(readers)) {
      stream.addEventListener(type, (event: MessageEvent<string>) => {
        const change = read(parseJson(event.data), event.lastEventId);
        if (!change) return;
        // A feed followed by events alone must not grow without end: the oldest go first.
        if (this.#unread.push(change) > MAX_UNREAD) this.#unread.shift();
        this.#wake?.();
        this.dispatchEvent(this.eventOf(change));
      });
    }
    stream.addEventListener('open', () => this.dispatchEvent(new Event('open')));
    stream.addEventListener('error', (event) => {
      this.#wake?.();
      this.dispatchEvent(new EventStreamErrorEvent(event.error, event.willRetry));
    });
  }

  /** The event a change is dispatched as. */
  protected abstract eventOf(change: T): Event;

  /** The error that ended the stream, if one did (e.g. `unauthorized`, `chat_not_found`). */
  get error(): KontaktError | undefined {
    return this.stream.error;
  }

  /** Stops following; iterators end. */
  close(): void {
    this.stream.close();
    this.#wake?.();
  }

  /** The changes in order, from when the feed was made. One reader: iterators share them. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: async () => {
        for (;;) {
          const change = this.#unread.shift();
          if (change) return { done: false, value: change };
          if (this.stream.readyState === 'closed') return { done: true, value: undefined };
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

/** Where a resource's live streams connect, and with which `fetch`. */
export interface AgentStreamOptions {
  endpoint: string;
  fetch?: typeof fetch | undefined;
}

/**
 * Opens the agent API's stream at `path` with the session cookie, resuming after `after` (a
 * change's `cursor`) when given.
 */
export function openAgentStream(
  stream: AgentStreamOptions,
  path: string,
  options: { after?: string | undefined; signal?: AbortSignal | undefined },
): EventStream {
  return new EventStream(`${stream.endpoint}/${path}`, {
    credentials: 'include',
    ...(stream.fetch ? { fetch: stream.fetch } : {}),
    ...(options.after ? { lastEventId: options.after } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
