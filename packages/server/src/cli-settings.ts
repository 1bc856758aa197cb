/**
 * The settings of `kontakt-server`: each is a flag and an environment variable (a flag beats the
 * variable; an empty variable counts as unset). One table drives the argument parser, `--help`
 * and the error messages, and the README's table is checked against it.
 */
import { parseArgs } from 'node:util';
import type { ApiKeyConfig } from './api-keys.js';
import { AUTH_CLI_SETTINGS, readAuthCli } from './auth/cli.js';
import { OIDC_CLI_SETTINGS, readOidcCli } from './auth/oidc/oidc-cli.js';
import { CALLBACK_CLI_SETTINGS, readCallbackCli } from './callbacks/cli.js';
import { CHAT_CLI_SETTINGS, readChatCli } from './chat/cli.js';
import { parseApiKeysText } from './config.js';
import { ConfigError } from './config-error.js';
import { MAIL_CLI_SETTINGS, readMailCli } from './mail/cli.js';
import type { TrustProxy } from './middleware/client-address.js';
import type { RateLimitOptions } from './middleware/rate-limit.js';
import type { StaticMount } from './middleware/static.js';
import type { LogLevel, ServerOptions } from './options.js';
import { LOG_LEVELS, SERVER_DEFAULTS } from './options.js';
import type { LookupLimitOptions } from './public-cases/limiter.js';
import { LOOKUP_LIMIT_DEFAULTS } from './public-cases/limiter.js';

/** A command line that cannot be used: exit code 2 and the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One setting: its flag, its variable, what its value looks like, what it does. */
export interface CliSetting {
  flag: string;
  env: string;
  arg: string;
  help: string;
  /** Repeatable flag; comma-separated in the variable. */
  list?: boolean;
}

