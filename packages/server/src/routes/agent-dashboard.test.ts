import { DashboardSchema } from '@kontakt/core/agent';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClassificationLabelConfig } from '../agent-cases/classification.js';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer, validSubmission } from '../test-support/departments.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The server's clock: a Wednesday in March 2027, settable by the tests. */
let now = new Date('2027-03-10T12:00:00Z');

async function start(): Promise<TestServer> {
  now = new Date('2027-03-10T12:00:00Z');
  server = await startTestServer({ accounts: await testAccounts(), now: () => now });
  return server;
}

interface Seed {
  department?: 'gata' | 'skola';
  pageUrl?: string;
  topic?: string;
  answerChannel?: 'email' | 'phone';
  /** ISO time the case arrived (the server's clock is set to it while it is sent). */
  at: string;
  firstAnsweredAt?: string;
  channel?: string;
  reason?: { id: string; avoidable: boolean; page?: string };
}

/** Sends a real submission at `seed.at`, then sets what agents would have done since. */
async function seed(running: TestServer, each: Seed): Promise<string> {
  const before = now;
  now = new Date(each.at);
  const department = each.department ?? 'gata';
  const body = validSubmission(
    {
      topic: each.topic ?? (department === 'gata' ? 'parkering' : 'skolval'),
      ...(each.answerChannel === 'phone'
        ? { answerChannel: 'phone', phone: '070-123 45 67', email: undefined }
        : {}),
    },
    { department, pageUrl: each.pageUrl ?? `https://${department}.example.se/parkering` },
  );
  const response = await fetch(`${running.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: `https://${department}.example.se` },
    body: JSON.stringify(body),
  });
  now = before;
  expect(response.status, await response.clone().text()).toBe(201);
  const { reference } = (await response.json()) as { reference: string };
  const changes = {
    ...(each.channel ? { channel: each.channel } : {}),
    ...(each.firstAnsweredAt ? { first_answered_at: each.firstAnsweredAt } : {}),
    ...(each.reason
      ? {
          reason: each.reason.id,
          reason_avoidable: each.reason.avoidable ? 1 : 0,
          reason_page: each.reason.page ?? null,
        }
      : {}),
  };
  if (Object.keys(changes).length > 0) {
    await running.database.inspect((db) =>
      db.updateTable('cases').set(changes).where('reference', '=', reference).execute(),
    );
  }
  return reference;
}

/** March 2027 in Stockholm (CET, then CEST from 28 March). */
const PERIOD = 'from=2027-02-28T23:00:00Z&to=2027-03-31T22:00:00Z';

async function dashboard(running: TestServer, query = PERIOD, user = 'anna') {
  const session = await signIn(running.url, user);
  return fetch(`${running.url}/v1/agent/dashboard?${query}`, { headers: session.headers });
}

