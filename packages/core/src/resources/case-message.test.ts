import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import type { KontaktError } from '../errors/KontaktError.js';
import type { ValidationError } from '../errors/ValidationError.js';
import type { PublicCase } from '../schemas/index.js';
import { MESSAGE_MAX_LENGTH } from '../schemas/index.js';
import type { FaultServer } from '../test-support/fault-server.js';
import { problem, startFaultServer } from '../test-support/fault-server.js';

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
    expect(JSON.parse(request?.body ?? '')).toEqual({ text: 'Nummer 4711.' });
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
});
