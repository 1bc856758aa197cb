import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Cursor, StoredEvent } from '../sse/feed.js';
import { onPostgres } from './dialect.js';
import type { Database } from './schema.js';

/*
 * The event log's queries, for both stores. Events are appended in the transaction of the change
 * they report, so a page is told of exactly what was committed.
 */

/** An event to append: its stream, type and payload (stored as JSON). */
export interface NewEvent {
  readonly stream: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * A key for `pg_advisory_xact_lock`: appends take it, so on PostgreSQL events commit in cursor
 * order. A sequence alone hands out cursors in the order transactions *start* writing, and a
 * reader could see cursor 8 committed before 7 — then skip 7 for good. SQLite writes one
 * transaction at a time anyway.
 */
const EVENT_APPEND_LOCK = 0x6b6f6e74; // "kont"

/** Appends `events` in order; run it inside the transaction of the change they report. */
export async function appendEvents(
  trx: Kysely<Database>,
  events: readonly NewEvent[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  // A type is one SSE line: one with a line break would break every stream that reaches it.
  const broken = events.find((event) => /[\r\n]/.test(event.type));
  if (broken) throw new TypeError(`An event type is one line: ${JSON.stringify(broken.type)}`);
  const append = onPostgres(trx) ? appendOnPostgres : appendOnSqlite;
  for (let start = 0; start < events.length; start += EVENTS_PER_STATEMENT) {
    await append(trx, events.slice(start, start + EVENTS_PER_STATEMENT), at);
  }
}

/** SQLite allows 32,766 bound values per statement, PostgreSQL 65,535; an event has four. */
const EVENTS_PER_STATEMENT = 2000;

async function appendOnSqlite(
  trx: Kysely<Database>,
  events: readonly NewEvent[],
  at: Date,
): Promise<void> {
  await trx
    .insertInto('events')
    .values(
      events.map((event) => ({
        stream: event.stream,
        type: event.type,
        data: JSON.stringify(event.data),
        at: at.toISOString(),
      })),
    )
    .execute();
}

/**
 * The lock, the rows and the notifications in one statement: one round trip instead of three,
 * and the lock (held until the commit) is taken as late as it can be. The lock comes first: the
 * rows are read from a join with its one row, so no cursor is drawn before it is held; the rows
 * are inserted in `n` order, so their cursors follow the order given. Each stream's listeners are
 * told once, when (and only if) the transaction commits.
 */
async function appendOnPostgres(
  trx: Kysely<Database>,
  events: readonly NewEvent[],
  at: Date,
): Promise<void> {
  const rows = sql.join(
    events.map(
      (event, n) =>
        sql`(${n}::integer, ${event.stream}::text, ${event.type}::text, ${JSON.stringify(event.data)}::text)`,
    ),
  );
  await sql`
    with event_log_lock as materialized (select pg_advisory_xact_lock(${EVENT_APPEND_LOCK})),
    appended as (
      insert into events (stream, type, data, at)
      select event.stream, event.type, event.data, ${at.toISOString()}::text
      from event_log_lock, (values ${rows}) as event (n, stream, type, data)
      order by event.n
      returning stream
    )
    select pg_notify(${EVENTS_CHANNEL}, stream) from (select distinct stream from appended) as streams
  `.execute(trx);
}

/** The PostgreSQL NOTIFY channel that carries the names of streams with new events. */
export const EVENTS_CHANNEL = 'kontakt_events';

/** The events of `stream` after `after`, oldest first, at most `limit`. */
export async function readEvents(
  db: Kysely<Database>,
  stream: string,
  after: Cursor,
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['cursor', 'stream', 'type', 'data'])
    .where('stream', '=', stream)
    .where('cursor', '>', after)
    .orderBy('cursor')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    cursor: Number(row.cursor),
    stream: row.stream,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
  }));
}

/** The largest cursor in the log, 0 when it is empty. */
export async function headCursor(db: Kysely<Database>): Promise<Cursor> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('cursor').as('head'))
    .executeTakeFirst();
  return Number(row?.head ?? 0);
}
