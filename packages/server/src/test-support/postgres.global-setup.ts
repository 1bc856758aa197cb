import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../../scripts/postgres.mjs';

/**
 * Global setup of the `postgres` test project: one PostgreSQL server for the whole run (each test
 * creates its own database on it, see `store.ts`), stopped and removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPostgres();
  project.provide('postgresAdminUrl', server.url);
  return () => server.stop();
}
