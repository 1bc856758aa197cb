/** A running (or borrowed) PostgreSQL server; see postgres.mjs. */
export interface PostgresServer {
  /** A superuser URL to its `postgres` database. */
  url: string;
  /** False when `KONTAKT_TEST_DATABASE_URL`/`DATABASE_URL` named a server and nothing was started. */
  started: boolean;
  /** Stops the server and removes its data directory (nothing for a borrowed one). */
  stop(): Promise<void>;
}

/** Starts a private PostgreSQL server on a free loopback port and a temporary data directory. */
export function startPostgres(options?: {
  /** fsync on (benchmarks); default off (tests). */
  durable?: boolean;
  log?: (line: string) => void;
}): Promise<PostgresServer>;

/** `KONTAKT_TEST_DATABASE_URL` or `DATABASE_URL`, when set. */
export function externalDatabaseUrl(): string | undefined;

/** The directory holding `initdb` and `postgres`, if installed. */
export function findPostgresBinaries(): string | undefined;
