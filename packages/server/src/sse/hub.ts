import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import { ProblemError } from '../http/http-error.js';
import { SseConnection } from './connection.js';
import type { Cursor, EventFeed } from './feed.js';
import { readLastEventId } from './last-event-id.js';
import { createSharedReader } from './shared-reads.js';
import { encode, eventText, reconnectText, startText } from './wire.js';
import { createWriteSlices } from './write-slices.js';

/** Options for `createSseHub`. */
export interface SseHubOptions {
  /** The event log the streams are read from. */
  feed: EventFeed;
  /** Milliseconds between heartbeat comments on every stream. Default `15_000`. */
  heartbeatMs?: number;
  /** The `retry:` hint: milliseconds a client waits before reconnecting. Default `2_000`. */
  retryMs?: number;
  /** Events read from the log at a time. Default `100`. */
  batchSize?: number;
  /**
   * Bytes that may wait for one client's socket; the log is not read for it beyond this (it
   * falls behind, and catches up as it reads). Default 256 KiB.
   */
  maxBufferedBytes?: number;
  /** Milliseconds a client ended on purpose has to take its last event before it is cut off. Default `2_000`. */
  closeGraceMs?: number;
  /** Reading the log failed (the stream ended; the client reconnects, backing off). Default: `console.error`. */
  onError?: (error: unknown, stream: string) => void;
}

/** An event sent before the log's events, not itself in the log (see `RespondOptions.initial`). */
export interface InitialEvent {
  /** Its `event:` type (one line). */
  type: string;
  /** Its `data:`, as JSON. */
  data: unknown;
}

/** Where a client without a last event id starts. */
export interface RespondOptions {
  /** `'start'`: every event of the stream (default); `'now'`: only events after this request. */
  from?: 'start' | 'now';
  /**
   * For a client without a last event id: the event its stream begins with, e.g. the state the
   * log's events change (the notices that are current), so that a page needs one request, not a
   * list and then the stream. Called after the stream has taken its place in the log: what
   * changed before is in it, what changes after comes as events (maybe both: the events then say
   * the same again). It carries no `id:`, so a client's last event id is always a log event's.
   * If it throws, so does `respond` (nothing has been opened).
   */
  initial?: () => Promise<InitialEvent>;
  /**
   * Milliseconds after which the stream ends with the reconnect event (reason `recheck`): the
   * client comes back with its last id, and the route checks its access again. For streams
   * behind a session, which may end (sign-out, expiry) while the stream is open.
   */
  maxDurationMs?: number;
}

/** The open event streams of a server, and the one way to answer with one. */
export interface SseHub {
  /**
   * Answers a request with the event stream `stream` (e.g. `notices:gata`), resuming after the
   * client's `Last-Event-ID` header or `lastEventId` query parameter. Check access before
   * calling it. Throws a `400 validation_failed` `ProblemError` for an id this server never sent.
   */
  respond(c: Context, stream: string, options?: RespondOptions): Promise<Response>;
  /** How many streams are open. */
  readonly size: number;
  /**
   * Ends every stream with the reconnect event (clients come back to another instance with their
   * last id) and answers new requests the same way. Resolves when every stream is over: taken by
   * its client, or cut off after the grace time. Call it before the HTTP server's `close()`,
   * which otherwise waits for open streams.
   */
  close(): Promise<void>;
}

const DEFAULTS = {
  heartbeatMs: 15_000,
  retryMs: 2_000,
  batchSize: 100,
  maxBufferedBytes: 256 * 1024,
  closeGraceMs: 2_000,
} as const;

/** Socket writes in one turn of the event loop: some 5 ms on a small machine. */
const WRITES_PER_TURN = 500;

/**
 * Headers for every stream. `no-transform` and `X-Accel-Buffering: no` keep proxies (nginx,
 * compressing CDNs) from holding events back to buffer or compress them. No `Connection` or
 * `Transfer-Encoding`: they are hop-by-hop and not allowed in HTTP/2.
 */
export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
} as const;

