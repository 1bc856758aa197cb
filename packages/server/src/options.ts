import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import type { ContactReason, LetterheadInput } from '@kontakt/core/agent';
import { LetterheadSchema } from '@kontakt/core/agent';
import type { DepartmentInput } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import type { ClassificationConfig } from './agent-cases/classification.js';
import { ReasonsSchema } from './agent-cases/reasons.js';
import type { ApiKeyConfig } from './api-keys.js';
import { ApiKeyConfigSchema } from './api-keys.js';
import type { AccountConfigInput } from './auth/accounts.js';
import { AccountsSchema } from './auth/accounts.js';
import type { OidcOptions } from './auth/oidc/oidc-options.js';
import { OidcOptionsSchema } from './auth/oidc/oidc-options.js';
import type { CallbackOptions } from './callbacks/settings.js';
import { CALLBACK_DEFAULTS, CallbackOptionsSchema } from './callbacks/settings.js';
import type { ChatOptions } from './chat/settings.js';
import { CHAT_DEFAULTS, ChatOptionsSchema } from './chat/settings.js';
import { ConfigError, toConfigErrors } from './config-error.js';
import { isConsoleDir } from './console.js';
import type { MailOptions } from './mail/settings.js';
import { MailOptionsSchema } from './mail/settings.js';
import type { TrustProxy } from './middleware/client-address.js';
import { compileTrustProxy, isProxyEntry } from './middleware/client-address.js';
import type { RateLimitConfig } from './middleware/rate-limit.js';
import type { StaticMount } from './middleware/static.js';
import type { Open311Options } from './open311/settings.js';
import { NO_OPEN311_CLIENTS, Open311OptionsSchema } from './open311/settings.js';
import type { LookupLimitOptions } from './public-cases/limiter.js';
import { LOOKUP_LIMIT_DEFAULTS } from './public-cases/limiter.js';
import type { Store } from './store/store.js';

/** pino's levels, quietest last. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What a server option is when it is not given: here, and nowhere else. */
export const SERVER_DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  bodyLimit: 64 * 1024,
  rateLimit: { windowMs: 60_000, max: 60, reads: { windowMs: 60_000, max: 600 } },
  logLevel: 'info',
  /** 30 minutes idle, 12 hours at most: a working day with a lunch break needs one sign-in. */
  session: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
} as const satisfies Partial<ServerOptions>;

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
  /** Default `127.0.0.1` (the CLI's is `0.0.0.0`). */
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
   * Per client: attempts to open a case (`POST /v1/cases/{reference}/lookup` and `/followers`,
   * and failed reads with a token), `max` per `windowMs` on average and `burst` at once (default
   * 10 a minute, 5 at once).
   */
  lookupLimit?: LookupLimitOptions;
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
  /**
   * The agent console's built files, served at `/console`. Default: the `dist` of the installed
   * `@kontakt/console` package, when it is built; `false`: no console.
   */
  consoleDir?: string | false;
  /** Default `info`; tests use `silent`. */
  logLevel?: LogLevel;
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
  /**
   * Local accounts of the agent console (`[{ id, name, email, role, departments, passwordHash }]`;
   * `kontakt-server hash-password` makes the hash). Without any, only OpenID Connect signs in.
   */
  accounts?: AccountConfigInput[];
  /** The reasons for contact cases are tagged with; default `DEFAULT_REASONS` (see `agent-cases/reasons.ts`). */
  reasons?: ContactReason[];
  /**
   * Each department's classification in three levels, category → type → subtype: `{ "<department
   * id>": [{ id, name: { sv, en? }, escalationEmail?, children? }] }` (see
   * `agent-cases/classification.ts`; checked at start against `departments`, a bad one throws
   * `ConfigError`). A label's `escalationEmail` stays on the server. Default: none.
   */
  classification?: ClassificationConfig;
  /**
   * How letters from the contact center are headed (`{ sender: { sv, en?, fi?, ar? },
   * postalAddress: { street, postalCode, city }, phone?, email?, web? }`), for the console's
   * printable letter (`GET /v1/agent/letterhead`). Without it letters go without a letterhead.
   */
  letterhead?: LetterheadInput;
  /**
   * Agent sessions end after `idleMs` without use (default 30 minutes) and `absoluteMs` after
   * sign-in (default 12 hours).
   */
  session?: { idleMs?: number; absoluteMs?: number };
  /**
   * Sign-in at the municipality's OpenID Connect provider (authorization code flow with PKCE),
   * besides or instead of local accounts. Without it the OIDC endpoints answer 404.
   */
  oidc?: OidcOptions;
  /**
   * Open311 GeoReport v2 at `/open311/v2/`: the clients that may file requests (`[{ id, hash }]`,
   * hashed like `adminApiKeys`) and what discovery says. Without it the endpoint is read-only.
   */
  open311?: Open311Options;
  /**
   * Call-back requests (`/v1/callbacks`): `slotMinutes` (default 30), `callsPerSlot` (default 3)
   * and `daysAhead`, the days with opening hours slots are offered for (default 5).
   */
  callback?: CallbackOptions;
  /**
   * Chat (`/v1/chat`, `/v1/agent/chat`): `queue` (`contact-center`, one for every department,
   * the default; or `department`), `maxChatsPerAgent` (default 3), `offerTimeoutSeconds` (default
   * 30), `maxWaitMinutes` before an unanswered chat ends as a case (default 20),
   * `leftAfterSeconds` a waiting chat's citizen may be gone before it ends as a case (default 120),
   * `citizenAwayAfterSeconds` a taken chat's citizen may go unseen before their agent is told
   * they seem to have left (default 40),
   * `awayAfterSeconds` without the console's agent stream before an agent counts as away (default 90).
   */
  chat?: ChatOptions;
  /**
   * Outgoing mail (replies to citizens): an SMTP server, or a directory to write `.eml` files to.
   * Without either, the server starts and mail stays queued, shown as not sent in its case.
   */
  mail?: MailOptions;
  /** Server-Sent Events: heartbeat and `retry:` hint in milliseconds (tests shorten them). */
  events?: { heartbeatMs?: number; retryMs?: number };
}

