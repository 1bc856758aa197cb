import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import { internalError, KontaktError } from '../errors/KontaktError.js';
import { NetworkError } from '../errors/NetworkError.js';
import { retryAfterMs } from '../retry-after.js';
import type { ReconnectOptions } from './backoff.js';
import { DEFAULT_RECONNECT, reconnectDelay } from './backoff.js';
import { EventStreamErrorEvent } from './error-event.js';
import type { EventStreamMessage } from './parser.js';
import { EventStreamParser } from './parser.js';
import { LAST_EVENT_ID_PARAM, RECONNECT_EVENT } from './protocol.js';

/** `connecting` (first time or again), `open` (receiving), or `closed` for good. */
export type EventStreamState = 'connecting' | 'open' | 'closed';

/** Options for `EventReader` (and `EventStream`, which adds how it asks). */
export interface EventReaderOptions {
  /** Where to resume: the id of the last event already seen (e.g. from an earlier page load). */
  lastEventId?: string | undefined;
  /** Closes the stream when aborted, as `close()` does. */
  signal?: AbortSignal | undefined;
  /** Waits between connections (the server's `retry:` replaces `initial`). */
  reconnect?: ReconnectOptions | undefined;
  /**
   * Milliseconds without a byte (not even a heartbeat comment) after which a connection is taken
   * for dead and replaced: a mobile network or a NAT can drop one without either end noticing,
   * and a server may take the request and never answer. Default `45_000` (three of the kontakt
   * server's heartbeats); `0` never.
   */
  idleTimeout?: number | undefined;
  /** The `fetch` to use (tests, SSR, a client's own). Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
}

/** Options for `EventStream`. */
export interface EventStreamOptions extends EventReaderOptions {
  /**
   * Headers for every connection, e.g. an `Authorization`. A function is called before each
   * connection, so a token can be renewed between them. `Accept` and `Last-Event-ID` are set
   * by the stream.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>) | undefined;
  /** The `fetch` credentials mode, e.g. `'include'` to send cookies cross-origin. */
  credentials?: RequestCredentials | undefined;
  /**
   * How the last event id travels: the `Last-Event-ID` header (default), or the `lastEventId`
   * query parameter, which spares a cross-origin page a CORS preflight per connection.
   */
  lastEventIdIn?: 'header' | 'query' | undefined;
}

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

const EVENT_STREAM = 'text/event-stream';

/** Three heartbeats of the kontakt server (one every 15 s). */
const DEFAULT_IDLE_TIMEOUT = 45_000;

/** A connection that lasted this long was good even if it carried no event: backoff starts over. */
const GOOD_CONNECTION_MS = 10_000;

/** How one connection ended: for good, or to be tried again (after at least `after` ms). */
type Outcome =
  | { final: KontaktError }
  | { retry: KontaktError | undefined; good: boolean; after?: number | undefined };

/** Where an async iterator waits for messages. */
interface Sink {
  push(message: EventStreamMessage): void;
  end(): void;
}

/**
 * The core's one Server-Sent Events reader, over `fetch`: it connects at once, resumes from the
 * last event id after every drop, waits the server's `retry:` (doubling while connecting fails,
 * capped, with jitter; back to the start after a good connection), and reconnects when the server
 * says so (it is shutting down). Network trouble never throws. `204` and `4xx` other than
 * `408`/`429` end the stream for good. Free of ky and zod.
 *
 * What it reads goes to three methods a subclass overrides: `EventStream` dispatches events and
 * feeds its async iterator; a reader that must load as little as it can (`watchNotices`, for
 * `<kc-notice>` on every page) overrides them itself and carries neither. How it asks is a fourth,
 * `request`: on its own a plain `GET` with the last event id as the `lastEventId` query parameter
 * (no header, so no CORS preflight); `EventStream` sends headers too.
 *
 * @since 0.3.0
 */
// An EventTarget only so that EventStream, which extends it, is one: it dispatches nothing itself.
export class EventReader<
  Options extends EventReaderOptions = EventReaderOptions,
> extends EventTarget {
  /** The absolute URL the stream connects to. */
  readonly url: string;
  readonly #options: Options;
  #state: EventStreamState = 'connecting';
  #lastEventId: string;
  #error: KontaktError | undefined;
  /** The wait before a first reconnection: the server's `retry:` once it sent one. */
  #retry: number;
  #connection: AbortController | undefined;
  #wake: (() => void) | undefined;

  constructor(url: string | URL, options: Options = {} as Options) {
    super();
    this.url = new URL(url, globalThis.location?.href).href;
    this.#options = options;
    this.#lastEventId = options.lastEventId ?? '';
    this.#retry = options.reconnect?.initial ?? DEFAULT_RECONNECT.initial;
    const { signal } = options;
    if (signal?.aborted) {
      this.#state = 'closed';
      return;
    }
    signal?.addEventListener('abort', () => this.close(), { once: true });
    this.#run().catch((error: unknown) => this.#fail(internalError(error)));
  }

  /** Where the stream is: `connecting`, `open` or `closed`. */
  get readyState(): EventStreamState {
    return this.#state;
  }

  /** The id of the last event received (sent when reconnecting). */
  get lastEventId(): string {
    return this.#lastEventId;
  }

  /** Why the stream closed by itself, when it did; `undefined` while open or after `close()`. */
  get error(): KontaktError | undefined {
    return this.#error;
  }

  /** Stops for good: the connection is dropped and nothing more is read. */
  close(): void {
    if (this.#closed()) return;
    this.#state = 'closed';
    this.#connection?.abort();
    this.#wake?.();
  }

  /** A connection is open (again): events flow. */
  protected opened(): void {}

  /** An event, in order (not the server's reconnect request, which the reader handles). */
  protected received(_message: EventStreamMessage): void {}

  /**
   * The connection was lost and is being replaced (`willRetry`), or the stream is closed for
   * good (`readyState` is `closed` already; `error` says why).
   */
  protected failed(_error: KontaktError, _willRetry: boolean): void {}

  /**
   * Asks for one connection (`signal` drops it), given the options the reader was made with: a
   * `GET` of `url` with their `fetch` asking for an event stream, the last event id (when there
   * is one) as the `lastEventId` query parameter, which needs no CORS preflight. A subclass may
   * ask otherwise (`EventStream` sends headers); it is called from the constructor on, so it must
   * not need the subclass's own fields.
   */
  protected request(signal: AbortSignal, options: Options): Promise<Response> {
    const url = new URL(this.url);
    if (this.#lastEventId) url.searchParams.set(LAST_EVENT_ID_PARAM, this.#lastEventId);
    return (options.fetch ?? fetch)(url.href, {
      headers: { accept: EVENT_STREAM },
      cache: 'no-store',
      signal,
    });
  }

  async #run(): Promise<void> {
    let attempt = 0;
    while (!this.#closed()) {
      const outcome = await this.#connect();
      if (this.#closed()) return;
      if ('final' in outcome) return this.#fail(outcome.final);
      attempt = outcome.good ? 1 : attempt + 1;
      this.#state = 'connecting';
      if (outcome.retry) this.failed(outcome.retry, true);
      const max = this.#options.reconnect?.max ?? DEFAULT_RECONNECT.max;
      await this.#sleep(Math.max(reconnectDelay(attempt, this.#retry, max), outcome.after ?? 0));
    }
  }

  /**
   * One connection, from the request until its body ends, fails, goes quiet for too long, or the
   * server asks for a reconnection.
   */
  async #connect(): Promise<Outcome> {
    const connection = new AbortController();
    this.#connection = connection;
    const idle = this.#options.idleTimeout ?? DEFAULT_IDLE_TIMEOUT;
    let quiet = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(watchdog);
      if (idle > 0) {
        watchdog = setTimeout(() => {
          quiet = true;
          connection.abort();
        }, idle);
      }
    };
    /** Set once it is open: then a connection that delivered or lasted was a good one. */
    let opened: number | undefined;
    let delivered = false;
    let reconnect = false;
    const good = () =>
      opened !== undefined && (delivered || Date.now() - opened >= GOOD_CONNECTION_MS);
    let cause: unknown;
    try {
      watch();
      const response = await this.request(connection.signal, this.#options);
      const refused = await refusal(response);
      if (refused || this.#closed()) return refused ?? { retry: undefined, good: false };
      this.#state = 'open';
      opened = Date.now();
      this.opened();
      const parser = new EventStreamParser(
        {
          onEvent: (message) => {
            if (reconnect || this.#closed()) return;
            delivered = true;
            this.#lastEventId = message.lastEventId;
            if (message.type === RECONNECT_EVENT) reconnect = true;
            else this.received(message);
          },
          onRetry: (milliseconds) => {
            this.#retry = milliseconds;
          },
        },
        this.#lastEventId,
      );
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      for (;;) {
        watch();
        const { done, value } = await reader.read();
        // The server ended the stream: lost, as when the network drops it.
        if (done || this.#closed()) break;
        parser.push(value);
        // An `id:` on an event without data moves the last event id without a dispatch.
        if (!reconnect) this.#lastEventId = parser.lastEventId;
        if (reconnect || this.#closed()) return { retry: undefined, good: true };
      }
    } catch (error) {
      cause = error;
    } finally {
      clearTimeout(watchdog);
      connection.abort();
    }
    const retry = quiet
      ? new NetworkError('The server sent nothing for too long.', { code: 'timeout' })
      : new NetworkError(
          opened === undefined
            ? 'The server could not be reached.'
            : 'The connection to the server was lost.',
          { cause },
        );
    return { retry, good: good() };
  }

  /** Read through a call: `close()` may have run during any await or handler. */
  #closed(): boolean {
    return this.#state === 'closed';
  }

  #fail(error: KontaktError): void {
    if (this.#closed()) return;
    this.#error = error;
    this.close();
    this.failed(error, false);
  }

  /** Waits before the next connection; `close()` ends the wait at once. */
  #sleep(milliseconds: number): Promise<void> {
    if (this.#closed()) return Promise.resolve();
    // `#wake` is left in place once the wait is over: clearing a fired timer and resolving a
    // settled promise again do nothing.
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, milliseconds);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/**
 * A Server-Sent Events stream read with `fetch`, so requests can carry headers: `EventSource`
 * with typed errors, backoff and an async iterator, on the core's one reader (`EventReader`).
 * Network trouble never throws: it is an `error` event with `willRetry` and `readyState`
 * `'connecting'`. The data is the server's text; parsing and checking it is the job of the
 * resource that opens the stream.
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
// The interface above adds only listener overloads, which EventTarget implements.
export class EventStream
  extends EventReader<EventStreamOptions>
  implements AsyncIterable<EventStreamMessage>
{
  readonly #sinks = new Set<Sink>();

  /** Stops for good: the connection is dropped, nothing more is dispatched, iterators end. */
  override close(): void {
    super.close();
    for (const sink of this.#sinks) sink.end();
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
          if (this.readyState === 'closed') {
            const { error } = this;
            const done = finish();
            if (error && error.status !== 204) throw error;
            return done;
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

  protected override opened(): void {
    this.dispatchEvent(new Event('open'));
  }

  /**
   * With the stream's own `fetch`, headers and credentials, and the last event id (when there is
   * one) in the `Last-Event-ID` header or, when asked, the `lastEventId` query parameter.
   */
  protected override async request(
    signal: AbortSignal,
    options: EventStreamOptions,
  ): Promise<Response> {
    const { fetch: fetcher = fetch, headers: own, credentials, lastEventIdIn } = options;
    const headers = new Headers(typeof own === 'function' ? await own() : own);
    headers.set('accept', EVENT_STREAM);
    const url = new URL(this.url);
    const id = this.lastEventId;
    if (id && lastEventIdIn === 'query') url.searchParams.set(LAST_EVENT_ID_PARAM, id);
    else if (id) headers.set('last-event-id', id);
    // Without `credentials`, fetch's own default: `same-origin`.
    return fetcher(url.href, { headers, credentials, cache: 'no-store', signal } as RequestInit);
  }

  protected override received(message: EventStreamMessage): void {
    for (const sink of this.#sinks) sink.push(message);
    const { data, lastEventId } = message;
    const { origin } = new URL(this.url);
    this.dispatchEvent(new MessageEvent(message.type, { data, lastEventId, origin }));
  }

  protected override failed(error: KontaktError, willRetry: boolean): void {
    this.dispatchEvent(new EventStreamErrorEvent(error, willRetry));
  }
}

/** The outcome of an answer that is not an open event stream, or `undefined` when it is one. */
async function refusal(response: Response): Promise<Outcome | undefined> {
  const { status } = response;
  const type = response.headers.get('content-type') ?? '';
  if (status === 200 && /^text\/event-stream\s*(;|$)/i.test(type)) return undefined;
  const message = `The server answered ${status}.`;
  if (status === 408 || status === 429 || status >= 500) {
    await response.body?.cancel().catch(() => undefined);
    const after = retryAfterMs(response.headers);
    return { retry: new NetworkError(message, { status, retryAfter: after }), good: false, after };
  }
  if (status === 200) {
    await response.body?.cancel().catch(() => undefined);
    return { final: new InvalidResponseError('The answer is not an event stream.', { status }) };
  }
  // A final answer (a `4xx`, or `204`: nothing more to stream), with the server's own code and
  // detail when it sent a problem document.
  const body = (await response.json().catch(() => undefined)) as
    | { code?: unknown; detail?: unknown }
    | undefined;
  const detail = typeof body?.detail === 'string' ? body.detail : message;
  const code = typeof body?.code === 'string' ? body.code : 'http_error';
  return { final: new KontaktError(detail, { code, status }) };
}
