// The SDK against the real reference server (started in-process on a random port), where the
// behaviour depends on both sides: receipts, validation answers, idempotent resends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import type { NetworkError } from './errors/NetworkError.js';
import { isNetworkError } from './errors/NetworkError.js';
import type { ValidationError } from './errors/ValidationError.js';
import type { OutboxDeliveredEvent } from './outbox/events.js';
import { memoryStore } from './outbox/memory-store.js';
import { ReceiptSchema } from './schemas/index.js';
import { afterThisTest, cleanUp, server } from './test-support/real-servers.js';

const PAGE = 'https://gata.example.se/parkering/boendeparkering';
const message = {
  topic: 'parkering',
  message: 'Hur söker jag boendeparkering på Södervärn?',
  answerChannel: 'email',
  email: 'anna.andersson@example.se',
} as const;

afterEach(cleanUp);

const clientFor = (endpoint: string, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({
    endpoint,
    department: 'gata',
    pageUrl: () => PAGE,
    retry: { limit: 1, delay: () => 10 },
    outbox: memoryStore(),
    ...extra,
  });

const nextDelivery = (target: EventTarget) =>
  new Promise<OutboxDeliveredEvent>((resolve) =>
    target.addEventListener('delivered', (event) => resolve(event as OutboxDeliveredEvent), {
      once: true,
    }),
  );

describe('the SDK against the real server', () => {
  it('submits a question and gets a receipt for the one stored case', async () => {
    const api = await server();
    const receipt = await clientFor(api.url).cases.submit(message, { widget: 'kc-contact-form' });

    expect(ReceiptSchema.safeParse(receipt).success).toBe(true);
    expect(receipt.answerTimePromise).toEqual({ workingDays: 2 });
    expect(await api.countCases()).toBe(1);
  });

  it('reads a department with its categories', async () => {
    const api = await server();
    const department = await clientFor(api.url).departments.get();
    expect(department.id).toBe('gata');
    expect(department.categories.map((category) => category.id)).toContain('parkering');
  });

  it('reports a topic the department does not have as a field error, and stores nothing', async () => {
    const api = await server();
    const client = clientFor(api.url);
    const error = (await client.cases
      .submit({ ...message, topic: 'bygglov' })
      .catch((e: unknown) => e)) as ValidationError;

    expect(error).toMatchObject({ code: 'validation_failed', status: 422 });
    expect(error.fieldErrors).toMatchObject([{ field: 'topic', code: 'unknown_topic' }]);
    expect(await client.outbox.pending()).toEqual([]);
    expect(await api.countCases()).toBe(0);
  });

  it('reports an unknown department at origin.department', async () => {
    const api = await server();
    const error = (await clientFor(api.url, { department: 'okand' })
      .cases.submit(message)
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.fieldErrors).toMatchObject([
      { field: 'origin.department', code: 'invalid_option' },
    ]);
  });

  it('keeps a submission while the server is down and stores exactly one case once it is up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kontakt-sdk-'));
    afterThisTest(() => rm(dataDir, { recursive: true, force: true }));
    const first = await server({ dataDir });
    const { port, url } = first;
    await first.close();

    const client = clientFor(url);
    const error = (await client.cases.submit(message).catch((e: unknown) => e)) as NetworkError;
    expect(isNetworkError(error)).toBe(true);
    expect(error.queued?.id).toEqual(expect.any(String));

    const again = await server({ dataDir, port });
    const delivered = nextDelivery(client.outbox);
    await client.outbox.flush();
    const event = await delivered;

    expect(event.entry.id).toBe(error.queued?.id);
    expect(ReceiptSchema.safeParse(event.receipt).success).toBe(true);
    expect(await client.outbox.pending()).toEqual([]);
    expect(await again.countCases()).toBe(1);
  });

  it('stores one case when the answer is lost and the outbox sends the submission again', async () => {
    const api = await server();
    let answers = 0;
    // The server stores the case, but its answer never reaches the page (a dropped connection).
    const lossyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      answers += 1;
      if (answers === 1) throw new TypeError('fetch failed');
      return response;
    };
    const client = clientFor(api.url, { fetch: lossyFetch, retry: 0 });

    const error = (await client.cases.submit(message).catch((e: unknown) => e)) as NetworkError;
    expect(error.queued).toBeDefined();
    expect(await api.countCases()).toBe(1);

    const delivered = nextDelivery(client.outbox);
    await client.outbox.flush();
    expect(ReceiptSchema.safeParse((await delivered).receipt).success).toBe(true);
    expect(await api.countCases()).toBe(1);
  });
});

describe('sending the same message again', () => {
  it('with the same idempotency key gives the first receipt and makes one case', async () => {
    const running = await server();
    const client = clientFor(running.url);
    const first = await client.cases.submit(message, { idempotencyKey: 'again-1' });
    const second = await client.cases.submit(message, { idempotencyKey: 'again-1' });
    expect(second).toEqual(first);
    expect(await running.countCases()).toBe(1);
  });
});
