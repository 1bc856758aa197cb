import type { IncomingHttpHeaders, Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the fault server saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * What to answer: a status with a JSON or text body and headers, `'hang'` to never answer, or
 * `'drop'` to close the connection without an answer.
 */
export type Answer =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | 'hang'
  | 'drop';

export interface FaultServer {
  url: string;
  port: number;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A local HTTP server whose answers a test scripts request by request (`index` counts from 0),
 * to inject the faults a real server only shows now and then: 503s, 429s, hangs, bad bodies.
 */
export async function startFaultServer(
  answer: (request: SeenRequest, index: number) => Answer,
  port = 0,
): Promise<FaultServer> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      const reply = answer(seen, requests.length - 1);
      if (reply === 'hang') return;
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      const body = reply.json === undefined ? (reply.text ?? '') : JSON.stringify(reply.json);
      const type =
        reply.json === undefined
          ? 'text/plain'
          : reply.status >= 400
            ? 'application/problem+json'
            : 'application/json';
      res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (it was free a moment ago): the "server is down" of these tests. */
export async function freePort(): Promise<number> {
  const server = await startFaultServer(() => ({ status: 204 }));
  await server.close();
  return server.port;
}

export { message, receipt } from './samples.js';

/** An RFC 9457 problem document as the server sends it. */
export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: `urn:kontakt:problem:${code}`,
    title: code.replace(/_/g, ' '),
    status,
    code,
    ...extra,
  };
}

/** A photo's bytes as a widget sends them (scaled down already): a JPEG of `size` bytes. */
export const jpeg = (size: number): Blob =>
  new Blob([new Uint8Array(size).fill(0xff)], { type: 'image/jpeg' });

/** The server's answer to the `n`th upload (`POST /v1/photos`). */
export const uploaded = (n: number) => ({
  id: `photo-${String(n).padStart(4, '0')}-abcdefghijklmnop`,
  type: 'image/jpeg',
  bytes: 10,
  width: 64,
  height: 48,
});
