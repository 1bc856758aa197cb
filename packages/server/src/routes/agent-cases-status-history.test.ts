import type { AgentCase } from '@kontakt/core/agent';
import type { Receipt } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRequests } from '../test-support/agent-http.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts, validSubmission } from '../test-support/index.js';

/*
 * The time a case spends in each status (`statusHistory`), over real HTTP on the store under
 * test, on a clock of the test's own: every agent's action that moves the status, and the
 * citizen's answer, records the change at the action's time; the same status again, or an action
 * that leaves it, records nothing. A date coming due, a chat's end, Open311 and the migration are
 * tested in `agent-cases/status-history.test.ts` and `chat/agent-routes.test.ts`.
 */

let server: TestServer;
let anna: TestSession;
/** The server's clock, moved on by the tests (less than the session's idle time at a step). */
let now = new Date('2027-03-10T08:00:00.000Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000).toISOString();

beforeAll(async () => {
  server = await startTestServer({ accounts: await testAccounts(), now: () => now });
  anna = await signIn(server.url, 'anna');
});

afterAll(async () => {
  await server?.close();
});

/** Moves the clock on by `n` minutes; resolves with the new time. */
function tick(n = 10): string {
  now = new Date(minutes(n));
  return now.toISOString();
}

const agent = () => agentRequests(server.url, anna);

async function act(reference: string, action: string, body: unknown = {}): Promise<AgentCase> {
  const response = await agent().act(reference, action, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AgentCase;
}

async function submit(): Promise<Receipt & { at: string }> {
  const at = tick();
  const response = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission()),
  });
  expect(response.status).toBe(201);
  return { ...((await response.json()) as Receipt), at };
}

const storedChanges = (reference: string) =>
  server.database.inspect((db) =>
    db
      .selectFrom('case_status_changes')
      .select(['seq', 'at', 'from_status', 'to_status'])
      .where('case_reference', '=', reference)
      .orderBy('seq')
      .execute(),
  );