describe('GET /v1/agent/dashboard', () => {
  it('counts contacts by department, page, topic, channel and reason over the period', async () => {
    const running = await start();
    await seed(running, {
      at: '2027-03-01T09:00:00Z',
      pageUrl: 'https://gata.example.se/parkering?namn=Anna#form',
      reason: { id: 'otydlig-information', avoidable: true },
    });
    await seed(running, {
      at: '2027-03-02T09:00:00Z',
      pageUrl: 'https://gata.example.se/parkering',
      reason: {
        id: 'otydlig-information',
        avoidable: true,
        page: 'https://gata.example.se/avgifter',
      },
    });
    await seed(running, {
      at: '2027-03-03T09:00:00Z',
      department: 'skola',
      pageUrl: 'https://skola.example.se/',
    });
    // Outside the period: not counted.
    await seed(running, { at: '2027-02-28T22:59:59Z' });
    await seed(running, { at: '2027-04-01T00:00:00Z' });

    const answer = await dashboard(running);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const result = DashboardSchema.parse(await answer.json());
    expect(result).toMatchObject({ contacts: 3, avoidable: 2, tagged: 2 });
    expect(result.byDepartment.rows).toEqual([
      { key: 'gata', contacts: 2, avoidable: 2 },
      { key: 'skola', contacts: 1, avoidable: 0 },
    ]);
    // One page, whatever its query string and fragment (they may hold personal data).
    expect(result.byPage.rows).toEqual([
      { key: 'https://gata.example.se/parkering', contacts: 2, avoidable: 2 },
      { key: 'https://skola.example.se/', contacts: 1, avoidable: 0 },
    ]);
    expect(result.byTopic.rows.map((row) => row.key)).toEqual(['parkering', 'skolval']);
    expect(result.byChannel.rows).toEqual([{ key: 'web_form', contacts: 3, avoidable: 2 }]);
    expect(result.byReason.rows).toEqual([
      { key: 'otydlig-information', contacts: 2, avoidable: 2 },
      { key: '', contacts: 1, avoidable: 0 },
    ]);
    // Avoidable demand lands on the page that caused it, when the agent named one.
    expect(result.avoidableByPage.rows).toEqual([
      { key: 'https://gata.example.se/avgifter', contacts: 1, avoidable: 1 },
      { key: 'https://gata.example.se/parkering', contacts: 1, avoidable: 1 },
    ]);
  });

  it('measures e-mail questions answered within two working days, on the calendar', async () => {
    const running = await start();
    now = new Date('2027-03-31T12:00:00Z');
    // Thursday 25 March 2027, before Easter: two working days end Wednesday 31 March, 17:00
    // (Good Friday and Easter Monday are holidays).
    const thursday = '2027-03-25T09:00:00Z';
    await seed(running, { at: thursday, firstAnsweredAt: '2027-03-31T14:59:00Z' }); // kept
    await seed(running, { at: thursday, firstAnsweredAt: '2027-03-31T15:01:00Z' }); // late
    await seed(running, { at: '2027-03-01T09:00:00Z' }); // never answered, long late
    await seed(running, { at: '2027-03-30T09:00:00Z' }); // not answered, not late yet
    await seed(running, { at: '2027-03-02T09:00:00Z', answerChannel: 'phone' }); // not e-mail

    const result = DashboardSchema.parse(await (await dashboard(running)).json());
    expect(result.emailAnsweredInTime).toEqual({ kept: 1, counted: 3, share: 1 / 3, pending: 1 });
    // No chats yet: nothing to count, and no share to show.
    expect(result.chatsAnsweredDirectly).toEqual({ kept: 0, counted: 0, share: null, pending: 0 });
  });

  it('times the first answer per channel and counts chats answered directly', async () => {
    const running = await start();
    await seed(running, { at: '2027-03-01T09:00:00Z', firstAnsweredAt: '2027-03-01T10:00:00Z' });
    await seed(running, { at: '2027-03-01T09:00:00Z', firstAnsweredAt: '2027-03-01T12:00:00Z' });
    await seed(running, { at: '2027-03-01T09:00:00Z' });
    const chat = { channel: 'chat', at: '2027-03-02T09:00:00Z' };
    await seed(running, { ...chat, firstAnsweredAt: '2027-03-02T09:02:00Z' });
    await seed(running, { ...chat, firstAnsweredAt: '2027-03-02T09:30:00Z' });

    const result = DashboardSchema.parse(await (await dashboard(running)).json());
    expect(result.firstAnswer).toEqual([
      { channel: 'web_form', answered: 2, unanswered: 1, medianMinutes: 60, p90Minutes: 180 },
      { channel: 'chat', answered: 2, unanswered: 0, medianMinutes: 2, p90Minutes: 30 },
    ]);
    expect(result.chatsAnsweredDirectly).toEqual({ kept: 1, counted: 2, share: 0.5, pending: 0 });
  });

  it('counts unanswered open cases past their promise now, whenever they arrived, but none waiting for the citizen', async () => {
    const running = await start();
    // gata promises two working days, skola five: on 10 March only the gata case is late.
    await seed(running, { at: '2027-03-04T09:00:00Z' });
    await seed(running, { at: '2027-03-05T09:00:00Z', department: 'skola' });
    const answered = await seed(running, { at: '2027-03-04T09:00:00Z' });
    await running.database.inspect((db) =>
      db
        .updateTable('cases')
        .set({ staff_status: 'resolved' })
        .where('reference', '=', answered)
        .execute(),
    );
    // The inbox's rule: a case answered (still open), or waiting for the citizen, is not late.
    await seed(running, { at: '2027-03-04T09:00:00Z', firstAnsweredAt: '2027-03-04T10:00:00Z' });
    const asked = await seed(running, { at: '2027-03-04T09:00:00Z' });
    await running.database.inspect((db) =>
      db
        .updateTable('cases')
        .set({ staff_status: 'waiting_for_citizen' })
        .where('reference', '=', asked)
        .execute(),
    );
    const result = DashboardSchema.parse(
      await (await dashboard(running, 'from=2027-01-01T00:00:00Z&to=2027-01-02T00:00:00Z')).json(),
    );
    expect(result.contacts).toBe(0);
    expect(result.overdue.rows).toEqual([{ key: 'gata', contacts: 1, avoidable: 0 }]);
  });

  it('refuses a period that ends before it starts, is too long or is not a time', async () => {
    const running = await start();
    for (const [query, field, code] of [
      ['from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z', 'to', 'end_before_start'],
      ['from=2025-01-01T00:00:00Z&to=2027-03-01T00:00:00Z', 'to', 'too_long'],
      ['from=yesterday&to=2027-03-01T00:00:00Z', 'from', 'invalid_format'],
      ['to=2027-03-01T00:00:00Z', 'from', 'required'],
    ] as const) {
      const answer = await dashboard(running, query);
      expect(answer.status, query).toBe(422);
      const problem = (await answer.json()) as {
        code: string;
        errors: { field: string; code: string }[];
      };
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors, query).toContainEqual(expect.objectContaining({ field, code }));
    }
  });

  it('is for agents and admins: 401 without a session, 403 for a specialist', async () => {
    const running = await start();
    expect((await fetch(`${running.url}/v1/agent/dashboard?${PERIOD}`)).status).toBe(401);
    expect((await dashboard(running, PERIOD, 'sven')).status).toBe(403);
    expect((await dashboard(running, PERIOD, 'alva')).status).toBe(200);
  });
});

