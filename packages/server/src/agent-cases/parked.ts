import { PAUSED_STAFF_STATUSES } from '@kontakt/core/agent';
import type { StaffStatus } from '@kontakt/core/schemas';
import { publicStatus } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { publishPublicCaseChange } from '../public-cases/publish.js';
import { appendEvents } from '../store/events.js';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import { appendEntry, appendPublicEntry, callbackQueueEvents, streamsOf } from './actions.js';
import { recordStatusChange } from './status-history.js';
import { caseChangeEvents } from './streams.js';

/*
 * The store's side of waiting cases that come back by themselves on a date: parked, or waiting
 * for the citizen (`PAUSED_STAFF_STATUSES`; "parked" below stands for both): which are due, when
 * the next one is, and bringing one back. The loop that does it is `resume-parked.ts`.
 */

/** A parked case due to come back, as read: its version guards the change. */
export interface DueParkedCase {
  readonly reference: string;
  readonly version: number;
}

/** The parked cases due by `at` (ISO 8601), the longest due first, at most `limit`. */
export async function dueParkedCases(
  db: Kysely<Database>,
  at: string,
  limit: number,
): Promise<DueParkedCase[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['reference', 'version'])
    .where('staff_status', 'in', [...PAUSED_STAFF_STATUSES])
    .where('resume_at', '<=', at)
    .orderBy('resume_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ reference: row.reference, version: Number(row.version) }));
}

/** When the next parked case comes back (ISO 8601), or `null` when none waits for a date. */
export async function nextParkedResume(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('cases')
    .select('resume_at')
    .where('staff_status', 'in', [...PAUSED_STAFF_STATUSES])
    .where('resume_at', 'is not', null)
    .orderBy('resume_at')
    .limit(1)
    .executeTakeFirst();
  return row?.resume_at ?? null;
}

export interface ResumeRequest extends DueParkedCase {
  /** ISO 8601: now, by the server's clock. */
  readonly at: string;
}

export type ResumeResult =
  | { resumed: true; version: number; seq: number }
  /** Someone acted on it since it was read, or another instance brought it back first. */
  | { resumed: false };

/**
 * Brings a parked case back to `in_progress` in one transaction, as an agent's status change
 * would (no actor): the agents' timeline (`resumed: true`), the events the consoles follow and,
 * should the citizen's status word change, the public timeline and stream. Only the version that
 * was read, still parked and due: of two instances at once, one matches and the other nothing.
 */
export async function resumeParkedCase(
  db: Kysely<Database>,
  request: ResumeRequest,
): Promise<Written<ResumeResult>> {
  const { reference, version, at } = request;
  const nothing = { value: { resumed: false } as const, streams: [] };
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['status', 'staff_status', 'forwarded_to'])
      .where('reference', '=', reference)
      .where('version', '=', version)
      .where('staff_status', 'in', [...PAUSED_STAFF_STATUSES])
      .where('resume_at', '<=', at)
      .executeTakeFirst();
    if (!row) return nothing;
    const staffStatus: StaffStatus = 'in_progress';
    const status = publicStatus(staffStatus);
    // The version in the WHERE: an action that committed since the read makes this match nothing.
    const updated = await trx
      .updateTable('cases')
      .set({
        staff_status: staffStatus,
        status,
        resume_at: null,
        updated_at: at,
        version: version + 1,
      })
      .where('reference', '=', reference)
      .where('version', '=', version)
      .where('staff_status', 'in', [...PAUSED_STAFF_STATUSES])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return nothing;
    await recordStatusChange(trx, {
      reference,
      at,
      from: row.staff_status as StaffStatus,
      to: staffStatus,
    });
    const seq = await appendEntry(trx, reference, at, null, 'status', {
      status: staffStatus,
      visibility: 'internal',
      resumed: true,
    });
    const streams: string[] = [];
    // Parked and in progress are one word to the citizen: told only if it was another.
    if (status !== row.status) {
      await appendPublicEntry(trx, reference, at, { status });
      // Back from waiting for the citizen: they were asked, and a mail that it is in progress
      // again tells them nothing they need (as when they answer).
      streams.push(
        ...(await publishPublicCaseChange(trx, reference, {
          at,
          statusChanged: true,
          mail: false,
        })),
      );
    }
    const events = caseChangeEvents(reference, 'case.updated', [row.forwarded_to], {
      kind: 'status',
      seq,
    });
    events.push(...(await callbackQueueEvents(trx, reference)));
    await appendEvents(trx, events, new Date(at));
    return {
      value: { resumed: true, version: version + 1, seq },
      streams: [...streamsOf(events), ...streams],
    };
  });
}
