#!/usr/bin/env node
/**
 * `kontakt-server`: runs the contact-center API from a departments file.
 *
 *   kontakt-server --config departments.json [--data ./data] [--database-url postgres://…]
 *                  [--port 8080] [--host 0.0.0.0] [--allow-origin https://example.se]…
 *                  [--serve /demo=./examples/demo]… [--demo ./examples/demo] [--trust-proxy 1]
 *                  [--log-level info]
 *
 *   kontakt-server new-api-key [--id <name>]   a new admin API key and its configuration entry
 *   kontakt-server hash-api-key                 the hash of a key read from standard input
 *
 * Environment: PORT, HOST, KONTAKT_DATA_DIR, DATABASE_URL, KONTAKT_TRUST_PROXY,
 * KONTAKT_ADMIN_API_KEYS, KONTAKT_INSTANCE_ID (empty counts as unset). Without a database URL the cases go to the embedded store in the data directory.
 * SIGINT/SIGTERM finish requests in flight, then exit.
 */
import { parseArgs } from 'node:util';
import { createApiKey, hashApiKey } from './api-keys.js';
import { loadConfigFile, parseApiKeysText } from './config.js';
import { ConfigError } from './config-error.js';
import type { TrustProxy } from './middleware/client-address.js';
import type { StaticMount } from './middleware/static.js';
import type { RunningServer, ServerOptions } from './server.js';
import { startServer } from './server.js';
import { DatabaseUnreachableError } from './store/errors.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

const USAGE = `Usage: kontakt-server --config <departments.json> [options]
       kontakt-server new-api-key [--id <name>]
       kontakt-server hash-api-key < key.txt
  --config <file>          JSON file { "departments": [ … ], "adminApiKeys": [ … ] } (required)
  --data <dir>             data directory of the embedded store (env KONTAKT_DATA_DIR,
                           default ./data)
  --database-url <url>     postgres://user:password@host:5432/database: keep the cases in
                           PostgreSQL instead (env DATABASE_URL)
  --port <n>               port (env PORT, default 8080; 0 picks a free one)
  --host <address>         address to listen on (env HOST, default 0.0.0.0)
  --allow-origin <origin>  origin allowed for every department (repeatable)
  --serve <path>=<dir>     serve static files from <dir> at <path> (repeatable)
  --demo <dir>             the same as --serve /=<dir>
  --trust-proxy <hops|addresses>
                           behind a reverse proxy: how many proxies are in front, or their
                           addresses (IP, CIDR, loopback, uniquelocal; comma-separated), so the
                           client address is read from X-Forwarded-For (env KONTAKT_TRUST_PROXY)
  --log-level <level>      ${LOG_LEVELS.join(' | ')} (default info)
  --instance-id <name>     this process's name in logs and in /healthz and /readyz
                           (env KONTAKT_INSTANCE_ID, default: host name and a random suffix)
  --help                   show this help
Admin API keys (for /v1/admin/…) come from the file's "adminApiKeys" and from
KONTAKT_ADMIN_API_KEYS=<name>:sha256:<hex>,…; new-api-key makes one.`;

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'new-api-key') return newApiKey(argv.slice(1));
  if (argv[0] === 'hash-api-key') return hashApiKeyFromStdin();
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      serve: { type: 'string', multiple: true },
      demo: { type: 'string' },
      'trust-proxy': { type: 'string' },
      'log-level': { type: 'string' },
      'instance-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.config) throw new UsageError('--config is required');

  const trustProxy = values['trust-proxy'] ?? env('KONTAKT_TRUST_PROXY');
  const databaseUrl = values['database-url'] ?? env('DATABASE_URL');
  const instanceId = values['instance-id'] ?? env('KONTAKT_INSTANCE_ID');
  const config = await loadConfigFile(values.config);
  const keysFromEnv = env('KONTAKT_ADMIN_API_KEYS');
  const options: ServerOptions = {
    departments: config.departments,
    adminApiKeys: [
      ...config.adminApiKeys,
      ...(keysFromEnv ? parseApiKeysText(keysFromEnv, 'KONTAKT_ADMIN_API_KEYS') : []),
    ],
    dataDir: values.data ?? env('KONTAKT_DATA_DIR') ?? './data',
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(instanceId === undefined ? {} : { instanceId }),
    port: parsePort(values.port ?? env('PORT') ?? '8080'),
    host: values.host ?? env('HOST') ?? '0.0.0.0',
    allowedOrigins: values['allow-origin'] ?? [],
    serve: [
      ...(values.serve ?? []).map(parseMount),
      ...(values.demo ? [{ path: '/', dir: values.demo }] : []),
    ],
    logLevel: parseLogLevel(values['log-level'] ?? 'info'),
    ...(trustProxy === undefined ? {} : { trustProxy: parseTrustProxy(trustProxy) }),
  };
  const server = await startServer(options);
  handleSignals(server);
}