/** Sets a case's status at `at` by the server's clock, as an agent would (signed in then). */
function finish(
  running: TestServer,
  reference: string,
  at: string,
  body: { status: string; closingReason?: string },
): Promise<void> {
  return actAt(running, reference, at, 'status', body);
}

/** April 2027 in Stockholm (CEST). */
const APRIL = 'from=2027-03-31T22:00:00Z&to=2027-04-30T22:00:00Z';

/**
 * Cases finished around March 2027: in March by their last finishing, still finished — two by the
 * contact center (one of them avoidable demand), one call put through (at the period's first
 * moment, of a case that arrived in February), one without a reason; not in March — one finished
 * at the period's end (exclusive), one finished in March and reopened, one finished in March and
 * again in April, and one still open.
 */
async function seedFinished(running: TestServer): Promise<void> {
  const fcr = { status: 'resolved', closingReason: 'resolved_by_contact_center' };
  const first = await seed(running, {
    at: '2027-03-01T09:00:00Z',
    reason: { id: 'otydlig-information', avoidable: true },
  });
  await finish(running, first, '2027-03-01T10:00:00Z', fcr);
  const second = await seed(running, { at: '2027-03-02T09:00:00Z' });
  await finish(running, second, '2027-03-03T09:00:00Z', { ...fcr, status: 'closed' });
  const put = await seed(running, { at: '2027-02-20T09:00:00Z' });
  await finish(running, put, '2027-02-28T23:00:00Z', {
    status: 'closed',
    closingReason: 'call_transferred',
  });
  const without = await seed(running, { at: '2027-03-04T09:00:00Z' });
  await finish(running, without, '2027-03-05T09:00:00Z', { status: 'resolved' });

  const atTheEnd = await seed(running, { at: '2027-03-30T09:00:00Z' });
  await finish(running, atTheEnd, '2027-03-31T22:00:00Z', fcr);
  const reopened = await seed(running, { at: '2027-03-06T09:00:00Z' });
  await finish(running, reopened, '2027-03-08T09:00:00Z', {
    status: 'resolved',
    closingReason: 'referred_to_self_service',
  });
  await finish(running, reopened, '2027-03-09T09:00:00Z', { status: 'in_progress' });
  const twice = await seed(running, { at: '2027-03-06T09:00:00Z' });
  await finish(running, twice, '2027-03-07T09:00:00Z', {
    status: 'resolved',
    closingReason: 'forwarded_to_department',
  });
  await finish(running, twice, '2027-04-02T09:00:00Z', { ...fcr, status: 'closed' });
  await seed(running, { at: '2027-03-07T09:00:00Z' });
}

