import type { ColumnType, Kysely } from 'kysely';
import { sql } from 'kysely';
import { onPostgres } from '../store/dialect.js';
import { handlingColumnsOf } from './case-fields.js';

/*
 * What case handling adds to the store: columns on `cases` (staff status, assignee, forward,
 * reason, needs, answer times, a search column, a version) and one table, the agent timeline.
 */

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** The columns case handling adds to `cases` (each with a default: old rows stay valid). */
export interface CaseHandlingColumns {
  /** The staff status (`STAFF_STATUSES`); `status` keeps the public one, mapped from it. */
  staff_status: Defaulted<string>;
  assignee_id: Nullable<string>;
  assignee_name: Nullable<string>;
  /** The department the case was forwarded to: its specialists see it. */
  forwarded_to: Nullable<string>;
  reason: Nullable<string>;
  /** 1 when the tagged reason was avoidable demand (kept as tagged, should the list change). */
  reason_avoidable: Nullable<number>;
  /** The page that caused avoidable demand. */
  reason_page: Nullable<string>;
  /** Needs as 0/1 columns, so the inbox filters by each through an index. */
  need_interpreter: Defaulted<number>;
  need_sign_language: Defaulted<number>;
  need_easy_read: Defaulted<number>;
  interpreter_language: Nullable<string>;
  /** When the department promised an answer (its working days from arrival). */
  answer_by: Nullable<string>;
  first_answered_at: Nullable<string>;
  /** Lower-case words of the reference, name, contact details and message, for search. */
  search_text: Defaulted<string>;
  /** Raised by every action: `If-Match` checks it. */
  version: Defaulted<number>;
  /**
   * While parked with a date: when the case comes back by itself (ISO 8601, UTC). Read only with
   * `staff_status` `parked`: a case moved on by another path may keep an old one.
   */
  resume_at: Nullable<string>;
  /**
   * How a resolved or closed case was resolved (`CLOSING_REASONS`), when the agent said. Read only
   * with `staff_status` `resolved` or `closed`: every other status an action sets clears it.
   */
  closing_reason: Nullable<string>;
  /**
   * When the case was last resolved or closed (ISO 8601, UTC), for the dashboard's count of cases
   * finished in a period. Kept when the case is reopened: counted only while still finished.
   */
  finished_at: Nullable<string>;
  /** How urgent the case is (`CASE_PRIORITIES`); `medium` unless an agent set another. */
  priority: Defaulted<string>;
  /**
   * How staff classified the case in its department's tree: the labels' ids from the category
   * down, joined by `/` (`gata-och-trafik/parkering`); `null` until someone does.
   */
  classification: Nullable<string>;
}

/** One entry of a case's agent timeline (the public timeline stays in `case_timeline`). */
export interface CaseEntriesTable {
  case_reference: string;
  /** 1, 2, 3 … within one case. */
  seq: number;
  at: string;
  /** `AgentTimelineEntry['kind']`. */
  kind: string;
  actor_id: Nullable<string>;
  actor_name: Nullable<string>;
  /** The entry's own fields as JSON. */
  data: string;
}

/**
 * One change of a case's staff status (`status-history.ts`): what the time it spends in each
 * status is made from. None for a case that never changed.
 */
export interface CaseStatusChangesTable {
  case_reference: string;
  /** 1, 2, 3 … within one case. */
  seq: number;
  /** When the case changed (ISO 8601, UTC). */
  at: string;
  /** The status before; `null` only in the migration's backfill, where it is unknown. */
  from_status: string | null;
  to_status: string;
}

export interface CaseHandlingTables {
  case_entries: CaseEntriesTable;
  case_status_changes: CaseStatusChangesTable;
}

/**
 * Migration `2026-12-03-0005-case-handling`. Portable schema builder, one column per `alter
 * table` (SQLite adds one at a time). Search: SQLite's FTS5 and PostgreSQL's `tsvector` have
 * nothing in common that Kysely's builder could say once, so both keep a normalised lower-case
 * `search_text` queried with `LIKE '%word%'`; PostgreSQL indexes it with a trigram GIN index
 * (`pg_trgm`, a trusted extension a database owner may create), SQLite reads it through the
 * inbox's `created_at` order and stops at a page (see `inbox.ts`).
 */
export async function createCaseHandling(db: Kysely<unknown>): Promise<void> {
  const add = async (
    name: string,
    type: 'text' | 'integer',
    fallback?: string | number,
  ): Promise<void> => {
    await db.schema
      .alterTable('cases')
      .addColumn(name, type, (col) =>
        fallback === undefined ? col : col.notNull().defaultTo(fallback),
      )
      .execute();
  };
  await add('staff_status', 'text', 'received');
  await add('assignee_id', 'text');
  await add('assignee_name', 'text');
  await add('forwarded_to', 'text');
  await add('reason', 'text');
  await add('reason_avoidable', 'integer');
  await add('reason_page', 'text');
  await add('need_interpreter', 'integer', 0);
  await add('need_sign_language', 'integer', 0);
  await add('need_easy_read', 'integer', 0);
  await add('interpreter_language', 'text');
  await add('answer_by', 'text');
  await add('first_answered_at', 'text');
  await add('search_text', 'text', '');
  await add('version', 'integer', 1);

  await db.schema
    .createTable('case_entries')
    .addColumn('case_reference', 'text', (col) =>
      col.notNull().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('data', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_entries_pk', ['case_reference', 'seq'])
    .execute();

  // The inbox is newest first, paged by (created_at, reference): each filter has an index that
  // yields its cases in that order, so a page reads a page of rows whatever the filter.
  const index = async (name: string, columns: string[]) => {
    await db.schema
      .createIndex(name)
      .on('cases')
      .columns([...columns, 'created_at', 'reference'])
      .execute();
  };
  await index('cases_inbox', []);
  await index('cases_inbox_department', ['department']);
  await index('cases_inbox_staff_status', ['staff_status']);
  await index('cases_inbox_channel', ['channel']);
  await index('cases_inbox_topic', ['topic']);
  await index('cases_inbox_assignee', ['assignee_id']);
  await index('cases_inbox_forwarded_to', ['forwarded_to']);
  await index('cases_inbox_interpreter', ['need_interpreter']);
  await index('cases_inbox_sign_language', ['need_sign_language']);
  await index('cases_inbox_easy_read', ['need_easy_read']);
  await db.schema.createIndex('cases_answer_by').on('cases').column('answer_by').execute();

  if (onPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index cases_search_text on cases using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
  }
  await backfill(db as Kysely<BackfillDatabase>);
}

interface BackfillDatabase {
  cases: { reference: string; message: string } & Partial<Record<string, unknown>>;
}

/** Cases stored before this migration get their needs and search text from their message. */
async function backfill(db: Kysely<BackfillDatabase>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('cases')
      .select(['reference', 'message'])
      .where('reference', '>', after)
      .orderBy('reference')
      .limit(500)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      await db
        .updateTable('cases')
        .set(handlingColumnsOf(row.reference, JSON.parse(row.message)))
        .where('reference', '=', row.reference)
        .execute();
    }
    after = (rows[rows.length - 1] as { reference: string }).reference;
  }
}

