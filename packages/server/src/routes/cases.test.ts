import { createHash } from 'node:crypto';
import { ProblemSchema, ReceiptSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer, validSubmission } from '../test-support/departments.js';

let server: TestServer;
// Thursday before Easter 2027, 10:00 in Stockholm.
const now = new Date('2027-03-25T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => now, rateLimit: { windowMs: 60_000, max: 1000 } });
});
afterAll(() => server.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return ProblemSchema.parse(await response.json());
}

describe('POST /v1/cases', () => {
  it('stores the case and answers 201 with a receipt promising an answer after Easter', async () => {
    const response = await post(validSubmission());
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    expect(receipt.receiptToken).toHaveLength(43);
    // The receipt token is a secret: no browser, proxy or CDN cache may keep a copy.
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(receipt).toMatchObject({
      submittedAt: '2027-03-25T09:00:00.000Z',
      expectedAnswerBy: '2027-03-31T15:00:00.000Z',
      answerTimePromise: { workingDays: 2 },
    });

    const { row, timeline } = await server.database.inspect(async (db) => ({
      row: await db
        .selectFrom('cases')
        .selectAll()
        .where('reference', '=', receipt.reference)
        .executeTakeFirst(),
      timeline: await db
        .selectFrom('case_timeline')
        .select(['seq', 'status', 'at'])
        .where('case_reference', '=', receipt.reference)
        .execute(),
    }));
    expect(row).toMatchObject({
      department: 'gata',
      channel: 'web_form',
      page_url: 'https://gata.example.se/parkering/boendeparkering',
      widget: 'kc-contact-form',
      topic: 'parkering',
      status: 'received',
      receipt_token_hash: createHash('sha256').update(receipt.receiptToken).digest('hex'),
      created_at: '2027-03-25T09:00:00.000Z',
    });
    expect(JSON.stringify(row)).not.toContain(receipt.receiptToken);
    expect(JSON.parse(row?.message ?? '{}')).toMatchObject({
      message: 'Hur söker jag boendeparkering på Södervärn?',
      email: 'anna.andersson@example.se',
      answerLanguage: 'sv',
    });
    expect(timeline).toEqual([{ seq: 1, status: 'received', at: '2027-03-25T09:00:00.000Z' }]);
  });

  it('gives every case its own reference and token', async () => {
    const [a, b] = await Promise.all([post(validSubmission()), post(validSubmission())]);
    const [ra, rb] = [ReceiptSchema.parse(await a?.json()), ReceiptSchema.parse(await b?.json())];
    expect(ra.reference).not.toBe(rb.reference);
    expect(ra.receiptToken).not.toBe(rb.receiptToken);
  });

  it('lists every invalid field with a JSON pointer and a stable code', async () => {
    const response = await post(
      validSubmission(
        { message: '  ', answerChannel: 'phone', email: 'nope', phone: undefined },
        { pageUrl: 'javascript:alert(1)' },
      ),
    );
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/origin/pageUrl invalid_url',
      '/message/message required',
      '/message/email invalid_email',
      '/message/phone required_for_channel',
    ]);
  });

  it('refuses an unknown department at origin.department', async () => {
    const problem = await problemOf(await post(validSubmission({}, { department: 'hamn' })));
    expect(problem).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(problem.errors).toEqual([
      { field: 'origin.department', pointer: '/origin/department', code: 'invalid_option' },
    ]);
  });

  it("refuses a topic that is not one of the department's categories", async () => {
    const response = await post(validSubmission({ topic: 'skolmat' }));
    const problem = await problemOf(response);
    expect(problem.errors).toEqual([
      { field: 'message.topic', pointer: '/message/topic', code: 'unknown_topic' },
    ]);
  });

  it('reports a body that is not an object as a validation error at the root', async () => {
    const problem = await problemOf(await post('[1, 2]'));
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.[0]).toMatchObject({ pointer: '/', code: 'invalid_type' });
  });

  it('answers 400 invalid_json to a body that is not JSON', async () => {
    const response = await post('{"origin": ');
    expect(response.status).toBe(400);
    expect((await problemOf(response)).code).toBe('invalid_json');
  });

  it('answers 415 to a body that is not application/json', async () => {
    const response = await post(JSON.stringify(validSubmission()), {
      'Content-Type': 'text/plain',
    });
    expect(response.status).toBe(415);
    expect((await problemOf(response)).code).toBe('unsupported_media_type');
    const latin1 = await post(validSubmission(), {
      'Content-Type': 'application/json; charset=iso-8859-1',
    });
    expect(latin1.status).toBe(415);
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const huge = validSubmission({ message: 'x'.repeat(70 * 1024) });
    const declared = await post(huge);
    expect(declared.status).toBe(413);
    // The unread rest of the body must not be taken for the next request on the socket.
    expect(declared.headers.get('Connection')).toBe('close');
    expect((await problemOf(declared)).code).toBe('payload_too_large');

    const bytes = new TextEncoder().encode(JSON.stringify(huge));
    const streamed = await fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 403 when the page origin may not send to that department', async () => {
    const response = await post(validSubmission(), { Origin: 'https://skola.example.se' });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).code).toBe('origin_not_allowed');
    // skola's origin is allowed to call the API at all, so the browser may read why.
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://skola.example.se');
  });

  it("accepts the department's own origin and requests without an Origin", async () => {
    const fromPage = await post(validSubmission(), { Origin: 'https://gata.example.se' });
    expect(fromPage.status).toBe(201);
    expect(fromPage.headers.get('Access-Control-Allow-Origin')).toBe('https://gata.example.se');
    expect(fromPage.headers.get('Access-Control-Expose-Headers')).toContain('Idempotent-Replayed');
  });

  it('never leaks internals in an error', async () => {
    const response = await post('{"a":');
    const text = await response.text();
    expect(text).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });
});

