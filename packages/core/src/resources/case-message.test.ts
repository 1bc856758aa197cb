import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import type { KontaktError } from '../errors/KontaktError.js';
import { isNetworkError } from '../errors/NetworkError.js';
import type { ValidationError } from '../errors/ValidationError.js';
import { createMessageClient } from '../message-client.js';
import type { OutboxDeliveredEvent, OutboxFailedEvent } from '../outbox/events.js';
import { memoryStore } from '../outbox/memory-store.js';
import type { CaseMessageOutboxEntry } from '../outbox/types.js';
import type { PublicCase } from '../schemas/index.js';
import { MESSAGE_MAX_LENGTH } from '../schemas/index.js';
import type { FaultServer } from '../test-support/fault-server.js';
import { jpeg, problem, startFaultServer, uploaded } from '../test-support/fault-server.js';

/*
 * `client.cases.addMessage` against a scripted server: what it checks before sending, the request
 * it sends, its retries under one key, and the errors it rejects with.
 */

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const REFERENCE = 'KC-7F3K-9QXM';
const TOKEN = 'A'.repeat(43);

const updated: PublicCase = {
  reference: REFERENCE,
  channel: 'web_form',
  department: 'gata',
  topic: 'parkering',
  status: 'in_progress',
  createdAt: '2027-03-01T08:00:00.000Z',
  updatedAt: '2027-03-02T09:00:00.000Z',
  timeline: [
    { at: '2027-03-01T08:00:00.000Z', status: 'received' },
    { at: '2027-03-01T10:00:00.000Z', status: 'waiting_for_citizen', note: 'Vilket nummer?' },
    { at: '2027-03-02T09:00:00.000Z', status: 'in_progress' },
  ],
};

const clientFor = (url: string) =>
  createClient({
    endpoint: url,
    department: 'gata',
    outbox: false,
    retry: { limit: 2, delay: () => 5 },
  });

/** A client whose outbox keeps what it cannot send, in memory. */
const keepingClientFor = (url: string) =>
  createClient({
    endpoint: url,
    department: 'gata',
    outbox: memoryStore(),
    retry: { limit: 0 },
  });

const nextEvent = <T extends Event>(target: EventTarget, type: string) =>
  new Promise<T>((resolve) =>
    target.addEventListener(type, (event) => resolve(event as T), { once: true }),
  );

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the promise to reject');
    },
    (error: unknown) => error,
  );

