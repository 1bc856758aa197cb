import type { Kysely } from 'kysely';
import type { NewCase } from './cases.js';
import { caseExists, insertCase } from './cases.js';
import type { NewEvent } from './events.js';
import type { IdempotencyRecord } from './idempotency.js';
import {
  deleteExpiredIdempotencyRecords,
  insertIdempotencyRecord,
  selectIdempotencyRecord,
} from './idempotency.js';
import type { Database } from './schema.js';

/** Why a case was not created. */
export type CreateCaseResult =
  | { created: true }
  /** Another case already has the reference: make a new one and try again. */
  | { created: false; conflict: 'reference' }
  /** Another request with the same key committed first: answer as it was answered. */
  | { created: false; conflict: 'idempotency_key'; record: IdempotencyRecord };

/**
 * Stores a case, its first timeline entry and (when given) the idempotency record. Run it inside a
 * transaction (or a savepoint): it reads the key before it writes.
 *
 * A reference that is taken is not looked up first: references are 40 random bits, so the insert
 * almost never fails, and when it does the unique violation says so (the caller answers it with
 * `conflictAfterUniqueViolation`). One statement less per case, on every submission.
 * `laterEvents`: as `insertCases`.
 */
export async function createCaseIn(
  trx: Kysely<Database>,
  input: NewCase,
  idempotency?: IdempotencyRecord,
  laterEvents?: NewEvent[],
): Promise<CreateCaseResult> {
  if (idempotency) {
    const { scope, key } = idempotency;
    const createdAt = new Date(idempotency.createdAt);
    const existing = await selectIdempotencyRecord(trx, scope, key, createdAt);
    if (existing) return { created: false, conflict: 'idempotency_key', record: existing };
    await deleteExpiredIdempotencyRecords(trx, createdAt, { scope, key });
  }
  await insertCase(trx, input, laterEvents);
  if (idempotency) await insertIdempotencyRecord(trx, idempotency);
  return { created: true };
}

/**
 * After a unique violation: which conflict it was, read from what is now committed. Two
 * transactions that both found no record (PostgreSQL, two instances, one key) both insert; the
 * second fails on the key's primary key and is answered with the first one's record.
 * Returns `undefined` when neither explains it.
 */
export async function conflictAfterUniqueViolation(
  db: Kysely<Database>,
  input: NewCase,
  idempotency?: IdempotencyRecord,
): Promise<CreateCaseResult | undefined> {
  if (idempotency) {
    const { scope, key, createdAt } = idempotency;
    const record = await selectIdempotencyRecord(db, scope, key, new Date(createdAt));
    if (record) return { created: false, conflict: 'idempotency_key', record };
  }
  if (await caseExists(db, input.reference)) return { created: false, conflict: 'reference' };
  return undefined;
}

/** A primary-key or unique constraint refused a row (PostgreSQL `23505`, SQLite `SQLITE_CONSTRAINT_…`). */
export function isUniqueViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
