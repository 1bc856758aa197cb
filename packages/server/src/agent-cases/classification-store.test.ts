import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../store/schema.js';
import { ANNA, newCase } from '../test-support/cases.js';
import { caseColumns, explainPlan, storeUnderTest, useTestStore } from '../test-support/store.js';
import { addClassification } from './tables.js';

/*
 * Migration `2026-12-03-0019-classification` on the store under test: the cases stored before it
 * are not classified, and the inbox's classification filter reads its index.
 */

const fixture = useTestStore();

describe('migration 2026-12-03-0019-classification', () => {
  it('leaves the cases stored before it unclassified, and takes a path afterwards', async () => {
    const references = [createCaseReference(), createCaseReference()];
    for (const reference of references) {
      await fixture.store.createCase(newCase(reference, { createdAt: '2026-11-01T09:00:00.000Z' }));
    }
    await fixture.store.close();
    const stored = await fixture.database.inspect(async (db) => {
      // The store as it was before the migration.
      await db.schema.dropIndex('cases_inbox_classification').execute();
      await db.schema.alterTable('cases').dropColumn('classification').execute();
      await addClassification(db as unknown as Kysely<unknown>);
      return db.selectFrom('cases').select(['reference', 'classification']).execute();
    });
    fixture.store = await fixture.database.open();
    expect(stored.filter((row) => references.includes(row.reference))).toEqual(
      expect.arrayContaining(references.map((reference) => ({ reference, classification: null }))),
    );
    const result = await fixture.store.write('actOnCase', {
      reference: references[0] as string,
      actor: ANNA,
      action: { kind: 'classification', path: ['gata-och-trafik', 'parkering'], escalations: {} },
      at: '2026-11-02T09:00:00.000Z',
    });
    expect(result).toMatchObject({ ok: true, version: 2 });
    const row = await caseColumns(fixture.database, references[0] as string, ['classification']);
    expect(row.classification).toBe('gata-och-trafik/parkering');
  });

  it(`serves the inbox's classification filter from its index (${storeUnderTest})`, async () => {
    // An inbox where one department's cases are a few of many: the planner, knowing that from
    // its statistics, reads those few through the index rather than the whole inbox in order.
    const references = Array.from({ length: 300 }, () => createCaseReference());
    await Promise.all(references.map((reference) => fixture.store.createCase(newCase(reference))));
    const plan = await fixture.database.inspect(async (db) => {
      await db.updateTable('cases').set({ classification: 'skolskjuts/ansokan' }).execute();
      await db
        .updateTable('cases')
        .set({ classification: 'gata-och-trafik/parkering' })
        .where('reference', 'in', references.slice(0, 3))
        .execute();
      await sql`analyze`.execute(db);
      return explain(db);
    });
    expect(plan).toContain('cases_inbox_classification');
    // Never a scan of the whole table.
    expect(plan).not.toMatch(/SCAN cases\b|Seq Scan/);
  });

  it.runIf(storeUnderTest === 'postgres')(
    'compares paths byte by byte on PostgreSQL, whatever the collation of the database',
    async () => {
      const column = await fixture.database.inspect((db) =>
        sql<{ collation_name: string | null }>`
          select collation_name from information_schema.columns
          where table_name = 'cases' and column_name = 'classification'
        `.execute(db),
      );
      expect(column.rows).toEqual([{ collation_name: 'C' }]);
    },
  );
});

/** The plan of the inbox's first page of cases classified at `gata-och-trafik` or under it. */
const explain = (db: Kysely<Database>) =>
  explainPlan(
    db,
    db
      .selectFrom('cases')
      .select(['reference', 'classification'])
      .where((eb) =>
        eb.or([
          eb('classification', '=', 'gata-och-trafik'),
          eb.and([
            eb('classification', '>=', 'gata-och-trafik/'),
            eb('classification', '<', 'gata-och-trafik0'),
          ]),
        ]),
      )
      .orderBy('created_at', 'desc')
      .orderBy('reference', 'desc')
      .limit(51)
      .compile(),
  );
