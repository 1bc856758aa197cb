import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { toKontaktError } from './errors/to-kontakt-error.js';
import { createHttp } from './http.js';
import type { FaultServer } from './test-support/fault-server.js';
import { problem, receipt, startFaultServer } from './test-support/fault-server.js';

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const unavailable = () => ({ status: 503, json: problem(503, 'service_unavailable') });

describe('createClient', () => {
  it('normalises the endpoint and keeps the department', () => {
    const client = createClient({
      endpoint: new URL('https://kontakt.example.se/api//?x=1#y'),
      department: 'gata',
      outbox: false,
    });
    expect(client.endpoint).toBe('https://kontakt.example.se/api');
    expect(client.department).toBe('gata');
  });

  it('refuses an endpoint that is not an http(s) URL and an invalid department id', () => {
    expect(() => createClient({ endpoint: 'ftp://x', department: 'gata' })).toThrow(TypeError);
    expect(() => createClient({ endpoint: 'not a url', department: 'gata' })).toThrow(TypeError);
    expect(() => createClient({ endpoint: 'https://x.se', department: 'Gata kontoret' })).toThrow(
      TypeError,
    );
  });

  it('calls the API under the endpoint’s path', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const client = createClient({
      endpoint: `${server.url}/kontakt/`,
      department: 'gata',
      pageUrl: () => 'https://gata.example.se/',
      outbox: false,
    });
    await client.cases.submit({
      topic: 'a',
      message: 'b',
      answerChannel: 'visit',
      phone: '040-34 10 00',
    });
    expect(server.requests[0]?.url).toBe('/kontakt/v1/cases');
  });
});

describe('retries', () => {
  const http = (url: string) => createHttp(url, { retry: { limit: 2, delay: () => 5 } });

  it('never retries a POST that has no Idempotency-Key', async () => {
    server = await startFaultServer(unavailable);
    const error = await http(server.url)
      .post('v1/cases', { json: {} })
      .catch((e: unknown) => toKontaktError(e));
    expect(error).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST with an Idempotency-Key up to the limit', async () => {
    server = await startFaultServer(unavailable);
    await http(server.url)
      .post('v1/cases', { json: {}, headers: { 'idempotency-key': 'k' } })
      .catch(() => undefined);
    expect(server.requests).toHaveLength(3);
  });

  it('retries 408, 429, 500, 502, 503 and 504 but no other 4xx', async () => {
    const statuses = [408, 429, 500, 502, 503, 504, 400, 401, 403, 404, 413, 415, 422];
    const tries: Record<number, number> = {};
    for (const status of statuses) {
      server = await startFaultServer(() => ({ status, json: problem(status, 'x') }));
      await http(server.url)
        .get('v1/health')
        .catch(() => undefined);
      tries[status] = server.requests.length;
      await server.close();
      server = undefined;
    }
    expect(tries).toEqual({
      408: 3,
      429: 3,
      500: 3,
      502: 3,
      503: 3,
      504: 3,
      400: 1,
      401: 1,
      403: 1,
      404: 1,
      413: 1,
      415: 1,
      422: 1,
    });
  });

  it('retries a 409 only while the same key is still being processed', async () => {
    server = await startFaultServer((_, index) =>
      index === 0
        ? { status: 409, json: problem(409, 'idempotency_request_in_progress') }
        : { status: 409, json: problem(409, 'idempotency_key_reused') },
    );
    await http(server.url)
      .post('v1/cases', { json: {}, headers: { 'idempotency-key': 'k' } })
      .catch(() => undefined);
    expect(server.requests).toHaveLength(2);
  });

  it('honours retry: 0', async () => {
    server = await startFaultServer(unavailable);
    await createHttp(server.url, { retry: 0 })
      .get('v1/health')
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });
});
