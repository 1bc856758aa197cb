import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { onPostgres } from '../store/dialect.js';

/*
 * The inbox's word search on the embedded store. `search_text LIKE '%word%'` is a scan on SQLite:
 * 0.3 s for a rare word among 100,000 cases (`npm run bench:inbox`), where PostgreSQL answers from
 * its trigram index. SQLite has trigram indexes too, as an FTS5 table with the `trigram`
 * tokenizer, which answers the same `LIKE` from its index for words of three characters or more.
 * It indexes `cases.search_text` without a copy of the text (`content='cases'`), kept in step by
 * triggers, so no code that writes cases has to know about it.
 */

/** Trigram indexes find substrings of at least three characters; shorter words are scanned for. */
export const MIN_INDEXED_WORD_LENGTH = 3;

/** Migration `2026-12-03-0006-case-search-index`: the FTS5 trigram index on SQLite. */
export async function createCaseSearchIndex(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL has had its trigram index since the case-handling migration.
  if (onPostgres(db)) return;
  await sql`create virtual table cases_search using fts5(
    search_text, content='cases', content_rowid='rowid', tokenize='trigram'
  )`.execute(db);
  await sql`create trigger cases_search_insert after insert on cases begin
    insert into cases_search(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger cases_search_delete after delete on cases begin
    insert into cases_search(cases_search, rowid, search_text)
      values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger cases_search_update after update of search_text on cases begin
    insert into cases_search(cases_search, rowid, search_text)
      values ('delete', old.rowid, old.search_text);
    insert into cases_search(rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  // The cases stored before this migration.
  await sql`insert into cases_search(cases_search) values ('rebuild')`.execute(db);
}
