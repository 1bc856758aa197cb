import type { Case } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { NewCase } from './cases.js';
import { countCases, selectCase } from './cases.js';
import type { CreateCaseResult } from './create-case.js';
import { conflictAfterUniqueViolation, createCaseIn, isUniqueViolation } from './create-case.js';
import type { IdempotencyRecord } from './idempotency.js';
import { deleteExpiredIdempotencyRecords, selectIdempotencyRecord } from './idempotency.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

export type { CreateCaseResult } from './create-case.js';

/**
 * Everything the routes need from storage. Routes depend on this, never on a SQL dialect: the
 * embedded store and PostgreSQL are two implementations of it.
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
  /** Resolves when the database answers a query; rejects when it does not (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs the migrations and returns a `Store` over any Kysely database with our schema. The queries
 * are dialect-neutral; the same code runs on SQLite and PostgreSQL.
 */
export async function createKyselyStore(db: Kysely<Database>): Promise<Store> {
  await migrateToLatest(db as Kysely<unknown>);
  return {
    async createCase(input, idempotency) {
      try {
        return await db.transaction().execute((trx) => createCaseIn(trx, input, idempotency));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const conflict = await conflictAfterUniqueViolation(db, input, idempotency);
        if (!conflict) throw error;
        return conflict;
      }
    },
    findCase: (reference) => selectCase(db, reference),
    findIdempotencyRecord: (scope, key, now) => selectIdempotencyRecord(db, scope, key, now),
    deleteExpiredIdempotencyRecords: (now) => deleteExpiredIdempotencyRecords(db, now),
    countCases: () => countCases(db),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
