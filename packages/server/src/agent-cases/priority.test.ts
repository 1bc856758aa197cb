import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../store/schema.js';
import { ANNA, newCase } from '../test-support/cases.js';
import { explainPlan, storeUnderTest, useTestStore } from '../test-support/store.js';
import { addCasePriority } from './tables.js';

/*
 * Migration `2026-12-03-0017-case-priority` on the store under test: the cases stored before it
 * are `medium`, and the inbox's priority filter reads its index in the inbox's order.
 */

const fixture = useTestStore();

describe('migration 2026-12-03-0017-case-priority', () => {
  it('makes the cases stored before it medium', async () => {
    const references = [createCaseReference(), createCaseReference()];
    for (const reference of references) {
      await fixture.store.createCase(newCase(reference, { createdAt: '2026-11-01T09:00:00.000Z' }));
    }
    await fixture.store.close();
    const stored = await fixture.database.inspect(async (db) => {
      // The store as it was before the migration.
      await db.schema.dropIndex('cases_inbox_priority').execute();
      await db.schema.alterTable('cases').dropColumn('priority').execute();
      await addCasePriority(db as unknown as Kysely<unknown>);
      return db.selectFrom('cases').select(['reference', 'priority']).execute();
    });
    fixture.store = await fixture.database.open();
    expect(stored.filter((row) => references.includes(row.reference))).toEqual(
      expect.arrayContaining(references.map((reference) => ({ reference, priority: 'medium' }))),
    );
    expect(stored.every((row) => row.priority === 'medium')).toBe(true);
    // And the column takes a priority set afterwards.
    const result = await fixture.store.write('actOnCase', {
      reference: references[0] as string,
      actor: ANNA,
      action: { kind: 'priority', priority: 'high' },
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
  });

  it(`serves the inbox's priority filter from its index, in the inbox's order (${storeUnderTest})`, async () => {
    const plan = await fixture.database.inspect((db) => explain(db));
    expect(plan).toContain('cases_inbox_priority');
    // Newest first straight from the index: no sort of the matching cases.
    expect(plan).not.toMatch(/TEMP B-TREE|Sort/);
  });
});

/** The plan of the inbox's first page of `high` cases, as text. */
const explain = (db: Kysely<Database>) =>
  explainPlan(
    db,
    db
      .selectFrom('cases')
      .select(['reference', 'priority'])
      .where('priority', '=', 'high')
      .orderBy('created_at', 'desc')
      .orderBy('reference', 'desc')
      .limit(51)
      .compile(),
  );
