import type { Department } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { ApiKeyConfig } from './api-keys.js';
import type { TrustProxy } from './middleware/client-address.js';
import { isSameOrigin } from './middleware/cors.js';
import type { RateLimitConfig } from './middleware/rate-limit.js';
import type { SseHub } from './sse/hub.js';
import type { Store } from './store/store.js';

/** A directory of static files served under a URL path. */
export interface StaticMount {
  /** URL path prefix, e.g. `/` or `/demo`. */
  path: string;
  /** Directory on disk. */
  dir: string;
}

/** Everything the app's routes and middleware share; built once by `startServer`. */
export interface AppContext {
  departments: ReadonlyMap<string, Department>;
  store: Store;
  logger: Logger;
  /** Origins allowed for every department (the `allowedOrigins` server option). */
  extraOrigins: ReadonlySet<string>;
  bodyLimit: number;
  rateLimit: RateLimitConfig;
  /** Which proxies may tell the client's address in `X-Forwarded-For`; none when absent. */
  trustProxy?: TrustProxy;
  serve: readonly StaticMount[];
  now: () => Date;
  /** Keys of the admin API; empty: it answers every request 401. */
  adminApiKeys: readonly ApiKeyConfig[];
  /** Every open event stream of this instance (closed first on shutdown). */
  hub: SseHub;
  /** Names this process in logs and probes (several instances share one database). */
  instanceId: string;
  /** Set when shutdown starts: `/readyz` then answers 503 so the load balancer looks elsewhere. */
  lifecycle: { shuttingDown: boolean };
}

/** May `origin` call the API at all: it is allowed for some department, everywhere, or is our own. */
export function isOriginAllowed(ctx: AppContext, origin: string, c: Context): boolean {
  if (ctx.extraOrigins.has(origin) || isSameOrigin(c, origin)) return true;
  for (const department of ctx.departments.values()) {
    if (department.allowedOrigins.includes(origin)) return true;
  }
  return false;
}

/** May `origin` send cases to `department`. */
export function isOriginAllowedFor(
  ctx: AppContext,
  department: Department,
  origin: string,
  c: Context,
): boolean {
  return (
    department.allowedOrigins.includes(origin) ||
    ctx.extraOrigins.has(origin) ||
    isSameOrigin(c, origin)
  );
}
