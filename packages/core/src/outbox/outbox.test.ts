import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client.js';
import type { KontaktError } from '../errors/KontaktError.js';
import { isKontaktError } from '../errors/KontaktError.js';
import { NetworkError } from '../errors/NetworkError.js';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '../schemas/index.js';
import type { FaultServer } from '../test-support/fault-server.js';
import {
  freePort,
  message,
  problem,
  receipt,
  startFaultServer,
} from '../test-support/fault-server.js';
import { DEFAULT_OUTBOX_MAX_AGE } from './entry.js';
import type { OutboxDeliveredEvent, OutboxFailedEvent } from './events.js';
import { memoryStore } from './memory-store.js';
import { OutboxController } from './outbox.js';
import type { CaseOutboxEntry, OutboxEntry, OutboxStore } from './types.js';

const PAGE = 'https://gata.example.se/parkering';
const DAY = 24 * 60 * 60_000;
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

function entry(endpoint: string, overrides: Partial<CaseOutboxEntry> = {}): CaseOutboxEntry {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    endpoint,
    department: 'gata',
    submission: {
      origin: { department: 'gata', pageUrl: PAGE, widget: 'sdk' },
      message: { ...message, answerLanguage: 'sv', needs: [], photos: [] },
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
    const left = entry(server.url, { createdAt: new Date(Date.now() - 3 * DAY).toISOString() });
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

  it('ignores stored entries that are not valid entries, and removes them', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 201, json: receipt }));
    const bad = { ...entry(server.url), submission: { nope: true } } as unknown as OutboxEntry;
    await store.put(bad);
    const good = entry(server.url, {
      nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await store.put(good);
    const client = clientAt(server.url, store);
    expect(await client.outbox.pending()).toEqual([good]);

    await client.outbox.flush();
    // Kept, it could never be sent and would keep the browser's database alive for good.
    expect(await store.get(bad.id)).toBeUndefined();
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([good.id]);
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

describe('outbox expiry', () => {
  it('gives up a submission not sent within outboxMaxAge: removed, failed with code expired', async () => {
    const port = await freePort();
    const client = createClient({
      endpoint: `http://127.0.0.1:${port}`,
      department: 'gata',
      pageUrl: () => PAGE,
      retry: 0,
      outbox: memoryStore(),
      outboxMaxAge: 200,
    });
    const failed = nextEvent<OutboxFailedEvent>(client.outbox, 'failed');
    const error = await queuedError(client.cases.submit(message));
    const event = await failed;

    expect(event.entry.id).toBe(error.queued?.id);
    expect(Date.parse(event.entry.expiresAt ?? '') - Date.parse(event.entry.createdAt)).toBe(200);
    expect(isKontaktError(event.error)).toBe(true);
    expect(event.error).toMatchObject({ code: 'expired' });
    expect(await client.outbox.pending()).toEqual([]);

    // The server is back, but the message is not sent any more.
    const server = await serve(() => ({ status: 201, json: receipt }), port);
    await client.outbox.flush();
    expect(server.requests).toHaveLength(0);
  });

  it('keeps a submission 7 days by default', async () => {
    const client = clientAt(`http://127.0.0.1:${await freePort()}`);
    await queuedError(client.cases.submit(message));
    const [kept] = await client.outbox.pending();
    expect(Date.parse(kept?.expiresAt ?? '') - Date.parse(kept?.createdAt ?? '')).toBe(7 * DAY);
  });

  it('does not send an entry older than its expiry that an earlier page load left', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 201, json: receipt }));
    const expired = entry(server.url, {
      createdAt: new Date(Date.now() - 2 * DAY).toISOString(),
      expiresAt: new Date(Date.now() - DAY).toISOString(),
    });
    // Written by a version without `expiresAt`: 7 days after `createdAt`.
    const { expiresAt: _, ...legacy } = entry(server.url, {
      createdAt: new Date(Date.now() - 8 * DAY).toISOString(),
    });
    await store.put(expired);
    await store.put(legacy);

    const client = clientAt(server.url, store);
    const failures: OutboxFailedEvent[] = [];
    const bothFailed = new Promise<void>((resolve) =>
      client.outbox.addEventListener('failed', (event) => {
        if (failures.push(event) === 2) resolve();
      }),
    );
    expect(await client.outbox.pending()).toEqual([]);
    await bothFailed;

    expect(failures.map((event) => event.entry.id).sort()).toEqual([expired.id, legacy.id].sort());
    expect(failures.map((event) => (event.error as KontaktError).code)).toEqual([
      'expired',
      'expired',
    ]);
    expect(server.requests).toHaveLength(0);
    expect(await store.list(server.url)).toEqual([]);
  });

  it('refuses an outboxMaxAge that is not a positive duration, or longer than the server keeps keys', () => {
    const days = (n: number) => n * 24 * 60 * 60_000;
    const clientKeeping = (outboxMaxAge: number) => () =>
      createClient({ endpoint: 'https://kontakt.example.se', department: 'gata', outboxMaxAge });
    // The server remembers a key for 8 days: a resend after that could make a second case.
    for (const outboxMaxAge of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, days(7) + 1]) {
      expect(clientKeeping(outboxMaxAge)).toThrow(RangeError);
    }
    expect(DEFAULT_OUTBOX_MAX_AGE).toBe(IDEMPOTENCY_KEY_LIFETIME_MS - days(1));
    expect(clientKeeping(days(7))).not.toThrow();
  });
});