describe('client.cases.addMessage', () => {
  it('sends the trimmed text with the sender’s token and a key, and resolves with the case', async () => {
    server = await startFaultServer(() => ({ status: 201, json: updated }));
    const found = await clientFor(server.url).cases.addMessage(
      'kc 7f3k 9qxm',
      { text: '  Nummer 4711.  ' },
      { accessToken: TOKEN },
    );
    expect(found).toEqual(updated);
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: `/v1/cases/${REFERENCE}/messages` });
    expect(JSON.parse(request?.body ?? '')).toEqual({ text: 'Nummer 4711.', photos: [] });
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks the reference and the text first, and sends nothing when either is invalid', async () => {
    server = await startFaultServer(() => ({ status: 201, json: updated }));
    const cases = clientFor(server.url).cases;
    const badReference = (await rejection(
      cases.addMessage('not a reference', { text: 'Hej' }, { accessToken: TOKEN }),
    )) as ValidationError;
    expect(badReference).toMatchObject({ kind: 'ValidationError', code: 'validation_failed' });
    expect(badReference.fieldErrors).toEqual([
      { field: 'reference', pointer: '/reference', code: 'invalid_reference' },
    ]);
    for (const [text, code] of [
      ['   ', 'required'],
      ['x'.repeat(MESSAGE_MAX_LENGTH + 1), 'too_long'],
    ]) {
      const error = (await rejection(
        cases.addMessage(REFERENCE, { text: text as string }, { accessToken: TOKEN }),
      )) as ValidationError;
      expect(error.kind).toBe('ValidationError');
      expect(error.fieldErrors).toEqual([expect.objectContaining({ field: 'text', code })]);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('retries a 503 and a dropped connection under one key: one message', async () => {
    server = await startFaultServer((_request, index) =>
      index === 0
        ? { status: 503, json: problem(503, 'service_unavailable') }
        : index === 1
          ? 'drop'
          : { status: 201, json: updated },
    );
    const found = await clientFor(server.url).cases.addMessage(
      REFERENCE,
      { text: 'Hej' },
      { accessToken: TOKEN, idempotencyKey: 'svar-1' },
    );
    expect(found.status).toBe('in_progress');
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'svar-1',
      'svar-1',
      'svar-1',
    ]);
  });

  it('uses a new key for each message', async () => {
    server = await startFaultServer(() => ({ status: 201, json: updated }));
    const cases = clientFor(server.url).cases;
    await cases.addMessage(REFERENCE, { text: 'Ett' }, { accessToken: TOKEN });
    await cases.addMessage(REFERENCE, { text: 'Två' }, { accessToken: TOKEN });
    const [first, second] = server.requests.map((request) => request.headers['idempotency-key']);
    expect(first).not.toBe(second);
  });

  it('rejects with the server’s code, without retrying a refusal', async () => {
    for (const [status, code] of [
      [409, 'case_finished'],
      [404, 'case_not_found'],
    ] as const) {
      server = await startFaultServer(() => ({ status, json: problem(status, code) }));
      const error = (await rejection(
        clientFor(server.url).cases.addMessage(REFERENCE, { text: 'Hej' }, { accessToken: TOKEN }),
      )) as KontaktError;
      expect(error).toMatchObject({ kind: 'KontaktError', code, status });
      expect(server.requests).toHaveLength(1);
      await server.close();
      server = undefined;
    }
  });

  it('rejects an answer that is not a public case with InvalidResponseError', async () => {
    server = await startFaultServer(() => ({ status: 201, json: { reference: REFERENCE } }));
    const error = (await rejection(
      clientFor(server.url).cases.addMessage(REFERENCE, { text: 'Hej' }, { accessToken: TOKEN }),
    )) as KontaktError;
    expect(error.kind).toBe('InvalidResponseError');
  });

  it('keeps a message it cannot send now, with its token and key, and the outbox delivers it with the case', async () => {
    let up = false;
    server = await startFaultServer(() =>
      up
        ? { status: 201, json: updated }
        : { status: 503, json: problem(503, 'service_unavailable') },
    );
    const client = keepingClientFor(server.url);
    const error = await rejection(
      client.cases.addMessage('kc 7f3k 9qxm', { text: ' Nummer 4711. ' }, { accessToken: TOKEN }),
    );
    expect(isNetworkError(error) && error.queued).toBeTruthy();
    const id = isNetworkError(error) ? error.queued?.id : undefined;
    expect(await client.outbox.pending()).toEqual([
      expect.objectContaining({
        id,
        kind: 'case-message',
        department: 'gata',
        reference: REFERENCE,
        accessToken: TOKEN,
        submission: { text: 'Nummer 4711.', photos: [] },
        attempts: 1,
      }),
    ]);

    up = true;
    const delivered = nextEvent<OutboxDeliveredEvent>(client.outbox, 'delivered');
    await client.outbox.flush();
    const event = await delivered;
    expect(event.case).toEqual(updated);
    expect(event.receipt).toBeUndefined();
    expect(event.entry.id).toBe(id);
    expect(await client.outbox.pending()).toEqual([]);
    // The first try and the resend: one message, under one key, with the sender's token.
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([id, id]);
    expect(server.requests.map((request) => request.url)).toEqual([
      `/v1/cases/${REFERENCE}/messages`,
      `/v1/cases/${REFERENCE}/messages`,
    ]);
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({
      text: 'Nummer 4711.',
      photos: [],
    });
  });

  it('gives a kept message up when the case was closed meanwhile, and keeps no refused one', async () => {
    let closed = false;
    server = await startFaultServer(() =>
      closed
        ? { status: 409, json: problem(409, 'case_finished') }
        : { status: 503, json: problem(503, 'service_unavailable') },
    );
    const client = keepingClientFor(server.url);
    await rejection(client.cases.addMessage(REFERENCE, { text: 'Hej' }, { accessToken: TOKEN }));
    expect(await client.outbox.pending()).toHaveLength(1);

    closed = true;
    const failed = nextEvent<OutboxFailedEvent>(client.outbox, 'failed');
    await client.outbox.flush();
    const { entry, error } = await failed;
    expect(entry).toMatchObject({ kind: 'case-message', submission: { text: 'Hej' } });
    expect(error).toMatchObject({ code: 'case_finished', status: 409 });
    expect(await client.outbox.pending()).toEqual([]);

    // Refused at once: rejected with the refusal, nothing kept.
    const refused = await rejection(
      client.cases.addMessage(REFERENCE, { text: 'Igen' }, { accessToken: TOKEN }),
    );
    expect(refused).toMatchObject({ code: 'case_finished' });
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('is left by a page that only sends messages, and sent once a client that reads cases shares the outbox', async () => {
    server = await startFaultServer(() => ({ status: 201, json: updated }));
    const store = memoryStore();
    const entry: CaseMessageOutboxEntry = {
      id: 'svar-kept',
      endpoint: server.url,
      department: 'gata',
      kind: 'case-message',
      reference: REFERENCE,
      accessToken: TOKEN,
      submission: { text: 'Nummer 4711.' },
      createdAt: new Date(Date.now() - 60_000).toISOString(),
      attempts: 1,
      nextAttemptAt: new Date(Date.now() - 1_000).toISOString(),
      expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    };
    await store.put(entry);

    // The contact form's client: its outbox cannot send it, and does not try.
    const messages = createMessageClient({
      endpoint: server.url,
      department: 'gata',
      outbox: store,
    });
    await messages.outbox.flush();
    expect(server.requests).toHaveLength(0);
    expect(await messages.outbox.pending()).toEqual([entry]);

    // A status tracker's client on the same page: the shared outbox now sends it, by itself.
    const delivered = nextEvent<OutboxDeliveredEvent>(messages.outbox, 'delivered');
    createClient({ endpoint: server.url, department: 'gata', outbox: store });
    expect((await delivered).case).toEqual(updated);
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'svar-kept',
    ]);
    expect(await messages.outbox.pending()).toEqual([]);
  });

  it('uploads its photos first, one at a time, and names them in photos', async () => {
    server = await startFaultServer((request, index) =>
      request.url.startsWith('/v1/photos')
        ? { status: 201, json: uploaded(index + 1) }
        : { status: 201, json: updated },
    );
    const progress: number[] = [];
    await keepingClientFor(server.url).cases.addMessage(
      REFERENCE,
      { text: 'Här är skadan.' },
      {
        accessToken: TOKEN,
        photos: [jpeg(300), jpeg(500)],
        onProgress: ({ loaded, total }) => progress.push(loaded / total),
      },
    );
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/photos?department=gata',
      '/v1/photos?department=gata',
      `/v1/cases/${REFERENCE}/messages`,
    ]);
    expect(JSON.parse(server.requests[2]?.body ?? '')).toEqual({
      text: 'Här är skadan.',
      photos: [uploaded(1).id, uploaded(2).id],
    });
    expect(progress.at(-1)).toBe(1);
  });

  it('keeps a message with the photos still to upload, and the outbox sends it with all of them', async () => {
    let down = true;
    server = await startFaultServer((request, index) => {
      if (down && index > 0) return { status: 503, json: problem(503, 'service_unavailable') };
      return request.url.startsWith('/v1/photos')
        ? { status: 201, json: uploaded(index + 1) }
        : { status: 201, json: updated };
    });
    const client = keepingClientFor(server.url);
    const error = await rejection(
      client.cases.addMessage(
        REFERENCE,
        { text: 'Här är skadan.' },
        { accessToken: TOKEN, photos: [jpeg(10), jpeg(20)] },
      ),
    );
    expect(isNetworkError(error) && error.queued).toBeTruthy();
    const [kept] = (await client.outbox.pending()) as [CaseMessageOutboxEntry?];
    // The first photo is uploaded and named; the second waits, with the message, under one key.
    expect(kept?.kind).toBe('case-message');
    expect(kept?.submission.photos).toEqual([uploaded(1).id]);
    expect(kept?.photos?.map((blob) => blob.size)).toEqual([20]);
    expect(Object.keys(kept?.uploaded ?? {})).toEqual([uploaded(1).id]);

    down = false;
    const delivered = nextEvent<OutboxDeliveredEvent>(client.outbox, 'delivered');
    await client.outbox.flush();
    expect((await delivered).case).toEqual(updated);
    expect(await client.outbox.pending()).toEqual([]);
    const [, , upload, send] = server.requests;
    expect(upload?.url).toBe('/v1/photos?department=gata');
    expect(upload?.body.length).toBe(20);
    expect(JSON.parse(send?.body ?? '').photos).toEqual([uploaded(1).id, uploaded(3).id]);
    expect(send?.headers['idempotency-key']).toBe(kept?.id);
  });

  it('refuses more photos than any department takes, before anything is sent', async () => {
    server = await startFaultServer(() => ({ status: 201, json: updated }));
    const error = (await rejection(
      keepingClientFor(server.url).cases.addMessage(
        REFERENCE,
        { text: 'Hej' },
        { accessToken: TOKEN, photos: Array.from({ length: 6 }, () => jpeg(10)) },
      ),
    )) as ValidationError;
    expect(error.fieldErrors).toEqual([
      { field: 'photos', pointer: '/photos', code: 'too_long', params: { maximum: 5 } },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('uploads a kept message’s photos for its own department, whichever client’s outbox sends it', async () => {
    let down = true;
    server = await startFaultServer((request, index) => {
      if (down) return { status: 503, json: problem(503, 'service_unavailable') };
      return request.url.startsWith('/v1/photos')
        ? { status: 201, json: uploaded(index + 1) }
        : { status: 201, json: updated };
    });
    const store = memoryStore();
    const options = { endpoint: server.url, outbox: store, retry: { limit: 0 } } as const;
    // The page's client comes first, and its sender is the shared outbox's.
    const page = createClient({ ...options, department: 'gata' });
    const ofCase = createClient({ ...options, department: 'skola' });
    await rejection(
      ofCase.cases.addMessage(
        REFERENCE,
        { text: 'Här.' },
        { accessToken: TOKEN, photos: [jpeg(10)] },
      ),
    );
    down = false;
    const delivered = nextEvent<OutboxDeliveredEvent>(page.outbox, 'delivered');
    await page.outbox.flush();
    await delivered;
    expect(server.requests.map((request) => request.url).slice(-2)).toEqual([
      '/v1/photos?department=skola',
      `/v1/cases/${REFERENCE}/messages`,
    ]);
  });
});
