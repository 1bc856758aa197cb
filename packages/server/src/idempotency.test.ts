import { ProblemSchema, ReceiptSchema } from '@kontakt/core/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from './idempotency.js';
import type { TestServer } from './test-support/departments.js';
import { startTestServer, validSubmission } from './test-support/departments.js';
import { gatedStore } from './test-support/gated-store.js';
import type { TestDatabase } from './test-support/store.js';
import { createTestDatabase } from './test-support/store.js';

const servers: TestServer[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});
async function testDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

async function start(overrides: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(overrides);
  servers.push(server);
  return server;
}

const post = (server: TestServer, body: unknown, key?: string) =>
  fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === undefined ? {} : { 'Idempotency-Key': key }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('Idempotency-Key', () => {
  it('replays the first answer to the same key and body, and stores one case', async () => {
    const server = await start();
    const key = crypto.randomUUID();
    const first = await post(server, validSubmission(), key);
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const firstBody = await first.text();

    // The same JSON with other key order and whitespace is the same request.
    const { origin, message } = validSubmission();
    const again = await post(server, JSON.stringify({ message, origin }, null, 2), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    // The replayed receipt holds the same secret token: no cache may keep it either.
    expect(again.headers.get('Cache-Control')).toBe('no-store');
    expect(await again.text()).toBe(firstBody);
    expect(await server.countCases()).toBe(1);
  });

  it('refuses the same key with a different body', async () => {
    const server = await start();
    const key = crypto.randomUUID();
    expect((await post(server, validSubmission(), key)).status).toBe(201);
    const reused = await post(server, validSubmission({ message: 'Något annat' }), key);
    expect(reused.status).toBe(422);
    expect(ProblemSchema.parse(await reused.json()).code).toBe('idempotency_key_reused');
    expect(await server.countCases()).toBe(1);
  });

  it('returns the same receipt after a server restart on the same data directory', async () => {
    const database = await testDatabase();
    const key = crypto.randomUUID();
    const before = await start({ database });
    const first = ReceiptSchema.parse(await (await post(before, validSubmission(), key)).json());
    await before.close();

    const after = await start({ database });
    const replay = await post(after, validSubmission(), key);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(ReceiptSchema.parse(await replay.json())).toEqual(first);
    expect(await after.countCases()).toBe(1);
  });

  it('does not remember a request that failed validation', async () => {
    const server = await start();
    const key = crypto.randomUUID();
    expect((await post(server, validSubmission({ topic: 'okänt' }), key)).status).toBe(422);
    expect((await post(server, validSubmission(), key)).status).toBe(201);
  });

  it('still replays a key after the outbox has given up (7 days), and forgets it after 8', async () => {
    let now = new Date('2025-03-03T09:00:00Z');
    const server = await start({ now: () => now });
    const key = crypto.randomUUID();
    const first = ReceiptSchema.parse(await (await post(server, validSubmission(), key)).json());
    now = new Date('2025-03-10T09:00:01Z');
    const resent = await post(server, validSubmission(), key);
    expect(resent.headers.get('Idempotent-Replayed')).toBe('true');
    now = new Date('2025-03-11T09:00:01Z');
    const later = await post(server, validSubmission(), key);
    expect(later.headers.get('Idempotent-Replayed')).toBeNull();
    expect(ReceiptSchema.parse(await later.json()).reference).not.toBe(first.reference);
    expect(await server.countCases()).toBe(2);
  });

  it('answers 409 to a duplicate that arrives while the first is being stored', async () => {
    const database = await testDatabase();
    const { store, storing, release } = gatedStore(await database.open());
    const server = await start({ database, store });
    const key = crypto.randomUUID();

    const first = post(server, validSubmission(), key);
    await storing;
    const duplicate = await post(server, validSubmission(), key);
    expect(duplicate.status).toBe(409);
    expect(ProblemSchema.parse(await duplicate.json()).code).toBe(
      'idempotency_request_in_progress',
    );
    release();
    expect((await first).status).toBe(201);
    expect((await post(server, validSubmission(), key)).headers.get('Idempotent-Replayed')).toBe(
      'true',
    );
  });

  it('answers 400 to a malformed key', async () => {
    const server = await start();
    const response = await post(server, validSubmission(), 'x'.repeat(256));
    expect(response.status).toBe(400);
    expect(ProblemSchema.parse(await response.json()).code).toBe('idempotency_key_invalid');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 'x' }], a: null })).toBe(
      '{"a":null,"b":[2,{"c":"x","d":1}]}',
    );
  });
});