export const CLI_SETTINGS = [
  {
    flag: 'config',
    env: 'KONTAKT_CONFIG',
    arg: '<file>',
    help: 'JSON file { "departments": [ … ], "adminApiKeys": [ … ], "accounts": [ … ] } (required)',
  },
  {
    flag: 'data',
    env: 'KONTAKT_DATA_DIR',
    arg: '<dir>',
    help: 'data directory of the embedded store (default ./data)',
  },
  {
    flag: 'database-url',
    env: 'DATABASE_URL',
    arg: '<url>',
    help: 'postgres://user:password@host:5432/database: keep the cases in PostgreSQL instead',
  },
  {
    flag: 'port',
    env: 'PORT',
    arg: '<n>',
    help: `port (default ${SERVER_DEFAULTS.port}; 0 picks a free one)`,
  },
  { flag: 'host', env: 'HOST', arg: '<address>', help: 'address to listen on (default 0.0.0.0)' },
  {
    flag: 'allow-origin',
    env: 'KONTAKT_ALLOW_ORIGINS',
    arg: '<origin>',
    help: 'origin allowed for every department, besides their own',
    list: true,
  },
  {
    flag: 'serve',
    env: 'KONTAKT_SERVE',
    arg: '<path>=<dir>',
    help: 'serve static files from <dir> at <path>',
    list: true,
  },
  { flag: 'demo', env: 'KONTAKT_DEMO', arg: '<dir>', help: 'the same as --serve /=<dir>' },
  {
    flag: 'console-dir',
    env: 'KONTAKT_CONSOLE_DIR',
    arg: '<dir>|off',
    help: "the agent console's built files, served at /console (default: the installed @kontakt/console)",
  },
  {
    flag: 'trust-proxy',
    env: 'KONTAKT_TRUST_PROXY',
    arg: '<hops|addresses>',
    help:
      'behind a reverse proxy: how many proxies are in front, or their addresses (IP, CIDR, ' +
      'loopback, linklocal, uniquelocal; comma-separated), so the client address is read from ' +
      'X-Forwarded-For',
  },
  {
    flag: 'rate-limit',
    env: 'KONTAKT_RATE_LIMIT',
    arg: '<max>[/<window>]',
    help: `POSTs per client, e.g. 60/1m, 10/30s (default ${SERVER_DEFAULTS.rateLimit.max}/1m)`,
  },
  {
    flag: 'read-rate-limit',
    env: 'KONTAKT_READ_RATE_LIMIT',
    arg: '<max>[/<window>]|off',
    help: `API reads (GET) per client, counted apart (default ${SERVER_DEFAULTS.rateLimit.reads.max}/1m)`,
  },
  {
    flag: 'lookup-limit',
    env: 'KONTAKT_LOOKUP_LIMIT',
    arg: '<max>/<window>[,<burst>]',
    help: `attempts per client to open a case (status tracker lookups, follows, failed reads), e.g. 10/1m,5 (default ${LOOKUP_LIMIT_DEFAULTS.max}/1m,${LOOKUP_LIMIT_DEFAULTS.burst})`,
  },
  {
    flag: 'body-limit',
    env: 'KONTAKT_BODY_LIMIT',
    arg: '<bytes>',
    help: `largest request body (default ${SERVER_DEFAULTS.bodyLimit})`,
  },
  {
    flag: 'log-level',
    env: 'KONTAKT_LOG_LEVEL',
    arg: '<level>',
    help: `${LOG_LEVELS.join(' | ')} (default ${SERVER_DEFAULTS.logLevel})`,
  },
  {
    flag: 'instance-id',
    env: 'KONTAKT_INSTANCE_ID',
    arg: '<name>',
    help: "this process's name in logs and in /healthz and /readyz (default: host name and a random suffix)",
  },
  {
    flag: 'admin-api-key',
    env: 'KONTAKT_ADMIN_API_KEYS',
    arg: '<name>:sha256:<hex>',
    help: 'an admin API key (for /v1/admin/…), besides the file\'s "adminApiKeys"; new-api-key makes one',
    list: true,
  },
  ...MAIL_CLI_SETTINGS,
  ...CHAT_CLI_SETTINGS,
  ...CALLBACK_CLI_SETTINGS,
  ...OIDC_CLI_SETTINGS,
  ...AUTH_CLI_SETTINGS,
] as const satisfies readonly CliSetting[];

type Flag = (typeof CLI_SETTINGS)[number]['flag'];

/** `--help`: every setting with its variable. */
export function usage(): string {
  const lines = CLI_SETTINGS.map((setting) => {
    const flag = `  --${setting.flag} ${setting.arg}`;
    const repeat = 'list' in setting ? ' (repeatable; comma-separated in the variable)' : '';
    return `${flag.padEnd(34)} ${setting.env}\n      ${setting.help}${repeat}`;
  });
  return [
    'Usage: kontakt-server --config <departments.json> [options]',
    '       kontakt-server new-api-key [--id <name>]',
    '       kontakt-server hash-api-key < key.txt',
    '       kontakt-server hash-password < password.txt   (asks, unechoed, at a terminal)',
    'Every option is also the environment variable beside it; a flag beats the variable, and an',
    'empty variable counts as unset.',
    ...lines,
    '  --help, -h',
    '      show this help',
  ].join('\n');
}

/** What the command line and the environment say, ready for `startServer`. */
export interface CliConfig {
  configPath: string;
  /** Everything but the departments, which come from the file. */
  options: Omit<ServerOptions, 'departments'>;
  /** Admin API keys from `--admin-api-key` or `KONTAKT_ADMIN_API_KEYS`, besides the file's. */
  adminApiKeys: ApiKeyConfig[];
  /** Which flag or variable each option came from, for error messages. */
  sources: ReadonlyMap<string, string>;
}

/**
 * Reads the settings from `argv` and `env`; `undefined` for `--help`. A value that cannot be
 * read throws `UsageError` naming the flag or variable it came from.
 */