describe('a case’s status history', () => {
  it('is one open period of received from the arrival, and nothing is stored for it', async () => {
    const { reference, at } = await submit();
    const found = await agent().read(reference);
    expect(found.createdAt).toBe(at);
    expect(found.statusHistory).toEqual([{ status: 'received', from: at, until: null }]);
    expect(await storedChanges(reference)).toEqual([]);
  });

  it('records taking the case and each status an agent sets, at the action’s time', async () => {
    const { reference, at: arrived } = await submit();
    const taken = tick();
    await act(reference, 'take');
    const started = tick();
    await act(reference, 'status', { status: 'in_progress', visibility: 'internal' });
    const parked = tick();
    await act(reference, 'status', { status: 'parked', visibility: 'internal' });
    const resolved = tick();
    const answer = await act(reference, 'status', {
      status: 'resolved',
      closingReason: 'resolved_by_contact_center',
    });
    // The action's own answer has it too.
    expect(answer.statusHistory).toEqual([
      { status: 'received', from: arrived, until: taken },
      { status: 'assigned', from: taken, until: started },
      { status: 'in_progress', from: started, until: parked },
      { status: 'parked', from: parked, until: resolved },
      { status: 'resolved', from: resolved, until: null },
    ]);
    expect((await agent().read(reference)).statusHistory).toEqual(answer.statusHistory);
    expect(await storedChanges(reference)).toEqual([
      { seq: 1, at: taken, from_status: 'received', to_status: 'assigned' },
      { seq: 2, at: started, from_status: 'assigned', to_status: 'in_progress' },
      { seq: 3, at: parked, from_status: 'in_progress', to_status: 'parked' },
      { seq: 4, at: resolved, from_status: 'parked', to_status: 'resolved' },
    ]);
  });

  it('records nothing for the same status set again, nor for actions that leave it', async () => {
    const { reference, at: arrived } = await submit();
    const started = tick();
    await act(reference, 'status', { status: 'in_progress', visibility: 'internal' });
    tick();
    await act(reference, 'status', {
      status: 'in_progress',
      visibility: 'public',
      note: 'Vi tittar på det.',
    });
    tick();
    // Assigning a case in progress, and giving it back to nobody, keep its status.
    await act(reference, 'take');
    await act(reference, 'assign', { assignee: null });
    await act(reference, 'notes', { text: 'Ringer i morgon.' });
    const found = await act(reference, 'priority', { priority: 'high' });
    expect(found.version).toBe(7);
    expect(found.statusHistory).toEqual([
      { status: 'received', from: arrived, until: started },
      { status: 'in_progress', from: started, until: null },
    ]);
    expect(await storedChanges(reference)).toHaveLength(1);
  });

  it('records a forward, and the case reopened after it', async () => {
    const { reference, at: arrived } = await submit();
    const forwarded = tick();
    await act(reference, 'forward', { department: 'skola', reason: 'Gäller skolskjuts' });
    const reopened = tick();
    const found = await act(reference, 'status', {
      status: 'in_progress',
      visibility: 'internal',
    });
    expect(found.statusHistory).toEqual([
      { status: 'received', from: arrived, until: forwarded },
      { status: 'forwarded', from: forwarded, until: reopened },
      { status: 'in_progress', from: reopened, until: null },
    ]);
  });

  it('records the citizen’s answer ending the wait for them', async () => {
    const { reference, receiptToken, at: arrived } = await submit();
    const asked = tick();
    await act(reference, 'status', {
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Vilket nummer har ditt tillstånd?',
    });
    const answered = tick();
    const response = await fetch(`${server.url}/v1/cases/${reference}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${receiptToken}` },
      body: JSON.stringify({ text: 'Nummer 4711.' }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    // A second message while in progress changes no status.
    tick();
    const again = await fetch(`${server.url}/v1/cases/${reference}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${receiptToken}` },
      body: JSON.stringify({ text: 'Och 4712.' }),
    });
    expect(again.status).toBe(201);
    expect((await agent().read(reference)).statusHistory).toEqual([
      { status: 'received', from: arrived, until: asked },
      { status: 'waiting_for_citizen', from: asked, until: answered },
      { status: 'in_progress', from: answered, until: null },
    ]);
  });

  it('starts a registered call as assigned, with no received period and nothing stored', async () => {
    const at = tick();
    const response = await fetch(`${server.url}/v1/agent/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...anna.headers },
      body: JSON.stringify({
        channel: 'phone',
        department: 'gata',
        topic: 'parkering',
        notes: 'Frågade om boendeparkering.',
        phone: '070-123 45 67',
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const registered = (await response.json()) as AgentCase;
    expect(registered.statusHistory).toEqual([{ status: 'assigned', from: at, until: null }]);
    expect(await storedChanges(registered.reference)).toEqual([]);
    const done = tick();
    const found = await act(registered.reference, 'status', {
      status: 'resolved',
      visibility: 'internal',
    });
    expect(found.statusHistory).toEqual([
      { status: 'assigned', from: at, until: done },
      { status: 'resolved', from: done, until: null },
    ]);
  });
});

describe('statusSince', () => {
  it('is the arrival until the status changes, then the change, on the case and its inbox row', async () => {
    const { reference, at } = await submit();
    expect((await agent().read(reference)).statusSince).toBe(at);
    expect((await agent().inboxRow(reference))?.statusSince).toBe(at);
    const parked = tick();
    await act(reference, 'status', { status: 'parked', visibility: 'internal' });
    tick();
    // Another action that leaves the status where it is does not move it.
    await act(reference, 'notes', { text: 'Väntar på leveransen.' });
    expect((await agent().read(reference)).statusSince).toBe(parked);
    expect((await agent().inboxRow(reference))?.statusSince).toBe(parked);
  });

  it('is not known for a case from before the statuses were recorded that has not changed since', async () => {
    const { reference } = await submit();
    // As the migration's backfill leaves such a case: one change from a status not known.
    await server.database.inspect((db) =>
      db
        .insertInto('case_status_changes')
        .values({
          case_reference: reference,
          seq: 1,
          at: tick(),
          from_status: null,
          to_status: 'received',
        })
        .execute(),
    );
    expect((await agent().read(reference)).statusSince).toBe(null);
    expect((await agent().inboxRow(reference))?.statusSince).toBe(null);
    const taken = tick();
    await act(reference, 'take');
    expect((await agent().inboxRow(reference))?.statusSince).toBe(taken);
  });
});
