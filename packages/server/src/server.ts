import { existsSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { DepartmentInput } from '@kontakt/core/schemas';
import { pino } from 'pino';
import { createApp } from './app.js';
import { parseDepartments } from './config.js';
import type { AppContext, StaticMount } from './context.js';
import { createSqliteDatabase } from './store/sqlite.js';
import type { Store } from './store/store.js';
import { createKyselyStore } from './store/store.js';

export interface ServerOptions {
  /** The departments (validated with `DepartmentSchema` at start; a bad one throws `ConfigError`). */
  departments: DepartmentInput[];
  /** Where the embedded store keeps `kontakt.sqlite`; created on first start. */
  dataDir: string;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Origins allowed for every department, besides each department's own (demo pages, tests). */
  allowedOrigins?: string[];
  /** Per client IP, for POST requests. Default 60 per minute. */
  rateLimit?: { windowMs: number; max: number };
  /** Largest accepted request body in bytes. Default 64 KiB. */
  bodyLimit?: number;
  /** Static files, e.g. the demo pages and script-tag bundles. */
  serve?: StaticMount[];
  /** Default `info`; tests use `silent`. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The clock, for tests. */
  now?: () => Date;
  /** A store to use instead of the embedded SQLite one in `dataDir` (e.g. PostgreSQL). */
  store?: Store;
}

export interface RunningServer {
  /** E.g. `http://127.0.0.1:43123` (no trailing slash). */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, closes the database. */
  close(): Promise<void>;
  /** How many cases are stored (for tests and health). */
  countCases(): Promise<number>;
}

const DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  rateLimit: { windowMs: 60_000, max: 60 },
  bodyLimit: 64 * 1024,
} as const;
/** Requests still running this long after `close()` are cut off. */
const SHUTDOWN_GRACE_MS = 10_000;
const IDEMPOTENCY_SWEEP_MS = 60 * 60 * 1000;

/**
 * Starts the contact-center API: validates the departments, opens (or creates) the store, runs
 * the migrations and listens. Resolves once the port is open.
 *
 * @example
 * const server = await startServer({ departments, dataDir: './data', port: 0 });
 * console.log(server.url);
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const departments = parseDepartments(options.departments);
  const serve = (options.serve ?? []).map(checkMount);
  const logger = pino({ level: options.logLevel ?? 'info' });
  const now = options.now ?? (() => new Date());
  const store = options.store ?? (await createKyselyStore(createSqliteDatabase(options.dataDir)));

  const ctx: AppContext = {
    departments: new Map(departments.map((department) => [department.id, department])),
    store,
    logger,
    extraOrigins: new Set(options.allowedOrigins ?? []),
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    serve,
    now,
  };
  const app = createApp(ctx);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const host = options.host ?? DEFAULTS.host;
  try {
    await listen(server, options.port ?? DEFAULTS.port, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(host)}:${port}`;

  const sweep = () =>
    store.deleteExpiredIdempotencyRecords(now()).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not delete expired idempotency keys');
    });
  void sweep();
  const sweeper = setInterval(sweep, IDEMPOTENCY_SWEEP_MS);
  sweeper.unref();

  logger.info({ url }, 'kontakt server listening');
  if (serve.some((mount) => mount.path.replace(/\/+$/, '') === '')) {
    logger.info({ url: `${url}/` }, `open the demo page at ${url}/`);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    countCases: () => store.countCases(),
    close: () => {
      closing ??= (async () => {
        clearInterval(sweeper);
        await stopListening(server);
        await store.close();
        logger.flush();
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Closes the listening socket and waits for requests in flight. Keep-alive connections are closed
 * as soon as they fall idle (checked often, since a request finishing leaves its connection idle);
 * whatever still runs after the grace period is cut off.
 */
function stopListening(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 25);
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** A URL people can open: wildcard addresses become `localhost`, IPv6 gets brackets. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function checkMount(mount: StaticMount): StaticMount {
  if (!mount.path.startsWith('/')) {
    throw new Error(`serve: the URL path must start with "/", got ${JSON.stringify(mount.path)}`);
  }
  if (!existsSync(mount.dir) || !statSync(mount.dir).isDirectory()) {
    throw new Error(`serve: ${mount.dir} is not a directory`);
  }
  return mount;
}
