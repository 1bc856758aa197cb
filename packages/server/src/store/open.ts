import type { Logger } from 'pino';
import { createNotifier } from '../sse/notifier.js';
import { connectPostgres, redactUrl } from './postgres.js';
import { listenForEvents } from './postgres-listen.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';
import { createKyselyStore } from './store.js';

export interface OpenStoreOptions {
  /** Where the embedded store keeps its file (used when there is no `databaseUrl`). */
  dataDir: string;
  /** `postgres://…`: use PostgreSQL instead of the embedded store. */
  databaseUrl?: string | undefined;
  logger?: Logger;
}

/**
 * Opens the store the options choose — PostgreSQL when `databaseUrl` is given, else the embedded
 * store in `dataDir` — and brings its schema up to date. Rejects with `DatabaseUnreachableError`
 * when PostgreSQL cannot be reached.
 */
export async function openStore({
  dataDir,
  databaseUrl,
  logger,
}: OpenStoreOptions): Promise<Store> {
  if (databaseUrl === undefined) {
    const store = await openSqliteStore(dataDir, { onMigrated: logMigrations(logger) });
    logger?.info({ store: 'embedded', dataDir }, 'store opened');
    return store;
  }
  const db = await connectPostgres(databaseUrl, {
    onIdleError: (error) =>
      logger?.warn({ err: error }, 'a PostgreSQL connection failed while idle'),
  });
  try {
    // Events appended by any instance reach this one's streams through LISTEN/NOTIFY.
    const notifier = createNotifier();
    const store = await createKyselyStore(db, { notifier, onMigrated: logMigrations(logger) });
    const listener = await listenForEvents(databaseUrl, notifier, (error) =>
      logger?.warn({ err: error }, 'the PostgreSQL LISTEN connection failed; listening again'),
    );
    logger?.info({ store: 'postgres', database: redactUrl(databaseUrl) }, 'store opened');
    return {
      ...store,
      async close() {
        await listener.close();
        await store.close();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** One log line per start: which migrations ran now, or that the schema was up to date. */
function logMigrations(logger: Logger | undefined) {
  return (names: string[]) => {
    if (names.length > 0) logger?.info({ migrations: names }, 'database migrated');
    else logger?.info('database schema up to date');
  };
}
