import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KontaktError } from '../errors/KontaktError.js';
import { isNetworkError } from '../errors/NetworkError.js';
import type { EventStreamErrorEvent } from './error-event.js';
import { EventReader, EventStream } from './event-stream.js';
import type { EventStreamMessage } from './parser.js';
import { RECONNECT_EVENT } from './protocol.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * A real HTTP server that answers each request with the next handler in line, and remembers
 * every request so tests can check what the reader sent.
 */
class ScriptedServer {
  readonly requests: IncomingMessage[] = [];
  readonly #handlers: Handler[] = [];
  readonly #waiting: (() => void)[] = [];
  readonly #server: Server;
  url = '';

  constructor() {
    this.#server = createServer((req, res) => {
      this.requests.push(req);
      for (const wake of this.#waiting.splice(0)) wake();
      const handler =
        this.#handlers.shift() ?? ((_, response) => void response.writeHead(500).end());
      void handler(req, res);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/stream`;
  }

  /** Queues how the next requests are answered. */
  answer(...handlers: Handler[]): this {
    this.#handlers.push(...handlers);
    return this;
  }

  /** Resolves once `count` requests have arrived. */
  async requestCount(count: number): Promise<IncomingMessage> {
    while (this.requests.length < count) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    return this.requests[count - 1] as IncomingMessage;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/**
 * The idle timeout of the tests that wait for it: long enough that a stream which does send is
 * not given up on a machine busy with other tests (50 ms once was: the retry then met no answer).
 */
const IDLE_MS = 500;

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
};

/** Answers with an event stream written in `chunks` (each its own write and TCP segment). */
const stream =
  (chunks: (string | Buffer)[], end: 'end' | 'destroy' | 'hold' = 'end'): Handler =>
  async (_req, res) => {
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders();
    for (const chunk of chunks) {
      res.write(chunk);
      // Lets the chunk leave as its own segment before the next is written.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (end === 'end') res.end();
    else if (end === 'destroy') res.socket?.destroy();
  };

const status =
  (code: number, headers: Record<string, string> = {}, body?: unknown): Handler =>
  (_req, res) => {
    res.writeHead(
      code,
      body === undefined ? headers : { 'content-type': 'application/problem+json', ...headers },
    );
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

/** The first `count` messages of a stream, read with `for await`. */
async function take(events: EventStream, count: number): Promise<EventStreamMessage[]> {
  const taken: EventStreamMessage[] = [];
  if (count === 0) return taken;
  for await (const message of events) {
    taken.push(message);
    if (taken.length === count) break;
  }
  return taken;
}

/** The next `error` event. */
const nextError = (events: EventStream) =>
  new Promise<EventStreamErrorEvent>((resolve) =>
    events.addEventListener('error', resolve, { once: true }),
  );

let server: ScriptedServer;
beforeEach(async () => {
  server = new ScriptedServer();
  await server.start();
});
afterEach(() => server.close());

describe('EventStream over real HTTP', () => {
  it('reads events whose bytes arrive cut mid-line, mid-character and mid-CRLF', async () => {
    const text = Buffer.from('id: 1\r\nevent: notice\r\ndata: Översvämning på Storgatan\r\n\r\n');
    const cut = text.indexOf(Buffer.from('Ö')) + 1; // between the two bytes of Ö
    const crlf = text.indexOf('\r\n\r\n') + 1; // between CR and LF
    server.answer(
      stream(
        [
          '\uFEFFretry: 10',
          '\r\n: ok\r\n\r\n',
          text.subarray(0, 4),
          text.subarray(4, cut),
          text.subarray(cut, crlf),
          text.subarray(crlf),
          'data: second\r',
          '\r',
        ],
        'hold',
      ),
    );
    const events = new EventStream(server.url);
    expect(await take(events, 2)).toEqual([
      { type: 'notice', data: 'Översvämning på Storgatan', lastEventId: '1' },
      { type: 'message', data: 'second', lastEventId: '1' },
    ]);
    expect(events.readyState).toBe('closed');
  });

  it('asks for an event stream, dispatches open and typed MessageEvents', async () => {
    server.answer(stream(['event: notice\ndata: {"id":"a"}\nid: 3\n\n'], 'hold'));
    const events = new EventStream(server.url, { headers: { authorization: 'Bearer t' } });
    const opened = new Promise((resolve) => events.addEventListener('open', resolve));
    const notice = new Promise<MessageEvent<string>>((resolve) =>
      events.addEventListener('notice', resolve),
    );
    await opened;
    expect(events.readyState).toBe('open');
    const event = await notice;
    expect([event.data, event.lastEventId, event.origin]).toEqual([
      '{"id":"a"}',
      '3',
      new URL(server.url).origin,
    ]);
    const request = server.requests[0];
    expect(request?.headers.accept).toBe('text/event-stream');
    expect(request?.headers.authorization).toBe('Bearer t');
    expect(request?.headers['last-event-id']).toBeUndefined();
    events.close();
  });

  it('reconnects after a dropped connection with Last-Event-ID, after the server’s retry', async () => {
    server.answer(
      stream(['retry: 30\n\nid: 1\ndata: a\n\nid: 2\ndata: b\n\n'], 'destroy'),
      stream(['id: 3\ndata: c\n\n'], 'hold'),
    );
    // Were the server's retry not honoured, the wait would be at least 5 s.
    const events = new EventStream(server.url, { reconnect: { initial: 10_000 } });
    const lost = nextError(events);
    const started = Date.now();
    const received: string[] = [];
    events.addEventListener('message', (event) => received.push(event.data));
    const error = await lost;
    expect(error.willRetry).toBe(true);
    expect(isNetworkError(error.error)).toBe(true);
    expect(events.readyState).toBe('connecting');
    const second = await server.requestCount(2);
    expect(second.headers['last-event-id']).toBe('2');
    expect(Date.now() - started).toBeLessThan(3_000);
    await new Promise((resolve) => events.addEventListener('open', resolve, { once: true }));
    await new Promise((resolve) => events.addEventListener('message', resolve, { once: true }));
    expect(received).toEqual(['a', 'b', 'c']);
    expect(events.lastEventId).toBe('3');
    events.close();
  });

  it('sends the last event id it was given, also as a query parameter when asked', async () => {
    server.answer(stream([], 'destroy'), stream([], 'hold'));
    const events = new EventStream(`${server.url}?department=gata`, {
      lastEventId: '41',
      lastEventIdIn: 'query',
      reconnect: { initial: 10 },
    });
    const first = await server.requestCount(1);
    expect(first.url).toBe('/stream?department=gata&lastEventId=41');
    expect(first.headers['last-event-id']).toBeUndefined();
    events.close();
  });

  it('reconnects at once on the server’s reconnect event, which listeners never see', async () => {
    server.answer(
      stream([`retry: 20\n\nid: 7\ndata: a\n\nevent: ${RECONNECT_EVENT}\ndata: {}\n\n`], 'hold'),
      stream(['id: 8\ndata: b\n\n'], 'hold'),
    );
    const events = new EventStream(server.url);
    const errors: unknown[] = [];
    events.addEventListener('error', (event) => errors.push(event));
    const types: string[] = [];
    events.addEventListener(RECONNECT_EVENT, () => types.push(RECONNECT_EVENT));
    const messages = await take(events, 2);
    expect(messages.map((message) => message.data)).toEqual(['a', 'b']);
    expect(server.requests[1]?.headers['last-event-id']).toBe('7');
    expect(types).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('retries 5xx, 408 and 429 (honouring Retry-After), then opens', async () => {
    server.answer(
      status(503, { 'retry-after': '0' }),
      status(408),
      status(429, { 'retry-after': '0' }),
      stream(['data: up\n\n'], 'hold'),
    );
    const events = new EventStream(server.url, { reconnect: { initial: 5, max: 40 } });
    const errors: EventStreamErrorEvent[] = [];
    events.addEventListener('error', (event) => errors.push(event));
    expect((await take(events, 1))[0]?.data).toBe('up');
    expect(errors.map((event) => [event.error.status, event.willRetry])).toEqual([
      [503, true],
      [408, true],
      [429, true],
    ]);
  });

  it('stops for good on a 4xx, with the server’s problem code, and the loop throws it', async () => {
    server.answer(status(404, {}, { code: 'department_not_found', detail: 'No such department.' }));
    const events = new EventStream(server.url);
    const error = await nextError(events);
    expect(error.willRetry).toBe(false);
    expect([error.error.code, error.error.status, error.error.message]).toEqual([
      'department_not_found',
      404,
      'No such department.',
    ]);
    expect(events.readyState).toBe('closed');
    expect(events.error).toBe(error.error);
    await expect(take(events, 1)).rejects.toBe(error.error);
    expect(server.requests).toHaveLength(1);
  });

  it('stops for good on 204, and the loop simply ends', async () => {
    server.answer(status(204));
    const events = new EventStream(server.url);
    expect(await take(events, 5)).toEqual([]);
    expect(events.readyState).toBe('closed');
    expect(events.error?.status).toBe(204);
    expect(server.requests).toHaveLength(1);
  });

  it('stops for good when a 200 is not an event stream', async () => {
    server.answer(
      (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>'),
    );
    const events = new EventStream(server.url);
    const error = await nextError(events);
    expect([error.willRetry, error.error.code]).toEqual([false, 'invalid_response']);
  });

  it('surfaces an unreachable server as a retrying error, never as a rejection', async () => {
    await server.close();
    const events = new EventStream(server.url, { reconnect: { initial: 10 } });
    const error = await nextError(events);
    expect([error.willRetry, error.error.code]).toEqual([true, 'network_error']);
    expect(events.readyState).toBe('connecting');
    events.close();
    expect(events.readyState).toBe('closed');
  });

  it('drops the connection when closed, by close() or its AbortSignal, and ends the loop', async () => {
    server.answer(stream(['data: a\n\n'], 'hold'), stream(['data: a\n\n'], 'hold'));
    for (const stop of ['close', 'abort'] as const) {
      const abort = new AbortController();
      const events = new EventStream(server.url, { signal: abort.signal });
      const request = await server.requestCount(stop === 'close' ? 1 : 2);
      const gone = new Promise((resolve) => request.once('close', resolve));
      const loop = take(events, 2);
      await new Promise((resolve) => events.addEventListener('message', resolve, { once: true }));
      if (stop === 'close') events.close();
      else abort.abort();
      expect(await loop).toHaveLength(1);
      await gone;
      expect(events.readyState).toBe('closed');
    }
    expect(server.requests).toHaveLength(2);
  });

  it('replaces a connection that went quiet for longer than idleTimeout', async () => {
    server.answer(stream(['id: 4\ndata: a\n\n'], 'hold'), stream([], 'hold'));
    const events = new EventStream(server.url, { idleTimeout: IDLE_MS, reconnect: { initial: 5 } });
    const error = await nextError(events);
    expect([error.willRetry, error.error.code]).toEqual([true, 'timeout']);
    expect((await server.requestCount(2)).headers['last-event-id']).toBe('4');
    events.close();
  });

  it('gives up a request the server takes and never answers after idleTimeout, and asks again', async () => {
    server.answer(() => undefined, stream(['data: a\n\n'], 'hold'));
    const events = new EventStream(server.url, { idleTimeout: IDLE_MS, reconnect: { initial: 5 } });
    const error = await nextError(events);
    expect([error.willRetry, error.error.code]).toEqual([true, 'timeout']);
    expect((await take(events, 1)).map((message) => message.data)).toEqual(['a']);
  });

  it('asks a headers function again for every connection', async () => {
    server.answer(stream([], 'destroy'), stream([], 'hold'));
    let token = 0;
    const events = new EventStream(server.url, {
      headers: async () => ({ authorization: `Bearer ${++token}` }),
      reconnect: { initial: 5 },
    });
    const second = await server.requestCount(2);
    expect([server.requests[0]?.headers.authorization, second.headers.authorization]).toEqual([
      'Bearer 1',
      'Bearer 2',
    ]);
    events.close();
  });

  it('closes the stream when the loop is left early', async () => {
    server.answer(stream(['data: a\n\ndata: b\n\n'], 'hold'));
    const events = new EventStream(server.url);
    expect(await take(events, 1)).toHaveLength(1);
    expect(events.readyState).toBe('closed');
  });
});

describe('EventReader, what EventStream is built on', () => {
  it('hands a subclass every event and failure through its methods, dispatching nothing', async () => {
    server.answer(
      stream(['id: 1\nevent: a\ndata: x\n\n', `event: ${RECONNECT_EVENT}\ndata: -\n\n`]),
      status(404, {}, { code: 'department_not_found', detail: 'No such department.' }),
    );
    const heard: string[] = [];
    const dispatched: string[] = [];
    const closed = new Promise<void>((resolve) => {
      const reader = new (class extends EventReader {
        protected override opened(): void {
          heard.push('open');
        }
        protected override received(message: EventStreamMessage): void {
          heard.push(`${message.type}:${message.data}:${message.lastEventId}`);
        }
        protected override failed(error: KontaktError, willRetry: boolean): void {
          heard.push(`${error.code}:${willRetry}`);
          if (!willRetry) resolve();
        }
        override dispatchEvent(event: Event): boolean {
          dispatched.push(event.type);
          return super.dispatchEvent(event);
        }
      })(server.url, { reconnect: { initial: 1 } });
      expect(reader.readyState).toBe('connecting');
    });
    await closed;
    // The reconnect request is the reader's own; the 404 ends it for good with the server's code.
    expect(heard).toEqual(['open', 'a:x:1', 'department_not_found:false']);
    expect(dispatched).toEqual([]);
    // Its own request: the last event id as a query parameter (no preflight), no header.
    const again = await server.requestCount(2);
    expect(again.url).toBe('/stream?lastEventId=1');
    expect(again.headers['last-event-id']).toBeUndefined();
    expect(again.headers.accept).toBe('text/event-stream');
  });
});
