import type { Kysely } from 'kysely';
import { CompiledQuery } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/schema.js';
import { explainPlan, storeUnderTest, useTestStore } from '../test-support/store.js';
import { distanceMeters } from './geo.js';
import { seedFaultReports } from './seed.js';
import { nearbyQuery } from './store.js';

const MALMO = { lat: 55.605, lon: 13.0038 };
const CATEGORIES = ['gatubelysning', 'hal-i-gata', 'klotter', 'nedskrapning'];
const fixture = useTestStore();

beforeAll(async () => {
  await fixture.database.inspect(async (db) => {
    await seedFaultReports(db, {
      count: 4000,
      department: 'gata',
      categories: CATEGORIES,
      center: MALMO,
      spreadMeters: 2000,
    });
    if (storeUnderTest === 'postgres') await db.executeQuery(CompiledQuery.raw('analyze'));
  });
}, 120_000);

const query = { department: 'gata', category: 'gatubelysning', ...MALMO, radiusMeters: 400 };

describe('the nearby query', () => {
  it('answers the open reports of the category within the radius, nearest first, at most 20', async () => {
    const reports = await fixture.store.read('selectNearbyReports', query);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.length).toBeLessThanOrEqual(20);
    const distances = reports.map((r) => r.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const report of reports) {
      expect(report.category).toBe('gatubelysning');
      expect(['resolved', 'closed', 'duplicate']).not.toContain(report.status);
      expect(report.distanceMeters).toBeLessThanOrEqual(400);
    }
    // Every open report of the category in the radius, by brute force, is in the answer.
    const all = await fixture.database.inspect((db) =>
      db
        .selectFrom('fault_reports as f')
        .innerJoin('cases as c', 'c.reference', 'f.case_reference')
        .select(['f.case_reference', 'f.lat', 'f.lon'])
        .where('f.category', '=', 'gatubelysning')
        .where('c.status', '=', 'received')
        .execute(),
    );
    const inside = all
      .map((r) => ({
        ref: r.case_reference,
        d: distanceMeters(MALMO.lat, MALMO.lon, Number(r.lat), Number(r.lon)),
      }))
      .filter((r) => r.d <= 400)
      .sort((a, b) => a.d - b.d)
      .slice(0, 20);
    expect(reports.map((r) => r.reference)).toEqual(inside.map((r) => r.ref));
  });

  it(`reads the fault_reports_nearby index (${storeUnderTest})`, async () => {
    const plan = await fixture.database.inspect((db) => explain(db));
    expect(plan).toContain('fault_reports_nearby');
  });
});

/** The database's plan for the nearby query, as text. */
const explain = (db: Kysely<Database>) => explainPlan(db, nearbyQuery(db, query).compile());
