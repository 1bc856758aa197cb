import type { CaseAccess, PublicCase, Receipt } from '@kontakt/core/schemas';
import { caseStatusWords } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts, validSubmission } from '../test-support/index.js';
import { readCaseChanges } from '../test-support/streams.js';

/*
 * A case's public changes on the store under test: the `case.changed` stream the tracker follows,
 * following someone else's open fault report, and the status mails to followers and to a fault
 * report's sender. The server has no mail settings: mail waits in the outbox, where it is read.
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

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function sendCase(): Promise<Receipt> {
  const answer = await fetch(`${server.url}/v1/cases`, json(validSubmission()));
  expect(answer.status).toBe(201);
  return (await answer.json()) as Receipt;
}

async function sendFault(contact?: Record<string, unknown>): Promise<Receipt> {
  const answer = await fetch(
    `${server.url}/v1/faults`,
    json({
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/felanmalan',
        widget: 'kc-fault-report',
      },
      report: {
        category: 'gatubelysning',
        description: 'Lampan utanför nummer 12 är släckt.',
        answers: { hur: 'slackt', stolpnummer: 'B-1234', antal: 2, var: ['gata'] },
        location: { lat: 55.603512, lon: 13.001187, address: 'Södergatan 12' },
        ...(contact ? { contact, answerLanguage: 'en' } : { anonymous: true }),
      },
    }),
  );
  expect(answer.status).toBe(201);
  return (await answer.json()) as Receipt;
}

async function act(reference: string, action: string, body: unknown): Promise<void> {
  const answer = await fetch(
    `${server.url}/v1/agent/cases/${reference}/${action}`,
    json(body, anna.headers),
  );
  expect(answer.status).toBe(200);
}

const follow = (reference: string, body: unknown = {}) =>
  fetch(`${server.url}/v1/cases/${reference}/followers`, json(body));

const mailsTo = (reference: string) =>
  server.database.inspect((db) =>
    db
      .selectFrom('mail_outbox')
      .select(['recipient as to', 'subject', 'body as text'])
      .where('case_reference', '=', reference)
      .orderBy('recipient')
      .execute(),
  );

const stream = (reference: string, token: string, lastEventId?: string) =>
  fetch(`${server.url}/v1/cases/${reference}/stream`, {
    headers: {
      Authorization: `Bearer ${token}`,
      ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
    },
  });

describe('GET /v1/cases/{reference}/stream', () => {
  it('tells each public change with the whole case, and resumes after Last-Event-ID', async () => {
    const receipt = await sendCase();
    const open = await stream(receipt.reference, receipt.receiptToken);
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toContain('text/event-stream');
    const live = readCaseChanges(open, 2);
    await act(receipt.reference, 'take', {});
    await act(receipt.reference, 'notes', { text: 'Ringde SBK, ingen svarade.' });
    await act(receipt.reference, 'status', {
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Skicka oss gärna ditt parkeringstillstånds nummer.',
    });
    const seen = await live;
    expect(seen.map((each) => each.case.status)).toEqual(['in_progress', 'waiting_for_citizen']);
    const last = seen[1]?.case;
    expect(last?.timeline.at(-1)).toMatchObject({
      status: 'waiting_for_citizen',
      note: 'Skicka oss gärna ditt parkeringstillstånds nummer.',
    });
    // The internal note is nowhere in what the citizen gets, not even as a time of change.
    expect(JSON.stringify(seen)).not.toContain('SBK');
    expect(seen[0]?.case.updatedAt).toBe(seen[0]?.case.timeline.at(-1)?.at);
    await act(receipt.reference, 'notes', { text: 'Internt igen.' });
    const read = await fetch(`${server.url}/v1/cases/${receipt.reference}`, {
      headers: { Authorization: `Bearer ${receipt.receiptToken}` },
    });
    expect(((await read.json()) as PublicCase).updatedAt).toBe(last?.updatedAt);

    // From the start without Last-Event-ID; after the first, only the second.
    const again = await readCaseChanges(await stream(receipt.reference, receipt.receiptToken), 2);
    expect(again.map((each) => each.id)).toEqual(seen.map((each) => each.id));
    const resumed = await readCaseChanges(
      await stream(receipt.reference, receipt.receiptToken, seen[0]?.id),
      1,
    );
    expect(resumed.map((each) => each.id)).toEqual([seen[1]?.id]);
  });

  it('answers a wrong token with the one 404', async () => {
    const receipt = await sendCase();
    const other = await sendCase();
    const answer = await stream(receipt.reference, other.receiptToken);
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { code: string }).code).toBe('case_not_found');
  });
});

describe('the language of a public note', () => {
  it('reaches the citizen with the note it was said of, and never without a public note', async () => {
    const receipt = await sendCase();
    const read = async () => {
      const answer = await fetch(`${server.url}/v1/cases/${receipt.reference}`, {
        headers: { Authorization: `Bearer ${receipt.receiptToken}` },
      });
      return ((await answer.json()) as PublicCase).timeline;
    };
    await act(receipt.reference, 'take', {});
    await act(receipt.reference, 'status', {
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Vilket registreringsnummer har bilen?',
      noteLanguage: 'sv',
    });
    expect((await read()).at(-1)).toEqual({
      at: expect.any(String),
      status: 'waiting_for_citizen',
      note: 'Vilket registreringsnummer har bilen?',
      noteLanguage: 'sv',
    });
    // An internal note says nothing to the citizen, its language neither.
    await act(receipt.reference, 'status', {
      status: 'in_progress',
      visibility: 'internal',
      note: 'Väntar på svar från parkeringen.',
      noteLanguage: 'sv',
    });
    expect(JSON.stringify(await read())).not.toContain('parkeringen');
    // A note whose language was not said has none.
    await act(receipt.reference, 'status', {
      status: 'in_progress',
      visibility: 'public',
      note: 'Vi tittar på det.',
    });
    expect((await read()).at(-1)).not.toHaveProperty('noteLanguage');
    const wrong = await fetch(
      `${server.url}/v1/agent/cases/${receipt.reference}/status`,
      json(
        { status: 'in_progress', visibility: 'public', note: 'Hej', noteLanguage: 'de' },
        anna.headers,
      ),
    );
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { errors: { field: string }[] }).errors).toEqual([
      expect.objectContaining({ field: 'noteLanguage', code: 'invalid_option' }),
    ]);
  });
});

describe('POST /v1/cases/{reference}/followers', () => {
  it('follows an open fault report: its public case with the rounded place, and a token', async () => {
    const receipt = await sendFault();
    const answer = await follow(receipt.reference, { email: 'Bo.Ek@Example.se', locale: 'sv' });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const access = (await answer.json()) as CaseAccess;
    expect(access.case).toMatchObject({
      reference: receipt.reference,
      channel: 'fault_report',
      topic: 'gatubelysning',
      fault: { category: 'gatubelysning', location: { lat: 55.6035, lon: 13.0012 }, photoCount: 0 },
    });
    expect(JSON.stringify(access)).not.toContain('Södergatan');
    const read = await fetch(`${server.url}/v1/cases/${receipt.reference}`, {
      headers: { Authorization: `Bearer ${access.accessToken}` },
    });
    expect(read.status).toBe(200);
  });

  it('answers a contact-form case and an unknown one with the one 404, a finished report 409', async () => {
    const contact = await sendCase();
    const fault = await sendFault();
    await act(fault.reference, 'status', { status: 'resolved', visibility: 'public' });
    const refused = [await follow(contact.reference), await follow('KC-0000-0000')];
    for (const answer of refused) {
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { code: string }).code).toBe('case_not_found');
    }
    const finished = await follow(fault.reference);
    expect(finished.status).toBe(409);
    expect(((await finished.json()) as { code: string }).code).toBe('case_not_followable');
  });

  it('mails each public status change to the followers and the sender, once per address', async () => {
    const receipt = await sendFault({ email: 'sara.berg@example.se' });
    expect(
      (await follow(receipt.reference, { email: 'bo.ek@example.se', locale: 'fi' })).status,
    ).toBe(201);
    // The sender following their own report too is still mailed once.
    expect((await follow(receipt.reference, { email: 'SARA.BERG@example.se' })).status).toBe(201);
    expect((await follow(receipt.reference, {})).status).toBe(201);

    await act(receipt.reference, 'take', {});
    await act(receipt.reference, 'notes', { text: 'Internt.' });
    const mails = await mailsTo(receipt.reference);
    const words = (locale: string) => caseStatusWords('in_progress', locale);
    expect(mails).toEqual([
      {
        to: 'bo.ek@example.se',
        subject: `Asia ${receipt.reference}: ${words('fi').label}`,
        text: expect.stringContaining(words('fi').meaning),
      },
      {
        to: 'sara.berg@example.se',
        subject: `Case ${receipt.reference}: ${words('en').label}`,
        text: expect.stringContaining(words('en').meaning),
      },
    ]);
  });

  it('stops following with the follower’s token: no more mail, and the token opens nothing', async () => {
    const receipt = await sendFault();
    const followed = await follow(receipt.reference, { email: 'bo.ek@example.se' });
    const { accessToken } = (await followed.json()) as CaseAccess;
    const unfollow = (token: string) =>
      fetch(`${server.url}/v1/cases/${receipt.reference}/followers`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      });
    // The sender's receipt token is no follower's: the one 404, as for any wrong token.
    const notFollowing = await unfollow(receipt.receiptToken);
    expect(notFollowing.status).toBe(404);
    expect(((await notFollowing.json()) as { code: string }).code).toBe('case_not_found');

    expect((await unfollow(accessToken)).status).toBe(204);
    expect((await unfollow(accessToken)).status).toBe(404);
    const read = await fetch(`${server.url}/v1/cases/${receipt.reference}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(read.status).toBe(404);
    await act(receipt.reference, 'take', {});
    expect(await mailsTo(receipt.reference)).toEqual([]);
  });

  it('lets a department’s page stop following across origins (preflight allows DELETE)', async () => {
    const preflight = await fetch(`${server.url}/v1/cases/KC-7F3K-9QXM/followers`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://gata.example.se',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
  });

  it('does not mail a contact-form case’s sender on a status change (an agent answers them)', async () => {
    const receipt = await sendCase();
    await act(receipt.reference, 'take', {});
    expect(await mailsTo(receipt.reference)).toEqual([]);
  });
});
