import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';

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
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new SqliteDatabase(join(dataDir, SQLITE_FILE_NAME), { timeout: 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
