import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../photos/metadata-fixtures.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';
import { PHOTO_UPLOADS_PER_HOUR } from './photos.js';

/*
 * Every upload is kept for a day whether a report names it or not, so one address has an hourly
 * budget of photos besides the POST rate limit. A server of its own: the budget is spent here.
 */

let server: TestServer;
let now = new Date('2026-12-03T03:00:00Z');

beforeAll(async () => {
  server = await startTestServer({
    now: () => now,
    rateLimit: { windowMs: 60_000, max: 1000 },
  });
});
afterAll(() => server?.close());

const upload = (department = 'gata') =>
  fetch(`${server.url}/v1/photos?department=${department}`, {
    method: 'POST',
    headers: { 'Content-Type': 'image/jpeg' },
    body: fixture('photo.jpg') as Uint8Array<ArrayBuffer>,
  });

describe('POST /v1/photos', () => {
  it('takes photos only for a department that takes fault reports', async () => {
    const response = await upload('skola');
    expect(response.status).toBe(422);
    const problem = await response.json();
    expect(problem.errors).toEqual([
      { field: 'department', pointer: '/department', code: 'invalid_option' },
    ]);
  });

  it(`takes at most ${PHOTO_UPLOADS_PER_HOUR} photos an hour from one address`, async () => {
    for (let i = 0; i < PHOTO_UPLOADS_PER_HOUR; i++) expect((await upload()).status).toBe(201);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect((await refused.json()).code).toBe('rate_limited');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(3000);
    now = new Date(now.getTime() + 3_600_000);
    expect((await upload()).status).toBe(201);
  });
});
