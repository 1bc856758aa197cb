import type { CaseStatus } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/*
 * The store operations of the Open311 endpoint: fault cases as service requests, and what a
 * client sent beyond the report. They run in the embedded store's worker too, so arguments and
 * results are plain data, and the case's personal parts never leave it: of `cases.message` only
 * the description is read out.
 */

/** Which fault cases `GET requests` lists. */
export interface Open311RequestQuery {
  /** These cases (that are fault reports) and nothing else: Open311's `service_request_id` list. */
  references?: readonly string[] | undefined;
  /** Only these categories; none: every one. */
  services?: readonly { department: string; category: string }[] | undefined;
  /** Filed at or after (ISO 8601, UTC). */
  from?: string | undefined;
  /** Filed at or before. */
  to?: string | undefined;
  /** Only these public statuses; none: every one. */
  statuses?: readonly CaseStatus[] | undefined;
  limit: number;
  /** Also each case's public timeline (Open311's `notes` extension). */
  withNotes?: boolean | undefined;
}

/** One entry of a case's public timeline. */
export interface Open311NoteRow {
  at: string;
  status: CaseStatus;
  note: string | null;
}

/** A fault case as Open311 shows it, before it is written out. */
export interface Open311RequestRow {
  reference: string;
  department: string;
  category: string;
  status: CaseStatus;
  forwardedTo: string | null;
  /** The case this one duplicates (public: the status tracker offers to follow it). */
  duplicateOf: string | null;
  createdAt: string;
  updatedAt: string;
  answerBy: string | null;
  description: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  /** The latest public note written while the case had its current status. */
  note: string | null;
  mediaUrl: string | null;
  /** The public timeline, oldest first, when `withNotes` asked for it. */
  notes?: Open311NoteRow[];
}

/** Fault cases, newest first, as `query` asks. */
export async function selectOpen311Requests(
  db: Kysely<Database>,
  query: Open311RequestQuery,
): Promise<Open311RequestRow[]> {
  let select = db
    .selectFrom('cases as c')
    .leftJoin('fault_reports as f', 'f.case_reference', 'c.reference')
    .leftJoin('open311_requests as o', 'o.case_reference', 'c.reference')
    .select([
      'c.reference',
      'c.department',
      'c.topic',
      'c.status',
      'c.forwarded_to',
      'c.duplicate_of',
      'c.created_at',
      'c.updated_at',
      'c.answer_by',
      'c.message',
      'f.lat',
      'f.lon',
      'f.address',
      'o.media_url',
    ])
    .select((eb) =>
      eb
        .selectFrom('case_timeline as t')
        .select('t.note')
        .whereRef('t.case_reference', '=', 'c.reference')
        .whereRef('t.status', '=', 'c.status')
        .where('t.note', 'is not', null)
        .orderBy('t.seq', 'desc')
        .limit(1)
        .as('note'),
    )
    .where('c.channel', '=', 'fault_report');
  if (query.references) {
    if (query.references.length === 0) return [];
    select = select.where('c.reference', 'in', query.references);
  } else {
    const { services, statuses, from, to } = query;
    if (from !== undefined) select = select.where('c.created_at', '>=', from);
    if (to !== undefined) select = select.where('c.created_at', '<=', to);
    if (statuses) {
      if (statuses.length === 0) return [];
      select = select.where('c.status', 'in', statuses);
    }
    if (services) {
      if (services.length === 0) return [];
      select = select.where((eb) =>
        eb.or(
          services.map(({ department, category }) =>
            eb.and([eb('c.department', '=', department), eb('c.topic', '=', category)]),
          ),
        ),
      );
    }
  }
  const rows = await select
    .orderBy('c.created_at', 'desc')
    .orderBy('c.reference', 'desc')
    .limit(query.limit)
    .execute();
  const notes = query.withNotes
    ? await selectNotes(
        db,
        rows.map((row) => row.reference),
      )
    : undefined;
  return rows.map((row) => ({
    reference: row.reference,
    department: row.department,
    category: row.topic,
    status: row.status as CaseStatus,
    forwardedTo: row.forwarded_to,
    duplicateOf: row.duplicate_of,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answerBy: row.answer_by,
    description: descriptionOf(row.message),
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    address: row.address,
    note: row.note ?? null,
    mediaUrl: row.media_url,
    ...(notes && { notes: notes.get(row.reference) ?? [] }),
  }));
}

/** The public timelines of `references`, by case, oldest entry first. */
async function selectNotes(
  db: Kysely<Database>,
  references: readonly string[],
): Promise<Map<string, Open311NoteRow[]>> {
  const notes = new Map<string, Open311NoteRow[]>();
  if (references.length === 0) return notes;
  const entries = await db
    .selectFrom('case_timeline')
    .select(['case_reference', 'at', 'status', 'note'])
    .where('case_reference', 'in', references)
    .orderBy('case_reference')
    .orderBy('seq')
    .execute();
  for (const entry of entries) {
    const list = notes.get(entry.case_reference) ?? [];
    list.push({ at: entry.at, status: entry.status as CaseStatus, note: entry.note });
    notes.set(entry.case_reference, list);
  }
  return notes;
}

/** The description a fault report's message holds; nothing else of it (contact details) leaves. */
function descriptionOf(message: string): string | null {
  try {
    const parsed = JSON.parse(message) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : null;
  } catch {
    return null;
  }
}

/** What an Open311 client sent with a report beyond the report (see `tables.ts`). */
export interface Open311RequestExtras {
  reference: string;
  clientId: string;
  accountId?: string | undefined;
  deviceId?: string | undefined;
  mediaUrl?: string | undefined;
  createdAt: string;
}

/** Keeps what a client sent beyond the report; no events (the case's own told the inbox). */
export async function saveOpen311Request(db: Kysely<Database>, extras: Open311RequestExtras) {
  await db
    .insertInto('open311_requests')
    .values({
      case_reference: extras.reference,
      client_id: extras.clientId,
      account_id: extras.accountId ?? null,
      device_id: extras.deviceId ?? null,
      media_url: extras.mediaUrl ?? null,
      created_at: extras.createdAt,
    })
    .execute();
  return { value: undefined, streams: [] as string[] };
}

/** Spread into `reads` in `store/operations.ts`. */
export const open311Reads = { selectOpen311Requests };
/** Spread into `writes` in `store/operations.ts`. */
export const open311Writes = { saveOpen311Request };
