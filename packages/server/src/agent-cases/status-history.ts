import type { StatusPeriod } from '@kontakt/core/agent';
import type { StaffStatus } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/*
 * The time a case spends in each staff status: every path that moves an existing case to another
 * status writes one row (`case_status_changes`) in the transaction that moves it, and a case's
 * history is made from those rows and its arrival. Nothing is written when a case arrives (it is
 * `received` from its `created_at`), so the submission's hot path stays as it is.
 */

/** One change of a case's staff status. */
export interface StatusChange {
  readonly reference: string;
  /** ISO 8601, UTC: the action's time by the server's clock. */
  readonly at: string;
  /** `null` only for the migration's backfill: what came before is unknown. */
  readonly from: StaffStatus | null;
  readonly to: StaffStatus;
}

/**
 * Records that a case's staff status changed, inside the transaction that changed it (whose
 * update of the case holds its row, so no other change takes the same `seq`). A status set to
 * the one it already had is no change: nothing is written.
 */
export async function recordStatusChange(
  trx: Kysely<Database>,
  change: StatusChange,
): Promise<void> {
  await recordStatusChanges(trx, [change]);
}

/** `recordStatusChange` for many cases at once (at most one change per case). */
export async function recordStatusChanges(
  trx: Kysely<Database>,
  changes: readonly StatusChange[],
): Promise<void> {
  const changed = changes.filter((change) => change.from !== change.to);
  if (changed.length === 0) return;
  const last = await trx
    .selectFrom('case_status_changes')
    .select(['case_reference', (eb) => eb.fn.max('seq').as('seq')])
    .where(
      'case_reference',
      'in',
      changed.map((change) => change.reference),
    )
    .groupBy('case_reference')
    .execute();
  const lastSeq = new Map(last.map((row) => [row.case_reference, Number(row.seq)]));
  await trx
    .insertInto('case_status_changes')
    .values(
      changed.map((change) => ({
        case_reference: change.reference,
        seq: (lastSeq.get(change.reference) ?? 0) + 1,
        at: change.at,
        from_status: change.from,
        to_status: change.to,
      })),
    )
    .execute();
}

/** A stored change as the history is made from it, oldest first. */
export interface StoredStatusChange {
  readonly at: string;
  readonly from: string | null;
  readonly to: string;
}

/**
 * A case's periods in each status, oldest first, the last one open (`until: null`). Without any
 * change the case has been in its status since it arrived. A first change from a known status
 * means the case was in that one since it arrived; from `null` (the backfill) the history starts
 * at that change, what came before being unknown.
 */
export function statusHistory(
  createdAt: string,
  current: StaffStatus,
  changes: readonly StoredStatusChange[],
): StatusPeriod[] {
  const first = changes[0];
  if (!first) return [{ status: current, from: createdAt, until: null }];
  const periods: StatusPeriod[] =
    first.from === null
      ? []
      : [{ status: first.from as StaffStatus, from: createdAt, until: first.at }];
  changes.forEach((change, i) => {
    periods.push({
      status: change.to as StaffStatus,
      from: change.at,
      until: changes[i + 1]?.at ?? null,
    });
  });
  return periods;
}

/** The case's stored changes, oldest first (through the table's primary key). */
export async function selectStatusChanges(
  db: Kysely<Database>,
  reference: string,
): Promise<StoredStatusChange[]> {
  const rows = await db
    .selectFrom('case_status_changes')
    .select(['at', 'from_status', 'to_status'])
    .where('case_reference', '=', reference)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({ at: row.at, from: row.from_status, to: row.to_status }));
}