describe('GET /v1/agent/dashboard: closing reasons', () => {
  it('counts the cases finished in the period by closing reason, and first-contact resolution', async () => {
    const running = await start();
    await seedFinished(running);

    const march = DashboardSchema.parse(await (await dashboard(running)).json());
    expect(march.byClosingReason).toEqual({
      rows: [
        { key: 'resolved_by_contact_center', contacts: 2, avoidable: 1 },
        { key: '', contacts: 1, avoidable: 0 },
        { key: 'call_transferred', contacts: 1, avoidable: 0 },
      ],
      otherContacts: 0,
    });
    // Of the three with a reason, two resolved by the contact center; the one without is left out.
    expect(march.resolvedByContactCenter).toEqual({
      kept: 2,
      counted: 3,
      share: 2 / 3,
      pending: 0,
    });

    const april = DashboardSchema.parse(await (await dashboard(running, APRIL)).json());
    expect(april.byClosingReason.rows).toEqual([
      { key: 'resolved_by_contact_center', contacts: 2, avoidable: 0 },
    ]);
    expect(april.resolvedByContactCenter).toEqual({ kept: 2, counted: 2, share: 1, pending: 0 });
  });

  it('has nothing to share when no case was finished with a reason', async () => {
    const running = await start();
    const reference = await seed(running, { at: '2027-03-01T09:00:00Z' });
    await finish(running, reference, '2027-03-02T09:00:00Z', { status: 'closed' });
    const result = DashboardSchema.parse(await (await dashboard(running)).json());
    expect(result.byClosingReason.rows).toEqual([{ key: '', contacts: 1, avoidable: 0 }]);
    expect(result.resolvedByContactCenter).toEqual({
      kept: 0,
      counted: 0,
      share: null,
      pending: 0,
    });
  });
});

/**
 * One dashboard table of `PERIOD` as Anna downloads it, checked to be a download named for the
 * table and the period; its text without the byte order mark (`text()` drops it).
 */
async function csvTable(running: TestServer, table: string): Promise<string> {
  const session = await signIn(running.url, 'anna');
  const answer = await fetch(
    `${running.url}/v1/agent/dashboard/export.csv?${PERIOD}&table=${table}`,
    { headers: session.headers },
  );
  expect(answer.status).toBe(200);
  expect(answer.headers.get('content-disposition')).toBe(
    `attachment; filename="kontakt-${table}-2027-03-01-2027-03-31.csv"`,
  );
  return answer.text();
}

