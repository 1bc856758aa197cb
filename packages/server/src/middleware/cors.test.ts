import { ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: ['http://localhost:8000'] });
});
afterAll(() => server.close());

const preflight = (origin: string, path = '/v1/cases') =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, idempotency-key',
    },
  });

describe('CORS', () => {
  it("allows a preflight from a department's origin with the headers the SDK sends", async () => {
    const response = await preflight('https://gata.example.se');
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://gata.example.se');
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST');
    const allowed = response.headers.get('Access-Control-Allow-Headers')?.toLowerCase() ?? '';
    for (const header of ['content-type', 'idempotency-key', 'accept-language']) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('Vary')).toContain('Origin');
  });

  it('allows origins from the allowedOrigins option', async () => {
    const response = await preflight('http://localhost:8000');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:8000');
  });

  it('denies a preflight from an unknown origin with 403 origin_not_allowed', async () => {
    const response = await preflight('https://evil.example.com');
    expect(response.status).toBe(403);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(ProblemSchema.parse(await response.json()).code).toBe('origin_not_allowed');
  });

  it('lets the server own origin through (the demo page it serves)', async () => {
    const response = await preflight(server.url);
    expect(response.status).toBe(204);
  });

  it('adds CORS headers to reads from allowed origins only', async () => {
    const allowed = await fetch(`${server.url}/v1/departments/gata`, {
      headers: { Origin: 'https://skola.example.se' },
    });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://skola.example.se');
    expect(allowed.headers.get('Access-Control-Expose-Headers')).toContain('RateLimit-Remaining');
    const denied = await fetch(`${server.url}/v1/departments/gata`, {
      headers: { Origin: 'https://evil.example.com' },
    });
    expect(denied.status).toBe(200);
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(denied.headers.get('Vary')).toContain('Origin');
  });

  it('refuses a case from an origin no department allows', async () => {
    const response = await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example.com' },
      body: JSON.stringify({
        origin: { department: 'gata', pageUrl: 'https://evil.example.com/', widget: 'x' },
        message: { topic: 'parkering', message: 'hej', answerChannel: 'email', email: 'a@b.se' },
      }),
    });
    expect(response.status).toBe(403);
    expect(await server.countCases()).toBe(0);
  });

  it('says every API answer varies by Origin, once, whether or not the request had one', async () => {
    const withOrigin = await fetch(`${server.url}/v1/openapi.json`, {
      headers: { Origin: 'https://gata.example.se' },
    });
    const without = await fetch(`${server.url}/v1/openapi.json`);
    expect(withOrigin.headers.get('Vary')).toBe('Origin');
    expect(without.headers.get('Vary')).toBe('Origin');
  });
});
