import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { finishedCasesStatusChanges } from '../dashboard/queries.js';
import { seedFaultReports } from '../faults/seed.js';
import type { Store } from '../store/store.js';
import { ANNA, newCase } from '../test-support/cases.js';
import type { TestDatabase } from '../test-support/store.js';
import {
  createTestDatabase,
  explainPlan,
  storeUnderTest,
  useTestStore,
} from '../test-support/store.js';
import type { CaseAction } from './actions.js';
import type { CaseScope } from './inbox.js';
import { createParkedResumer } from './resume-parked.js';
import { statusHistory } from './status-history.js';
import { addStatusHistory } from './tables.js';

/*
 * The time a case spends in each status: the history made from the recorded changes (pure), and
 * on the store under test the paths that are not an agent's request (a date coming due, a
 * department's system, the demo seed) and migration `2026-12-03-0018-status-history`. The
 * agent's actions, the citizen's answer and a chat's end are tested over HTTP
 * (`routes/agent-cases-status-history.test.ts`, `chat/agent-routes.test.ts`).
 */

const CREATED = '2026-12-01T08:00:00.000Z';
const T1 = '2026-12-01T09:00:00.000Z';
const T2 = '2026-12-01T10:30:00.000Z';
const T3 = '2026-12-02T08:00:00.000Z';

describe('statusHistory', () => {
  it('is one open period of the current status from the arrival when nothing changed', () => {
    expect(statusHistory(CREATED, 'received', [])).toEqual([
      { status: 'received', from: CREATED, until: null },
    ]);
  });

  it('starts at the arrival in the first change’s former status, and leaves the last one open', () => {
    expect(
      statusHistory(CREATED, 'resolved', [
        { at: T1, from: 'received', to: 'assigned' },
        { at: T2, from: 'assigned', to: 'in_progress' },
        { at: T3, from: 'in_progress', to: 'resolved' },
      ]),
    ).toEqual([
      { status: 'received', from: CREATED, until: T1 },
      { status: 'assigned', from: T1, until: T2 },
      { status: 'in_progress', from: T2, until: T3 },
      { status: 'resolved', from: T3, until: null },
    ]);
  });

  it('starts at the first change when what came before it is unknown (the backfill)', () => {
    expect(
      statusHistory(CREATED, 'closed', [
        { at: T1, from: null, to: 'in_progress' },
        { at: T2, from: 'in_progress', to: 'closed' },
      ]),
    ).toEqual([
      { status: 'in_progress', from: T1, until: T2 },
      { status: 'closed', from: T2, until: null },
    ]);
  });
});

const ALL: CaseScope = { all: true, departments: [] };

const fixture = useTestStore();

async function arrived(overrides: Parameters<typeof newCase>[1] = {}): Promise<string> {
  const reference = createCaseReference();
  const result = await fixture.store.createCase(
    newCase(reference, { createdAt: CREATED, ...overrides }),
  );
  expect(result.created).toBe(true);
  return reference;
}

async function act(reference: string, action: CaseAction, at: string): Promise<void> {
  expect(
    await fixture.store.write('actOnCase', { reference, actor: ANNA, action, at }),
  ).toMatchObject({
    ok: true,
  });
}

const historyOf = async (reference: string) =>
  (await fixture.store.read('selectAgentCase', reference, ALL, T3))?.statusHistory;

const changesOf = (on: TestDatabase, reference: string) =>
  on.inspect((db) =>
    db
      .selectFrom('case_status_changes')
      .select(['seq', 'at', 'from_status', 'to_status'])
      .where('case_reference', '=', reference)
      .orderBy('seq')
      .execute(),
  );

