import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemSchema } from '@kontakt/core/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer, validSubmission } from '../test-support/departments.js';
import { FixedWindowLimiter } from './rate-limit.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(validSubmission()),
  });
const forwardedFor = (chain: string) => ({ 'X-Forwarded-For': chain });

describe('rate limit', () => {
  it('counts POSTs per client and answers 429 with Retry-After when the window is used up', async () => {
    let now = new Date('2025-03-03T09:00:00Z');
    server = await startTestServer({ rateLimit: { windowMs: 60_000, max: 2 }, now: () => now });
    const first = await post(server.url);
    expect(first.status).toBe(201);
    expect(first.headers.get('RateLimit-Limit')).toBe('2');
    expect(first.headers.get('RateLimit-Remaining')).toBe('1');
    expect(first.headers.get('RateLimit-Reset')).toBe('60');
    now = new Date('2025-03-03T09:00:30Z');
    expect((await post(server.url)).headers.get('RateLimit-Remaining')).toBe('0');

    const limited = await post(server.url);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('30');
    expect(limited.headers.get('RateLimit-Remaining')).toBe('0');
    expect(ProblemSchema.parse(await limited.json()).code).toBe('rate_limited');
    expect(await server.countCases()).toBe(2);

    // Reads count in their own window; a new window lets the client in again.
    expect((await fetch(`${server.url}/v1/departments`)).status).toBe(200);
    now = new Date('2025-03-03T09:01:00Z');
    expect((await post(server.url)).status).toBe(201);
  });
  it('limits GETs of the API in their own, more generous window, but not health or static files', async () => {
    const site = await mkdtemp(join(tmpdir(), 'kontakt-site-'));
    await writeFile(join(site, 'app.js'), 'console.log(1);');
    try {
      server = await startTestServer({
        rateLimit: { windowMs: 60_000, max: 1, reads: { windowMs: 60_000, max: 3 } },
        serve: [{ path: '/', dir: site }],
      });
      const list = await fetch(`${server.url}/v1/departments`);
      expect(list.status).toBe(200);
      expect(list.headers.get('RateLimit-Limit')).toBe('3');
      expect(list.headers.get('RateLimit-Remaining')).toBe('2');
      expect((await fetch(`${server.url}/v1/departments/gata`)).status).toBe(200);
      expect((await fetch(`${server.url}/v1/openapi.json`)).status).toBe(200);

      const limited = await fetch(`${server.url}/v1/departments/gata`, {
        headers: { Origin: 'https://gata.example.se' },
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Retry-After')).toBe('60');
      // A widget on an allowed page may read why.
      expect(limited.headers.get('Access-Control-Allow-Origin')).toBe('https://gata.example.se');
      expect(ProblemSchema.parse(await limited.json()).code).toBe('rate_limited');

      const health = await fetch(`${server.url}/v1/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('RateLimit-Limit')).toBeNull();
      expect((await fetch(`${server.url}/app.js`)).status).toBe(200);
      // Sending a case is counted separately from reading.
      expect((await post(server.url)).status).toBe(201);
      expect((await post(server.url)).status).toBe(429);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('does not limit reads with reads: false', async () => {
    server = await startTestServer({
      rateLimit: { windowMs: 60_000, max: 1, reads: false },
    });
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${server.url}/v1/departments`);
      expect(response.status).toBe(200);
      expect(response.headers.get('RateLimit-Limit')).toBeNull();
    }
  });

  it('limits reads by default when only the POST limit is given', async () => {
    server = await startTestServer({ rateLimit: { windowMs: 60_000, max: 1 } });
    const response = await fetch(`${server.url}/v1/departments`);
    expect(response.headers.get('RateLimit-Limit')).toBe('600');
  });
});

describe('rate limit behind a reverse proxy', () => {
  const limit = { windowMs: 60_000, max: 1 };

  it('limits two clients behind one trusted proxy (by hop count) separately', async () => {
    server = await startTestServer({ rateLimit: limit, trustProxy: 1 });
    expect((await post(server.url, forwardedFor('198.51.100.1'))).status).toBe(201);
    expect((await post(server.url, forwardedFor('198.51.100.2'))).status).toBe(201);
    expect((await post(server.url, forwardedFor('198.51.100.1'))).status).toBe(429);
    // Only the proxy's own entry counts: a client cannot pick a new bucket by prepending one.
    expect((await post(server.url, forwardedFor('203.0.113.5, 198.51.100.2'))).status).toBe(429);
  });

  it('limits two clients behind one trusted proxy (by address) separately', async () => {
    server = await startTestServer({ rateLimit: limit, trustProxy: ['127.0.0.1', '10.0.0.0/8'] });
    expect((await post(server.url, forwardedFor('198.51.100.1, 10.0.0.7'))).status).toBe(201);
    expect((await post(server.url, forwardedFor('198.51.100.2, 10.0.0.7'))).status).toBe(201);
    expect((await post(server.url, forwardedFor('198.51.100.1'))).status).toBe(429);
  });

  it('ignores a spoofed X-Forwarded-For when no proxy is trusted', async () => {
    server = await startTestServer({ rateLimit: limit });
    expect((await post(server.url, forwardedFor('198.51.100.1'))).status).toBe(201);
    const spoofed = await post(server.url, forwardedFor('198.51.100.2'));
    expect(spoofed.status).toBe(429);
    expect((await post(server.url)).status).toBe(429);
  });

  it('does not believe a client that is not one of the trusted proxies', async () => {
    // The test client connects from 127.0.0.1, which is not in the list.
    server = await startTestServer({ rateLimit: limit, trustProxy: ['192.0.2.7'] });
    expect((await post(server.url, forwardedFor('198.51.100.1'))).status).toBe(201);
    expect((await post(server.url, forwardedFor('198.51.100.2'))).status).toBe(429);
  });
});

describe('FixedWindowLimiter', () => {
  it('keeps separate windows per client', () => {
    const limiter = new FixedWindowLimiter({ windowMs: 1000, max: 1 });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('b', 10).allowed).toBe(true);
    expect(limiter.hit('a', 20).allowed).toBe(false);
    expect(limiter.hit('a', 1000).allowed).toBe(true);
  });

  it('rejects nonsense settings', () => {
    expect(() => new FixedWindowLimiter({ windowMs: 0, max: 1 })).toThrow(RangeError);
  });
});
