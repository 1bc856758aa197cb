import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import { assertEmbeddedStoreRuns } from './sqlite-support.js';

/** The file name of the embedded store inside the data directory. */
export const SQLITE_FILE_NAME = 'kontakt.sqlite';

/**
 * Opens (and creates, with its directory) the embedded store at `${dataDir}/kontakt.sqlite`.
 *
 * Durability: WAL with `synchronous=FULL` makes a committed transaction survive a power cut, which
 * is the promise behind a 201. `busy_timeout` lets a second process (a backup, the CLI) wait for the
 * lock instead of failing at once.
 */
export function createSqliteDatabase(dataDir: string): Kysely<Database> {
  assertEmbeddedStoreRuns();
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dataDir, SQLITE_FILE_NAME), { timeout: 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: keepingStatements(sqlite) }),
  });
}

/** Enough for every query the server runs, with a group commit's inserts of each size. */
const STATEMENTS_KEPT = 500;

/**
 * The connection as Kysely sees it, with its prepared statements kept. Kysely prepares every query
 * anew, so SQLite parses and plans the same text each time: under load that was a twelfth of the
 * store's thread. The same text gets the same statement back (SQLite prepares it again by itself
 * when the schema changes); the least recently used go beyond `STATEMENTS_KEPT`, since a group
 * commit's inserts differ by their number of rows. Kysely runs one statement at a time on this
 * connection, and never iterates one while running another (no `stream()` here), so sharing is
 * safe.
 */
export function keepingStatements(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const kept = new Map<string, SqliteStatement>();
  return {
    prepare(text) {
      let statement = kept.get(text);
      if (statement) {
        kept.delete(text); // to the end: most recently used
      } else {
        statement = sqlite.prepare(text);
        if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value as string);
      }
      kept.set(text, statement);
      return statement;
    },
    close() {
      kept.clear();
      sqlite.close();
    },
  };
}
