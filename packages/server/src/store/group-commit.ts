import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { NewCase } from './cases.js';
import type { CreateCaseResult } from './create-case.js';
import { conflictAfterUniqueViolation, createCaseIn, isUniqueViolation } from './create-case.js';
import type { IdempotencyRecord } from './idempotency.js';
import type { Database } from './schema.js';

/** One `createCase` call waiting to be committed. */
export interface PendingCase {
  input: NewCase;
  idempotency?: IdempotencyRecord | undefined;
}

/** What became of one case of a group: its result, or the error that failed only it. */
export type GroupOutcome = { ok: true; result: CreateCaseResult } | { ok: false; error: unknown };

const SAVEPOINT = sql.id('kontakt_case');

/**
 * Group commit: stores many cases in one transaction, so they share one durable commit (one
 * fsync) instead of paying one each. Each case runs inside its own savepoint, so a case that fails
 * is rolled back alone and the others still commit. Resolves once the transaction is committed;
 * rejects (for every case) when the commit itself fails. Dialect-neutral: SQLite and PostgreSQL
 * both have savepoints.
 */
export async function createCasesTogether(
  db: Kysely<Database>,
  cases: readonly PendingCase[],
): Promise<GroupOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const outcomes: GroupOutcome[] = [];
    for (const { input, idempotency } of cases) {
      await sql`savepoint ${SAVEPOINT}`.execute(trx);
      try {
        const result = await createCaseIn(trx, input, idempotency);
        await sql`release savepoint ${SAVEPOINT}`.execute(trx);
        outcomes.push({ ok: true, result });
      } catch (error) {
        await sql`rollback to savepoint ${SAVEPOINT}`.execute(trx);
        await sql`release savepoint ${SAVEPOINT}`.execute(trx);
        outcomes.push(await outcomeOfFailure(trx, error, { input, idempotency }));
      }
    }
    return outcomes;
  });
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
