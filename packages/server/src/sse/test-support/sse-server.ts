/*
 * Helpers for the SSE tests: a real node server around a tiny Hono app, and a reader that
 * collects a response body as text until it shows what a test waits for.
 */
import type { Server } from 'node:http';
import { createServer as createHttp2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { ProblemError } from '../../http/http-error.js';
import { setHeader } from '../../http/response-headers.js';
import type { RespondOptions, SseHub } from '../hub.js';

export interface TestSseServer {
  url: string;
  server: Server;
  /** Stops listening, closes connections as they fall idle; resolves when every one is gone. */
  close(): Promise<void>;
}

/**
 * `GET /streams/:name` answers with the stream `name` of whatever hub `hub()` returns now (a test
 * can swap it, as a load balancer sends a client to another instance); `?from=now` starts new
 * clients at the head; `?initial=<text>` begins a new client's stream with a `state` event
 * (`{ text }`), and `?initial=fail` makes reading it fail with a `503`.
 */
export async function startSseServer(
  hub: () => SseHub,
  options: { http2?: boolean } = {},
): Promise<TestSseServer> {
  const app = new Hono();
  // As the app's CORS and security headers do: set headers after the handler has answered.
  app.use(async (c, next) => {
    await next();
    setHeader(c, 'X-Content-Type-Options', 'nosniff');
  });
  app.get('/streams/:name', (c) => {
    const from = c.req.query('from') === 'now' ? 'now' : 'start';
    const text = c.req.query('initial');
    const initial =
      text === undefined
        ? undefined
        : async () => {
            if (text === 'fail')
              throw new ProblemError(503, 'service_unavailable', { detail: 'No state.' });
            return { type: 'state', data: { text } };
          };
    return hub().respond(c, c.req.param('name'), {
      from,
      ...(initial ? { initial } : {}),
    } satisfies RespondOptions);
  });
  app.onError((error, c) =>
    error instanceof ProblemError
      ? c.json({ code: error.code, detail: error.message }, error.status as 400)
      : c.json({ code: 'internal_error' }, 500),
  );
  const server = createAdaptorServer({
    fetch: app.fetch,
    ...(options.http2 ? { createServer: createHttp2Server } : {}),
  }) as Server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    // As the real server stops: keep-alive connections are closed as soon as they fall idle.
    close: () =>
      new Promise((resolve) => {
        // (An HTTP/2 server has no idle connections to close: its sessions end with the test.)
        const idle = setInterval(() => server.closeIdleConnections?.(), 25);
        server.close(() => {
          clearInterval(idle);
          resolve();
        });
        server.closeIdleConnections?.();
      }),
  };
}

/**
 * A response body read as text, as far as a test needs it. The chunks are kept apart and joined
 * when the text is asked for: a stream of megabytes read chunk by chunk would otherwise be
 * flattened and scanned again after every chunk (quadratic: seconds of CPU on a busy machine).
 */
export class BodyText {
  #chunks: string[] = [];
  #joined = '';
  #done = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();

  constructor(response: Response) {
    this.#reader = (response.body as ReadableStream<Uint8Array>).getReader();
  }

  /** The text read so far. */
  get text(): string {
    if (this.#chunks.length > 0) {
      this.#joined += this.#chunks.join('');
      this.#chunks = [];
    }
    return this.#joined;
  }

  /** Reads until `test(text)` holds; rejects if the body ends first. */
  async until(test: (text: string) => boolean): Promise<string> {
    while (!test(this.text)) await this.#readChunk();
    return this.text;
  }

  /**
   * Reads until the text holds `needle`, looking only at what each read adds (and the end of
   * what came before, where the needle may start): for long streams. Rejects if the body ends
   * first.
   */
  async untilIncludes(needle: string): Promise<string> {
    let tail = this.text;
    while (!tail.includes(needle)) {
      const added = await this.#readChunk();
      tail = tail.slice(-(needle.length - 1)) + added;
    }
    return this.text;
  }

  /** Reads to the end of the body. */
  async end(): Promise<string> {
    while (!this.#done) await this.#read();
    return this.text;
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }

  /** The next chunk's text; rejects if the body has ended. */
  async #readChunk(): Promise<string> {
    if (this.#done)
      throw new Error(`The body ended before it held what was expected:\n${this.text}`);
    return this.#read();
  }

  async #read(): Promise<string> {
    const { done, value } = await this.#reader.read();
    if (done) {
      this.#done = true;
      return '';
    }
    const added = this.#decoder.decode(value, { stream: true });
    this.#chunks.push(added);
    return added;
  }
}

/** Resolves once `condition()` holds, checking after every turn of the event loop. */
export async function eventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