export function readCliConfig(
  argv: string[],
  env: Readonly<Record<string, string | undefined>>,
): CliConfig | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(
        CLI_SETTINGS.map((s) => [s.flag, { type: 'string', multiple: 'list' in s } as const]),
      ),
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return undefined;
  const flags = values as Partial<Record<Flag, string | string[]>>;
  const sources = new Map<string, string>();

  /** The setting's values and where they came from: the flag, else the variable, else nothing. */
  const read = (flag: Flag, option?: string): { values: string[]; source: string } | undefined => {
    const setting = CLI_SETTINGS.find((s) => s.flag === flag) as CliSetting;
    const given = flags[flag];
    let found: { values: string[]; source: string } | undefined;
    if (given !== undefined) {
      found = { values: Array.isArray(given) ? given : [given], source: `--${flag}` };
    } else {
      const text = env[setting.env]?.trim();
      if (text) {
        const list = setting.list ? text.split(',').map((entry) => entry.trim()) : [text];
        found = { values: list.filter(Boolean), source: setting.env };
      }
    }
    if (found && option) sources.set(option, found.source);
    return found;
  };
  const one = (flag: Flag, option?: string) => {
    const found = read(flag, option);
    return found && { value: found.values.at(-1) ?? '', source: found.source };
  };

  const config = one('config');
  if (!config) throw new UsageError('--config (or KONTAKT_CONFIG) is required');
  const options: Omit<ServerOptions, 'departments'> = {
    dataDir: one('data', 'dataDir')?.value ?? './data',
    host: one('host', 'host')?.value ?? '0.0.0.0',
  };
  const databaseUrl = one('database-url', 'databaseUrl');
  if (databaseUrl) options.databaseUrl = databaseUrl.value;
  const port = one('port', 'port');
  if (port) options.port = parsePort(port.value, port.source);
  const origins = read('allow-origin', 'allowedOrigins');
  if (origins) options.allowedOrigins = origins.values;
  const mounts = read('serve', 'serve');
  const demo = one('demo', 'serve');
  if (mounts || demo) {
    options.serve = [
      ...(mounts?.values ?? []).map((text) => parseMount(text, mounts?.source ?? '')),
      ...(demo ? [{ path: '/', dir: demo.value }] : []),
    ];
  }
  if (mounts && demo) sources.set('serve', `${mounts.source} and ${demo.source}`);
  const consoleDir = one('console-dir', 'consoleDir');
  if (consoleDir) options.consoleDir = consoleDir.value === 'off' ? false : consoleDir.value;
  const trustProxy = one('trust-proxy', 'trustProxy');
  if (trustProxy) options.trustProxy = parseTrustProxy(trustProxy.value, trustProxy.source);
  const writes = one('rate-limit', 'rateLimit');
  const reads = one('read-rate-limit', 'rateLimit.reads');
  if (writes || reads) {
    const { windowMs, max } = SERVER_DEFAULTS.rateLimit;
    options.rateLimit = {
      ...(writes ? parseRate(writes.value, writes.source) : { windowMs, max }),
      ...(reads
        ? { reads: reads.value === 'off' ? false : parseRate(reads.value, reads.source) }
        : {}),
    };
  }
  const lookups = one('lookup-limit', 'lookupLimit');
  if (lookups) options.lookupLimit = parseLookupRate(lookups.value, lookups.source);
  const bodyLimit = one('body-limit', 'bodyLimit');
  if (bodyLimit) options.bodyLimit = parseBytes(bodyLimit.value, bodyLimit.source);
  const logLevel = one('log-level', 'logLevel');
  if (logLevel) options.logLevel = parseLogLevel(logLevel.value, logLevel.source);
  const instanceId = one('instance-id', 'instanceId');
  if (instanceId) options.instanceId = instanceId.value;
  const oidc = readOidcCli(read, (message) => new UsageError(message));
  if (oidc) options.oidc = oidc;
  const session = readAuthCli(read, (message) => new UsageError(message));
  if (session) options.session = session;
  const mail = readMailCli(read, (message) => new UsageError(message));
  if (mail) options.mail = mail;
  const chat = readChatCli(read, (message) => new UsageError(message));
  if (chat) options.chat = chat;
  const callback = readCallbackCli(read, (message) => new UsageError(message));
  if (callback) options.callback = callback;
  const keys = read('admin-api-key');
  const adminApiKeys = keys ? parseApiKeysText(keys.values.join(','), keys.source) : [];
  return { configPath: config.value, options, adminApiKeys, sources };
}

