import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ANNA, newCase } from '../test-support/cases.js';
import { useTestStore } from '../test-support/store.js';
import type { CaseAction } from './actions.js';
import { addClosingReason } from './tables.js';

/*
 * Migration `2026-12-03-0016-closing-reason` on a store holding cases finished before it, on the
 * store under test: each case still finished gets the time it was last finished, from its
 * timeline, so the dashboard counts it in that period.
 */

const T1 = '2026-11-02T09:00:00.000Z';
const T2 = '2026-11-03T09:00:00.000Z';
const T3 = '2026-11-04T09:00:00.000Z';

const fixture = useTestStore();

async function caseWith(actions: [string, CaseAction][]): Promise<string> {
  const reference = createCaseReference();
  await fixture.store.createCase(newCase(reference, { createdAt: '2026-11-01T09:00:00.000Z' }));
  for (const [at, action] of actions) {
    const result = await fixture.store.write('actOnCase', { reference, actor: ANNA, action, at });
    expect(result.ok).toBe(true);
  }
  return reference;
}

const status = (value: 'resolved' | 'closed' | 'in_progress', note?: string): CaseAction => ({
  kind: 'status',
  status: value,
  visibility: 'internal',
  ...(note ? { note } : {}),
});

describe('migration 2026-12-03-0016-closing-reason', () => {
  it('dates the cases finished before it by their last finishing, with no closing reason', async () => {
    const resolvedThenClosed = await caseWith([
      [T1, status('resolved')],
      [T2, status('closed')],
    ]);
    // A note that quotes a status is not a status change.
    const notedAfter = await caseWith([
      [T1, status('resolved', 'Skrev "status":"closed" i svaret')],
      [T2, { kind: 'note', text: '"status":"resolved"' }],
    ]);
    const reopened = await caseWith([
      [T1, status('resolved')],
      [T2, status('in_progress')],
    ]);
    const open = await caseWith([]);
    // Finished without a timeline entry (as the demo data is): by its last change.
    const unrecorded = await caseWith([]);
    await fixture.store.close();

    const stored = await fixture.database.inspect(async (db) => {
      await db
        .updateTable('cases')
        .set({ staff_status: 'closed', status: 'closed', updated_at: T3 })
        .where('reference', '=', unrecorded)
        .execute();
      // The store as it was before the migration.
      await db.schema.dropIndex('cases_finished_at').execute();
      await db.schema.alterTable('cases').dropColumn('closing_reason').execute();
      await db.schema.alterTable('cases').dropColumn('finished_at').execute();
      await addClosingReason(db as unknown as Kysely<unknown>);
      return db
        .selectFrom('cases')
        .select(['reference', 'finished_at', 'closing_reason'])
        .execute();
    });
    fixture.store = await fixture.database.open();
    const byReference = new Map(stored.map((row) => [row.reference, row]));
    expect(byReference.get(resolvedThenClosed)).toMatchObject({ finished_at: T2 });
    expect(byReference.get(notedAfter)).toMatchObject({ finished_at: T1 });
    expect(byReference.get(reopened)).toMatchObject({ finished_at: null });
    expect(byReference.get(open)).toMatchObject({ finished_at: null });
    expect(byReference.get(unrecorded)).toMatchObject({ finished_at: T3 });
    expect(stored.every((row) => row.closing_reason === null)).toBe(true);
  });
});
