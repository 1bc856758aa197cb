import type { AgentCase } from '@kontakt/core/agent';
import type { PublicCase, Receipt } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts } from '../test-support/index.js';

/*
 * `POST /v1/agent/cases/{reference}/duplicate` on the store under test: the case closes as a
 * duplicate of another, its citizen's view names that one, and its sender and followers follow
 * it — with the tokens they hold, and by mail when they gave an address.
 */

let server: TestServer;
let anna: TestSession;

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    rateLimit: { windowMs: 60_000, max: 1000 },
    lookupLimit: { windowMs: 60_000, max: 1000, burst: 1000 },
  });
  anna = await signIn(server.url, 'anna');
});

afterAll(async () => {
  await server?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function sendFault(email?: string): Promise<Receipt> {
  const answer = await post('/v1/faults', {
    origin: {
      department: 'gata',
      pageUrl: 'https://gata.example.se/felanmalan',
      widget: 'kc-fault-report',
    },
    report: {
      category: 'gatubelysning',
      description: 'Lampan utanför nummer 12 är släckt.',
      answers: { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata'] },
      location: { lat: 55.6035, lon: 13.0011 },
      ...(email ? { contact: { email } } : { anonymous: true }),
    },
  });
  expect(answer.status).toBe(201);
  return (await answer.json()) as Receipt;
}

const markDuplicate = (reference: string, of: string, headers: Record<string, string> = {}) =>
  post(`/v1/agent/cases/${reference}/duplicate`, { of }, { ...anna.headers, ...headers });

const readAs = async (reference: string, token: string) => {
  const answer = await fetch(`${server.url}/v1/cases/${reference}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: answer.status, body: (await answer.json()) as PublicCase };
};

describe('POST /v1/agent/cases/{reference}/duplicate', () => {
  it('closes the case as a duplicate; its sender and followers follow the other case', async () => {
    const original = await sendFault();
    const duplicate = await sendFault('sara.berg@example.se');
    const followed = await post(`/v1/cases/${duplicate.reference}/followers`, {
      email: 'bo.ek@example.se',
      locale: 'en',
    });
    const follower = (await followed.json()) as { accessToken: string };

    const answer = await markDuplicate(duplicate.reference, original.reference.toLowerCase(), {
      'If-Match': '"1"',
    });
    expect(answer.status).toBe(200);
    const marked = (await answer.json()) as AgentCase;
    expect(marked.status).toBe('duplicate');
    expect(marked.timeline.at(-1)).toMatchObject({
      kind: 'status',
      status: 'duplicate',
      visibility: 'public',
    });

    // The citizen's view of the duplicate names the case handled instead.
    const seen = await readAs(duplicate.reference, duplicate.receiptToken);
    expect(seen.body).toMatchObject({ status: 'duplicate', duplicateOf: original.reference });
    expect(seen.body.timeline.at(-1)).toMatchObject({ status: 'duplicate' });

    // The tokens they hold open the original now.
    expect((await readAs(original.reference, duplicate.receiptToken)).status).toBe(200);
    expect((await readAs(original.reference, follower.accessToken)).status).toBe(200);

    // …and they are told of its progress.
    await post(`/v1/agent/cases/${original.reference}/take`, {}, anna.headers);
    const mails = await server.database.inspect((db) =>
      db
        .selectFrom('mail_outbox')
        .select(['recipient', 'subject'])
        .where('case_reference', '=', original.reference)
        .orderBy('recipient')
        .execute(),
    );
    expect(mails).toEqual([
      { recipient: 'bo.ek@example.se', subject: `Case ${original.reference}: In progress` },
      {
        recipient: 'sara.berg@example.se',
        subject: `Ärende ${original.reference}: Under behandling`,
      },
    ]);

    const audit = await server.database.inspect((db) =>
      db
        .selectFrom('agent_audit')
        .select(['action', 'detail'])
        .where('case_reference', '=', duplicate.reference)
        .where('action', '=', 'case.marked_duplicate')
        .execute(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toContain(original.reference);
  });

  it('keeps the other case through a note on the duplicate status, and drops it when reopened', async () => {
    const original = await sendFault();
    const duplicate = await sendFault();
    expect((await markDuplicate(duplicate.reference, original.reference)).status).toBe(200);
    const status = (body: unknown) =>
      post(`/v1/agent/cases/${duplicate.reference}/status`, body, anna.headers);
    await status({ status: 'duplicate', visibility: 'public', note: 'Samma lampa.' });
    expect((await readAs(duplicate.reference, duplicate.receiptToken)).body).toMatchObject({
      duplicateOf: original.reference,
    });
    await status({ status: 'in_progress', visibility: 'public' });
    const reopened = (await readAs(duplicate.reference, duplicate.receiptToken)).body;
    expect(reopened.status).toBe('in_progress');
    expect(reopened.duplicateOf).toBeUndefined();
  });

  it('refuses the case itself, an unknown case, a non-reference and a stale version', async () => {
    const one = await sendFault();
    const other = await sendFault();
    const cases: [string, string][] = [
      [one.reference, 'same_case'],
      ['KC-0000-0000', 'unknown_case'],
      ['not a reference', 'invalid_reference'],
    ];
    for (const [of, code] of cases) {
      const answer = await markDuplicate(one.reference, of);
      expect(answer.status, of).toBe(422);
      expect(await answer.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'of', code }],
      });
    }
    const stale = await markDuplicate(one.reference, other.reference, { 'If-Match': '"7"' });
    expect(stale.status).toBe(412);
  });
});
