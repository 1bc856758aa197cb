import type { AgentCase, AgentCasePage, AgentCaseSummary } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentClientFor, agentRequests, submitCase } from '../test-support/agent-http.js';
import type { TestServer, TestSession } from '../test-support/index.js';
import {
  caseAudit,
  caseColumns,
  signIn,
  startTestServer,
  testAccounts,
} from '../test-support/index.js';

/*
 * A case's priority (Hög / Medel / Låg) over real HTTP on the store under test: `medium` on a new
 * case, set by an agent (or by a specialist on a case forwarded to them), shown on the case, its
 * inbox row, its timeline and the audit log, and filtered by in the inbox.
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

const submit = (message?: Record<string, unknown>) => submitCase(server.url, message);
const agent = (session = anna) => agentRequests(server.url, session);
const read = (reference: string) => agent().read(reference);
const inboxRow = (reference: string) => agent().inboxRow(reference);

/** `POST …/priority` with `body`, and `If-Match` when a version is given. */
const setPriority = (reference: string, body: unknown, session = anna, ifMatch?: string) =>
  fetch(`${server.url}/v1/agent/cases/${reference}/priority`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...session.headers,
      ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
    },
    body: JSON.stringify(body),
  });

async function setTo(reference: string, priority: string, session = anna): Promise<AgentCase> {
  const response = await setPriority(reference, { priority }, session);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AgentCase;
}

const stored = (reference: string) =>
  caseColumns(server.database, reference, ['priority', 'version']);

const auditOf = (reference: string) => caseAudit(server.database, reference);

async function inbox(query: string, session = anna): Promise<AgentCasePage> {
  const response = await fetch(`${server.url}/v1/agent/cases?${query}`, {
    headers: session.headers,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AgentCasePage;
}

/** A word no other case of this server has, so a search finds only this test's cases. */
const uniqueWord = () => `prio${Math.random().toString(36).slice(2, 10)}`;

describe("a case's priority", () => {
  it('is medium on a new case: in the case and its inbox row', async () => {
    const reference = await submit();
    const found = await read(reference);
    expect(found.priority).toBe('medium');
    expect(found.timeline.map((entry) => entry.kind)).toEqual(['message_in']);
    expect((await inboxRow(reference))?.priority).toBe('medium');
    expect((await stored(reference)).priority).toBe('medium');
  });

  it('set to high shows in the case, its inbox row, a timeline entry with who set it, and the audit log', async () => {
    const reference = await submit();
    const response = await setPriority(reference, { priority: 'high' }, anna, '"1"');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const high = (await response.json()) as AgentCase;
    expect(high).toMatchObject({ priority: 'high', status: 'received', version: 2 });
    expect(high.timeline.at(-1)).toMatchObject({
      kind: 'priority',
      priority: 'high',
      actor: { id: 'anna', name: 'Anna Agent' },
    });
    expect((await read(reference)).priority).toBe('high');
    expect(await inboxRow(reference)).toMatchObject({ priority: 'high', version: 2 });
    const audit = await auditOf(reference);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ agent_id: 'anna', action: 'case.priority_set' });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({ priority: 'high' });

    // Lowered, then set to what it already is: each is an entry, as a status set again is.
    await setTo(reference, 'low');
    const again = await setTo(reference, 'low');
    expect(again).toMatchObject({ priority: 'low', version: 4 });
    const entries = again.timeline.filter((entry) => entry.kind === 'priority');
    expect(entries.map((entry) => entry.priority)).toEqual(['high', 'low', 'low']);
    expect((await inboxRow(reference))?.priority).toBe('low');
  });

  it.each([
    ['not in the list', { priority: 'urgent' }, 'invalid_option'],
    ['in capitals', { priority: 'High' }, 'invalid_option'],
    // The contract's enum names one code for whatever is not one of its options.
    ['missing', {}, 'invalid_option'],
  ])('refuses a priority %s with 422 and changes nothing', async (_, body, code) => {
    const reference = await submit();
    const response = await setPriority(reference, body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'priority', pointer: '/priority', code }],
    });
    const found = await read(reference);
    expect(found).toMatchObject({ priority: 'medium', version: 1 });
    expect(found.timeline.map((entry) => entry.kind)).toEqual(['message_in']);
    expect(await stored(reference)).toEqual({ priority: 'medium', version: 1 });
    expect(await auditOf(reference)).toEqual([]);
  });

  it('refuses a stale If-Match with 412 version_conflict and changes nothing', async () => {
    const reference = await submit();
    await agent().act(reference, 'notes', { text: 'Ringde upp, inget svar' });
    const response = await setPriority(reference, { priority: 'high' }, anna, '"1"');
    expect(response.status).toBe(412);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await response.json()).toMatchObject({ code: 'version_conflict' });
    const found = await read(reference);
    expect(found).toMatchObject({ priority: 'medium', version: 2 });
    expect(found.timeline.map((entry) => entry.kind)).toEqual(['message_in', 'note']);
    expect(await stored(reference)).toEqual({ priority: 'medium', version: 2 });
  });

  it('lets a specialist set it only on a case forwarded to their department', async () => {
    const reference = await submit();
    const refused = await setPriority(reference, { priority: 'high' }, sven);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'case_not_found' });
    expect(await stored(reference)).toEqual({ priority: 'medium', version: 1 });
    expect(await auditOf(reference)).toEqual([]);

    await agent().act(reference, 'forward', { department: 'skola', reason: 'Gäller skolskjuts' });
    const set = await setTo(reference, 'high', sven);
    expect(set.priority).toBe('high');
    expect(set.timeline.at(-1)).toMatchObject({
      kind: 'priority',
      priority: 'high',
      actor: { id: 'sven' },
    });
    // In their inbox too, with the filter.
    const page = await inbox(`priority=high&q=${reference}`, sven);
    expect(page.cases.map((row) => row.reference)).toEqual([reference]);
  });
});

