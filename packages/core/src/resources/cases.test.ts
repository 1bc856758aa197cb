import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import { isKontaktError, KontaktError } from '../errors/KontaktError.js';
import { isNetworkError, NetworkError } from '../errors/NetworkError.js';
import { isValidationError, ValidationError } from '../errors/ValidationError.js';
import { createMessageClient } from '../message-client.js';
import { memoryStore } from '../outbox/memory-store.js';
import type { CaseOutboxEntry } from '../outbox/types.js';
import type { FaultServer } from '../test-support/fault-server.js';
import {
  jpeg,
  message,
  problem,
  receipt,
  startFaultServer,
  uploaded,
} from '../test-support/fault-server.js';

const PAGE = 'https://gata.example.se/parkering/boendeparkering';
const fast = { limit: 2, delay: () => 5 };
let server: FaultServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** `cases.submit` is the same whichever factory made the client. */
const factories = { createClient, createMessageClient };
let factory: (typeof factories)[keyof typeof factories] = createClient;

const clientFor = (url: string, extra: Parameters<typeof createClient>[0] | object = {}) =>
  factory({
    endpoint: url,
    department: 'gata',
    pageUrl: () => PAGE,
    retry: fast,
    outbox: memoryStore(),
    ...extra,
  });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe.each(Object.keys(factories) as (keyof typeof factories)[])('cases.submit (%s)', (name) => {
  beforeEach(() => {
    factory = factories[name];
  });

  it('sends the message with its origin and returns the parsed receipt', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const result = await clientFor(server.url).cases.submit(message, { widget: 'kc-contact-form' });

    expect(result).toEqual(receipt);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/cases');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      origin: { department: 'gata', pageUrl: PAGE, widget: 'kc-contact-form' },
      message: { ...message, answerLanguage: 'sv', needs: [], photos: [] },
    });
  });

  it('reads the page URL at submit time, so single-page apps report the page they are on', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    let page = 'https://gata.example.se/';
    const client = clientFor(server.url, { pageUrl: () => page });
    page = 'https://gata.example.se/snow';
    await client.cases.submit(message);
    await client.cases.submit(message, { pageUrl: 'https://gata.example.se/other' });

    const origins = server.requests.map((request) => JSON.parse(request.body).origin);
    expect(origins.map((origin) => origin.pageUrl)).toEqual([
      'https://gata.example.se/snow',
      'https://gata.example.se/other',
    ]);
    expect(origins[0].widget).toBe('sdk');
  });

  it('retries a 503 with the same Idempotency-Key and returns one receipt', async () => {
    server = await startFaultServer((_, index) =>
      index < 2
        ? { status: 503, json: problem(503, 'service_unavailable') }
        : { status: 201, json: receipt },
    );
    const result = await clientFor(server.url).cases.submit(message);

    expect(result.reference).toBe(receipt.reference);
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('uses a new Idempotency-Key for each submission', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const client = clientFor(server.url);
    await client.cases.submit(message);
    await client.cases.submit(message);
    const [first, second] = server.requests.map((request) => request.headers['idempotency-key']);
    expect(first).not.toBe(second);
  });

  it('honours Retry-After on a 429 before trying again', async () => {
    server = await startFaultServer((_, index) =>
      index === 0
        ? { status: 429, json: problem(429, 'rate_limited'), headers: { 'retry-after': '1' } }
        : { status: 201, json: receipt },
    );
    await clientFor(server.url).cases.submit(message);

    const [first, second] = server.requests;
    expect(server.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('does not wait in the call for a long Retry-After, but keeps the submission for later', async () => {
    server = await startFaultServer(() => ({
      status: 429,
      json: problem(429, 'rate_limited'),
      headers: { 'retry-after': '120' },
    }));
    const client = clientFor(server.url);
    const error = await rejection(client.cases.submit(message));

    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).status).toBe(429);
    expect((error as NetworkError).retryAfter).toBe(120_000);
    const [entry] = await client.outbox.pending();
    expect(Date.parse(entry?.nextAttemptAt ?? '') - Date.now()).toBeGreaterThan(110_000);
  });

  it('does not retry a 422 and reports the field errors relative to the message', async () => {
    server = await startFaultServer(() => ({
      status: 422,
      json: problem(422, 'validation_failed', {
        errors: [{ field: 'message.topic', pointer: '/message/topic', code: 'unknown_topic' }],
      }),
    }));
    const client = clientFor(server.url);
    const error = await rejection(client.cases.submit(message));

    expect(server.requests).toHaveLength(1);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'validation_failed',
      status: 422,
      fieldErrors: [{ field: 'topic', pointer: '/topic', code: 'unknown_topic' }],
    });
    expect((error as ValidationError).problem?.code).toBe('validation_failed');
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('turns a problem document into a KontaktError with its code and status, and keeps nothing', async () => {
    server = await startFaultServer(() => ({
      status: 403,
      json: problem(403, 'origin_not_allowed', { detail: 'This page may not send to gata.' }),
    }));
    const client = clientFor(server.url);
    const error = await rejection(client.cases.submit(message));

    expect(error).toBeInstanceOf(KontaktError);
    expect(isNetworkError(error)).toBe(false);
    expect(error).toMatchObject({
      code: 'origin_not_allowed',
      status: 403,
      message: 'This page may not send to gata.',
      fieldErrors: [],
    });
    expect(server.requests).toHaveLength(1);
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('gives an error answer without a problem document a code from its status', async () => {
    server = await startFaultServer(() => ({ status: 404, text: 'Not Found' }));
    const error = await rejection(clientFor(server.url, { outbox: false }).cases.submit(message));
    expect(error).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('validates the message first and sends nothing when it is invalid', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const error = await rejection(
      clientFor(server.url).cases.submit({ topic: '', message: ' ', answerChannel: 'email' }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'topic:required',
      'message:required',
      'email:required_for_channel',
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses to send without a page URL to record as the origin', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const error = await rejection(
      clientFor(server.url, { pageUrl: () => 'about:blank' }).cases.submit(message),
    );
    expect((error as ValidationError).fieldErrors).toMatchObject([
      { field: 'origin.pageUrl', code: 'invalid_url' },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects a success answer that is not a receipt with InvalidResponseError', async () => {
    server = await startFaultServer(() => ({ status: 201, json: { reference: 'nope' } }));
    const client = clientFor(server.url);
    const error = await rejection(client.cases.submit(message));

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ code: 'invalid_response' });
    const issues = (error as InvalidResponseError).cause as Array<{ path: PropertyKey[] }>;
    expect(issues.map((issue) => issue.path[0])).toContain('receiptToken');
    expect(server.requests).toHaveLength(1);
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('rejects a success answer that is not JSON with InvalidResponseError', async () => {
    server = await startFaultServer(() => ({ status: 201, text: '<html>ok</html>' }));
    const error = await rejection(clientFor(server.url).cases.submit(message));
    expect(error).toBeInstanceOf(InvalidResponseError);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    server = await startFaultServer(() => 'hang');
    // Long enough that each attempt reaches the server on a busy machine before it times out.
    const client = clientFor(server.url, {
      timeout: 400,
      retry: { limit: 1, delay: () => 1 },
      outbox: false,
    });
    const error = await rejection(client.cases.submit(message));

    expect(isNetworkError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'timeout', queued: undefined });
    await expect.poll(() => server?.requests.length).toBe(2);
  });

  it('stops when the caller aborts, and keeps nothing', async () => {
    server = await startFaultServer(() => 'hang');
    const client = clientFor(server.url);
    const controller = new AbortController();
    const pending = rejection(client.cases.submit(message, { signal: controller.signal }));
    await expect.poll(() => server?.requests.length).toBe(1);
    controller.abort();
    const error = await pending;

    expect(isKontaktError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'aborted' });
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('uploads the photos first, one at a time, and sends their ids in message.photos', async () => {
    server = await startFaultServer((request) =>
      request.url.startsWith('/v1/photos')
        ? { status: 201, json: uploaded(server?.requests.length ?? 0) }
        : { status: 201, json: receipt },
    );
    const photos = [jpeg(300), jpeg(500)];
    const progress: number[] = [];
    await clientFor(server.url).cases.submit(message, {
      photos,
      onProgress: ({ loaded, total }) => progress.push(loaded / total),
    });

    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/photos?department=gata',
      '/v1/photos?department=gata',
      '/v1/cases',
    ]);
    expect(server.requests[0]?.headers['content-type']).toBe('image/jpeg');
    expect(server.requests[0]?.body.length).toBe(300);
    const sent = JSON.parse(server.requests[2]?.body ?? '');
    expect(sent.message.photos).toEqual([uploaded(1).id, uploaded(2).id]);
    expect(progress.at(-1)).toBe(1);
  });

  it('keeps a message with the photos still to upload, and sends it with all of them later', async () => {
    let down = true;
    server = await startFaultServer((request, index) => {
      if (down && index > 0) return { status: 503, json: problem(503, 'service_unavailable') };
      return request.url.startsWith('/v1/photos')
        ? { status: 201, json: uploaded(index + 1) }
        : { status: 201, json: receipt };
    });
    const client = clientFor(server.url, { retry: { limit: 0 } });
    const error = await rejection(client.cases.submit(message, { photos: [jpeg(10), jpeg(20)] }));

    expect(isNetworkError(error) && error.queued).toBeTruthy();
    const [kept] = (await client.outbox.pending()) as [CaseOutboxEntry?];
    // The first photo is uploaded and named; the second waits, with the message, under one key.
    expect(kept?.kind).toBeUndefined();
    expect(kept?.submission.message.photos).toEqual([uploaded(1).id]);
    expect(kept?.photos?.map((blob) => blob.size)).toEqual([20]);

    down = false;
    await client.outbox.flush();
    expect(await client.outbox.pending()).toEqual([]);
    const [, , upload, send] = server.requests;
    expect(upload?.url).toBe('/v1/photos?department=gata');
    expect(upload?.body.length).toBe(20);
    expect(JSON.parse(send?.body ?? '').message.photos).toEqual([uploaded(1).id, uploaded(3).id]);
    expect(send?.headers['idempotency-key']).toBe(kept?.id);
  });

  it('names the photos it uploaded already when the same photos are sent again under the same key', async () => {
    let lost = true;
    server = await startFaultServer((request) => {
      if (request.url.startsWith('/v1/photos')) {
        return { status: 201, json: uploaded(server?.requests.length ?? 0) };
      }
      // The first message reaches the server, but its answer is lost.
      if (lost) {
        lost = false;
        return 'drop';
      }
      return { status: 201, json: receipt };
    });
    const client = clientFor(server.url, { retry: { limit: 0 }, outbox: false });
    const photos = [jpeg(10)];
    await rejection(client.cases.submit(message, { photos, idempotencyKey: 'key-photos-1' }));
    await client.cases.submit(message, { photos, idempotencyKey: 'key-photos-1' });

    const sent = server.requests.filter((request) => request.url === '/v1/cases');
    expect(server.requests.filter((request) => request.url.startsWith('/v1/photos'))).toHaveLength(
      1,
    );
    expect(sent.map((request) => request.body)).toEqual([sent[0]?.body, sent[0]?.body]);
  });

  it('uploads its photos again when the server no longer has them, and sends the message once more under its key', async () => {
    let refused = false;
    server = await startFaultServer((request, index) => {
      if (request.url.startsWith('/v1/photos')) return { status: 201, json: uploaded(index + 1) };
      if (refused) return { status: 201, json: receipt };
      refused = true;
      // The server lets a photo no case names expire after a day.
      const gone = {
        field: 'message.photos.0',
        pointer: '/message/photos/0',
        code: 'unknown_photo',
      };
      return { status: 422, json: problem(422, 'validation_failed', { errors: [gone] }) };
    });
    const photos = [jpeg(10), jpeg(20)];
    const result = await clientFor(server.url).cases.submit(message, { photos });

    expect(result).toEqual(receipt);
    const urls = server.requests.map((request) => request.url.replace(/\?.*/, ''));
    expect(urls).toEqual([
      ...['/v1/photos', '/v1/photos', '/v1/cases'],
      ...['/v1/photos', '/v1/photos', '/v1/cases'],
    ]);
    // The same bytes again, each new id in its photo's place, and the same key for both sends.
    expect(server.requests.slice(3, 5).map((request) => request.body.length)).toEqual([10, 20]);
    const [first, second] = server.requests.filter((request) => request.url === '/v1/cases');
    expect(JSON.parse(second?.body ?? '').message.photos).toEqual([uploaded(4).id, uploaded(5).id]);
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it('rejects with the field error when a photo it was given by id is unknown, after one more try', async () => {
    const named = uploaded(9).id;
    server = await startFaultServer((request, index) => {
      if (request.url.startsWith('/v1/photos')) return { status: 201, json: uploaded(index + 1) };
      const gone = {
        field: 'message.photos.0',
        pointer: '/message/photos/0',
        code: 'unknown_photo',
      };
      return { status: 422, json: problem(422, 'validation_failed', { errors: [gone] }) };
    });
    const client = clientFor(server.url);
    const error = await rejection(
      client.cases.submit({ ...message, photos: [named] }, { photos: [jpeg(10)] }),
    );

    expect((error as ValidationError).fieldErrors).toEqual([
      { field: 'photos.0', pointer: '/photos/0', code: 'unknown_photo' },
    ]);
    // Its own photo uploaded again (the server did not say which one it lacks), and one more try.
    expect(server.requests.map((request) => request.url.replace(/\?.*/, ''))).toEqual([
      '/v1/photos',
      '/v1/cases',
      '/v1/photos',
      '/v1/cases',
    ]);
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('keeps the photos it uploaded with a kept message, by id', async () => {
    server = await startFaultServer((request, index) =>
      request.url.startsWith('/v1/photos')
        ? { status: 201, json: uploaded(index + 1) }
        : { status: 503, json: problem(503, 'service_unavailable') },
    );
    const photo = jpeg(10);
    const client = clientFor(server.url, { retry: { limit: 0 } });
    await rejection(client.cases.submit(message, { photos: [photo] }));

    const [kept] = (await client.outbox.pending()) as [CaseOutboxEntry?];
    expect(kept?.submission.message.photos).toEqual([uploaded(1).id]);
    expect(kept?.photos).toBeUndefined();
    expect(kept?.uploaded).toEqual({ [uploaded(1).id]: photo });
  });

  it('refuses more than five photos before anything is sent', async () => {
    server = await startFaultServer(() => ({ status: 201, json: receipt }));
    const photos = Array.from({ length: 6 }, () => jpeg(10));
    const error = await rejection(clientFor(server.url).cases.submit(message, { photos }));

    expect(isValidationError(error)).toBe(true);
    expect((error as ValidationError).fieldErrors).toEqual([
      { field: 'photos', pointer: '/photos', code: 'too_long', params: { maximum: 5 } },
    ]);
    expect(server.requests).toEqual([]);
  });

  it('rejects with the send error, not a promise to send later, when the outbox cannot keep it', async () => {
    server = await startFaultServer(() => ({
      status: 503,
      json: problem(503, 'service_unavailable'),
    }));
    const refusing = memoryStore();
    refusing.put = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    const error = await rejection(
      clientFor(server.url, { outbox: refusing }).cases.submit(message),
    );

    expect(error).toMatchObject({ code: 'service_unavailable', status: 503 });
    expect(isNetworkError(error)).toBe(false);
  });
});