/**
 * The one SSE endpoint helper for every stream (a case, a chat, a department's notices): a
 * registry of open streams over one `EventFeed`, with heartbeats, per-client flow control and
 * graceful shutdown.
 *
 * Under @hono/node-server it writes to the Node response directly once the headers are out (see
 * `SseConnection`); elsewhere (`app.request`, other runtimes) the `Response` body carries it all.
 *
 * Written on Hono's `Response` body rather than `hono/streaming`'s `streamSSE`: that one awaits
 * each write into a `TransformStream`, so it can block a writer but cannot say how much a client
 * has left unread, nor drop it; and it sets `Connection` and `Transfer-Encoding`, which HTTP/2
 * forbids, without a charset.
 *
 * @example
 * const sse = createSseHub({ feed });
 * app.get('/v1/notices/stream', (c) => sse.respond(c, `notices:${department}`, { from: 'now' }));
 * // on shutdown, before server.close():
 * await sse.close();
 */
export function createSseHub(options: SseHubOptions): SseHub {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const feed = createSharedReader(options.feed);
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  const open = new Set<SseConnection>();
  const schedule = createWriteSlices(WRITES_PER_TURN);
  let closing: Promise<void> | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const startHeartbeat = () => {
    heartbeat ??= setInterval(() => {
      // Judged after this turn's I/O: a process that got no CPU for a while runs its expired
      // timers first when it wakes, before the poll phase has seen the drains that happened
      // meanwhile, and every client with data waiting would look as if it had taken nothing.
      setImmediate(() => {
        for (const connection of open) connection.tick();
      });
    }, settings.heartbeatMs);
    heartbeat.unref?.();
  };
  const stopHeartbeat = () => {
    clearInterval(heartbeat);
    heartbeat = undefined;
  };

  return {
    async respond(c, stream, respondOptions = {}) {
      const last = readLastEventId(c);
      if (last === null) {
        throw new ProblemError(400, 'validation_failed', {
          detail: 'Last-Event-ID is not an event id of this server.',
          errors: [{ field: 'Last-Event-ID', pointer: '', code: 'invalid_format' }],
        });
      }
      // HEAD: the headers, and no stream that nobody would ever read.
      if (c.req.method === 'HEAD') return c.body(null, 200, EVENT_STREAM_HEADERS);
      if (closing) return goAway(c, settings.retryMs);
      const after: Cursor = last ?? (respondOptions.from === 'now' ? await options.feed.head() : 0);
      const initial =
        last === undefined && respondOptions.initial
          ? encode(eventText(await respondOptions.initial()))
          : undefined;
      if (closing) return goAway(c, settings.retryMs);
      const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
      const connection: SseConnection = new SseConnection({
        feed,
        stream,
        after,
        initial,
        retryMs: settings.retryMs,
        batchSize: settings.batchSize,
        maxBufferedBytes: settings.maxBufferedBytes,
        closeGraceMs: settings.closeGraceMs,
        outgoing,
        schedule,
        onError: (error) => onError(error, stream),
        onEnd: () => {
          open.delete(connection);
          if (open.size === 0) stopHeartbeat();
        },
      });
      open.add(connection);
      startHeartbeat();
      if (respondOptions.maxDurationMs !== undefined) {
        const recheck = setTimeout(
          () => connection.end('recheck'),
          Math.max(0, respondOptions.maxDurationMs),
        );
        recheck.unref?.();
        void connection.ended.then(() => clearTimeout(recheck));
      }
      // The client went away; also before the body was ever read, when nothing cancels it.
      c.req.raw.signal.addEventListener('abort', () => connection.abort(), { once: true });
      return c.body(connection.body, 200, EVENT_STREAM_HEADERS);
    },

    get size() {
      return open.size;
    },

    close() {
      closing ??= (async () => {
        const connections = [...open];
        for (const connection of connections) connection.end('shutdown');
        await Promise.all(connections.map((connection) => connection.ended));
        stopHeartbeat();
      })();
      return closing;
    },
  };
}

/**
 * The answer to a request that arrives while the server is closing: a stream that says at once
 * to reconnect. A `503` would do for `EventStream`, but `EventSource` never retries one.
 */
function goAway(c: Context, retryMs: number): Response {
  return c.body(startText(retryMs) + reconnectText('shutdown'), 200, EVENT_STREAM_HEADERS);
}

/** `options` without its `undefined` values, so they do not override the defaults. */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
