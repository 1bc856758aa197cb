import type { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';
import type { Cursor, StoredEvent, Unsubscribe } from './feed.js';
import type { SharedReader } from './shared-reads.js';
import type { ReconnectReason } from './wire.js';
import { chunkFrame, encode, encodeEvents, HEARTBEAT, reconnectText, startText } from './wire.js';

/** What one connection needs; the hub fills it in. */
export interface ConnectionSettings {
  feed: SharedReader;
  stream: string;
  /** Send the events after this one. */
  after: Cursor;
  /** Bytes sent before the log's events (after the `retry:` hint): the stream's `initial` event. */
  initial?: Uint8Array | undefined;
  retryMs: number;
  batchSize: number;
  maxBufferedBytes: number;
  closeGraceMs: number;
  /**
   * The Node response under the body, when there is one (`@hono/node-server`): once it has sent
   * the headers, the bytes are written to it directly. Without it, the body stream carries them.
   */
  outgoing: ServerResponse | undefined;
  /** Runs a write to the response now or in a later turn (see write-slices.ts). Default: now. */
  schedule?: (write: () => void) => void;
  onError: (error: unknown) => void;
  /** Called once, when the connection is over for whatever reason. */
  onEnd: () => void;
}

/**
 * One client's event stream: reads its stream from the log after its cursor and hands the bytes
 * to the socket only as fast as the socket takes them.
 *
 * The body is a pull stream (`highWaterMark` 0): @hono/node-server pulls the next chunk only
 * after the socket accepted the last one (`write()` returned true, or `drain`). What the socket
 * has not asked for waits here, in `#queue`. The log is read again only while the queue is under
 * `maxBufferedBytes`, so a slow client costs at most that much memory and holds up no one: it
 * falls behind in the log, which keeps everything, and catches up at its own pace. A client that
 * takes nothing while data waits for a whole heartbeat interval is stuck: it is sent the reconnect
 * event (it resumes from its last id) and cut off if it does not take that within the grace time.
 *
 * With the Node response at hand, the body carries only what @hono/node-server reads before it
 * writes the headers (as the app's middleware left them: CORS, security headers). From then on
 * every chunk is written to the response directly (on HTTP/1.1, to its socket, framed), with the
 * same flow control (`write()` returning false, then `drain`), in slices of the hub's turns. One
 * event to thousands of streams then costs one `write` each rather than a read promise, a
 * web-stream enqueue, a pull, and `ServerResponse.write`'s cork and `writev` each.
 */
export class SseConnection {
  readonly body: ReadableStream<Uint8Array>;
  /** Resolves when the connection is over: ended, cut, or the client went away. */
  readonly ended: Promise<void>;
  readonly #settings: ConnectionSettings;
  readonly #unsubscribe: Unsubscribe;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #queue: Uint8Array[] = [];
  #queuedBytes = 0;
  /** The socket asked for a chunk and none was waiting: the next one goes straight out. */
  #wanted = false;
  /** The socket took something since the last heartbeat tick. */
  #took = false;
  #cursor: Cursor;
  #state: 'open' | 'ending' | 'ended' = 'open';
  #reading = false;
  /** The log may hold more: read again (after a notification, or a batch that came back full). */
  #more = true;
  #grace: ReturnType<typeof setTimeout> | undefined;
  #resolveEnded!: () => void;
  /** The body has been asked for a chunk: it is what the server sends (not a replaced response). */
  #pulled = false;
  /** The headers are out: the body takes nothing more; chunks wait for `#goDirect`. */
  #switching = false;
  /** Set once the headers are out: from then on chunks are written here, not to the body. */
  #direct: Writable | undefined;
  /** `#direct` is the response's socket: chunks go to it framed as HTTP/1.1 chunks. */
  #framed = false;
  readonly #onDrain = () => this.#drained();
  /** A write to the response is scheduled (`settings.schedule`). */
  #scheduled = false;
  readonly #scheduledFlush = () => {
    this.#scheduled = false;
    if (this.#state !== 'ended' && this.#wanted && this.#queue.length > 0) this.#flush();
  };

  constructor(settings: ConnectionSettings) {
    this.#settings = settings;
    this.#cursor = settings.after;
    this.ended = new Promise((resolve) => {
      this.#resolveEnded = resolve;
    });
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => this.#pull(),
        cancel: () => this.#finish(),
      },
      { highWaterMark: 0 },
    );
    this.#push(encode(startText(settings.retryMs)));
    if (settings.initial) this.#push(settings.initial);
    if (settings.outgoing) afterHeaders(settings.outgoing, () => this.#headersSent());
    // Subscribed before the first read: an event added meanwhile is either read or notified.
    this.#unsubscribe = settings.feed.subscribe(settings.stream, () => this.#wake());
    this.#wake();
  }

  /** Bytes waiting for the socket (for tests and metrics). */
  get bufferedBytes(): number {
    return this.#queuedBytes;
  }

  /**
   * Called by the hub every heartbeat interval: a comment when nothing waits (proxies and
   * clients see the stream is alive), or the end for a client that has taken nothing since the
   * last tick while data waited.
   */
  tick(): void {
    if (this.#state !== 'open') return;
    const stuck = this.#queue.length > 0 && !this.#took;
    this.#took = false;
    if (stuck) this.end('too_slow');
    else if (this.#queue.length === 0) this.#push(HEARTBEAT);
  }

  /**
   * Ends the stream on purpose: the client gets the reconnect event (nothing that still waited:
   * it will ask for that again with its last id), and is cut off if it has not taken it within
   * the grace time.
   */
  end(reason: ReconnectReason): void {
    if (this.#state !== 'open') return;
    this.#state = 'ending';
    this.#unsubscribe();
    const last = encode(reconnectText(reason));
    this.#queue = [last];
    this.#queuedBytes = last.byteLength;
    if (this.#wanted) this.#flushSoon();
    else this.#grace = setTimeout(() => this.#cut(), this.#settings.closeGraceMs);
  }

  /** The client went away: stop reading and let go of everything. */
  abort(): void {
    this.#finish();
  }

  #wake(): void {
    this.#more = true;
    this.#read();
  }

  /** Reads the log after the cursor if it may hold more and there is room for it. */
  #read(): void {
    if (this.#reading || !this.#more || this.#state !== 'open') return;
    if (this.#queuedBytes >= this.#settings.maxBufferedBytes) return; // `#pull`, `#drained` resume
    this.#more = false;
    this.#reading = true;
    const { feed, stream, batchSize } = this.#settings;
    feed.read(stream, this.#cursor, batchSize, this.#onRead);
  }

  /** The answer to `#read`: queued for the socket, then the next read if there may be more. */
  readonly #onRead = (failed: boolean, events: readonly StoredEvent[], error?: unknown) => {
    this.#reading = false;
    try {
      if (failed) throw error;
      if (this.#state !== 'open') return;
      if (events.length > 0) {
        this.#push(encodeEvents(events));
        this.#cursor = (events[events.length - 1] as StoredEvent).cursor;
        if (events.length >= this.#settings.batchSize) this.#more = true;
      }
    } catch (problem) {
      this.#settings.onError(problem);
      this.#fail();
      return;
    }
    this.#read();
  };

  #push(bytes: Uint8Array): void {
    this.#queue.push(bytes);
    this.#queuedBytes += bytes.byteLength;
    if (this.#wanted) this.#flushSoon();
  }

  /** A chunk for a response that wants one: written directly, in the hub's slices. */
  #flushSoon(): void {
    const { schedule } = this.#settings;
    if (!this.#direct || !schedule) this.#flush();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      schedule(this.#scheduledFlush);
    }
  }

  /** The socket wants the next chunk (from the body: before the switch to direct writes). */
  #pull(): void {
    this.#pulled = true;
    if (this.#switching) return;
    this.#took = true;
    if (this.#queue.length === 0) {
      this.#wanted = true;
      return;
    }
    this.#flush();
    this.#read();
  }

  /**
   * The server wrote the headers for this body. It may still write chunks it read from the body
   * ahead (in this turn: at once, or after a promise), so the body takes nothing more and what
   * comes meanwhile waits in the queue; a turn later, every write goes to the response directly.
   * @hono/node-server writes the headers first and starts reading the body right after, in the
   * same turn, so whether the body is read is asked a turn later: a body the server never started
   * reading is not the response being sent, and nothing changes.
   */
  #headersSent(): void {
    if (this.#state === 'ended') return;
    this.#switching = true;
    this.#wanted = false;
    setImmediate(() => {
      if (this.#pulled) {
        this.#goDirect();
        return;
      }
      this.#switching = false;
    });
  }

  /** Writes to the response from now on (and what waited meanwhile, first). */
  #goDirect(): void {
    const outgoing = this.#settings.outgoing;
    if (!outgoing || this.#state === 'ended') return;
    const socket = outgoing.socket;
    // HTTP/1.1 with chunked encoding and nothing held in the response itself: the socket takes
    // the same framed bytes as the response would, without `ServerResponse.write`'s four writes,
    // cork and `writev` per chunk; the framed bytes of a batch are shared by every stream.
    // The response still writes the last chunk when it ends. Otherwise (HTTP/2), the response.
    this.#framed =
      outgoing.headersSent &&
      outgoing.chunkedEncoding === true &&
      socket !== null &&
      !socket.destroyed &&
      outgoing.writableLength === socket.writableLength;
    const direct: Writable = this.#framed ? (socket as Writable) : outgoing;
    this.#direct = direct;
    direct.on('drain', this.#onDrain);
    this.#wanted = direct.writableNeedDrain !== true;
    if (this.#wanted && this.#queue.length > 0) this.#flush();
    this.#read();
  }

  /** The response took what it buffered: it wants more. */
  #drained(): void {
    this.#took = true;
    this.#wanted = true;
    if (this.#queue.length > 0) this.#flush();
    this.#read();
  }

  /** Hands everything waiting to the socket as one chunk (it asked for one, so it goes now). */
  #flush(): void {
    const chunk = this.#queue.length === 1 ? (this.#queue[0] as Uint8Array) : concat(this.#queue);
    this.#queue = [];
    this.#queuedBytes = 0;
    if (this.#direct) {
      if (!this.#direct.destroyed) {
        this.#wanted = this.#direct.write(this.#framed ? chunkFrame(chunk) : chunk);
        // Taken at once (the socket is under its limit): a client that keeps up may never
        // make the socket drain, and must not count as stuck at the next tick.
        if (this.#wanted) this.#took = true;
      }
    } else {
      this.#wanted = false;
      this.#controller.enqueue(chunk);
    }
    if (this.#state === 'ending') {
      // Directly: the body's pending read ends too, and the server ends the response.
      this.#controller.close();
      this.#finish();
    }
  }

  /**
   * Reading the log failed: the stream just ends. Without the reconnect event a client counts
   * this as a failed connection and backs off, rather than coming back at once while the
   * database is down.
   */
  #fail(): void {
    if (this.#state !== 'open') return;
    this.#controller.close();
    this.#finish();
  }

  /** The client did not take its last event in time. */
  #cut(): void {
    if (this.#state === 'ended') return;
    const { outgoing } = this.#settings;
    if (outgoing) outgoing.destroy();
    else this.#controller.error(new Error('The client did not read its event stream.'));
    this.#finish();
  }

  #finish(): void {
    if (this.#state === 'ended') return;
    this.#state = 'ended';
    clearTimeout(this.#grace);
    this.#direct?.off('drain', this.#onDrain);
    this.#unsubscribe();
    this.#queue = [];
    this.#queuedBytes = 0;
    this.#resolveEnded();
    this.#settings.onEnd();
  }
}

/**
 * Calls `callback` when `outgoing` writes its headers. Node has no event for it, and
 * @hono/node-server writes the head only after the app is done with the response (middleware
 * sets headers after the handler), so its `writeHead` is wrapped, once.
 */
function afterHeaders(outgoing: ServerResponse, callback: () => void): void {
  const writeHead = outgoing.writeHead;
  outgoing.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    outgoing.writeHead = writeHead;
    const result = Reflect.apply(writeHead, this, args) as ServerResponse;
    callback();
    return result;
  } as ServerResponse['writeHead'];
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
