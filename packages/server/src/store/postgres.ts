import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { DatabaseUnreachableError } from './errors.js';
import type { Database } from './schema.js';

/** What the pool may hold; PostgreSQL's default `max_connections` is 100, shared by instances. */
const POOL_SIZE = 10;
/** A server that never answers (a black-holed host) fails the start instead of hanging it. */
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresDatabaseOptions {
  /** Told about connections that break while idle (the pool replaces them). */
  onIdleError?: (error: Error) => void;
}

/**
 * A Kysely database on PostgreSQL through `pg`'s pool. Nothing connects until the first query;
 * `connectPostgres` opens it and checks that the server answers.
 */
export function createPostgresDatabase(
  url: string,
  options: PostgresDatabaseOptions = {},
): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // Without a listener an idle connection's error (the server restarting) would crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the database at `url` and runs one query, so a wrong URL or a server that is down is found
 * at start; throws `DatabaseUnreachableError` with one sentence saying which and why.
 */
export async function connectPostgres(
  url: string,
  options: PostgresDatabaseOptions = {},
): Promise<Kysely<Database>> {
  const db = createPostgresDatabase(url, options);
  try {
    await sql`select 1`.execute(db);
    return db;
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new DatabaseUnreachableError(
      `Cannot connect to the PostgreSQL database at ${redactUrl(url)} (${reasonOf(error)}); check DATABASE_URL and that the database server is running.`,
      { cause: error },
    );
  }
}

/** The URL as it may be shown and logged: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unreadable URL)';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
};

/** A few words on why connecting failed, from a system error code or PostgreSQL's own message. */
function reasonOf(error: unknown): string {
  // Node tries every address of `localhost` and reports an AggregateError of their failures.
  const first = error instanceof AggregateError ? error.errors[0] : error;
  const { code, message } = (first ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && code in REASONS) return REASONS[code] as string;
  if (typeof message === 'string' && message !== '') {
    return message.includes('timeout') ? 'timed out' : message;
  }
  return 'unknown error';
}