/**
 * The `ConfigError` of the server options, told in terms of the flags and variables they came
 * from (`Invalid configuration in KONTAKT_TRUST_PROXY: …`); other errors as they are.
 */
export function nameSources(error: unknown, sources: ReadonlyMap<string, string>): unknown {
  if (!(error instanceof ConfigError)) return error;
  const named = error.errors.map((fieldError) => sourceOf(fieldError.field, sources));
  if (named.some((source) => source === undefined)) return error;
  return new ConfigError([...new Set(named)].join(', '), error.errors);
}

/** The source of the longest option path that `field` is in (`rateLimit.reads.max`). */
function sourceOf(field: string, sources: ReadonlyMap<string, string>): string | undefined {
  let best: [string, string] | undefined;
  for (const [option, source] of sources) {
    const inside = field === option || field.startsWith(`${option}.`);
    if (inside && option.length > (best?.[0].length ?? -1)) best = [option, source];
  }
  return best?.[1];
}

/** `2` (hops) or `10.0.0.0/8, 192.0.2.7` (proxy addresses); the server checks the addresses. */
function parseTrustProxy(text: string, source: string): TrustProxy {
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  const list = text.split(',').map((entry) => entry.trim());
  if (list.some((entry) => entry === '')) {
    throw new UsageError(`${source} needs a number of hops or addresses, got ${text}`);
  }
  return list;
}

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new UsageError(`${source} needs a port number from 0 to 65535, got ${text}`);
  }
  return port;
}

function parseBytes(text: string, source: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`${source} needs a number of bytes (1 or more), got ${text}`);
  }
  return Number(text);
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `60/1m`, `10/30s`, `1000/1h`, or just `60` (a minute). */
function parseRate(text: string, source: string): RateLimitOptions {
  const match = /^(\d+)(?:\/(\d+)(ms|s|m|h))?$/.exec(text);
  const [, max = '0', length = '1', unit = 'm'] = match ?? [];
  const windowMs = Number(length) * (UNIT_MS[unit] ?? 0);
  if (!match || Number(max) < 1 || windowMs < 1) {
    throw new UsageError(`${source} needs <max>/<window> such as 60/1m or 10/30s, got ${text}`);
  }
  return { windowMs, max: Number(max) };
}

/** `10/1m,5`: a rate as `parseRate` takes it, then how many at once (default: the rate's max). */
function parseLookupRate(text: string, source: string): LookupLimitOptions {
  const [rate = '', burst] = text.split(',');
  if (burst !== undefined && !/^\d+$/.test(burst.trim())) {
    throw new UsageError(`${source} needs <max>/<window>[,<burst>] such as 10/1m,5, got ${text}`);
  }
  const { windowMs, max } = parseRate(rate.trim(), source);
  const atOnce = burst === undefined ? max : Number(burst.trim());
  if (atOnce < 1) throw new UsageError(`${source} needs a burst of 1 or more, got ${text}`);
  return { windowMs, max, burst: atOnce };
}

function parseMount(text: string, source: string): StaticMount {
  const at = text.indexOf('=');
  if (at < 1) throw new UsageError(`${source} needs <path>=<dir>, got ${text}`);
  return { path: text.slice(0, at), dir: text.slice(at + 1) };
}

function parseLogLevel(text: string, source: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new UsageError(`${source} must be one of ${LOG_LEVELS.join(', ')}, got ${text}`);
  }
  return text as LogLevel;
}
