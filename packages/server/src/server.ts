import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { pino } from 'pino';
import { classificationsOf, parseClassification } from './agent-cases/classification.js';
import { startParkedResumer } from './agent-cases/resume-parked.js';
import { withStreamUnions } from './agent-cases/union-feed.js';
import { createApp } from './app.js';
import { checkAccountDepartments } from './auth/accounts.js';
import { checkOidcDepartments } from './auth/oidc/oidc-options.js';
import { createAgentAuth } from './auth/settings.js';
import { chatRuntimeOf } from './chat/runtime.js';
import { parseDepartments } from './config.js';
import { defaultConsoleDir } from './console.js';
import type { AppContext } from './context.js';
import { startMail } from './mail/start.js';
import { startOpen311Forwarding } from './open311-forward/start.js';
import type { ServerOptions } from './options.js';
import { parseServerOptions } from './options.js';
import { createSseHub } from './sse/hub.js';
import { openStore } from './store/open.js';

export type { ServerOptions } from './options.js';

export interface RunningServer {
  /** E.g. `http://127.0.0.1:43123` (no trailing slash). */
  url: string;
  port: number;
  /** Stops accepting connections, lets requests in flight finish, closes the database. */
  close(): Promise<void>;
  /** How many cases are stored (for tests and health). */
  countCases(): Promise<number>;
}

/** Log lines are written once this much has gathered… */
const LOG_BATCH_BYTES = 4096;
/** …or this long after the last write, whichever comes first. */
const LOG_BATCH_MS = 50;

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
  const settings = parseServerOptions(options);
  const departmentIds = new Set(departments.map((d) => d.id));
  checkAccountDepartments(settings.accounts, departmentIds);
  if (settings.oidc) checkOidcDepartments(settings.oidc, departmentIds);
  const classification =
    options.classification === undefined
      ? undefined
      : parseClassification(options.classification, departmentIds, 'the server options');
  const { instanceId, now } = settings;
  // Every line names the instance: several share one database and one log stream.
  // Written asynchronously and in batches: lines gather until 4 KB or 50 ms have passed, then go
  // out in one write, instead of a write (a file-system request and a thread-pool wake-up) per
  // request. Pino writes what is left synchronously when the process exits; `close()` waits for it.
  const logDestination = pino.destination({ sync: false, minLength: LOG_BATCH_BYTES });
  const logger = pino({ level: settings.logLevel, base: { instance: instanceId } }, logDestination);
  logger.info(
    {
      node: process.version,
      store: settings.store ? 'given' : settings.databaseUrl ? 'postgres' : 'embedded',
    },
    'kontakt server starting',
  );
  const store =
    settings.store ??
    (await openStore({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl, logger }));

  const ctx: AppContext = {
    departments: new Map(departments.map((department) => [department.id, department])),
    store,
    logger,
    extraOrigins: new Set(settings.allowedOrigins),
    bodyLimit: settings.bodyLimit,
    rateLimit: settings.rateLimit,
    lookupLimit: settings.lookupLimit,
    resolveClient: settings.resolveClient,
    serve: settings.serve,
    consoleDir:
      settings.consoleDir === false ? undefined : (settings.consoleDir ?? defaultConsoleDir()),
    now,
    adminApiKeys: settings.adminApiKeys,
    auth: createAgentAuth({
      accounts: settings.accounts,
      session: settings.session,
      trustForwardedProto: settings.trustForwardedProto,
    }),
    oidc: settings.oidc,
    open311: settings.open311,
    chat: settings.chat,
    callback: settings.callback,
    ...(settings.reasons ? { reasons: settings.reasons } : {}),
    classifications: classificationsOf(classification),
    letterhead: settings.letterhead,
    instanceId,
    lifecycle: { shuttingDown: false },
    hub: createSseHub({
      // Unions: a specialist of several departments follows their inboxes as one stream.
      feed: withStreamUnions(store.events),
      ...settings.events,
      onError: (error, stream) => logger.error({ err: error, stream }, 'could not read events'),
    }),
  };
  const app = createApp(ctx);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const { host } = settings;
  try {
    await listen(server, settings.port, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  // Started once listening (a server that failed to start has no timer to stop), and not
  // sonic-boom's own `periodicFlush`, whose timer ends only with the destination: after `close()`
  // the logger must still take lines (they are written at exit).
  const logFlusher = setInterval(() => logDestination.flush(), LOG_BATCH_MS);
  logFlusher.unref();
  const { port } = server.address() as AddressInfo;
  const url = `http://${displayHost(host)}:${port}`;
  // Started once listening: a server that failed to start has no sender to stop.
  const mail = startMail({ mail: settings.mail, store, logger, instanceId, now });
  // Offers waiting chats to agents and ends those that waited too long (every instance).
  const chat = chatRuntimeOf(ctx);
  chat.start();
  const forwarding = startOpen311Forwarding({
    departments: ctx.departments,
    store,
    logger,
    instanceId,
    now,
  });
  // Brings parked cases back on their dates (every instance; each case once).
  const resuming = startParkedResumer({ store, logger, now });

  // close() waits for a sweep under way, so the store is never closed beneath it.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = Promise.all([
      store.deleteExpiredIdempotencyRecords(now()).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not delete expired idempotency keys');
      }),
      store.write('deleteExpiredAgentSessions', now()).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not delete expired agent sessions');
      }),
      store.write('deleteExpiredPhotos', now().toISOString()).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not delete expired photos');
      }),
    ]);
  };
  sweep();
  const sweeper = setInterval(sweep, IDEMPOTENCY_SWEEP_MS);
  sweeper.unref();

  logger.info({ url }, 'kontakt server listening');
  if (ctx.consoleDir) {
    logger.info({ url: `${url}/console/` }, `open the agent console at ${url}/console/`);
  }
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
        // The attempt under way records its outcome before the store closes.
        await Promise.all([mail.close(), forwarding.close(), chat.stop(), resuming.close()]);
        await store.close();
        logger.info('kontakt server stopped');
        clearInterval(logFlusher);
        await new Promise<void>((resolve) => logger.flush(() => resolve()));
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