describe('the inbox filter priority=', () => {
  const references = (page: AgentCasePage) => page.cases.map((row) => row.reference);
  const inboxOrder = (a: AgentCaseSummary, b: AgentCaseSummary) =>
    b.createdAt.localeCompare(a.createdAt) || b.reference.localeCompare(a.reference);

  it('lists only the cases of that priority, newest first, page by page and with other filters', async () => {
    const word = uniqueWord();
    const ours = [];
    for (let i = 0; i < 5; i++) ours.push(await submit({ message: `Fråga ${i} om ${word}` }));
    const [a, b, c, d, e] = ours as [string, string, string, string, string];
    for (const reference of [a, c, e]) await setTo(reference, 'high');
    await setTo(d, 'low');
    await agent().act(c, 'status', { status: 'in_progress' });

    const first = await inbox(`priority=high&q=${word}&limit=2`);
    expect(first.cases).toHaveLength(2);
    expect(first.cases.every((row) => row.priority === 'high')).toBe(true);
    expect(first.next).not.toBeNull();
    const second = await inbox(`priority=high&q=${word}&limit=2&after=${first.next}`);
    expect(second.next).toBeNull();
    const listed = [...first.cases, ...second.cases];
    expect(listed.map((row) => row.reference).sort()).toEqual([a, c, e].sort());
    expect(listed).toEqual([...listed].sort(inboxOrder));

    expect(references(await inbox(`priority=low&q=${word}`))).toEqual([d]);
    expect(references(await inbox(`priority=medium&q=${word}`))).toEqual([b]);
    expect(references(await inbox(`priority=high&status=in_progress&q=${word}`))).toEqual([c]);
    expect(references(await inbox(`priority=low&status=in_progress&q=${word}`))).toEqual([]);
    // Without the filter, every priority.
    expect(references(await inbox(`q=${word}`)).sort()).toEqual([...ours].sort());
  });

  it('refuses a priority not in the list with 422', async () => {
    const response = await fetch(`${server.url}/v1/agent/cases?priority=urgent`, {
      headers: anna.headers,
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'priority', code: 'invalid_option' }],
    });
  });
});

describe('through the SDK', () => {
  it('cases.setPriority sets it with the version seen, lists by it, and the inbox stream tells', async () => {
    const cases = agentClientFor(server.url, anna).cases;
    const word = uniqueWord();
    const reference = await submit({ message: `Trasig lampa vid ${word}` });
    const page = await cases.list({ limit: 1 });
    const watch = cases.watch({ after: page.cursor });
    const changes = watch[Symbol.asyncIterator]();

    const high = await cases.setPriority(reference, 'high', { version: 1 });
    expect(high).toMatchObject({ priority: 'high', version: 2 });
    expect(high.timeline.at(-1)).toMatchObject({ kind: 'priority', priority: 'high' });
    let told: unknown;
    do told = (await changes.next()).value;
    while ((told as { reference?: string } | undefined)?.reference !== reference);
    watch.close();
    expect(told).toMatchObject({ type: 'case.updated', reference });

    await expect(cases.setPriority(reference, 'low', { version: 1 })).rejects.toMatchObject({
      code: 'version_conflict',
    });
    expect((await cases.get(reference)).priority).toBe('high');
    const listed = await cases.list({ priority: 'high', q: word });
    expect(listed.cases.map((row) => [row.reference, row.priority])).toEqual([[reference, 'high']]);
    expect((await cases.list({ priority: 'medium', q: word })).cases).toEqual([]);
  });
});