describe('POST /v1/cases with an answer by letter', () => {
  const address = { street: 'c/o Holm, Storgatan 1 lgh 1102', postalCode: '21122', city: 'Malmö' };
  const letter = (message: Record<string, unknown> = {}) =>
    validSubmission({
      answerChannel: 'letter',
      email: undefined,
      name: 'Karin Holm',
      postalAddress: address,
      ...message,
    });
  /** The stored message and the mails queued for a case, as the store under test has them. */
  const stored = (reference: string) =>
    server.database.inspect(async (db) => ({
      message: JSON.parse(
        (
          await db
            .selectFrom('cases')
            .select('message')
            .where('reference', '=', reference)
            .executeTakeFirstOrThrow()
        ).message,
      ) as Record<string, unknown>,
      mails: await db
        .selectFrom('mail_outbox')
        .select('id')
        .where('case_reference', '=', reference)
        .execute(),
    }));

  it('stores the name and postal address, the postcode as the post writes it, and mails no one', async () => {
    const response = await post(letter());
    expect(response.status).toBe(201);
    const { reference } = ReceiptSchema.parse(await response.json());
    const { message, mails } = await stored(reference);
    expect(message).toMatchObject({
      answerChannel: 'letter',
      name: 'Karin Holm',
      postalAddress: {
        street: 'c/o Holm, Storgatan 1 lgh 1102',
        postalCode: '211 22',
        city: 'Malmö',
      },
    });
    expect(message).not.toHaveProperty('email');
    // Nobody to mail: the receipt is the answer to the request, and the letter comes by post.
    expect(mails).toEqual([]);
  });

  it('refuses a letter without a name or an address, at each field', async () => {
    const problem = await problemOf(
      await post(letter({ name: undefined, postalAddress: undefined })),
    );
    expect(problem).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(problem.errors).toEqual([
      { field: 'message.name', pointer: '/message/name', code: 'required_for_channel' },
      {
        field: 'message.postalAddress',
        pointer: '/message/postalAddress',
        code: 'required_for_channel',
      },
    ]);
  });

  it("refuses an address that is not Swedish post's, part by part", async () => {
    const response = await post(
      letter({ postalAddress: { street: ' ', postalCode: 'SE-211 22', city: 'Malmö' } }),
    );
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([
      {
        field: 'message.postalAddress.street',
        pointer: '/message/postalAddress/street',
        code: 'required',
        params: { minimum: 1 },
      },
      {
        field: 'message.postalAddress.postalCode',
        pointer: '/message/postalAddress/postalCode',
        code: 'invalid_postal_code',
      },
    ]);
  });

  it('keeps no postal address sent with an answer by e-mail', async () => {
    const response = await post(validSubmission({ postalAddress: address }));
    expect(response.status).toBe(201);
    const { reference } = ReceiptSchema.parse(await response.json());
    const { message } = await stored(reference);
    expect(message).toMatchObject({ answerChannel: 'email', email: 'anna.andersson@example.se' });
    expect(message).not.toHaveProperty('postalAddress');
    expect(JSON.stringify(message)).not.toContain('Storgatan');
  });
});
