import type { AgentCase, AgentCasePage } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClientFor } from '../test-support/agent-http.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  LETTER_ANSWER,
  signIn,
  startTestServer,
  testAccounts,
  validSubmission,
} from '../test-support/index.js';

/*
 * The agent's case API over real HTTP on the store under test: sessions from real sign-ins
 * (Anna the agent, Sven the specialist of `skola`), cases from real submissions.
 */

let server: TestServer;
let anna: TestSession;
let sven: TestSession;

beforeAll(async () => {
  server = await startTestServer({ accounts: await testAccounts() });
  anna = await signIn(server.url, 'anna');
  sven = await signIn(server.url, 'sven');
});

afterAll(async () => {
  await server?.close();
});

async function submit(message: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission(message)),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

const get = (path: string, session?: TestSession) =>
  fetch(`${server.url}${path}`, { headers: session?.headers ?? {} });

const post = (
  path: string,
  body: unknown,
  session?: TestSession,
  headers: Record<string, string> = {},
) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...session?.headers, ...headers },
    body: JSON.stringify(body),
  });

describe('without a session', () => {
  it('answers every agent case endpoint 401, a receipt token being no session', async () => {
    const reference = await submit();
    const paths = [
      '/v1/agent/cases',
      `/v1/agent/cases/${reference}`,
      '/v1/agent/inbox/stream',
      '/v1/agent/reasons',
    ];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { Authorization: 'Bearer not-a-session' },
      });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    for (const action of ['take', 'notes', 'status']) {
      expect((await post(`/v1/agent/cases/${reference}/${action}`, {})).status).toBe(401);
    }
    expect((await post('/v1/agent/cases', {})).status).toBe(401);
  });

  it('refuses an action without the CSRF token', async () => {
    const reference = await submit();
    const response = await fetch(`${server.url}/v1/agent/cases/${reference}/notes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: anna.cookie },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(response.status).toBe(403);
  });
});

describe('the inbox and a case', () => {
  it('lists a citizen message as JSON no browser sniffs, and shows it verbatim', async () => {
    const text = '<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3)';
    const reference = await submit({
      message: text,
      needs: ['interpreter'],
      interpreterLanguage: 'arabiska',
    });
    const response = await get(`/v1/agent/cases?q=${reference}`, anna);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const page = (await response.json()) as AgentCasePage;
    expect(page.cases.map((each) => each.reference)).toEqual([reference]);
    const one = await get(`/v1/agent/cases/${reference}`, anna);
    expect(one.headers.get('etag')).toBe('"1"');
    const found = (await one.json()) as AgentCase;
    expect(found.message).toMatchObject({
      text,
      email: 'anna.andersson@example.se',
      needs: ['interpreter'],
      interpreterLanguage: 'arabiska',
    });
    expect(found.origin).toEqual({
      department: 'gata',
      pageUrl: 'https://gata.example.se/parkering/boendeparkering',
      widget: 'kc-contact-form',
    });
  });

  it("gives a letter case's name and postal address to staff, and no address to other cases", async () => {
    const reference = await submit({
      ...LETTER_ANSWER,
      postalAddress: { ...LETTER_ANSWER.postalAddress, postalCode: '21122' },
    });
    const found = (await (await get(`/v1/agent/cases/${reference}`, anna)).json()) as AgentCase;
    expect(found.answerChannel).toBe('letter');
    expect(found.message).toMatchObject({
      answerChannel: 'letter',
      name: 'Karin Holm',
      email: null,
      postalAddress: { street: 'Storgatan 1 lgh 1102', postalCode: '211 22', city: 'Malmö' },
    });
    const other = (await (
      await get(`/v1/agent/cases/${await submit()}`, anna)
    ).json()) as AgentCase;
    expect(other.message.postalAddress).toBeNull();
  });

  it('answers bad filters with field errors', async () => {
    const response = await get('/v1/agent/cases?status=nonsense&limit=0&after=zzz', anna);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['limit', 'status']);
    const after = await get('/v1/agent/cases?after=zzz', anna);
    expect(after.status).toBe(422);
    const order = await get('/v1/agent/cases?order=sideways', anna);
    expect(order.status).toBe(422);
    expect(((await order.json()) as { errors: { field: string }[] }).errors).toMatchObject([
      { field: 'order' },
    ]);
  });

  it('lists oldest first when asked, and pages on in that order', async () => {
    const word = 'turordningstest';
    const sent: string[] = [];
    for (let i = 0; i < 3; i++) sent.push(await submit({ message: `${word} nummer ${i}` }));
    const page = async (query: string) =>
      (await (await get(`/v1/agent/cases?q=${word}&${query}`, anna)).json()) as AgentCasePage;
    const newest = await page('limit=10');
    const references = newest.cases.map((row) => row.reference);
    expect([...references].sort()).toEqual([...sent].sort());

    const first = await page('order=oldest&limit=2');
    expect(first.next).not.toBe(null);
    const second = await page(`order=oldest&limit=2&after=${first.next}`);
    expect(second.next).toBe(null);
    const oldest = [...first.cases, ...second.cases].map((row) => row.reference);
    expect(oldest).toEqual([...references].reverse());
    const times = oldest.map(
      (reference) => newest.cases.find((row) => row.reference === reference)?.createdAt ?? '',
    );
    expect([...times].sort()).toEqual(times);
  });
});

describe('actions', () => {
  it('take, then a stale If-Match is refused with 412', async () => {
    const reference = await submit();
    const taken = await post(`/v1/agent/cases/${reference}/take`, {}, anna, { 'If-Match': '"1"' });
    expect(taken.status).toBe(200);
    expect(taken.headers.get('etag')).toBe('"2"');
    expect(((await taken.json()) as AgentCase).assignee).toEqual({
      id: 'anna',
      name: 'Anna Agent',
    });
    const stale = await post(`/v1/agent/cases/${reference}/notes`, { text: 'x' }, anna, {
      'If-Match': '"1"',
    });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { code: string }).code).toBe('version_conflict');
  });

  it('forwarding shows the case to that department specialist, and to no other', async () => {
    const reference = await submit();
    const other = await submit();
    expect((await get(`/v1/agent/cases/${reference}`, sven)).status).toBe(404);
    const forwarded = await post(
      `/v1/agent/cases/${reference}/forward`,
      { department: 'skola', reason: 'Gäller skolskjuts' },
      anna,
    );
    expect(forwarded.status).toBe(200);
    const seen = (await (await get('/v1/agent/cases', sven)).json()) as AgentCasePage;
    expect(seen.cases.map((each) => each.reference)).toContain(reference);
    expect(seen.cases.map((each) => each.reference)).not.toContain(other);
    expect((await get(`/v1/agent/cases/${reference}`, sven)).status).toBe(200);
    expect((await post(`/v1/agent/cases/${other}/notes`, { text: 'x' }, sven)).status).toBe(404);
  });

  it('refuses an unknown department or reason with field errors', async () => {
    const reference = await submit();
    const forward = await post(
      `/v1/agent/cases/${reference}/forward`,
      { department: 'nope', reason: 'x' },
      anna,
    );
    expect(forward.status).toBe(422);
    const reason = await post(`/v1/agent/cases/${reference}/reason`, { reason: 'nope' }, anna);
    expect(((await reason.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe(
      'unknown_reason',
    );
  });
});

describe('registering a call answered by letter', () => {
  const call = {
    channel: 'phone',
    department: 'gata',
    topic: 'parkering',
    notes: 'Ringde om boendeparkering; har ingen e-post och vill ha svar med posten.',
    answerChannel: 'letter',
  };

  it('refuses it without a name and an address, at each field', async () => {
    const response = await post('/v1/agent/cases', call, anna);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { code: string; errors: unknown[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toEqual([
      { field: 'name', pointer: '/name', code: 'required_for_channel' },
      { field: 'postalAddress', pointer: '/postalAddress', code: 'required_for_channel' },
    ]);
  });

  it('stores the address with the case, for the reply to go by post', async () => {
    const response = await post(
      '/v1/agent/cases',
      {
        ...call,
        name: 'Karin Holm',
        postalAddress: { street: 'Storgatan 1', postalCode: '211 22', city: 'Malmö' },
      },
      anna,
    );
    expect(response.status).toBe(201);
    const registered = (await response.json()) as AgentCase;
    expect(registered.message).toMatchObject({
      answerChannel: 'letter',
      name: 'Karin Holm',
      postalAddress: { street: 'Storgatan 1', postalCode: '211 22', city: 'Malmö' },
    });
  });
});

describe('the SDK', () => {
  const client = (session: TestSession) => agentClientFor(server.url, session);

  it('lists, takes, replies, tags and registers through client.cases', async () => {
    const cases = client(anna).cases;
    const reference = await submit({ message: 'Var hittar jag blanketten för boendeparkering?' });
    const page = await cases.list({ q: 'blanketten' });
    expect(page.cases.map((each) => each.reference)).toEqual([reference]);
    const taken = await cases.take(reference, { version: 1 });
    const replied = await cases.reply(
      reference,
      { via: 'email', text: 'Den finns på sidan Parkering.' },
      { version: taken.version },
    );
    expect(replied.firstAnsweredAt).not.toBeNull();
    expect(replied.mails).toEqual([expect.objectContaining({ to: 'anna.andersson@example.se' })]);
    const reasons = await cases.reasons();
    const avoidable = reasons.find((each) => each.avoidable);
    const tagged = await cases.tagReason(reference, {
      reason: avoidable?.id ?? '',
      page: 'https://gata.example.se/parkering',
    });
    expect(tagged.reason).toEqual({
      id: avoidable?.id,
      avoidable: true,
      page: 'https://gata.example.se/parkering',
    });
    const status = await cases.setStatus(reference, {
      status: 'resolved',
      visibility: 'public',
      note: 'Besvarat',
    });
    expect(status.status).toBe('resolved');
    const registered = await cases.register({
      channel: 'visit',
      department: 'gata',
      topic: 'parkering',
      notes: 'Besök i receptionen om boendeparkering',
    });
    expect(registered).toMatchObject({ channel: 'visit', status: 'assigned' });
    await expect(cases.take('KC-0000-0000')).rejects.toMatchObject({ code: 'case_not_found' });
  });

  it('watch tells of a new case and, for a specialist, only of their departments', async () => {
    // From the cursor of a page read first: nothing between the page and the stream is missed.
    const agentPage = await client(anna).cases.list({ limit: 1 });
    const specialistPage = await client(sven).cases.list({ limit: 1 });
    const agentWatch = client(anna).cases.watch({ after: agentPage.cursor });
    const specialistWatch = client(sven).cases.watch({ after: specialistPage.cursor });
    const agentChanges = agentWatch[Symbol.asyncIterator]();
    const specialistChanges = specialistWatch[Symbol.asyncIterator]();
    const unseen = await submit();
    const reference = await submit();
    await client(anna).cases.forward(reference, { department: 'skola', reason: 'Skolfråga' });
    expect((await agentChanges.next()).value).toMatchObject({
      type: 'case.created',
      reference: unseen,
    });
    expect((await agentChanges.next()).value).toMatchObject({ type: 'case.created', reference });
    expect((await agentChanges.next()).value).toMatchObject({ type: 'case.updated', reference });
    // The specialist hears of the forward only: not of either case's arrival.
    expect((await specialistChanges.next()).value).toMatchObject({
      type: 'case.updated',
      reference,
    });
    agentWatch.close();
    specialistWatch.close();
  });
});
