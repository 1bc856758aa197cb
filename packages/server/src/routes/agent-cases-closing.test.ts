import type { AgentCase } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentRequests, submitCase } from '../test-support/agent-http.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import { caseColumns, signIn, startTestServer, testAccounts } from '../test-support/index.js';

/*
 * How a case was resolved (its closing reason), over real HTTP on the store under test: given with
 * `resolved` or `closed`, shown on the case, its inbox row, its timeline and the audit log, and
 * gone once the case is reopened.
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

const submit = () => submitCase(server.url);
const agent = () => agentRequests(server.url, anna);
const post = (reference: string, action: string, body: unknown) =>
  agent().act(reference, action, body);
const read = (reference: string) => agent().read(reference);
const inboxRow = (reference: string) => agent().inboxRow(reference);

async function setStatus(reference: string, body: unknown): Promise<AgentCase> {
  const response = await post(reference, 'status', body);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AgentCase;
}

const stored = (reference: string) =>
  caseColumns(server.database, reference, ['closing_reason', 'finished_at']);

describe('resolving a case with a closing reason', () => {
  it('keeps the reason: in the case, the inbox row, the timeline entry and the audit log', async () => {
    const reference = await submit();
    const resolved = await setStatus(reference, {
      status: 'resolved',
      closingReason: 'resolved_by_contact_center',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      closingReason: 'resolved_by_contact_center',
      version: 2,
    });
    expect(resolved.timeline.at(-1)).toMatchObject({
      kind: 'status',
      status: 'resolved',
      closingReason: 'resolved_by_contact_center',
      actor: { id: 'anna' },
    });
    expect((await read(reference)).closingReason).toBe('resolved_by_contact_center');
    expect(await inboxRow(reference)).toMatchObject({
      status: 'resolved',
      closingReason: 'resolved_by_contact_center',
    });
    const audit = await server.database.inspect((db) =>
      db
        .selectFrom('agent_audit')
        .select(['action', 'detail'])
        .where('case_reference', '=', reference)
        .executeTakeFirstOrThrow(),
    );
    expect(audit.action).toBe('case.status_set');
    expect(JSON.parse(audit.detail ?? '{}')).toEqual({
      status: 'resolved',
      visibility: 'internal',
      closingReason: 'resolved_by_contact_center',
    });
    const { finished_at } = await stored(reference);
    expect(finished_at).toBe(resolved.updatedAt);
  });

  it('takes every reason of the list with closed, and none at all', async () => {
    for (const closingReason of [
      'call_transferred',
      'referred_to_self_service',
      'forwarded_to_department',
    ]) {
      const reference = await submit();
      const closed = await setStatus(reference, { status: 'closed', closingReason });
      expect(closed).toMatchObject({ status: 'closed', closingReason });
      expect((await inboxRow(reference))?.closingReason).toBe(closingReason);
    }
    const without = await submit();
    const closed = await setStatus(without, { status: 'closed' });
    expect(closed.closingReason).toBeNull();
    expect(closed.timeline.at(-1)).not.toHaveProperty('closingReason');
    expect(await stored(without)).toMatchObject({ closing_reason: null });
    // An open case has none.
    const open = await submit();
    expect((await read(open)).closingReason).toBeNull();
    expect((await inboxRow(open))?.closingReason).toBeNull();
  });

  it.each([
    [
      'with another status',
      { status: 'in_progress', closingReason: 'call_transferred' },
      'only_when_finished',
    ],
    [
      'with duplicate',
      { status: 'duplicate', closingReason: 'call_transferred' },
      'only_when_finished',
    ],
    ['not in the list', { status: 'resolved', closingReason: 'solved' }, 'invalid_option'],
  ])('refuses a reason %s with 422 and changes nothing', async (_, body, code) => {
    const reference = await submit();
    const response = await post(reference, 'status', body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'closingReason', pointer: '/closingReason', code }],
    });
    const found = await read(reference);
    expect(found).toMatchObject({ status: 'received', version: 1, closingReason: null });
    expect(found.timeline.map((entry) => entry.kind)).toEqual(['message_in']);
    expect(await stored(reference)).toEqual({ closing_reason: null, finished_at: null });
  });

  it('forgets the reason when the case is reopened, forwarded or finished again without one', async () => {
    for (const next of [
      { path: 'status', body: { status: 'in_progress' } },
      { path: 'status', body: { status: 'waiting_for_citizen' } },
      { path: 'forward', body: { department: 'skola', reason: 'Gäller skolskjuts' } },
      { path: 'status', body: { status: 'closed' } },
    ]) {
      const reference = await submit();
      await setStatus(reference, { status: 'resolved', closingReason: 'call_transferred' });
      const response = await post(reference, next.path, next.body);
      expect(response.status).toBe(200);
      expect(((await response.json()) as AgentCase).closingReason).toBeNull();
      expect((await inboxRow(reference))?.closingReason).toBeNull();
      expect((await stored(reference)).closing_reason).toBeNull();
    }
  });

  it('shows a reason again only when the case is finished again with one', async () => {
    const reference = await submit();
    await setStatus(reference, { status: 'resolved', closingReason: 'call_transferred' });
    await setStatus(reference, { status: 'in_progress' });
    const again = await setStatus(reference, {
      status: 'closed',
      closingReason: 'referred_to_self_service',
    });
    expect(again.closingReason).toBe('referred_to_self_service');
    const entries = again.timeline.filter((entry) => entry.kind === 'status');
    expect(entries.map((entry) => [entry.status, entry.closingReason])).toEqual([
      ['resolved', 'call_transferred'],
      ['in_progress', undefined],
      ['closed', 'referred_to_self_service'],
    ]);
  });
});
