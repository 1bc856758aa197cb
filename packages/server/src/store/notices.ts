import type { AdminNotice, NoticeText } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { Cursor } from '../sse/feed.js';
import type { NewEvent } from './events.js';
import { appendEvents, headCursor } from './events.js';
import type { Database, NoticeRow } from './schema.js';

/**
 * Stores a new or changed notice and the events that tell pages about it, in one transaction:
 * a page never hears of a change that was not committed.
 */
export function saveNoticeWithEvents(
  db: Kysely<Database>,
  notice: AdminNotice,
  events: readonly NewEvent[],
  now: Date,
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await upsertNotice(trx, notice);
    await appendEvents(trx, events, now);
  });
}

/**
 * The notices current at `now` and the log's cursor, read in that order: a change committed in
 * between is then at most seen twice (in the list and again on the stream), never missed.
 */
export async function selectCurrentNotices(
  db: Kysely<Database>,
  now: Date,
): Promise<{ notices: AdminNotice[]; cursor: Cursor }> {
  const cursor = await headCursor(db);
  return { notices: await selectNotices(db, { current: now }), cursor };
}

/** Stores a new notice or replaces the one with its id. Run it inside a transaction. */
export async function upsertNotice(trx: Kysely<Database>, notice: AdminNotice): Promise<void> {
  const row = toRow(notice);
  const { id: _id, created_at: _created, ...changes } = row;
  await trx
    .insertInto('notices')
    .values(row)
    .onConflict((conflict) => conflict.column('id').doUpdateSet(changes))
    .execute();
}

export async function selectNotice(
  db: Kysely<Database>,
  id: string,
): Promise<AdminNotice | undefined> {
  const row = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/**
 * Notices newest first. `current`: only those not withdrawn and not ended at that moment (later
 * ones included); otherwise every notice ever published.
 */
export async function selectNotices(
  db: Kysely<Database>,
  options: { current?: Date } = {},
): Promise<AdminNotice[]> {
  let query = db.selectFrom('notices').selectAll();
  if (options.current) {
    const now = options.current.toISOString();
    query = query
      .where('withdrawn_at', 'is', null)
      .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', now)]));
  }
  const rows = await query.orderBy('starts_at', 'desc').orderBy('id').execute();
  return rows.map(fromRow);
}

function toRow(notice: AdminNotice): NoticeRow {
  return {
    id: notice.id,
    title: JSON.stringify(notice.title),
    text: JSON.stringify(notice.text),
    severity: notice.severity,
    departments: JSON.stringify(notice.departments),
    starts_at: notice.startsAt,
    ends_at: notice.endsAt,
    created_at: notice.createdAt,
    updated_at: notice.updatedAt,
    withdrawn_at: notice.withdrawnAt,
  };
}

function fromRow(row: NoticeRow): AdminNotice {
  return {
    id: row.id,
    title: JSON.parse(row.title) as NoticeText,
    text: JSON.parse(row.text) as NoticeText,
    severity: row.severity as AdminNotice['severity'],
    departments: JSON.parse(row.departments) as AdminNotice['departments'],
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    withdrawnAt: row.withdrawn_at,
  };
}
