/*
 * Many fault reports at once, for the nearby query's plan test and `bench/fault-nearby.mjs`:
 * stored through `insertCases` (the server's own path), spread over a city, most of them
 * finished as a year of reports would be.
 */
import { randomBytes } from 'node:crypto';
import { createCaseReference } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { recordStatusChanges } from '../agent-cases/status-history.js';
import type { NewCase } from '../store/cases.js';
import { insertCases } from '../store/cases.js';
import type { Database } from '../store/schema.js';

export interface SeedOptions {
  count: number;
  department: string;
  categories: readonly string[];
  /** The middle of the city. */
  center: { lat: number; lon: number };
  /** Half the side of the square the reports are spread over, in metres. */
  spreadMeters: number;
  /** Share of reports that are finished (resolved, closed, duplicate): not offered nearby. */
  finishedShare?: number;
  now?: Date;
}

const BATCH = 2000;

/** Stores `count` fault reports; returns how many are open. */
export async function seedFaultReports(
  db: Kysely<Database>,
  options: SeedOptions,
): Promise<number> {
  const { count, department, categories, center, spreadMeters } = options;
  const finishedShare = options.finishedShare ?? 0.7;
  const now = (options.now ?? new Date()).getTime();
  const dLat = spreadMeters / 111_320;
  const dLon = dLat / Math.cos((center.lat * Math.PI) / 180);
  // A fixed sequence (not Math.random): the same seed gives the same city every run.
  let state = 0x9e3779b9;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  let open = 0;
  for (let start = 0; start < count; start += BATCH) {
    const cases: NewCase[] = [];
    const finished: string[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const category = categories[i % categories.length] as string;
      const reference = createCaseReference();
      const createdAt = new Date(now - (count - i) * 300_000).toISOString();
      cases.push({
        reference,
        receiptTokenHash: randomBytes(32).toString('hex'),
        channel: 'fault_report',
        origin: {
          department,
          pageUrl: `https://${department}.example.se/felanmalan`,
          widget: 'seed',
        },
        topic: category,
        message: { topic: category, message: `Fel nummer ${i}`, answerLanguage: 'sv' },
        createdAt,
        fault: {
          category,
          lat: center.lat + (random() * 2 - 1) * dLat,
          lon: center.lon + (random() * 2 - 1) * dLon,
          answers: {},
          anonymous: true,
          photos: [],
        },
      });
      if (random() < finishedShare) finished.push(reference);
      else open += 1;
    }
    await db.transaction().execute(async (trx) => {
      await insertCases(trx, cases);
      const closedAt = new Date(now).toISOString();
      for (let at = 0; at < finished.length; at += 500) {
        const batch = finished.slice(at, at + 500);
        await trx
          .updateTable('cases')
          .set({ status: 'resolved', staff_status: 'closed' })
          .where('reference', 'in', batch)
          .execute();
        await recordStatusChanges(
          trx,
          batch.map((reference) => ({ reference, at: closedAt, from: 'received', to: 'closed' })),
        );
      }
    });
  }
  return open;
}
