import type { Kysely } from 'kysely';
import { PostgresAdapter } from 'kysely';

/**
 * True when `db` is PostgreSQL, false on the embedded store (SQLite): for the few places where
 * the two differ (locks, indexes, column types), which say why where they ask.
 */
export const onPostgres = <T>(db: Kysely<T>): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;
