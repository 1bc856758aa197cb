import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { NewCase } from './cases.js';
import { insertCases } from './cases.js';
import type { CreateCaseResult } from './create-case.js';
import { conflictAfterUniqueViolation, createCaseIn, isUniqueViolation } from './create-case.js';
import type { IdempotencyRecord } from './idempotency.js';
import {
  anyLiveIdempotencyRecord,
  deleteExpiredRecordsOf,
  insertIdempotencyRecords,
} from './idempotency.js';
import type { Database } from './schema.js';

/** One `createCase` call waiting to be committed. */
export interface PendingCase {
  input: NewCase;
  idempotency?: IdempotencyRecord | undefined;
}

/** What became of one case of a group: its result, or the error that failed only it. */
export type GroupOutcome = { ok: true; result: CreateCaseResult } | { ok: false; error: unknown };

const SAVEPOINT = sql.id('kontakt_case');
const CREATED: GroupOutcome = { ok: true, result: { created: true } };
/** Cases stored with one statement per table; a key is two bound values in one `or` of them. */
const CASES_AT_ONCE = 200;

/**
 * Group commit: stores many cases in one transaction, so they share one durable commit (one
 * fsync) instead of paying one each. Resolves once the transaction is committed; rejects (for
 * every case) when the commit itself fails. Dialect-neutral: SQLite and PostgreSQL both have
 * savepoints and multi-row inserts.
 *
 * The usual group (fresh keys, free references) is stored all at once: one query for the keys,
 * then one statement per table. Anything unusual — a key already answered or repeated in the
 * group, a reference taken, a row that fails — rolls that back and takes the cases one at a time,
 * each in its own savepoint, so a case that fails is rolled back alone and the others still commit.
 */
export async function createCasesTogether(
  db: Kysely<Database>,
  cases: readonly PendingCase[],
): Promise<GroupOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: GroupOutcome[] = [];
    for (let start = 0; start < cases.length; start += CASES_AT_ONCE) {
      const chunk = cases.slice(start, start + CASES_AT_ONCE);
      outcomes.push(...((await allAtOnce(trx, chunk)) ?? (await oneByOne(trx, chunk))));
    }
    return outcomes;
  });
}

/** Every case stored, or `undefined` with nothing of them stored (then: one at a time). */
async function allAtOnce(
  trx: Kysely<Database>,
  cases: readonly PendingCase[],
): Promise<GroupOutcome[] | undefined> {
  if (cases.length < 2) return undefined;
  // Sorted, so two instances' groups lock the same keys in the same order (no deadlock).
  const records = cases
    .flatMap(({ idempotency }) => (idempotency ? [idempotency] : []))
    .sort((a, b) => compare(a.scope, b.scope) || compare(a.key, b.key));
  const keys = records.map(({ scope, key }) => ({ scope, key }));
  if (new Set(keys.map(({ scope, key }) => `${scope}\n${key}`)).size < keys.length) {
    return undefined;
  }
  // The earliest submission's time: a record live then may still answer one of them.
  const now = new Date(Math.min(...records.map((record) => Date.parse(record.createdAt))));
  if (await anyLiveIdempotencyRecord(trx, keys, now)) return undefined;
  await sql`savepoint ${SAVEPOINT}`.execute(trx);
  try {
    await deleteExpiredRecordsOf(trx, keys, now);
    await insertCases(
      trx,
      cases.map(({ input }) => input),
    );
    await insertIdempotencyRecords(trx, records);
    await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return cases.map(() => CREATED);
  } catch {
    await sql`rollback to savepoint ${SAVEPOINT}`.execute(trx);
    await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return undefined;
  }
}

async function oneByOne(
  trx: Kysely<Database>,
  cases: readonly PendingCase[],
): Promise<GroupOutcome[]> {
  const outcomes: GroupOutcome[] = [];
  for (const pending of cases) outcomes.push(await createOne(trx, pending));
  return outcomes;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function createOne(trx: Kysely<Database>, pending: PendingCase): Promise<GroupOutcome> {
  await sql`savepoint ${SAVEPOINT}`.execute(trx);
  try {
    const result = await createCaseIn(trx, pending.input, pending.idempotency);
    await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return { ok: true, result };
  } catch (error) {
    await sql`rollback to savepoint ${SAVEPOINT}`.execute(trx);
    await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return outcomeOfFailure(trx, error, pending);
  }
}

/** A unique violation is a conflict the route can answer (as `createKyselyStore` does). */
async function outcomeOfFailure(
  trx: Kysely<Database>,
  error: unknown,
  { input, idempotency }: PendingCase,
): Promise<GroupOutcome> {
  if (isUniqueViolation(error)) {
    const conflict = await conflictAfterUniqueViolation(trx, input, idempotency);
    if (conflict) return { ok: true, result: conflict };
  }
  return { ok: false, error };
}
