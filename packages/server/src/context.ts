import type { ContactReason, Letterhead } from '@kontakt/core/agent';
import type { Department } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Classifications } from './agent-cases/classification.js';
import type { ApiKeyConfig } from './api-keys.js';
import type { OidcSettings } from './auth/oidc/oidc-options.js';
import type { AgentAuth } from './auth/settings.js';
import type { CallbackSettings } from './callbacks/settings.js';
import type { ChatSettings } from './chat/settings.js';
import type { ClientResolver } from './middleware/client-address.js';
import { isSameOrigin } from './middleware/cors.js';
import type { RateLimitConfig } from './middleware/rate-limit.js';
import type { StaticMount } from './middleware/static.js';
import type { Open311Settings } from './open311/settings.js';
import type { LookupLimitOptions } from './public-cases/limiter.js';
import type { SseHub } from './sse/hub.js';
import type { Store } from './store/store.js';

/** Everything the app's routes and middleware share; built once by `startServer`. */
export interface AppContext {
  departments: ReadonlyMap<string, Department>;
  store: Store;
  logger: Logger;
  /** Origins allowed for every department (the `allowedOrigins` server option). */
  extraOrigins: ReadonlySet<string>;
  bodyLimit: number;
  /** POSTs and reads of the API, each with its window (`reads: false`: reads are not limited). */
  rateLimit: Required<RateLimitConfig>;
  /** Attempts to open a case per client (lookups, follows, failed reads with a token). */
  lookupLimit?: LookupLimitOptions | undefined;
  /** Who the client is, from the socket and the `X-Forwarded-For` of trusted proxies. */
  resolveClient: ClientResolver;
  serve: readonly StaticMount[];
  /** The agent console's built files, served at `/console`; none: no console. */
  consoleDir?: string | undefined;
  now: () => Date;
  /** Keys of the admin API; empty: it answers every request 401. */
  adminApiKeys: readonly ApiKeyConfig[];
  /** Local accounts, session lengths and the sign-in limiter of the agent API. */
  auth: AgentAuth;
  /** OpenID Connect sign-in, when configured. */
  oidc?: OidcSettings | undefined;
  /** The reasons for contact cases are tagged with (default: `DEFAULT_REASONS`). */
  reasons?: readonly ContactReason[];
  /** Each department's classification, by department id (none: no department has labels). */
  classifications?: Classifications;
  /** How letters from the contact center are headed; none: letters go without one. */
  letterhead?: Letterhead | undefined;
  /** Open311 clients that may file requests, and what discovery says; none: reading only. */
  open311?: Open311Settings | undefined;
  /** Call-back slots: length, calls per slot, days ahead (default `CALLBACK_DEFAULTS`). */
  callback?: CallbackSettings | undefined;
  /** The chat queue's settings (default `CHAT_DEFAULTS`: one queue for the contact center). */
  chat?: ChatSettings | undefined;
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
