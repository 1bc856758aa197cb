/**
 * The store under test. The `node` test project runs every server test on the embedded store; the
 * `postgres` project runs them again on a PostgreSQL server that its global setup started
 * (`scripts/postgres.mjs`) and provides as `postgresAdminUrl`. Each test database is its own: a
 * temporary directory, or a PostgreSQL database created for it, since test files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openStore } from '../store/open.js';
import { createPostgresDatabase } from '../store/postgres.js';
import type { Database } from '../store/schema.js';
import { createSqliteDatabase, SQLITE_FILE_NAME } from '../store/sqlite.js';
import type { Store } from '../store/store.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the PostgreSQL server the `postgres` project runs against. */
    postgresAdminUrl?: string;
    /** A migrated database on it that test databases are copied from. */
    postgresTemplate?: string;
  }
}

const postgresAdminUrl = inject('postgresAdminUrl');
const postgresTemplate = inject('postgresTemplate');

/** Which store the tests in this run exercise. */
export const storeUnderTest: 'sqlite' | 'postgres' = postgresAdminUrl ? 'postgres' : 'sqlite';

/** A database of its own on the store under test (see `createTestDatabase`). */
export interface TestDatabase {
  /** A temporary directory: the embedded store's home, and on PostgreSQL just scratch space. */
  dataDir: string;
  /** On PostgreSQL: the URL of this test's own database. */
  databaseUrl?: string;
  /** The server options that open this database. */
  options: { dataDir: string; databaseUrl?: string };
  /** Opens a store on it (as `startServer` would); close it yourself. */
  open(): Promise<Store>;
  /** Runs `inspect` on a separate connection, to look at the rows as they are stored. */
  inspect<T>(inspect: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Drops the database and removes the directory. */
  remove(): Promise<void>;
}

let admin: pg.Pool | undefined;
let created = 0;

/**
 * Creates a database for one test (or one test file) on the store under test: a copy of one with
 * today's schema, migrated once (the server finds it up to date): a PostgreSQL template database,
 * or an embedded store's file. `{ empty: true }` gives one without tables, for tests of migrating.
 */
export async function createTestDatabase({ empty = false } = {}): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kontakt-test-'));
  if (!postgresAdminUrl) {
    if (!empty) await copyFile(await migratedSqliteFile(), join(dataDir, SQLITE_FILE_NAME));
    return testDatabase(
      { dataDir },
      () => createSqliteDatabase(dataDir),
      async () => {},
    );
  }
  // Names unique across the parallel test processes; quoted as identifiers below.
  const name = `kontakt_test_${process.pid}_${++created}_${randomBytes(3).toString('hex')}`;
  admin ??= new pg.Pool({ connectionString: postgresAdminUrl, max: 2, allowExitOnIdle: true });
  const template = empty || !postgresTemplate ? '' : ` TEMPLATE "${postgresTemplate}"`;
  await admin.query(`CREATE DATABASE "${name}"${template}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return testDatabase(
    { dataDir, databaseUrl },
    () => createPostgresDatabase(databaseUrl),
    // FORCE ends connections a failed test left open.
    async () => {
      await admin?.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  );
}

let sqliteTemplate: Promise<string> | undefined;

/**
 * An embedded store's file migrated once per test process. Each server test starts a server on
 * a database of its own, and migrating a new file took a third of a second and more of the
 * 2-core machine's time each; copying this one takes a millisecond.
 */
function migratedSqliteFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-template-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    // Closing checkpoints the write-ahead log into the file: the copy is complete.
    await (await openStore({ dataDir: dir })).close();
    return join(dir, SQLITE_FILE_NAME);
  })();
  return sqliteTemplate;
}

function testDatabase(
  options: { dataDir: string; databaseUrl?: string },
  connect: () => Kysely<Database>,
  drop: () => Promise<void>,
): TestDatabase {
  return {
    ...options,
    options,
    open: () => openStore(options),
    async inspect(inspect) {
      const db = connect();
      try {
        return await inspect(db);
      } finally {
        await db.destroy();
      }
    },
    async remove() {
      await drop();
      await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The plan the store under test makes for `compiled`, as text. PostgreSQL is told not to scan the
 * table, so the planner must find an index that serves the query: this checks that the query can
 * use it (with many rows it chooses it by cost).
 */
export async function explainPlan(db: Kysely<Database>, compiled: CompiledQuery): Promise<string> {
  if (storeUnderTest === 'sqlite') {
    const { rows } = await db.executeQuery(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return JSON.stringify(rows);
  }
  return db.connection().execute(async (connection) => {
    await connection.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
    const { rows } = await connection.executeQuery(
      CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
    );
    await connection.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
    return JSON.stringify(rows);
  });
}

/**
 * A database on the store under test for one test file: created and opened before its tests,
 * closed and removed after them. `store` is the open store; a test that closes it (to change the
 * database underneath, as a migration's test does) opens the next one into it.
 */
export function useTestStore(): { readonly database: TestDatabase; store: Store } {
  const fixture = {} as { database: TestDatabase; store: Store };
  beforeAll(async () => {
    fixture.database = await createTestDatabase();
    fixture.store = await fixture.database.open();
  });
  afterAll(async () => {
    await fixture.store?.close();
    await fixture.database?.remove();
  });
  return fixture;
}

/** Some of a case's columns, as stored (e.g. `['priority', 'version']`). */
export function caseColumns<C extends keyof Database['cases'] & string>(
  database: TestDatabase,
  reference: string,
  columns: readonly C[],
): Promise<Pick<Selectable<Database['cases']>, C>> {
  // Kysely's own result type for a generic list of columns is not one TypeScript can match.
  const row = database.inspect((db) =>
    db
      .selectFrom('cases')
      .select(columns)
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow(),
  );
  return row as unknown as Promise<Pick<Selectable<Database['cases']>, C>>;
}

/** A case's audit entries, oldest first: who did what to it, and the detail (JSON) of each. */
export function caseAudit(database: TestDatabase, reference: string) {
  return database.inspect((db) =>
    db
      .selectFrom('agent_audit')
      .select(['agent_id', 'action', 'detail'])
      .where('case_reference', '=', reference)
      .orderBy('id')
      .execute(),
  );
}