describe('GET /v1/agent/dashboard/export.csv', () => {
  it('gives one table as CSV for spreadsheets: BOM, CRLF, quoting, no formulas', async () => {
    const running = await start();
    await seed(running, {
      at: '2027-03-01T09:00:00Z',
      pageUrl: 'https://gata.example.se/a,b',
      reason: {
        id: 'otydlig-information',
        avoidable: true,
        page: '=HYPERLINK("https://evil.example")',
      },
    });
    const session = await signIn(running.url, 'anna');
    const answer = await fetch(
      `${running.url}/v1/agent/dashboard/export.csv?${PERIOD}&table=avoidable-pages`,
      { headers: session.headers },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="kontakt-avoidable-pages-2027-03-01-2027-03-31.csv"',
    );
    const bytes = new Uint8Array(await answer.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toBe(
      'page,contacts,avoidable\r\n"\'=HYPERLINK(""https://evil.example"")",1,1\r\n',
    );

    const pages = await fetch(
      `${running.url}/v1/agent/dashboard/export.csv?${PERIOD}&table=pages`,
      { headers: session.headers },
    );
    expect(await pages.text()).toContain('"https://gata.example.se/a,b",1,1\r\n');
  });

  it('gives the cases finished in the period by closing reason as a table', async () => {
    const running = await start();
    await seedFinished(running);
    expect(await csvTable(running, 'closing-reasons')).toBe(
      'closing_reason,contacts,avoidable\r\n' +
        'resolved_by_contact_center,2,1\r\n' +
        ',1,0\r\n' +
        'call_transferred,1,0\r\n',
    );
  });

  it('refuses an unknown table', async () => {
    const running = await start();
    const session = await signIn(running.url, 'anna');
    const answer = await fetch(
      `${running.url}/v1/agent/dashboard/export.csv?${PERIOD}&table=passwords`,
      { headers: session.headers },
    );
    expect(answer.status).toBe(422);
  });
});

/** An agent's action on a case at `at` by the server's clock (signed in then). */
async function actAt(
  running: TestServer,
  reference: string,
  at: string,
  action: string,
  body: unknown = {},
): Promise<void> {
  const before = now;
  now = new Date(at);
  try {
    const session = await signIn(running.url, 'anna');
    const response = await fetch(`${running.url}/v1/agent/cases/${reference}/${action}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...session.headers },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  } finally {
    now = before;
  }
}

const status = (value: string) => ({ status: value, visibility: 'internal' });

/**
 * Cases finished in March 2027, with their minutes in each status: one received 30, assigned
 * 30, in progress 120; one received 10, in progress 60 + 30, waiting for the citizen 120; one
 * received 60, assigned 20. Left out: one whose history starts after its arrival (from before
 * the server recorded it), one finished in April, and one resolved in March and then marked a
 * duplicate.
 */
async function seedTimed(running: TestServer): Promise<void> {
  const first = await seed(running, { at: '2027-03-01T09:00:00Z' });
  await actAt(running, first, '2027-03-01T09:30:00Z', 'take');
  await actAt(running, first, '2027-03-01T10:00:00Z', 'status', status('in_progress'));
  await actAt(running, first, '2027-03-01T12:00:00Z', 'status', status('resolved'));

  const second = await seed(running, { at: '2027-03-02T09:00:00Z' });
  await actAt(running, second, '2027-03-02T09:10:00Z', 'status', status('in_progress'));
  await actAt(running, second, '2027-03-02T10:10:00Z', 'status', status('waiting_for_citizen'));
  await actAt(running, second, '2027-03-02T12:10:00Z', 'status', status('in_progress'));
  await actAt(running, second, '2027-03-02T12:40:00Z', 'status', status('closed'));

  const third = await seed(running, { at: '2027-03-03T09:00:00Z' });
  await actAt(running, third, '2027-03-03T10:00:00Z', 'take');
  await actAt(running, third, '2027-03-03T10:20:00Z', 'status', status('closed'));

  const backfilled = await seed(running, { at: '2027-03-04T09:00:00Z' });
  await actAt(running, backfilled, '2027-03-04T10:00:00Z', 'status', status('in_progress'));
  // As the migration leaves a case it found in progress: from an unknown status, at its time.
  await running.database.inspect((db) =>
    db
      .updateTable('case_status_changes')
      .set({ from_status: null })
      .where('case_reference', '=', backfilled)
      .execute(),
  );
  await actAt(running, backfilled, '2027-03-04T11:00:00Z', 'status', status('closed'));

  const inApril = await seed(running, { at: '2027-03-30T09:00:00Z' });
  await actAt(running, inApril, '2027-03-30T10:00:00Z', 'take');
  await actAt(running, inApril, '2027-04-02T09:00:00Z', 'status', status('resolved'));

  // Resolved in March, then found a duplicate: no longer finished as the period counts it.
  const duplicate = await seed(running, { at: '2027-03-05T09:00:00Z' });
  await actAt(running, duplicate, '2027-03-05T09:30:00Z', 'take');
  await actAt(running, duplicate, '2027-03-05T10:00:00Z', 'status', status('resolved'));
  await actAt(running, duplicate, '2027-03-05T10:30:00Z', 'duplicate', { of: first });
}

describe('GET /v1/agent/dashboard: time in status', () => {
  it('gives, per unfinished status, how many finished cases were in it and their median and p90 minutes', async () => {
    const running = await start();
    await seedTimed(running);
    const march = DashboardSchema.parse(await (await dashboard(running)).json());
    expect(march.timeInStatus).toEqual([
      { status: 'received', cases: 3, medianMinutes: 30, p90Minutes: 60 },
      { status: 'assigned', cases: 2, medianMinutes: 20, p90Minutes: 30 },
      { status: 'in_progress', cases: 2, medianMinutes: 90, p90Minutes: 120 },
      { status: 'parked', cases: 0, medianMinutes: null, p90Minutes: null },
      { status: 'waiting_for_citizen', cases: 1, medianMinutes: 120, p90Minutes: 120 },
      { status: 'forwarded', cases: 0, medianMinutes: null, p90Minutes: null },
    ]);
    // April: the one finished then (received an hour, assigned three days less an hour).
    const april = DashboardSchema.parse(await (await dashboard(running, APRIL)).json());
    expect(april.timeInStatus.slice(0, 2)).toEqual([
      { status: 'received', cases: 1, medianMinutes: 60, p90Minutes: 60 },
      { status: 'assigned', cases: 1, medianMinutes: 4260, p90Minutes: 4260 },
    ]);
  });

  it('has every unfinished status with no cases when none was finished', async () => {
    const running = await start();
    await seed(running, { at: '2027-03-01T09:00:00Z' });
    const result = DashboardSchema.parse(await (await dashboard(running)).json());
    expect(result.timeInStatus.map((row) => row.status)).toEqual([
      'received',
      'assigned',
      'in_progress',
      'parked',
      'waiting_for_citizen',
      'forwarded',
    ]);
    expect(result.timeInStatus.every((row) => row.cases === 0 && row.medianMinutes === null)).toBe(
      true,
    );
  });

  it('gives the time in status as a CSV table', async () => {
    const running = await start();
    await seedTimed(running);
    expect(await csvTable(running, 'status-times')).toBe(
      'status,cases,median_minutes,p90_minutes\r\n' +
        'received,3,30,60\r\n' +
        'assigned,2,20,30\r\n' +
        'in_progress,2,90,120\r\n' +
        'parked,0,,\r\n' +
        'waiting_for_citizen,1,120,120\r\n' +
        'forwarded,0,,\r\n',
    );
  });
});

describe('GET /v1/agent/dashboard: classifications', () => {
  const label = (
    id: string,
    children: ClassificationLabelConfig[] = [],
  ): ClassificationLabelConfig => ({ id, name: { sv: id }, children });

  /** A server whose streets department classifies, with four contacts classified in March. */
  async function seedClassified(): Promise<TestServer> {
    now = new Date('2027-03-10T12:00:00Z');
    server = await startTestServer({
      accounts: await testAccounts(),
      now: () => now,
      classification: {
        gata: [
          label('gata-och-trafik', [label('parkering', [label('felparkering')])]),
          label('park', [label('lekplatser')]),
        ],
      },
    });
    const running = server;
    const session = await signIn(running.url, 'anna');
    const classify = async (reference: string, path: string[]) => {
      const response = await fetch(`${running.url}/v1/agent/cases/${reference}/classification`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...session.headers },
        body: JSON.stringify({ path }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
    };
    const felparkering = ['gata-och-trafik', 'parkering', 'felparkering'];
    await classify(await seed(running, { at: '2027-03-01T09:00:00Z' }), felparkering);
    await classify(
      await seed(running, {
        at: '2027-03-02T09:00:00Z',
        reason: { id: 'otydlig-information', avoidable: true },
      }),
      felparkering,
    );
    await classify(await seed(running, { at: '2027-03-03T09:00:00Z' }), ['park']);
    await seed(running, { at: '2027-03-04T09:00:00Z' });
    // Outside the period: not counted, classified or not.
    await classify(await seed(running, { at: '2027-04-01T00:00:00Z' }), ['park']);
    return running;
  }

  it('counts the contacts that arrived in the period by their classification path', async () => {
    const running = await seedClassified();
    const answer = await dashboard(running);
    expect(answer.status).toBe(200);
    const result = DashboardSchema.parse(await answer.json());
    expect(result.byClassification).toEqual({
      rows: [
        { key: 'gata-och-trafik/parkering/felparkering', contacts: 2, avoidable: 1 },
        { key: '', contacts: 1, avoidable: 0 },
        { key: 'park', contacts: 1, avoidable: 0 },
      ],
      otherContacts: 0,
    });
  });

  it('gives them as the CSV table classifications', async () => {
    const running = await seedClassified();
    expect(await csvTable(running, 'classifications')).toBe(
      'classification,contacts,avoidable\r\n' +
        'gata-och-trafik/parkering/felparkering,2,1\r\n' +
        ',1,0\r\n' +
        'park,1,0\r\n',
    );
  });
});
