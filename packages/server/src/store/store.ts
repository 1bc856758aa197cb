import type { Case } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { NewCase } from './cases.js';
import { caseExists, countCases, insertCase, selectCase } from './cases.js';
import type { IdempotencyRecord } from './idempotency.js';
import {
  deleteExpiredIdempotencyRecords,
  insertIdempotencyRecord,
  selectIdempotencyRecord,
} from './idempotency.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

/** Why a case was not created. */
export type CreateCaseResult =
  | { created: true }
  /** Another case already has the reference: make a new one and try again. */
  | { created: false; conflict: 'reference' }
  /** Another request with the same key committed first: answer as it was answered. */
  | { created: false; conflict: 'idempotency_key'; record: IdempotencyRecord };

/**
 * Everything the routes need from storage. Routes depend on this, never on a SQL dialect, so a
 * PostgreSQL store is one more implementation of it.
 */
export interface Store {
  /**
   * Stores the case, its first timeline entry and (when given) the idempotency record in one
   * transaction. When it resolves with `created: true` the case is durably committed.
   */
  createCase(input: NewCase, idempotency?: IdempotencyRecord): Promise<CreateCaseResult>;
  /** The public view of a case. */
  findCase(reference: string): Promise<Case | undefined>;
  /** The live (not expired) idempotency record of a key. */
  findIdempotencyRecord(
    scope: string,
    key: string,
    now: Date,
  ): Promise<IdempotencyRecord | undefined>;
  /** Forgets idempotency records that expired before `now`; returns how many. */
  deleteExpiredIdempotencyRecords(now: Date): Promise<number>;
  countCases(): Promise<number>;
  close(): Promise<void>;
}

/** Runs the migrations and returns a `Store` over any Kysely database with our schema. */
export async function createKyselyStore(db: Kysely<Database>): Promise<Store> {
  await migrateToLatest(db as Kysely<unknown>);
  return {
    createCase: (input, idempotency) =>
      db.transaction().execute(async (trx): Promise<CreateCaseResult> => {
        if (idempotency) {
          const key = { scope: idempotency.scope, key: idempotency.key };
          const createdAt = new Date(idempotency.createdAt);
          const existing = await selectIdempotencyRecord(trx, key.scope, key.key, createdAt);
          if (existing) return { created: false, conflict: 'idempotency_key', record: existing };
          await deleteExpiredIdempotencyRecords(trx, createdAt, key);
        }
        if (await caseExists(trx, input.reference))
          return { created: false, conflict: 'reference' };
        await insertCase(trx, input);
        if (idempotency) await insertIdempotencyRecord(trx, idempotency);
        return { created: true };
      }),
    findCase: (reference) => selectCase(db, reference),
    findIdempotencyRecord: (scope, key, now) => selectIdempotencyRecord(db, scope, key, now),
    deleteExpiredIdempotencyRecords: (now) => deleteExpiredIdempotencyRecords(db, now),
    countCases: () => countCases(db),
    close: () => db.destroy(),
  };
}
