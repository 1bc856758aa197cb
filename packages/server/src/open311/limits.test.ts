import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';

/*
 * The API's limits reach Open311 clients in Open311's error shape, keeping the status and the
 * headers a client acts on (Retry-After).
 */

const KEY = createApiKey();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    open311: { clients: [{ id: 'app', hash: hashApiKey(KEY) }] },
    bodyLimit: 2048,
    rateLimit: { windowMs: 60_000, max: 2, reads: { windowMs: 60_000, max: 3 } },
  });
});

afterAll(async () => {
  await server?.close();
});

const post = (body: string) =>
  fetch(`${server.url}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });

it('refuses a body over the limit with 413 in the spec format', async () => {
  const response = await post(`api_key=${KEY}&description=${'x'.repeat(4000)}`);
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual([
    { code: 413, description: 'The request body may be at most 2048 bytes.' },
  ]);
});

it('refuses a client over the rate limit with 429, Retry-After and the spec format', async () => {
  expect((await post('api_key=x')).status).toBe(403);
  const limited = await post('api_key=x');
  expect(limited.status).toBe(429);
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(await limited.json()).toEqual([
    expect.objectContaining({ code: 429, description: expect.stringContaining('At most 2') }),
  ]);
  for (let read = 0; read < 3; read++) {
    expect((await fetch(`${server.url}/open311/v2/services.xml`)).status).toBe(200);
  }
  const reads = await fetch(`${server.url}/open311/v2/services.xml`);
  expect(reads.status).toBe(429);
  expect(await reads.text()).toContain('<code>429</code>');
});
