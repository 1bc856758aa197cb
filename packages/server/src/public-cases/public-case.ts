import type { CaseChannel, CaseStatus, PublicCase, PublicFault } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { selectTimeline } from '../store/cases.js';
import type { Database } from '../store/schema.js';

/*
 * A case as its citizen sees it, read from the public columns of `cases` and the public timeline
 * only: the message, contact details, assignee, notes and forward reasons are never selected, so
 * no later change to this file's callers can leak them.
 */

/** The `PublicCase` of `reference`, or `undefined` when there is no such case. */
export async function selectPublicCase(
  db: Kysely<Database>,
  reference: string,
): Promise<PublicCase | undefined> {
  const row = await db
    .selectFrom('cases')
    .select([
      'reference',
      'channel',
      'department',
      'topic',
      'status',
      'created_at',
      'answer_by',
      'duplicate_of',
    ])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const timeline = await selectTimeline(db, reference);
  const fault = row.channel === 'fault_report' ? await selectPublicFault(db, reference) : undefined;
  return {
    reference: row.reference,
    channel: row.channel as CaseChannel,
    department: row.department,
    topic: row.topic,
    status: row.status as CaseStatus,
    createdAt: row.created_at,
    // When the citizen last saw it change: `updated_at` also moves for internal work (a note, an
    // assignment), which is not theirs to see.
    updatedAt: timeline.at(-1)?.at ?? row.created_at,
    ...(row.answer_by ? { expectedAnswerBy: row.answer_by } : {}),
    ...(row.duplicate_of ? { duplicateOf: row.duplicate_of } : {}),
    ...(fault ? { fault } : {}),
    timeline,
  };
}

/** About ten metres: four decimals of a degree (11 m of latitude, 6 m of longitude in Malmö). */
const roundPlace = (degrees: number) => Math.round(degrees * 10_000) / 10_000;

/** A fault report's category, rounded place and photo count (never the address or answers). */
async function selectPublicFault(
  db: Kysely<Database>,
  reference: string,
): Promise<PublicFault | undefined> {
  const row = await db
    .selectFrom('fault_reports')
    .select(['category', 'lat', 'lon', 'photo_count'])
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    category: row.category,
    ...(row.lat === null || row.lon === null
      ? {}
      : { location: { lat: roundPlace(row.lat), lon: roundPlace(row.lon) } }),
    photoCount: Number(row.photo_count),
  };
}
