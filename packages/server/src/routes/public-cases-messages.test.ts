import type { AgentCase, AgentClient, AgentTimelineEntry } from '@kontakt/core/agent';
import { createAgentClient } from '@kontakt/core/agent';
import type { CaseAccess, PublicCase, Receipt } from '@kontakt/core/schemas';
import { MESSAGE_MAX_LENGTH, PublicCaseSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparable } from '../test-support/answers.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  signIn,
  startTestServer,
  testAccounts,
  validFaultSubmission,
  validSubmission,
} from '../test-support/index.js';
import { readCaseChanges } from '../test-support/streams.js';

/*
 * `POST /v1/cases/{reference}/messages` on the store under test: the sender answers the contact
 * center's question ("Väntar på dig"). Only the sender's token opens it; the text reaches the
 * agents' timeline, never anything public.
 */

let server: TestServer;
let anna: TestSession;
/** Anna's agent client: what the console reads (parsed with the agent contract). */
let agent: AgentClient;

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    rateLimit: { windowMs: 60_000, max: 1000 },
    lookupLimit: { windowMs: 60_000, max: 1000, burst: 1000 },
  });
  anna = await signIn(server.url, 'anna');
  agent = createAgentClient({
    endpoint: server.url,
    // Node's fetch keeps no cookies: the session's cookie and token go along by hand.
    fetch: (input, init) => {
      const request = new Request(input, init);
      for (const [name, value] of Object.entries(anna.headers)) request.headers.set(name, value);
      return fetch(request);
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function filed(path: string, body: unknown, on: TestServer = server): Promise<Receipt> {
  const answer = await fetch(`${on.url}${path}`, json(body));
  expect(answer.status).toBe(201);
  return (await answer.json()) as Receipt;
}

const sendCase = (on?: TestServer) => filed('/v1/cases', validSubmission(), on);
const sendFault = () => filed('/v1/faults', validFaultSubmission());

async function act(reference: string, action: string, body: unknown = {}): Promise<void> {
  const answer = await fetch(
    `${server.url}/v1/agent/cases/${reference}/${action}`,
    json(body, anna.headers),
  );
  expect(answer.status).toBe(200);
}

const QUESTION = 'Vilket nummer har ditt parkeringstillstånd?';

/** An agent asks the sender a question: the case waits for them. */
async function askSender(reference: string): Promise<void> {
  await act(reference, 'take');
  await act(reference, 'status', {
    status: 'waiting_for_citizen',
    visibility: 'public',
    note: QUESTION,
  });
}

const addMessage = (
  reference: string,
  token: string,
  body: unknown,
  headers: Record<string, string> = {},
  on: TestServer = server,
) =>
  fetch(
    `${on.url}/v1/cases/${encodeURIComponent(reference)}/messages`,
    json(body, { Authorization: `Bearer ${token}`, ...headers }),
  );

/** The agent's timeline entries of the citizen's later messages. */
const laterMessages = (found: AgentCase) =>
  found.timeline.filter(
    (entry): entry is Extract<AgentTimelineEntry, { kind: 'message_in' }> =>
      entry.kind === 'message_in' && entry.text !== undefined,
  );

const mailCount = async (reference: string) =>
  (
    await server.database.inspect((db) =>
      db
        .selectFrom('mail_outbox')
        .select('recipient')
        .where('case_reference', '=', reference)
        .execute(),
    )
  ).length;

describe('POST /v1/cases/{reference}/messages', () => {
  it('takes the sender’s answer: back in progress, told to the tracker and the inbox live', async () => {
    const receipt = await sendCase();
    await askSender(receipt.reference);
    const before = await agent.cases.get(receipt.reference);
    const page = await agent.cases.list({ limit: 1 });
    const inbox = agent.cases.watch({ after: page.cursor });
    const inboxChanges = inbox[Symbol.asyncIterator]();
    const tracker = await fetch(`${server.url}/v1/cases/${receipt.reference}/stream`, {
      headers: { Authorization: `Bearer ${receipt.receiptToken}` },
    });
    // From the start: taken (in progress), the question, and the answer's change.
    const live = readCaseChanges(tracker, 3);

    const answer = await addMessage(receipt.reference, receipt.receiptToken, {
      text: '  Det är nummer 4711-XY.  ',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const text = await answer.text();
    const found = PublicCaseSchema.parse(JSON.parse(text));
    expect(found).toMatchObject({ reference: receipt.reference, status: 'in_progress' });
    expect(found.timeline.slice(-2)).toEqual([
      expect.objectContaining({ status: 'waiting_for_citizen', note: QUESTION }),
      { status: 'in_progress', at: expect.any(String) },
    ]);
    expect(text).not.toContain('4711');

    const seen = await live;
    expect(seen.map((each) => each.case.status)).toEqual([
      'in_progress',
      'waiting_for_citizen',
      'in_progress',
    ]);
    expect(seen[2]?.case).toEqual(found);
    expect(JSON.stringify(seen)).not.toContain('4711');
    expect((await inboxChanges.next()).value).toMatchObject({
      type: 'case.updated',
      reference: receipt.reference,
    });
    inbox.close();

    const after = await agent.cases.get(receipt.reference);
    expect(after).toMatchObject({ status: 'in_progress', version: before.version + 1 });
    expect(after.updatedAt > before.updatedAt).toBe(true);
    // The first message is still the case's message; the answer is an entry of its own.
    expect(after.message.text).toBe('Hur söker jag boendeparkering på Södervärn?');
    expect(after.timeline[0]).toMatchObject({ kind: 'message_in', seq: 0 });
    expect(after.timeline.slice(-2)).toEqual([
      {
        kind: 'message_in',
        seq: expect.any(Number),
        at: expect.any(String),
        actor: null,
        channel: 'web_form',
        text: 'Det är nummer 4711-XY.',
        photos: [],
      },
      {
        kind: 'status',
        seq: expect.any(Number),
        at: expect.any(String),
        actor: null,
        status: 'in_progress',
        visibility: 'public',
      },
    ]);
    // The sender knows: a contact-form case's sender is never mailed a status, and no one else is.
    expect(await mailCount(receipt.reference)).toBe(0);
  });

  it('takes the token of an e-mail lookup, and leaves a case in progress as it is', async () => {
    const receipt = await sendCase();
    await act(receipt.reference, 'status', { status: 'in_progress', visibility: 'internal' });
    const looked = await fetch(
      `${server.url}/v1/cases/${receipt.reference}/lookup`,
      json({ email: 'anna.andersson@example.se' }),
    );
    const { accessToken, case: shown, sender } = (await looked.json()) as CaseAccess;
    expect(sender).toBe(true);
    const before = await agent.cases.get(receipt.reference);

    const answer = await addMessage(receipt.reference, accessToken, { text: 'En sak till.' });
    expect(answer.status).toBe(201);
    const found = (await answer.json()) as PublicCase;
    expect(found.status).toBe('in_progress');
    expect(found.timeline).toEqual(shown.timeline);

    const after = await agent.cases.get(receipt.reference);
    expect(after).toMatchObject({ status: 'in_progress', version: before.version + 1 });
    expect(after.timeline.map((entry) => entry.kind)).toEqual([
      ...before.timeline.map((entry) => entry.kind),
      'message_in',
    ]);
    expect(laterMessages(after).map((entry) => entry.text)).toEqual(['En sak till.']);
  });

  it('answers a follower’s, a duplicate’s sender’s and a wrong token with the one 404', async () => {
    const original = await sendFault();
    const duplicate = await sendFault();
    await askSender(original.reference);
    const followed = await fetch(
      `${server.url}/v1/cases/${original.reference}/followers`,
      json({ email: 'bo.ek@example.se' }),
    );
    const { accessToken: followerToken, sender: follows } = (await followed.json()) as CaseAccess;
    expect(follows).toBe(false);
    await act(duplicate.reference, 'duplicate', { of: original.reference });
    // The lookup says whose a token is, so the tracker offers the form to the sender alone.
    const whose = async (token: string) =>
      (
        (await (
          await fetch(`${server.url}/v1/cases/${original.reference}/lookup`, json({ token }))
        ).json()) as CaseAccess
      ).sender;
    expect(await whose(original.receiptToken)).toBe(true);
    expect(await whose(followerToken)).toBe(false);
    expect(await whose(duplicate.receiptToken)).toBe(false);
    // Both tokens read the case…
    for (const token of [followerToken, duplicate.receiptToken]) {
      const read = await fetch(`${server.url}/v1/cases/${original.reference}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(200);
    }
    const unknown = original.reference.endsWith('Z')
      ? `${original.reference.slice(0, -1)}Y`
      : `${original.reference.slice(0, -1)}Z`;
    const body = { text: 'Stolpen har nummer B-1234.' };
    // …but neither is the sender's.
    const refused = [
      await addMessage(original.reference, followerToken, body),
      await addMessage(original.reference, duplicate.receiptToken, body),
      await addMessage(original.reference, 'A'.repeat(43), body),
      await addMessage(unknown, original.receiptToken, body),
      await addMessage('KC-NOT-A-REF', original.receiptToken, body),
      await fetch(`${server.url}/v1/cases/${original.reference}/messages`, json(body)),
    ];
    const first = await comparable(refused[0] as Response);
    expect(first.status).toBe(404);
    expect(first.body).toMatchObject({ code: 'case_not_found' });
    for (const answer of refused.slice(1)) expect(await comparable(answer)).toEqual(first);
    const lookup = await comparable(
      await fetch(`${server.url}/v1/cases/${unknown}/lookup`, json({ token: 'A'.repeat(43) })),
    );
    expect(lookup).toEqual(first);

    const after = await agent.cases.get(original.reference);
    expect(after.status).toBe('waiting_for_citizen');
    expect(laterMessages(after)).toEqual([]);
  });

  it('counts against the general limit of POSTs', async () => {
    const limited = await startTestServer({ rateLimit: { windowMs: 60_000, max: 3 } });
    try {
      const receipt = await sendCase(limited);
      const answers: Response[] = [];
      for (let i = 0; i < 3; i++) {
        answers.push(
          await addMessage(receipt.reference, receipt.receiptToken, { text: 'Hej' }, {}, limited),
        );
      }
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 429]);
      expect(answers[0]?.headers.get('ratelimit-limit')).toBe('3');
      expect(await answers[2]?.json()).toMatchObject({ code: 'rate_limited' });
    } finally {
      await limited.close();
    }
  });

  it('spends an attempt of the lookup limit on each refusal, none on the sender’s answer', async () => {
    const limited = await startTestServer({
      lookupLimit: { windowMs: 3_600_000, max: 1, burst: 2 },
    });
    try {
      const receipt = await sendCase(limited);
      const statuses: number[] = [];
      for (const token of [receipt.receiptToken, 'B'.repeat(43), 'B'.repeat(43), 'B'.repeat(43)]) {
        const answer = await addMessage(receipt.reference, token, { text: 'Hej' }, {}, limited);
        statuses.push(answer.status);
      }
      // Out of attempts, the sender is refused too, as for any read.
      statuses.push(
        (await addMessage(receipt.reference, receipt.receiptToken, { text: 'Hej' }, {}, limited))
          .status,
      );
      expect(statuses).toEqual([201, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });

  it('refuses a finished case with 409 case_finished and stores nothing', async () => {
    for (const status of ['resolved', 'closed']) {
      const receipt = await sendCase();
      await act(receipt.reference, 'status', { status, visibility: 'public' });
      const before = await agent.cases.get(receipt.reference);
      const answer = await addMessage(receipt.reference, receipt.receiptToken, { text: 'Hallå?' });
      expect(answer.status).toBe(409);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.json()).toMatchObject({
        code: 'case_finished',
        detail: 'The case is finished; send a new message instead.',
      });
      expect(await agent.cases.get(receipt.reference)).toEqual(before);
    }
  });

  it('refuses a text that is empty or too long with 422 on `text`', async () => {
    const receipt = await sendCase();
    const cases: [unknown, string][] = [
      [{ text: '   ' }, 'required'],
      [{}, 'required'],
      [{ text: 'x'.repeat(MESSAGE_MAX_LENGTH + 1) }, 'too_long'],
      [{ text: 42 }, 'invalid_type'],
    ];
    for (const [body, code] of cases) {
      const answer = await addMessage(receipt.reference, receipt.receiptToken, body);
      expect(answer.status).toBe(422);
      expect(await answer.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'text', pointer: '/text', code }],
      });
    }
    expect(laterMessages(await agent.cases.get(receipt.reference))).toEqual([]);
  });

  it('answers the same Idempotency-Key and body once: one message, the same answer again', async () => {
    const receipt = await sendCase();
    await askSender(receipt.reference);
    const body = { text: 'Nummer 4711.' };
    const key = { 'Idempotency-Key': 'svar-1' };
    const first = await addMessage(receipt.reference, receipt.receiptToken, body, key);
    const again = await addMessage(receipt.reference, receipt.receiptToken, body, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(await first.text());
    expect(laterMessages(await agent.cases.get(receipt.reference))).toHaveLength(1);

    // The same key with another text is refused as `POST /v1/cases` refuses it.
    const other = await addMessage(receipt.reference, receipt.receiptToken, { text: 'Annat' }, key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe('idempotency_key_reused');
    // Keys are the case's own: another case's message may use the same one.
    const elsewhere = await sendCase();
    expect((await addMessage(elsewhere.reference, elsewhere.receiptToken, body, key)).status).toBe(
      201,
    );
    expect(laterMessages(await agent.cases.get(receipt.reference))).toHaveLength(1);
  });

  it('keeps the text out of everything public: the case, its stream, Open311, mail', async () => {
    const receipt = await sendFault();
    await fetch(
      `${server.url}/v1/cases/${receipt.reference}/followers`,
      json({ email: 'bo.ek@example.se' }),
    );
    await askSender(receipt.reference);
    const mailsBefore = await mailCount(receipt.reference);
    const secret = 'Stolpen står vid Kalle Ankas hus';
    const answer = await addMessage(receipt.reference, receipt.receiptToken, { text: secret });
    expect(answer.status).toBe(201);
    const views = [
      await answer.text(),
      await (
        await fetch(`${server.url}/v1/cases/${receipt.reference}`, {
          headers: { Authorization: `Bearer ${receipt.receiptToken}` },
        })
      ).text(),
      JSON.stringify(
        await readCaseChanges(
          await fetch(`${server.url}/v1/cases/${receipt.reference}/stream`, {
            headers: { Authorization: `Bearer ${receipt.receiptToken}` },
          }),
          3,
        ),
      ),
      await (await fetch(`${server.url}/open311/v2/requests.json`)).text(),
      await (
        await fetch(`${server.url}/open311/v2/requests/${receipt.reference}.json?extensions=true`)
      ).text(),
    ];
    expect(views[3]).toContain(receipt.reference);
    for (const view of views) expect(view).not.toContain('Kalle');
    // Neither the sender nor the follower is mailed of the case going back to work.
    expect(await mailCount(receipt.reference)).toBe(mailsBefore);
    const agentView = await agent.cases.get(receipt.reference);
    expect(laterMessages(agentView).map((entry) => entry.text)).toEqual([secret]);
  });
});
