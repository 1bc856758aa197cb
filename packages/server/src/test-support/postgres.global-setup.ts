import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { migrateToLatest } from '../store/migrations.js';
import { createPostgresDatabase } from '../store/postgres.js';

/** The database every test database is copied from: the schema as today's migrations make it. */
const TEMPLATE = 'kontakt_test_template';

/**
 * Global setup of the `postgres` test project: one PostgreSQL server for the whole run, and a
 * migrated template database on it (each test copies its own database from it, see `store.ts`),
 * stopped and removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  try {
    await createTemplate(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', server.url);
  project.provide('postgresTemplate', TEMPLATE);
  return async () => {
    // A borrowed server (KONTAKT_TEST_DATABASE_URL) keeps nothing of ours.
    if (!server.started) await dropTemplate(server.url).catch(() => {});
    await server.stop();
  };
}

/**
 * Migrating a new database took a third of a second or more per test on the 2-core machine, and
 * the project makes hundreds; `CREATE DATABASE … TEMPLATE` copies a migrated one in milliseconds.
 * The template is made from today's migrations at every run, so it is never stale.
 */
async function createTemplate(adminUrl: string): Promise<void> {
  await dropTemplate(adminUrl);
  await admin(adminUrl, `CREATE DATABASE "${TEMPLATE}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE}`;
  const db = createPostgresDatabase(url.toString());
  try {
    await migrateToLatest(db as never);
  } finally {
    // A template must have no sessions when it is copied.
    await db.destroy();
  }
}

function dropTemplate(adminUrl: string): Promise<void> {
  return admin(adminUrl, `DROP DATABASE IF EXISTS "${TEMPLATE}" WITH (FORCE)`);
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
