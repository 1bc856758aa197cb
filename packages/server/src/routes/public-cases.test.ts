import type { CaseAccess, Receipt } from '@kontakt/core/schemas';
import { CaseAccessSchema, PublicCaseSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparable } from '../test-support/answers.js';
import type { TestServer } from '../test-support/index.js';
import { LETTER_ANSWER, startTestServer, validSubmission } from '../test-support/index.js';

/*
 * A citizen's access to a case on the store under test: the lookup by receipt token or e-mail
 * address, the read with the access token, and the one answer every wrong guess gets.
 */

let server: TestServer;

beforeAll(async () => {
  // Room for the tests' own lookups; the limit itself is tested on servers of its own below.
  server = await startTestServer({ lookupLimit: { windowMs: 60_000, max: 1000, burst: 1000 } });
});

afterAll(async () => {
  await server?.close();
});

async function sendCase(
  message: Record<string, unknown> = {},
  on: TestServer = server,
): Promise<Receipt> {
  const answer = await fetch(`${on.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission(message)),
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as Receipt;
}

const lookup = (reference: string, body: unknown, on: TestServer = server) =>
  fetch(`${on.url}/v1/cases/${encodeURIComponent(reference)}/lookup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const read = (reference: string, token: string) =>
  fetch(`${server.url}/v1/cases/${encodeURIComponent(reference)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });

describe('POST /v1/cases/{reference}/lookup', () => {
  it('opens a case with its receipt token: the public case, never the personal data', async () => {
    const receipt = await sendCase({ name: 'Anna Andersson', phone: '+46701234567' });
    const answer = await lookup(receipt.reference, { token: receipt.receiptToken });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const text = await answer.text();
    const access = CaseAccessSchema.parse(JSON.parse(text));
    expect(access.accessToken).toBe(receipt.receiptToken);
    expect(access.case).toMatchObject({
      reference: receipt.reference,
      channel: 'web_form',
      department: 'gata',
      topic: 'parkering',
      status: 'received',
      expectedAnswerBy: receipt.expectedAnswerBy,
      timeline: [{ status: 'received', at: receipt.submittedAt }],
    });
    for (const secret of ['Anna', 'anna.andersson', '4670', 'Södervärn', 'boendeparkering']) {
      expect(text).not.toContain(secret);
    }
  });

  it('takes the reference however typed (lower case, spaces, O for 0)', async () => {
    const receipt = await sendCase();
    const typed = ` ${receipt.reference.toLowerCase().replace(/-/g, ' ')} `.replace(/0/g, 'o');
    const answer = await lookup(typed, { token: receipt.receiptToken });
    expect(answer.status).toBe(200);
  });

  it('opens a case with the e-mail address it was sent with, trimmed and in any case', async () => {
    const receipt = await sendCase({ email: 'Sara.Berg@Example.se' });
    const answer = await lookup(receipt.reference, { email: '  sara.berg@EXAMPLE.SE ' });
    expect(answer.status).toBe(200);
    const access = (await answer.json()) as CaseAccess;
    expect(access.accessToken).not.toBe(receipt.receiptToken);
    expect(access.case.reference).toBe(receipt.reference);
    // The new token reads the case without the address; it is stored only as its hash.
    const again = await read(receipt.reference, access.accessToken);
    expect(again.status).toBe(200);
    const stored = await server.database.inspect((db) =>
      db
        .selectFrom('case_access')
        .selectAll()
        .where('case_reference', '=', receipt.reference)
        .execute(),
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(access.accessToken);
  });

  it('answers every wrong guess exactly as an unknown reference', async () => {
    const receipt = await sendCase();
    const phoned = await sendCase({
      answerChannel: 'phone',
      phone: '+46701234567',
      email: undefined,
    });
    const unknown = receipt.reference.endsWith('Z')
      ? `${receipt.reference.slice(0, -1)}Y`
      : `${receipt.reference.slice(0, -1)}Z`;
    const otherToken = (await sendCase()).receiptToken;
    const lookups = [
      await lookup(unknown, { token: receipt.receiptToken }),
      await lookup('KC-NOT-A-REF', { token: receipt.receiptToken }),
      await lookup(receipt.reference, { token: otherToken }),
      await lookup(receipt.reference, { email: 'someone.else@example.se' }),
      await lookup(phoned.reference, { email: 'anna.andersson@example.se' }),
      await lookup(unknown, { email: 'anna.andersson@example.se' }),
    ];
    const reads = [
      await read(unknown, receipt.receiptToken),
      await read(receipt.reference, otherToken),
      await read('nonsense', receipt.receiptToken),
      await fetch(`${server.url}/v1/cases/${receipt.reference}`),
    ];
    const first = await comparable(lookups[0] as Response);
    expect(first.status).toBe(404);
    expect(first.body).toMatchObject({ code: 'case_not_found' });
    for (const answer of lookups.slice(1)) expect(await comparable(answer)).toEqual(first);
    // Reads differ from lookups only in the general limit of their method (RateLimit-Limit).
    const firstRead = await comparable(reads[0] as Response);
    expect(firstRead.body).toEqual(first.body);
    expect(firstRead.headers.filter(([name]) => name !== 'ratelimit-limit')).toEqual(
      first.headers.filter(([name]) => name !== 'ratelimit-limit'),
    );
    for (const answer of reads.slice(1)) expect(await comparable(answer)).toEqual(firstRead);
  });

  it('refuses a body that is neither a token nor an address', async () => {
    const receipt = await sendCase();
    const answer = await lookup(receipt.reference, { token: 'short' });
    expect(answer.status).toBe(422);
    expect((await answer.json()) as unknown).toMatchObject({ code: 'validation_failed' });
  });
});

describe('GET /v1/cases/{reference}', () => {
  it('answers the public case to its receipt token, not cached', async () => {
    const receipt = await sendCase();
    const answer = await read(receipt.reference, receipt.receiptToken);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const found = PublicCaseSchema.parse(await answer.json());
    expect(found.reference).toBe(receipt.reference);
  });
});

describe('a case answered by letter', () => {
  it('shows its citizen the case, never the name or postal address, nor does Open311', async () => {
    const receipt = await sendCase(LETTER_ANSWER);
    const opened = await lookup(receipt.reference, { token: receipt.receiptToken });
    const got = await read(receipt.reference, receipt.receiptToken);
    const open311 = await fetch(`${server.url}/open311/v2/requests.json`);
    expect([opened.status, got.status, open311.status]).toEqual([200, 200, 200]);
    const views = [await opened.text(), await got.text()];
    expect(PublicCaseSchema.parse(JSON.parse(views[1] ?? '')).reference).toBe(receipt.reference);
    views.push(await open311.text());
    for (const view of views) {
      for (const secret of ['Karin', 'Holm', 'Storgatan', '1102', '211 22', 'Malmö', 'postal']) {
        expect(view).not.toContain(secret);
      }
    }
  });
});

describe('the lookup limit', () => {
  it('answers a thousand guessed references alike until the limit, then 429 with Retry-After', async () => {
    const limited = await startTestServer({
      rateLimit: { windowMs: 60_000, max: 100_000 },
      lookupLimit: { windowMs: 3_600_000, max: 1, burst: 200 },
    });
    try {
      const token = 'A'.repeat(43);
      let first: Awaited<ReturnType<typeof comparable>> | undefined;
      let notFound = 0;
      let tooMany = 0;
      for (let i = 0; i < 1_000; i++) {
        const guess = `KC-${(1000 + i).toString(32).toUpperCase().padStart(4, '0')}-7F3K`;
        const answer = await lookup(guess, { token }, limited);
        if (answer.status === 404) {
          expect(tooMany).toBe(0);
          const seen = await comparable(answer);
          first ??= seen;
          expect(seen).toEqual(first);
          notFound++;
        } else {
          expect(answer.status).toBe(429);
          expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(((await answer.json()) as { code: string }).code).toBe('rate_limited');
          tooMany++;
        }
      }
      expect(notFound).toBeGreaterThanOrEqual(200);
      expect(notFound).toBeLessThan(210);
      expect(tooMany).toBe(1_000 - notFound);
    } finally {
      await limited.close();
    }
  }, 120_000);

  it('lets 5 attempts through at once by default, and counts failed reads with a token', async () => {
    const limited = await startTestServer();
    try {
      const receipt = await sendCase({}, limited);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`${limited.url}/v1/cases/${receipt.reference}`, {
          headers: { Authorization: `Bearer ${'B'.repeat(43)}` },
        });
        statuses.push(answer.status);
      }
      // A read that succeeds costs nothing.
      const ok = await fetch(`${limited.url}/v1/cases/${receipt.reference}`, {
        headers: { Authorization: `Bearer ${receipt.receiptToken}` },
      });
      statuses.push(ok.status);
      for (let i = 0; i < 3; i++) {
        statuses.push((await lookup(receipt.reference, { email: 'x@example.se' }, limited)).status);
      }
      expect(statuses).toEqual([404, 404, 404, 200, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