describe('a case’s status history on the store', () => {
  it('records nothing when a case arrives', async () => {
    const reference = await arrived();
    expect(await changesOf(fixture.database, reference)).toEqual([]);
    expect(await historyOf(reference)).toEqual([
      { status: 'received', from: CREATED, until: null },
    ]);
  });

  it('records a parked case coming back on its date', async () => {
    const reference = await arrived();
    await act(
      reference,
      { kind: 'status', status: 'parked', visibility: 'internal', resumeAt: T2 },
      T1,
    );
    const resumer = createParkedResumer({
      store: fixture.store,
      logger: pino({ level: 'silent' }),
      now: () => new Date(T2),
    });
    try {
      await resumer.runOnce();
    } finally {
      await resumer.close();
    }
    expect(await historyOf(reference)).toEqual([
      { status: 'received', from: CREATED, until: T1 },
      { status: 'parked', from: T1, until: T2 },
      { status: 'in_progress', from: T2, until: null },
    ]);
    expect(await changesOf(fixture.database, reference)).toEqual([
      { seq: 1, at: T1, from_status: 'received', to_status: 'parked' },
      { seq: 2, at: T2, from_status: 'parked', to_status: 'in_progress' },
    ]);
  });

  it('records the status a department’s system (Open311) gives, and not the same one again', async () => {
    const reference = await arrived({
      channel: 'fault_report',
      topic: 'gatubelysning',
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/',
        widget: 'kc-fault-report',
      },
      message: { topic: 'gatubelysning', message: 'Släckt', answerLanguage: 'sv' },
      fault: {
        category: 'gatubelysning',
        lat: 55.6,
        lon: 13,
        answers: {},
        anonymous: true,
        photos: [],
      },
      forwardToOpen311: true,
    });
    const [claim] = await fixture.store.write(
      'claimForwards',
      'one',
      new Date(T1),
      new Date(T2),
      10,
    );
    expect(claim?.reference).toBe(reference);
    const sent = { kind: 'forwarded', serviceRequestId: '17', system: 'Drift' } as const;
    expect(
      await fixture.store.write(
        'finishForward',
        reference,
        claim?.leaseOwner ?? '',
        sent,
        new Date(T1),
      ),
    ).toBe('forwarded');
    // Upstream says it is open: a note, the status stays.
    await fixture.store.write(
      'recordUpstream',
      reference,
      { status: 'open', notes: 'Inkommet.' },
      new Date(T2),
    );
    await fixture.store.write(
      'recordUpstream',
      reference,
      { status: 'closed', notes: 'Lampan är bytt.' },
      new Date(T3),
    );
    expect(await historyOf(reference)).toEqual([
      { status: 'received', from: CREATED, until: T1 },
      { status: 'forwarded', from: T1, until: T3 },
      { status: 'resolved', from: T3, until: null },
    ]);
  });

  it('records the demo seed’s finished fault reports as closed when seeded', async () => {
    const seeded = await createTestDatabase();
    try {
      const references = await seeded.inspect(async (db) => {
        await seedFaultReports(db, {
          count: 3,
          department: 'gata',
          categories: ['gatubelysning'],
          center: { lat: 55.6, lon: 13 },
          spreadMeters: 100,
          finishedShare: 1,
          now: new Date(T3),
        });
        return db.selectFrom('cases').select('reference').execute();
      });
      expect(references).toHaveLength(3);
      for (const { reference } of references) {
        expect(await changesOf(seeded, reference)).toEqual([
          { seq: 1, at: T3, from_status: 'received', to_status: 'closed' },
        ]);
      }
    } finally {
      await seeded.remove();
    }
  });
});

describe('the dashboard’s read of the finished cases’ changes', () => {
  it(`reads the cases through cases_finished_at and their changes by key (${storeUnderTest})`, async () => {
    const plan = await fixture.database.inspect((db) =>
      explainPlan(db, finishedCasesStatusChanges(db, { from: CREATED, to: T3 }).compile()),
    );
    expect(plan).toContain('cases_finished_at');
    // The primary key: `case_status_changes_pk` on PostgreSQL, an automatic index on SQLite.
    expect(plan).toMatch(
      /case_status_changes_pk|SEARCH case_status_changes USING INDEX sqlite_autoindex/,
    );
  });
});

describe('migration 2026-12-03-0018-status-history', () => {
  it('gives each case that left received one change from an unknown status, at the migration', async () => {
    const migrated = await createTestDatabase();
    let before: Store | undefined = await migrated.open();
    try {
      const at = (reference: string, action: CaseAction) =>
        before?.write('actOnCase', { reference, actor: ANNA, action, at: T1 });
      const received = createCaseReference();
      const taken = createCaseReference();
      const closed = createCaseReference();
      for (const reference of [received, taken, closed]) {
        await before.createCase(newCase(reference, { createdAt: CREATED }));
      }
      await at(taken, { kind: 'assign', assignee: ANNA, take: true });
      await at(closed, { kind: 'status', status: 'closed', visibility: 'internal' });
      await before.close();
      before = undefined;

      const rows = await migrated.inspect(async (db) => {
        // The store as it was before the migration.
        await db.schema.dropTable('case_status_changes').execute();
        await addStatusHistory(db as unknown as Kysely<unknown>, T2);
        return db
          .selectFrom('case_status_changes')
          .select(['case_reference', 'seq', 'at', 'from_status', 'to_status'])
          .orderBy('case_reference')
          .execute();
      });
      expect(rows).toEqual(
        [
          { case_reference: taken, seq: 1, at: T2, from_status: null, to_status: 'assigned' },
          { case_reference: closed, seq: 1, at: T2, from_status: null, to_status: 'closed' },
        ].sort((a, b) => (a.case_reference < b.case_reference ? -1 : 1)),
      );

      // The history starts there; a change afterwards follows it.
      const after = await migrated.open();
      try {
        await after.write('actOnCase', {
          reference: taken,
          actor: ANNA,
          action: { kind: 'status', status: 'in_progress', visibility: 'internal' },
          at: T3,
        });
        expect((await after.read('selectAgentCase', taken, ALL, T3))?.statusHistory).toEqual([
          { status: 'assigned', from: T2, until: T3 },
          { status: 'in_progress', from: T3, until: null },
        ]);
        expect((await after.read('selectAgentCase', received, ALL, T3))?.statusHistory).toEqual([
          { status: 'received', from: CREATED, until: null },
        ]);
      } finally {
        await after.close();
      }
    } finally {
      await before?.close();
      await migrated.remove();
    }
  });
});
