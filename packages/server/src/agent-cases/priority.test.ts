import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { newCase } from '../test-support/cases.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase, explainPlan, storeUnderTest } from '../test-support/store.js';
import type { Actor } from './actions.js';
import { addCasePriority } from './tables.js';

/*
 * Migration `2026-12-03-0017-case-priority` on the store under test: the cases stored before it
 * are `medium`, and the inbox's priority filter reads its index in the inbox's order.
 */

const anna: Actor = { id: 'anna', name: 'Anna Agent', scope: { all: true, departments: [] } };

let database: TestDatabase;
let store: Store;

beforeAll(async () => {
  database = await createTestDatabase();
  store = await database.open();
});

afterAll(async () => {
  await store?.close();
  await database?.remove();
});

describe('migration 2026-12-03-0017-case-priority', () => {
  it('makes the cases stored before it medium', async () => {
    const references = [createCaseReference(), createCaseReference()];
    for (const reference of references) {
      await store.createCase(newCase(reference, { createdAt: '2026-11-01T09:00:00.000Z' }));
    }
    await store.close();
    const stored = await database.inspect(async (db) => {
      // The store as it was before the migration.
      await db.schema.dropIndex('cases_inbox_priority').execute();
      await db.schema.alterTable('cases').dropColumn('priority').execute();
      await addCasePriority(db as unknown as Kysely<unknown>);
      return db.selectFrom('cases').select(['reference', 'priority']).execute();
    });
    store = await database.open();
    expect(stored.filter((row) => references.includes(row.reference))).toEqual(
      expect.arrayContaining(references.map((reference) => ({ reference, priority: 'medium' }))),
    );
    expect(stored.every((row) => row.priority === 'medium')).toBe(true);
    // And the column takes a priority set afterwards.
    const result = await store.write('actOnCase', {
      reference: references[0] as string,
      actor: anna,
      action: { kind: 'priority', priority: 'high' },
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
  });

  it(`serves the inbox's priority filter from its index, in the inbox's order (${storeUnderTest})`, async () => {
    const plan = await database.inspect((db) => explain(db));
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
