import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { NewCase } from './cases.js';
import { insertCases } from './cases.js';
import type { CreateCaseResult } from './create-case.js';
import { conflictAfterUniqueViolation, createCaseIn, isUniqueViolation } from './create-case.js';
import type { NewEvent } from './events.js';
import { appendEvents } from './events.js';
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
 * The first cases of a group go without a savepoint (on PostgreSQL each is a round trip): when
 * they fail, the transaction holds nothing else yet, so it is rolled back and begun again, one
 * case at a time.
 *
 * The inbox's events of the whole group are appended once, as the transaction's last statement:
 * on PostgreSQL an append takes the event log's lock (`appendEvents`) and holds it until the
 * commit, so everything before it runs beside other groups and only the append and the commit
 * wait their turn.
 */
export async function createCasesTogether(
  db: Kysely<Database>,
  cases: readonly PendingCase[],
): Promise<GroupOutcome[]> {
  try {
    return await db.transaction().execute((trx) => storeGroup(trx, cases, true));
  } catch (error) {
    if (!(error instanceof FirstCasesRefused)) throw error;
    return db.transaction().execute((trx) => storeGroup(trx, cases, false));
  }
}

/** Thrown out of the transaction to roll it back: the first cases failed all at once. */
class FirstCasesRefused extends Error {}

async function storeGroup(
  trx: Kysely<Database>,
  cases: readonly PendingCase[],
  tryAllAtOnce: boolean,
): Promise<GroupOutcome[]> {
  const outcomes: GroupOutcome[] = [];
  const events: NewEvent[] = [];
  for (let start = 0; start < cases.length; start += CASES_AT_ONCE) {
    const chunk = cases.slice(start, start + CASES_AT_ONCE);
    const together = tryAllAtOnce
      ? await allAtOnce(trx, chunk, events, start === 0 ? 'first' : 'later')
      : undefined;
    outcomes.push(...(together ?? (await oneByOne(trx, chunk, events))));
  }
  await appendEvents(trx, events, new Date(earliest(cases)));
  return outcomes;
}

const earliest = (cases: readonly PendingCase[]) =>
  Math.min(...cases.map(({ input }) => Date.parse(input.createdAt)));

/**
 * Every case stored, or `undefined` with nothing of them stored (then: one at a time). The
 * `first` cases of a transaction fail by throwing `FirstCasesRefused`, which rolls it back;
 * `later` ones are rolled back to a savepoint.
 */
async function allAtOnce(
  trx: Kysely<Database>,
  cases: readonly PendingCase[],
  laterEvents: NewEvent[],
  place: 'first' | 'later',
): Promise<GroupOutcome[] | undefined> {
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
  const eventsBefore = laterEvents.length;
  if (place === 'later') await sql`savepoint ${SAVEPOINT}`.execute(trx);
  try {
    await deleteExpiredRecordsOf(trx, keys, now);
    await insertCases(
      trx,
      cases.map(({ input }) => input),
      laterEvents,
    );
    await insertIdempotencyRecords(trx, records);
    if (place === 'later') await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return cases.map(() => CREATED);
  } catch {
    if (place === 'first') throw new FirstCasesRefused();
    laterEvents.length = eventsBefore;
    await sql`rollback to savepoint ${SAVEPOINT}`.execute(trx);
    await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return undefined;
  }
}

async function oneByOne(
  trx: Kysely<Database>,
  cases: readonly PendingCase[],
  laterEvents: NewEvent[],
): Promise<GroupOutcome[]> {
  const outcomes: GroupOutcome[] = [];
  for (const pending of cases) outcomes.push(await createOne(trx, pending, laterEvents));
  return outcomes;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function createOne(
  trx: Kysely<Database>,
  pending: PendingCase,
  laterEvents: NewEvent[],
): Promise<GroupOutcome> {
  const eventsBefore = laterEvents.length;
  await sql`savepoint ${SAVEPOINT}`.execute(trx);
  try {
    const result = await createCaseIn(trx, pending.input, pending.idempotency, laterEvents);
    await sql`release savepoint ${SAVEPOINT}`.execute(trx);
    return { ok: true, result };
  } catch (error) {
    // The case is rolled back, so the inbox must not hear of it.
    laterEvents.length = eventsBefore;
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