describe('outbox with many entries', () => {
  it('stops at the first entry that finds the server down instead of trying every entry', async () => {
    const store = memoryStore();
    const server = await serve(() => ({ status: 503, json: problem(503, 'service_unavailable') }));
    const entries = [1, 2, 3].map((minutes) =>
      entry(server.url, { createdAt: new Date(Date.now() - minutes * 60_000).toISOString() }),
    );
    // Not due yet, so that only the flush below sends.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    for (const kept of entries) await store.put({ ...kept, nextAttemptAt: later });
    const client = clientAt(server.url, store);

    await client.outbox.flush();
    // One entry, tried twice by the client's own retry; the other two were not sent.
    expect(new Set(server.requests.map((request) => request.headers['idempotency-key'])).size).toBe(
      1,
    );
    expect(server.requests).toHaveLength(2);
    expect((await client.outbox.pending()).map((kept) => kept.attempts).sort()).toEqual([1, 1, 2]);
  });

  it('tries another entry next, so one the server chokes on does not hold up the rest', async () => {
    const store = memoryStore();
    const chokes = crypto.randomUUID();
    const server = await serve((request) =>
      request.headers['idempotency-key'] === chokes
        ? { status: 500, json: problem(500, 'internal_error') }
        : { status: 201, json: receipt },
    );
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const first = entry(server.url, { id: chokes, createdAt: ago(3), nextAttemptAt: ago(3) });
    const others = [2, 1].map((minutes) =>
      entry(server.url, { createdAt: ago(minutes), nextAttemptAt: ago(minutes) }),
    );
    for (const kept of [first, ...others]) await store.put(kept);
    const delivered: string[] = [];
    // Created, the client tries the oldest entry, which fails: the outbox backs off.
    const client = clientAt(server.url, store);
    await nextEvent(client.outbox, 'change');
    client.outbox.addEventListener('delivered', (event) => delivered.push(event.entry.id));
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      chokes,
      chokes,
    ]);

    await client.outbox.flush();
    expect(delivered).toEqual(others.map((kept) => kept.id));
    expect((await client.outbox.pending()).map((kept) => kept.id)).toEqual([chokes]);
  });
});

describe('outbox timing', () => {
  const idle = () => new Promise<void>((resolve) => setImmediate(resolve));

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function countingStore(): OutboxStore & { lists: number } {
    const store = memoryStore();
    const counting = {
      lists: 0,
      list: (endpoint: string) => {
        counting.lists += 1;
        return store.list(endpoint);
      },
      get: store.get,
      put: store.put,
      delete: store.delete,
    };
    return counting;
  }

  it('probes a server that stays down with one entry per round, backing off the whole outbox', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.spyOn(Math, 'random').mockReturnValue(1); // no jitter: 2 s, 4 s, 8 s
    const store = memoryStore();
    const endpoint = 'https://kontakt.example.se';
    const [a, b, c] = [3, 2, 1].map((minutes) =>
      entry(endpoint, { createdAt: new Date(Date.now() - minutes * 60_000).toISOString() }),
    ) as [OutboxEntry, OutboxEntry, OutboxEntry];
    for (const kept of [a, b, c]) await store.put(kept);
    const sent: string[] = [];
    const start = Date.now();
    const sentAt: number[] = [];
    new OutboxController(store, endpoint, async (kept) => {
      sent.push(kept.id);
      sentAt.push(Date.now() - start);
      throw new NetworkError('The server could not be reached.');
    });

    await idle();
    expect(sent).toEqual([a.id]);
    for (const step of [1_999, 1, 3_999, 1, 7_999, 1]) {
      vi.advanceTimersByTime(step);
      await idle();
    }
    expect(sent).toEqual([a.id, b.id, c.id, a.id]);
    expect(sentAt).toEqual([0, 2_000, 6_000, 14_000]);
  });

  it('waits instead of looking again at once while another tab sends an entry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let held = true;
    vi.stubGlobal('navigator', {
      locks: {
        request: async (
          _name: string,
          options: LockOptions,
          callback: (lock: Lock | null) => Promise<unknown>,
        ) => callback(held && options.ifAvailable ? null : ({} as Lock)),
      },
    });
    const store = countingStore();
    const endpoint = 'https://kontakt.example.se';
    await store.put(entry(endpoint));
    const sent: string[] = [];
    new OutboxController(store, endpoint, async (kept) => {
      sent.push(kept.id);
      return receipt;
    });
    await idle();
    const looks = store.lists;

    vi.advanceTimersByTime(1_000);
    await idle();
    expect(store.lists).toBe(looks);
    expect(sent).toEqual([]);

    held = false;
    vi.advanceTimersByTime(1_000);
    await idle();
    expect(sent).toHaveLength(1);
  });
});
