import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { createAdaptorServer } from '@hono/node-server';
import type { DepartmentInput, FieldError } from '@kontakt/core/schemas';
import { pino } from 'pino';
import type { ApiKeyConfig } from './api-keys.js';
import { createApp } from './app.js';
import { ConfigError, fieldError, parseDepartments } from './config.js';
import type { AppContext, StaticMount } from './context.js';
import type { TrustProxy } from './middleware/client-address.js';
import { compileTrustProxy } from './middleware/client-address.js';
import type { RateLimitConfig } from './middleware/rate-limit.js';
import { checkRateLimit } from './middleware/rate-limit.js';
import { createSseHub } from './sse/hub.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

export interface ServerOptions {
  /** The departments (validated with `DepartmentSchema` at start; a bad one throws `ConfigError`). */
  departments: DepartmentInput[];
  /** Where the embedded store keeps `kontakt.sqlite`; created on first start. */
  dataDir: string;
  /**
   * `postgres://user:password@host:5432/database`: keep the cases in PostgreSQL instead of the
   * embedded store (several instances behind a load balancer share one database). An unreachable
   * database makes `startServer` reject with `DatabaseUnreachableError`.
   */
  databaseUrl?: string;
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Origins allowed for every department, besides each department's own (demo pages, tests). */
  allowedOrigins?: string[];
  /**
   * Per client: `windowMs`/`max` limit POSTs (default 60 per minute); `reads` limits GETs of the
   * API (`/v1/departments…`, the OpenAPI document; not health, not static files) in separate
   * windows (default 600 per minute; `false` turns it off).
   */
  rateLimit?: RateLimitConfig;
  /**
   * Behind a reverse proxy or load balancer every request comes from the proxy's address, so the
   * client's own must be read from `X-Forwarded-For`. A number: that many proxies are in front
   * (the client is that many hops from the right). A list: the proxies' addresses (IPs, CIDR
   * ranges, or `loopback` / `linklocal` / `uniquelocal`), skipped from the right. Without it the
   * header is ignored, since anyone can send it.
   */
  trustProxy?: TrustProxy;
  /** Largest accepted request body in bytes. Default 64 KiB. */
  bodyLimit?: number;
  /** Static files, e.g. the demo pages and script-tag bundles. */
  serve?: StaticMount[];
  /** Default `info`; tests use `silent`. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The clock, for tests. */
  now?: () => Date;
  /** A store to use instead of opening one from `dataDir` / `databaseUrl` (tests). */
  store?: Store;
  /**
   * API keys of the admin API (`/v1/admin/…`): a name and the SHA-256 of the key each
   * (`kontakt-server hash-api-key`). Without any, the admin API answers every request 401.
   */
  adminApiKeys?: ApiKeyConfig[];
  /**
   * Names this process in every log line and in `/healthz` and `/readyz` (env
   * `KONTAKT_INSTANCE_ID`). Default: the host name and a random suffix.
   */
  instanceId?: string;
  /** Server-Sent Events: heartbeat and `retry:` hint in milliseconds (tests shorten them). */
  events?: { heartbeatMs?: number; retryMs?: number };
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
  checkOptions(options);
  const instanceId = options.instanceId ?? `${hostname()}-${randomBytes(3).toString('hex')}`;
  // Every line names the instance: several share one database and one log stream.
  const logger = pino({ level: options.logLevel ?? 'info', base: { instance: instanceId } });
  logger.info(
    {
      node: process.version,
      store: options.store ? 'given' : options.databaseUrl ? 'postgres' : 'embedded',
    },
    'kontakt server starting',
  );
  const now = options.now ?? (() => new Date());
  const store =
    options.store ??
    (await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, logger }));

  const ctx: AppContext = {
    departments: new Map(departments.map((department) => [department.id, department])),
    store,
    logger,
    extraOrigins: new Set(options.allowedOrigins ?? []),
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    rateLimit: options.rateLimit ?? DEFAULTS.rateLimit,
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    serve: options.serve ?? [],
    now,
    adminApiKeys: options.adminApiKeys ?? [],
    instanceId,
    lifecycle: { shuttingDown: false },
    hub: createSseHub({
      feed: store.events,
      ...options.events,
      onError: (error, stream) => logger.error({ err: error, stream }, 'could not read events'),
    }),
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

  // close() waits for a sweep under way, so the store is never closed beneath it.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = store.deleteExpiredIdempotencyRecords(now()).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not delete expired idempotency keys');
    });
  };
  sweep();
  const sweeper = setInterval(sweep, IDEMPOTENCY_SWEEP_MS);
  sweeper.unref();

  logger.info({ url }, 'kontakt server listening');
  if (ctx.serve.some((mount) => mount.path.replace(/\/+$/, '') === '')) {
    logger.info({ url: `${url}/` }, `open the demo page at ${url}/`);
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    countCases: () => store.countCases(),
    close: () => {
      closing ??= (async () => {
        ctx.lifecycle.shuttingDown = true;
        logger.info({ streams: ctx.hub.size }, 'kontakt server shutting down');
        clearInterval(sweeper);
        // Open event streams are told to reconnect (to another instance) and end first:
        // otherwise the HTTP server would wait for them until the grace time is up.
        await Promise.all([ctx.hub.close(), stopListening(server)]);
        await sweeping;
        await store.close();
        logger.info('kontakt server stopped');
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

/**
 * Refuses options that cannot work, all at once and before anything is opened, as a
 * `ConfigError` naming each bad field.
 */
function checkOptions(options: ServerOptions): void {
  const errors: FieldError[] = [];
  const { port } = options;
  if (port !== undefined && !(Number.isSafeInteger(port) && port >= 0 && port <= 65_535)) {
    errors.push(fieldError(['port'], 'invalid_format'));
  }
  if (options.rateLimit !== undefined) errors.push(...checkRateLimit(options.rateLimit));
  const { bodyLimit } = options;
  if (bodyLimit !== undefined && !(Number.isSafeInteger(bodyLimit) && bodyLimit > 0)) {
    // NaN or a negative number would silently turn the limit off.
    errors.push(fieldError(['bodyLimit'], 'too_small'));
  }
  errors.push(...compileTrustProxy(options.trustProxy).errors);
  if (options.databaseUrl !== undefined && !isPostgresUrl(options.databaseUrl)) {
    // No params: the URL may hold a password.
    errors.push(fieldError(['databaseUrl'], 'invalid_format'));
  }
  (options.serve ?? []).forEach((mount, index) => {
    errors.push(...checkMount(mount, index));
  });
  if (errors.length > 0) throw new ConfigError('the server options', errors);
}

function isPostgresUrl(text: string): boolean {
  return URL.canParse(text) && ['postgres:', 'postgresql:'].includes(new URL(text).protocol);
}

function checkMount(mount: StaticMount, index: number): FieldError[] {
  if (!mount.path.startsWith('/')) {
    return [
      { ...fieldError(['serve', index, 'path'], 'invalid_format'), params: { path: mount.path } },
    ];
  }
  if (!existsSync(mount.dir) || !statSync(mount.dir).isDirectory()) {
    return [
      { ...fieldError(['serve', index, 'dir'], 'not_a_directory'), params: { dir: mount.dir } },
    ];
  }
  return [];
}
