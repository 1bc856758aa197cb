import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client.js';
import { NetworkError } from '../errors/NetworkError.js';
import type { FaultServer } from '../test-support/fault-server.js';
import {
  freePort,
  message,
  problem,
  receipt,
  startFaultServer,
} from '../test-support/fault-server.js';
import type { OutboxDeliveredEvent, OutboxFailedEvent } from './events.js';
import { memoryStore } from './memory-store.js';
import type { OutboxEntry, OutboxStore } from './types.js';

const PAGE = 'https://gata.example.se/parkering';
const servers: FaultServer[] = [];

afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startFaultServer>): Promise<FaultServer> {
  const server = await startFaultServer(...args);
  servers.push(server);
  return server;
}

function clientAt(endpoint: string, store: OutboxStore | false = memoryStore()) {
  return createClient({
    endpoint,
    department: 'gata',
    pageUrl: () => PAGE,
    retry: { limit: 1, delay: () => 1 },
    outbox: store,
  });
}

function nextEvent<T extends Event>(target: EventTarget, type: string): Promise<T> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as T), { once: true }),
  );
}

async function queuedError(promise: Promise<unknown>): Promise<NetworkError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NetworkError);
  return error as NetworkError;
}

function entry(endpoint: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    endpoint,
    department: 'gata',
    submission: {
      origin: { department: 'gata', pageUrl: PAGE, widget: 'sdk' },
      message: { ...message, answerLanguage: 'sv', needs: [] },
    },
    createdAt: now,
    attempts: 1,
    nextAttemptAt: now,
    ...overrides,
  };
}