/** A whole number from `min` to `max`; anything else (also `NaN`) is one error with `code`. */
const wholeNumber = (code: string, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.int(code).check(z.minimum(min, code), z.maximum(max, code));

const RateLimitWindowSchema = z.object({
  windowMs: z.number('too_small').check(z.positive('too_small')),
  max: z.number('too_small').check(z.minimum(1, 'too_small')),
});

const RateLimitSchema = z.object({
  ...RateLimitWindowSchema.def.shape,
  reads: z._default(
    z.optional(z.union([z.literal(false), RateLimitWindowSchema])),
    SERVER_DEFAULTS.rateLimit.reads,
  ),
});

/** Hops (0 or more), or the proxies' addresses, ranges and names, each checked. */
const TrustProxySchema = z.union([
  wholeNumber('invalid_format', 0),
  z.array(z.string().check(z.refine(isProxyEntry, 'invalid_format'))),
]);

/** A path that starts with `/` (its own error first), then a directory that exists. */
const StaticMountSchema = z.object({ path: z.string(), dir: z.string() }).check(
  z.superRefine((mount, ctx) => {
    if (!mount.path.startsWith('/')) {
      ctx.addIssue({
        code: 'custom',
        message: 'invalid_format',
        path: ['path'],
        params: { path: mount.path },
        input: mount.path,
      });
    } else if (!existsSync(mount.dir) || !statSync(mount.dir).isDirectory()) {
      ctx.addIssue({
        code: 'custom',
        message: 'not_a_directory',
        path: ['dir'],
        params: { dir: mount.dir },
        input: mount.dir,
      });
    }
  }),
);

const SessionSchema = z.object({
  idleMs: z._default(z.optional(wholeNumber('too_small', 1000)), SERVER_DEFAULTS.session.idleMs),
  absoluteMs: z._default(
    z.optional(wholeNumber('too_small', 1000)),
    SERVER_DEFAULTS.session.absoluteMs,
  ),
});

const isPostgresUrl = (text: string) =>
  URL.canParse(text) && ['postgres:', 'postgresql:'].includes(new URL(text).protocol);

const isFunction = (value: unknown) => typeof value === 'function';
const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/**
 * The server's options, checked and normalised in one pass: defaults filled in, the trust-proxy
 * setting compiled into `resolveClient`. `departments` are checked apart (`parseDepartments`),
 * since the configuration file shares that check. Its keys are in the order errors are listed.
 */
export const ServerOptionsSchema = z.pipe(
  z.object({
    dataDir: z.string(),
    port: z._default(z.optional(wholeNumber('invalid_format', 0, 65_535)), SERVER_DEFAULTS.port),
    host: z._default(z.optional(z.string()), SERVER_DEFAULTS.host),
    rateLimit: z._default(z.optional(RateLimitSchema), SERVER_DEFAULTS.rateLimit),
    lookupLimit: z._default(
      z.optional(
        z.object({
          ...RateLimitWindowSchema.def.shape,
          burst: z.number('too_small').check(z.minimum(1, 'too_small')),
        }),
      ),
      LOOKUP_LIMIT_DEFAULTS,
    ),
    // NaN or a negative number would silently turn the limit off.
    bodyLimit: z._default(z.optional(wholeNumber('too_small', 1)), SERVER_DEFAULTS.bodyLimit),
    trustProxy: z.optional(TrustProxySchema),
    // Its error has no params: the URL may hold a password.
    databaseUrl: z.optional(z.string().check(z.refine(isPostgresUrl, 'invalid_format'))),
    allowedOrigins: z._default(z.optional(z.array(z.string())), []),
    serve: z._default(z.optional(z.array(StaticMountSchema)), []),
    consoleDir: z.optional(
      z.union([z.literal(false), z.string().check(z.refine(isConsoleDir, 'not_a_directory'))]),
    ),
    logLevel: z._default(z.optional(z.enum(LOG_LEVELS)), SERVER_DEFAULTS.logLevel),
    adminApiKeys: z._default(z.optional(z.array(ApiKeyConfigSchema)), []),
    accounts: z._default(z.optional(AccountsSchema), []),
    reasons: z.optional(ReasonsSchema),
    letterhead: z.optional(LetterheadSchema),
    session: z._default(z.optional(SessionSchema), SERVER_DEFAULTS.session),
    oidc: z.optional(OidcOptionsSchema),
    open311: z._default(z.optional(Open311OptionsSchema), NO_OPEN311_CLIENTS),
    callback: z._default(z.optional(CallbackOptionsSchema), CALLBACK_DEFAULTS),
    chat: z._default(z.optional(ChatOptionsSchema), CHAT_DEFAULTS),
    mail: z.optional(MailOptionsSchema),
    instanceId: z._default(
      z.optional(z.string().check(z.minLength(1))),
      () => `${hostname()}-${randomBytes(3).toString('hex')}`,
    ),
    now: z._default(z.optional(z.custom<() => Date>(isFunction)), () => () => new Date()),
    store: z.optional(z.custom<Store>(isObject)),
    events: z.optional(z.custom<NonNullable<ServerOptions['events']>>(isObject)),
  }),
  z.transform(({ trustProxy, ...options }) => ({
    ...options,
    // Compiled once, here; the app only calls it.
    resolveClient: compileTrustProxy(trustProxy),
    // A proxy in front ends TLS: its X-Forwarded-Proto says whether the client used https.
    trustForwardedProto: trustProxy !== undefined && trustProxy !== 0,
  })),
);

/** The options `startServer` runs with: every default filled in, the trust setting compiled. */
export type ResolvedServerOptions = z.output<typeof ServerOptionsSchema>;

/**
 * Checks and normalises server options. Refuses options that cannot work, all at once and
 * before anything is opened, as a `ConfigError` naming each bad field.
 */
export function parseServerOptions(
  options: Omit<ServerOptions, 'departments'>,
  source = 'the server options',
): ResolvedServerOptions {
  const parsed = ServerOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ConfigError(source, toConfigErrors(parsed.error.issues));
  return parsed.data;
}
