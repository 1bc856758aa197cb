import type { KontaktError } from '../errors/KontaktError.js';
import { EventStreamErrorEvent } from './error-event.js';
import type { EventStreamMessage } from './parser.js';
import type { EventStreamOptions, EventStreamState } from './reader.js';
import { EventReader } from './reader.js';

export type { EventStreamOptions, EventStreamState } from './reader.js';

/** The events an `EventStream` dispatches; each event type the server sends is a `MessageEvent`. */
export interface EventStreamEventMap {
  /** A connection is open (again): events flow. */
  open: Event;
  /** The connection was lost (`willRetry`) or the stream is closed for good. */
  error: EventStreamErrorEvent;
  /** Events the server sent without an `event:` field. */
  message: MessageEvent<string>;
}

/** Typed listeners: the lifecycle events, and a `MessageEvent` for any event type the server sends. */
export interface EventStream {
  addEventListener<K extends keyof EventStreamEventMap>(
    type: K,
    listener: (event: EventStreamEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: ((event: MessageEvent<string>) => void) | EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof EventStreamEventMap>(
    type: K,
    listener: (event: EventStreamEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: ((event: MessageEvent<string>) => void) | EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** Where an async iterator waits for messages. */
interface Sink {
  push(message: EventStreamMessage): void;
  end(): void;
}

/**
 * A Server-Sent Events stream read with `fetch`, so requests can carry headers: `EventSource`
 * with typed errors, backoff and an async iterator, on the core's one reader (`EventReader`). It connects at once, resumes with
 * `Last-Event-ID` after every drop, waits the server's `retry:` (doubling while connecting fails,
 * capped, with jitter; back to the start after a good connection), and reconnects when the
 * server says so (it is shutting down). Network trouble never throws: it is an `error` event
 * with `willRetry` and `readyState` `'connecting'`. `204` and `4xx` other than `408`/`429` end
 * the stream for good. Free of ky and zod: the data is the server's text; parsing and checking it
 * is the job of the resource that opens the stream.
 *
 * @since 0.3.0
 * @event open - A connection is open.
 * @event message - An event without an `event:` type (`MessageEvent`, `data` is a string).
 * @event error - `EventStreamErrorEvent`: lost and reconnecting, or closed for good.
 * @example
 * const stream = new EventStream(`${endpoint}/v1/notices/stream?department=gata`);
 * stream.addEventListener('notice.published', (event) => show(JSON.parse(event.data)));
 * // or
 * for await (const event of stream) console.log(event.type, event.data);
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface adds only listener overloads, which EventTarget implements.
export class EventStream extends EventTarget implements AsyncIterable<EventStreamMessage> {
  /** The absolute URL the stream connects to. */
  readonly url: string;
  readonly #reader: EventReader;
  /** The origin of the `MessageEvent`s, as `EventSource` gives it. */
  readonly #origin: string;
  readonly #sinks = new Set<Sink>();

  constructor(url: string | URL, options: EventStreamOptions = {}) {
    super();
    this.#reader = new EventReader(url, options, {
      onOpen: () => this.dispatchEvent(new Event('open')),
      onEvent: (message) => this.#deliver(message),
      onError: (error, willRetry) => {
        if (!willRetry) this.#end();
        this.dispatchEvent(new EventStreamErrorEvent(error, willRetry));
      },
    });
    this.url = this.#reader.url;
    this.#origin = new URL(this.url).origin;
    // Closed by its signal: the loops end too.
    options.signal?.addEventListener('abort', () => this.#end(), { once: true });
  }

  /** Where the stream is: `connecting`, `open` or `closed`. */
  get readyState(): EventStreamState {
    return this.#reader.state;
  }

  /** The id of the last event received (sent as `Last-Event-ID` when reconnecting). */
  get lastEventId(): string {
    return this.#reader.lastEventId;
  }

  /** Why the stream closed by itself, when it did; `undefined` while open or after `close()`. */
  get error(): KontaktError | undefined {
    return this.#reader.error;
  }

  /** Stops for good: the connection is dropped, nothing more is dispatched, iterators end. */
  close(): void {
    this.#reader.close();
    this.#end();
  }

  /**
   * Every event (of any type) in order. Breaking out of the loop closes the stream. The loop ends
   * when the stream is closed; it throws the `KontaktError` when the server refused the stream
   * (a `4xx`), and ends quietly after a `204`.
   */
  [Symbol.asyncIterator](): AsyncIterator<EventStreamMessage> {
    const queue: EventStreamMessage[] = [];
    let wake: (() => void) | undefined;
    const sink: Sink = {
      push: (message) => {
        queue.push(message);
        wake?.();
      },
      end: () => wake?.(),
    };
    this.#sinks.add(sink);
    const finish = (): IteratorResult<EventStreamMessage> => {
      this.#sinks.delete(sink);
      return { done: true, value: undefined };
    };
    return {
      next: async () => {
        for (;;) {
          const message = queue.shift();
          if (message) return { done: false, value: message };
          if (this.#reader.state === 'closed') {
            const error = this.#reader.error;
            finish();
            if (error && error.status !== 204) throw error;
            return { done: true, value: undefined };
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
      },
      return: async () => {
        this.close();
        return finish();
      },
    };
  }

  #deliver(message: EventStreamMessage): void {
    for (const sink of this.#sinks) sink.push(message);
    const { data, lastEventId } = message;
    this.dispatchEvent(new MessageEvent(message.type, { data, lastEventId, origin: this.#origin }));
  }

  /** Wakes every waiting loop: the stream is closed. */
  #end(): void {
    for (const sink of this.#sinks) sink.end();
  }
}