describe('outbox', () => {
  it('keeps a submission made while the server is down and delivers it once it is back', async () => {
    const port = await freePort();
    const client = clientAt(`http://127.0.0.1:${port}`);

    const error = await queuedError(client.cases.submit(message));
    expect(error.code).toBe('network_error');
    const id = error.queued?.id ?? '';
    const [kept] = await client.outbox.pending();
    expect(kept).toMatchObject({
      id,
      endpoint: `http://127.0.0.1:${port}`,
      department: 'gata',
      attempts: 1,
      submission: { origin: { pageUrl: PAGE }, message: { topic: message.topic } },
    });

    const server = await serve(() => ({ status: 201, json: receipt }), port);
    const delivered = nextEvent<OutboxDeliveredEvent>(client.outbox, 'delivered');
    await client.outbox.flush();
    const event = await delivered;

    expect(event.entry.id).toBe(id);
    expect(event.receipt).toEqual(receipt);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['idempotency-key']).toBe(id);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(kept?.submission);
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('keeps a submission the server kept failing with 5xx', async () => {
    const server = await serve(() => ({ status: 500, json: problem(500, 'internal_error') }));
    const client = clientAt(server.url);
    const error = await queuedError(client.cases.submit(message));

    expect(server.requests).toHaveLength(2);
    expect(error).toMatchObject({ status: 500, queued: { id: expect.any(String) } });
    expect(await client.outbox.pending()).toHaveLength(1);
  });

  it('keeps nothing when the outbox is turned off', async () => {
    const client = clientAt(`http://127.0.0.1:${await freePort()}`, false);
    const error = await queuedError(client.cases.submit(message));
    expect(error.queued).toBeUndefined();
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('tries again later, backing off, while the server still fails', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 503, json: problem(503, 'service_unavailable') }));
    const client = clientAt(server.url, store);
    await queuedError(client.cases.submit(message));
    const [before] = await client.outbox.pending();

    await client.outbox.flush();
    const [after] = await client.outbox.pending();
    expect(after?.attempts).toBe(2);
    expect(Date.parse(after?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now() + 1_000);
    expect(after?.id).toBe(before?.id);
  });

  it('drops an entry the server refuses for good and says so', async () => {
    const store = memoryStore();
    const server = await serve(() => ({
      status: 422,
      json: problem(422, 'validation_failed', {
        errors: [{ field: 'message.topic', pointer: '/message/topic', code: 'unknown_topic' }],
      }),
    }));
    const kept = entry(server.url);
    await store.put(kept);
    const client = clientAt(server.url, store);
    const failed = nextEvent<OutboxFailedEvent>(client.outbox, 'failed');
    await client.outbox.flush();
    const event = await failed;

    expect(event.entry.id).toBe(kept.id);
    expect(event.error).toMatchObject({
      code: 'validation_failed',
      fieldErrors: [{ field: 'topic' }],
    });
    expect(await client.outbox.pending()).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('sends an entry once when flushes run at the same time', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 201, json: receipt }));
    await store.put(entry(server.url));
    const first = clientAt(server.url, store);
    const second = clientAt(server.url, store);
    const deliveries: string[] = [];
    first.outbox.addEventListener('delivered', (event) => deliveries.push(event.entry.id));

    await Promise.all([first.outbox.flush(), second.outbox.flush(), first.outbox.flush()]);
    expect(server.requests).toHaveLength(1);
    expect(deliveries).toHaveLength(1);
  });

  it('is shared by the clients of one endpoint, so each hears about every delivery', async () => {
    const store = memoryStore();
    const a = clientAt('https://kontakt.example.se', store);
    const b = clientAt('https://kontakt.example.se/', store);
    expect(a.outbox).toBe(b.outbox);
  });

  it('keeps each endpoint’s entries to itself', async () => {
    const store = memoryStore();
    const one = await serve(() => ({ status: 201, json: receipt }));
    const other = await serve(() => ({ status: 201, json: receipt }));
    const mine = entry(one.url);
    await store.put(mine);
    const otherClient = clientAt(other.url, store);

    expect(await otherClient.outbox.pending()).toEqual([]);
    await otherClient.outbox.flush();
    expect(other.requests).toHaveLength(0);
    expect(one.requests).toHaveLength(0);
    expect(await store.list(one.url)).toEqual([mine]);
  });

  it('sends what an earlier page load left as soon as a client is created', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 201, json: receipt }));
    const left = entry(server.url, { createdAt: '2026-11-20T08:00:00.000Z' });
    await store.put(left);

    const client = clientAt(server.url, store);
    const event = await nextEvent<OutboxDeliveredEvent>(client.outbox, 'delivered');
    expect(event.entry.id).toBe(left.id);
    expect(server.requests).toHaveLength(1);
  });

  it('sends a waiting entry when its backoff timer fires', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 201, json: receipt }));
    const due = Date.now() + 150;
    await store.put(entry(server.url, { nextAttemptAt: new Date(due).toISOString() }));

    const client = clientAt(server.url, store);
    await nextEvent(client.outbox, 'delivered');
    expect(server.requests[0]?.at).toBeGreaterThanOrEqual(due);
  });

  it('sends everything waiting when the browser comes back online', async () => {
    const window = new EventTarget();
    vi.stubGlobal('addEventListener', window.addEventListener.bind(window));
    const store = memoryStore();
    const server = await serve(() => ({ status: 201, json: receipt }));
    await store.put(
      entry(server.url, { nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString() }),
    );

    const client = clientAt(server.url, store);
    const delivered = nextEvent(client.outbox, 'delivered');
    window.dispatchEvent(new Event('online'));
    await delivered;
    expect(server.requests).toHaveLength(1);
  });

  it('ignores stored entries that are not valid entries', async () => {
    const store = memoryStore();
    const endpoint = 'https://kontakt.example.se';
    await store.put({ ...entry(endpoint), submission: { nope: true } } as unknown as OutboxEntry);
    const good = entry(endpoint, { nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString() });
    await store.put(good);
    expect(await clientAt(endpoint, store).outbox.pending()).toEqual([good]);
  });

  it('does not keep a Node process alive while entries wait for their next try', async () => {
    const port = await freePort();
    const script = `
      import { createClient } from './src/index.ts';
      const client = createClient({
        endpoint: 'http://127.0.0.1:${port}', department: 'gata',
        pageUrl: () => '${PAGE}', retry: 0,
      });
      const error = await client.cases.submit(${JSON.stringify(message)}).catch((e) => e);
      console.log(JSON.stringify({ queued: error.queued !== undefined }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--conditions=@kontakt/source', '--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 15_000 },
    );
    // Had a timer kept it alive, execFile would have killed it and rejected.
    expect(JSON.parse(stdout)).toEqual({ queued: true });
  });
});
