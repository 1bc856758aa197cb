import { defineConfig } from 'vitest/config';

/** Server tests about the embedded store's file and worker, not about a store. */
const SQLITE_ONLY = ['packages/server/src/store/sqlite*.test.ts'];
/** Tests of the PostgreSQL driver itself and of several instances on one database. */
const POSTGRES_ONLY = ['packages/server/src/store/postgres*.test.ts'];

// Node-side tests (core SDK and server). Widget tests run in Chromium through web-test-runner.
// Two projects: `node` runs everything on the embedded store; `postgres` runs the server's tests
// again on a real PostgreSQL server that its global setup starts (scripts/postgres.mjs).
export default defineConfig({
  resolve: { conditions: ['@kontakt/source'] },
  ssr: { resolve: { conditions: ['@kontakt/source'] } },
  test: {
    // `*.browser.test.ts` need IndexedDB and a DOM: web-test-runner runs them in Chromium.
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    environment: 'node',
    pool: 'forks',
    // A worker process runs its files one after another in one module registry, instead of a
    // fresh one per file: importing the server (Hono, Kysely, zod schemas, pg) again for each of
    // ~200 files cost more CPU than the tests themselves on the 2-core machine (the routes'
    // files: 215 s → 127 s). Tests share no state through modules: each starts its own server
    // and database, and the few that fake timers or globals restore them.
    isolate: false,
    // Vitest's default is one worker less than the cores: one on the 2-core reference machine, so
    // files ran one after another. Most of their time is spent waiting (on servers they start,
    // PostgreSQL, Chromium, child processes), not computing: three at once keep both cores busy.
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'packages/{core,server,react}/src/**/*.test.ts',
            'packages/widgets/*.test.ts',
            'packages/console/*.test.ts',
            'examples/*/*.test.ts',
            'bench/lib/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.browser.test.ts', ...POSTGRES_ONLY],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['packages/server/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SQLITE_ONLY],
          globalSetup: ['packages/server/src/test-support/postgres.global-setup.ts'],
        },
      },
    ],
  },
});
