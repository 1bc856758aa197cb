// A migrated, empty database of either store for a benchmark that runs the server's queries
// directly: the embedded store's SQLite file in a temporary directory, or a database on a private
// PostgreSQL server with fsync on (scripts/postgres.mjs). The server's modules load from source,
// so run the script with `node --conditions=@kontakt/source --import tsx`; that is also why this
// file sits beside the scripts and not in lib/, whose type check does not load TypeScript source.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * @param {'embedded' | 'postgres'} store
 * @param {string} name  a word for the directory and database, e.g. `inbox`
 * @returns {Promise<{ db: import('kysely').Kysely<any>, close: () => Promise<void> }>}
 */
export async function openStoreDatabase(store, name) {
  const { migrateToLatest } = await import('../packages/server/src/store/migrations.ts');
  if (store === 'embedded') {
    const { createSqliteDatabase } = await import('../packages/server/src/store/sqlite.ts');
    const dir = await mkdtemp(join(tmpdir(), `kontakt-${name}-`));
    const db = createSqliteDatabase(dir);
    await migrateToLatest(db);
    return {
      db,
      close: async () => {
        await db.destroy();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const { createPostgresDatabase } = await import('../packages/server/src/store/postgres.ts');
  const { startPostgres } = await import('../scripts/postgres.mjs');
  const { default: pg } = await import('pg');
  const server = await startPostgres({ durable: true });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const database = `kontakt_${name}_${process.pid}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(server.url);
  url.pathname = `/${database}`;
  const db = createPostgresDatabase(url.toString());
  await migrateToLatest(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
      await admin.end();
      await server.stop();
    },
  };
}
