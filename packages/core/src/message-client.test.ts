import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { isNetworkError } from './errors/NetworkError.js';
import { createMessageClient } from './message-client.js';
import { memoryStore } from './outbox/memory-store.js';
import type { FaultServer } from './test-support/fault-server.js';
import { message, problem, receipt, startFaultServer } from './test-support/fault-server.js';

const PAGE = 'https://gata.example.se/parkering';
let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createMessageClient', () => {
  it('has the endpoint, the department, cases.submit and the outbox, and nothing else', () => {
    const client = createMessageClient({
      endpoint: 'https://kontakt.example.se/api/',
      department: 'gata',
      outbox: false,
    });
    expect(Object.keys(client).sort()).toEqual(['cases', 'department', 'endpoint', 'outbox']);
    expect(Object.keys(client.cases)).toEqual(['submit']);
    expect(client.endpoint).toBe('https://kontakt.example.se/api');
    expect(client.department).toBe('gata');
  });

  it('refuses what createClient refuses', () => {
    for (const options of [
      { endpoint: 'ftp://x', department: 'gata' },
      { endpoint: 'https://x.se', department: 'Gata kontoret' },
    ]) {
      expect(() => createMessageClient(options)).toThrow(TypeError);
      expect(() => createClient(options)).toThrow(TypeError);
    }
    const tooLong = { endpoint: 'https://x.se', department: 'gata', outboxMaxAge: 0 };
    expect(() => createMessageClient(tooLong)).toThrow(RangeError);
  });

  it('shares the outbox of its endpoint and store with createClient', async () => {
    server = await startFaultServer((_, index) =>
      index < 2
        ? { status: 503, json: problem(503, 'service_unavailable') }
        : { status: 201, json: receipt },
    );
    const store = memoryStore();
    const options = {
      endpoint: server.url,
      department: 'gata',
      pageUrl: () => PAGE,
      retry: { limit: 1, delay: () => 1 },
      outbox: store,
    };
    const messages = createMessageClient(options);
    const whole = createClient(options);
    expect(messages.outbox).toBe(whole.outbox);

    const error = await messages.cases.submit(message).catch((e: unknown) => e);
    expect(isNetworkError(error) && error.queued).toBeTruthy();
    expect(await whole.outbox.pending()).toHaveLength(1);
    const delivered = new Promise((resolve) =>
      whole.outbox.addEventListener('delivered', resolve, { once: true }),
    );
    await whole.outbox.flush();
    await delivered;
    expect(await messages.outbox.pending()).toEqual([]);
  });

  it('sends a fault report another client kept, when its own sender is the outbox’s', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const store = memoryStore();
    const options = {
      endpoint: server.url,
      department: 'gata',
      pageUrl: () => PAGE,
      outbox: store,
    };
    // The message client is made first, so the shared outbox sends with its sender.
    const messages = createMessageClient(options);
    await store.put({
      id: 'kept-fault',
      endpoint: messages.endpoint,
      department: 'gata',
      kind: 'fault',
      submission: {
        origin: { department: 'gata', pageUrl: PAGE, widget: 'kc-fault-report' },
        report: {
          category: 'gatubelysning',
          description: 'Släckt',
          answers: {},
          location: { address: 'Södergatan 12' },
          photos: [],
          anonymous: true,
          answerLanguage: 'sv',
        },
      },
      createdAt: new Date().toISOString(),
      attempts: 1,
      nextAttemptAt: new Date().toISOString(),
    });
    await messages.outbox.flush();

    expect(server.requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /v1/faults',
    ]);
    expect(server.requests[0]?.headers['idempotency-key']).toBe('kept-fault');
    expect(await createClient(options).outbox.pending()).toEqual([]);
  });
});
