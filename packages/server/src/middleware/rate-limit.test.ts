import { ProblemSchema } from '@kontakt/core/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer, validSubmission } from '../test-support/departments.js';
import { FixedWindowLimiter } from './rate-limit.js';

let server: TestServer | undefined;
afterEach(() => server?.close());

const post = (url: string) =>
  fetch(`${url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission()),
  });

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

    // Reads are not limited; a new window lets the client in again.
    expect((await fetch(`${server.url}/v1/departments`)).status).toBe(200);
    now = new Date('2025-03-03T09:01:00Z');
    expect((await post(server.url)).status).toBe(201);
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