/** Prints a new key (to hand to its holder once) and the entry that configures it. */
function newApiKey(argv: string[]): void {
  const { values } = parseArgs({ args: argv, options: { id: { type: 'string' } }, strict: true });
  const key = createApiKey();
  const entry = { id: values.id ?? 'admin', hash: hashApiKey(key) };
  console.log(`API key (shown once; give it to its holder, it is not stored): ${key}`);
  console.log(`Add to "adminApiKeys" in the configuration file: ${JSON.stringify(entry)}`);
  console.log(`or set KONTAKT_ADMIN_API_KEYS=${entry.id}:${entry.hash}`);
}

/** Reads a key from standard input (so it stays out of the shell's history) and prints its hash. */
async function hashApiKeyFromStdin(): Promise<void> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const key = text.trim();
  if (!key) throw new UsageError('hash-api-key reads the key from standard input; none was given');
  console.log(hashApiKey(key));
}

function handleSignals(server: RunningServer): void {
  const stop = (signal: NodeJS.Signals) => {
    // A second signal while shutting down means "now".
    process.once(signal, () => process.exit(130));
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

class UsageError extends Error {}

/** An environment variable; set but empty (`PORT=` in a compose file) counts as unset. */
function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** `2` (hops) or `10.0.0.0/8, 192.0.2.7` (proxy addresses); the server checks the addresses. */
function parseTrustProxy(text: string): TrustProxy {
  if (/^\s*\d+\s*$/.test(text)) return Number(text);
  const list = text.split(',').map((entry) => entry.trim());
  if (list.some((entry) => entry === '')) {
    throw new UsageError(`--trust-proxy needs a number of hops or addresses, got ${text}`);
  }
  return list;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`Invalid port: ${text}`);
  return port;
}

function parseMount(text: string): StaticMount {
  const at = text.indexOf('=');
  if (at < 1) throw new UsageError(`--serve needs <path>=<dir>, got ${text}`);
  return { path: text.slice(0, at), dir: text.slice(at + 1) };
}

function parseLogLevel(text: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return text as LogLevel;
}

/** A sentence for the two ways listening fails that a person can fix, else `undefined`. */
function portProblem(error: unknown): string | undefined {
  const { code, port } = (error ?? {}) as { code?: unknown; port?: unknown };
  if (code === 'EADDRINUSE') {
    return `Port ${port} is already in use. Stop what runs there, or choose another port: PORT=8081 npm start, or --port 8081.`;
  }
  if (code === 'EACCES') {
    return `Not allowed to listen on port ${port}. Choose a port above 1023 with PORT or --port.`;
  }
  return undefined;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  if (error instanceof DatabaseUnreachableError) {
    console.error(error.message);
    process.exit(69); // EX_UNAVAILABLE
  }
  const listenFailure = portProblem(error);
  if (listenFailure) {
    console.error(listenFailure);
    process.exit(69); // EX_UNAVAILABLE
  }
  console.error(error);
  process.exit(1);
});