/**
 * Migration `2026-12-03-0015-parked-resume-at`: `cases.resume_at`, and an index on
 * (staff_status, resume_at) that lists the parked cases due by a time, and the next one due, by
 * reading only those.
 */
export async function addParkedResumeAt(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('resume_at', 'text').execute();
  await db.schema
    .createIndex('cases_parked_resume_at')
    .on('cases')
    .columns(['staff_status', 'resume_at'])
    .execute();
}

/**
 * Migration `2026-12-03-0016-closing-reason`: `cases.closing_reason` and `cases.finished_at`, and
 * an index on (staff_status, finished_at) through which the dashboard reads the cases finished in a
 * period and still finished, and only those. The agent timeline says when a case was finished too,
 * but only inside each entry's JSON, and only a scan of every status entry would find the last one
 * per case. Cases finished before this migration get the time of their last such entry (or, without
 * one, of their last change); they have no closing reason.
 */
export async function addClosingReason(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('closing_reason', 'text').execute();
  await db.schema.alterTable('cases').addColumn('finished_at', 'text').execute();
  await db.schema
    .createIndex('cases_finished_at')
    .on('cases')
    .columns(['staff_status', 'finished_at'])
    .execute();
  // `data` is compact JSON (`JSON.stringify`), where a status is written `"status":"closed"`; the
  // same words inside a note are escaped (`\"status\"`), so they do not match.
  await sql`
    update cases set finished_at = coalesce(
      (select max(e.at) from case_entries e
        where e.case_reference = cases.reference and e.kind = 'status'
          and (e.data like '%"status":"resolved"%' or e.data like '%"status":"closed"%')),
      updated_at)
    where staff_status in ('resolved', 'closed')
  `.execute(db);
}

/**
 * Migration `2026-12-03-0017-case-priority`: `cases.priority`, `medium` for every case (those
 * stored before it too), and an index on (priority, created_at, reference) that yields the cases
 * of one priority in the inbox's order, as every other filter's does (see `createCaseHandling`).
 */
export async function addCasePriority(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('priority', 'text', (col) => col.notNull().defaultTo('medium'))
    .execute();
  await db.schema
    .createIndex('cases_inbox_priority')
    .on('cases')
    .columns(['priority', 'created_at', 'reference'])
    .execute();
}

/**
 * Migration `2026-12-03-0018-status-history`: `case_status_changes`, one row per change of a
 * case's staff status, read per case through its primary key. A case stored before it and no
 * longer `received` gets one row at `at` (the migration's time) from an unknown status to the one
 * it has, so its history starts there; a `received` case never changed, and needs none.
 */
export async function addStatusHistory(
  db: Kysely<unknown>,
  at: string = new Date().toISOString(),
): Promise<void> {
  await db.schema
    .createTable('case_status_changes')
    .addColumn('case_reference', 'text', (col) =>
      col.notNull().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_status_changes_pk', ['case_reference', 'seq'])
    .execute();
  await sql`
    insert into case_status_changes (case_reference, seq, at, from_status, to_status)
    select reference, 1, cast(${at} as text), null, staff_status from cases where staff_status <> 'received'
  `.execute(db);
}

/**
 * Migration `2026-12-03-0019-classification`: `cases.classification` (`null` for every case stored
 * before it), and an index on (classification, created_at, reference). The inbox's filter by a
 * label asks for the label itself (`= 'a/b'`) and the labels under it (`>= 'a/b/' and < 'a/b0'`,
 * `0` being the character after `/`): both are ranges of this index, on both stores. The cases
 * at one path come out in the inbox's order; those of a subtree are several such runs, which the
 * store puts in order (sorting only the cases that match, never the whole inbox). On PostgreSQL
 * the column compares in the `C` collation, whatever the database's, so that the ranges hold.
 */
export async function addClassification(db: Kysely<unknown>): Promise<void> {
  // Compared byte by byte on PostgreSQL too: under a language's collation (`sv_SE`, `en_US`) `-`
  // and `/` are ignored at first, and `park-och-natur` would sort inside `park/`'s range.
  const type = onPostgres(db) ? sql`text collate "C"` : 'text';
  await db.schema.alterTable('cases').addColumn('classification', type).execute();
  await db.schema
    .createIndex('cases_inbox_classification')
    .on('cases')
    .columns(['classification', 'created_at', 'reference'])
    .execute();
}
