import type { AgentCase } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClientFor, agentRequests, submitCase } from '../test-support/agent-http.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts } from '../test-support/index.js';

/*
 * Parking a case until a date over real HTTP on the store under test, and the server bringing it
 * back by itself (its resumer started with it), with the consoles told.
 */

let server: TestServer;
let anna: TestSession;

beforeAll(async () => {
  server = await startTestServer({ accounts: await testAccounts() });
  anna = await signIn(server.url, 'anna');
});

afterAll(async () => {
  await server?.close();
});

const DAY = 24 * 60 * 60_000;
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

const submit = () => submitCase(server.url);
const agent = () => agentRequests(server.url, anna);
const setStatus = (reference: string, body: unknown) => agent().act(reference, 'status', body);
const read = (reference: string) => agent().read(reference);
const inboxRow = (reference: string) => agent().inboxRow(reference);

describe('parking a case until a date', () => {
  it('keeps the date in UTC: in the case, the inbox row, the timeline entry and the audit log', async () => {
    const reference = await submit();
    const at = new Date(Date.now() + 7 * DAY);
    at.setUTCMilliseconds(0);
    // The same moment, written with an offset.
    const local = `${new Date(at.getTime() + 2 * 60 * 60_000).toISOString().slice(0, 19)}+02:00`;
    const response = await setStatus(reference, { status: 'parked', resumeAt: local });
    expect(response.status).toBe(200);
    const parked = (await response.json()) as AgentCase;
    expect(parked).toMatchObject({ status: 'parked', resumeAt: at.toISOString(), version: 2 });
    expect(parked.timeline.at(-1)).toMatchObject({
      kind: 'status',
      status: 'parked',
      resumeAt: at.toISOString(),
      actor: { id: 'anna' },
    });
    expect((await read(reference)).resumeAt).toBe(at.toISOString());
    expect(await inboxRow(reference)).toMatchObject({
      status: 'parked',
      resumeAt: at.toISOString(),
    });
    const audit = await server.database.inspect((db) =>
      db
        .selectFrom('agent_audit')
        .select('detail')
        .where('case_reference', '=', reference)
        .executeTakeFirst(),
    );
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ resumeAt: at.toISOString() });
  });

  it('takes a date up to a year ahead; another case, and a case parked without one, have none', async () => {
    const reference = await submit();
    const soon = await setStatus(reference, { status: 'parked', resumeAt: fromNow(365 * DAY) });
    expect(soon.status).toBe(200);
    const other = await submit();
    expect((await read(other)).resumeAt).toBeNull();
    expect((await inboxRow(other))?.resumeAt).toBeNull();
    const undated = await setStatus(other, { status: 'parked' });
    expect(((await undated.json()) as AgentCase).resumeAt).toBeNull();
  });

  it.each([
    ['with another status', { status: 'in_progress', resumeAt: fromNow(DAY) }, 'only_when_paused'],
    ['that has passed', { status: 'parked', resumeAt: fromNow(-60_000) }, 'in_the_past'],
    ['more than a year ahead', { status: 'parked', resumeAt: fromNow(367 * DAY) }, 'too_far_ahead'],
  ])('refuses a date %s with 422 and changes nothing', async (_, body, code) => {
    const reference = await submit();
    const response = await setStatus(reference, body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'resumeAt', pointer: '/resumeAt', code }],
    });
    const found = await read(reference);
    expect(found).toMatchObject({ status: 'received', version: 1, resumeAt: null });
    expect(found.timeline.map((entry) => entry.kind)).toEqual(['message_in']);
  });

  it('ends the date with another status, with parked again without one, or with a forward', async () => {
    for (const next of [
      { path: 'status', body: { status: 'in_progress' } },
      { path: 'status', body: { status: 'parked' } },
      { path: 'forward', body: { department: 'skola', reason: 'Gäller skolskjuts' } },
    ]) {
      const reference = await submit();
      expect(
        (await setStatus(reference, { status: 'parked', resumeAt: fromNow(DAY) })).status,
      ).toBe(200);
      const response = await fetch(`${server.url}/v1/agent/cases/${reference}/${next.path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...anna.headers },
        body: JSON.stringify(next.body),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as AgentCase).resumeAt).toBeNull();
      const stored = await server.database.inspect((db) =>
        db
          .selectFrom('cases')
          .select('resume_at')
          .where('reference', '=', reference)
          .executeTakeFirst(),
      );
      expect(stored).toEqual({ resume_at: null });
    }
  });
});

describe('on its date', () => {
  const client = (session: TestSession) => agentClientFor(server.url, session);

  it('the case comes back by itself as in progress, and the consoles are told', async () => {
    const cases = client(anna).cases;
    const reference = await submit();
    const page = await cases.list({ limit: 1 });
    const watch = cases.watch({ after: page.cursor });
    const changes = watch[Symbol.asyncIterator]();
    // A second away: the server's resumer, woken by the parking, waits for it.
    const parked = await cases.setStatus(reference, {
      status: 'parked',
      resumeAt: fromNow(1000),
    });
    expect(parked.status).toBe('parked');
    const told: string[] = [];
    while (told.length < 2) {
      const { value } = await changes.next();
      if (value?.reference === reference) told.push(value.type);
    }
    watch.close();
    expect(told).toEqual(['case.updated', 'case.updated']);
    const back = await cases.get(reference);
    expect(back).toMatchObject({ status: 'in_progress', resumeAt: null, version: 3 });
    expect(back.timeline.at(-1)).toMatchObject({
      kind: 'status',
      status: 'in_progress',
      resumed: true,
      actor: null,
    });
    // The citizen still sees "in progress", with nothing new on their timeline.
    const publicCase = await server.database.inspect((db) =>
      db
        .selectFrom('case_timeline')
        .select('status')
        .where('case_reference', '=', reference)
        .execute(),
    );
    expect(publicCase.map((entry) => entry.status)).toEqual(['received', 'in_progress']);
  });
});
