#!/usr/bin/env node
/**
 * `kontakt-server`: runs the contact-center API from a departments file.
 *
 *   kontakt-server --config departments.json [--data ./data] [--database-url postgres://…]
 *                  [--port 8080] [--host 0.0.0.0] [--allow-origin https://example.se]…
 *                  [--serve /demo=./examples/demo]… [--demo ./examples/demo] [--trust-proxy 1]
 *                  [--rate-limit 60/1m] [--read-rate-limit 600/1m] [--body-limit 65536]
 *                  [--log-level info] [--instance-id web-1] [--admin-api-key name:sha256:…]…
 *
 *   kontakt-server new-api-key [--id <name>]   a new admin API key and its configuration entry
 *   kontakt-server hash-api-key                 the hash of a key read from standard input
 *   kontakt-server hash-password                the hash of an agent's password, read from standard input
 *
 * Every flag is also an environment variable (`cli-settings.ts`: `PORT`, `KONTAKT_CONFIG`, …); a
 * flag beats the variable, and an empty variable counts as unset. Without a database URL the
 * cases go to the embedded store in the data directory. SIGINT/SIGTERM finish requests in
 * flight, then exit.
 */
import { parseArgs } from 'node:util';
import { createApiKey, hashApiKey } from './api-keys.js';
import { hashPasswordCommand } from './auth/cli.js';
import { nameSources, readCliConfig, UsageError, usage } from './cli-settings.js';
import { loadConfigFile } from './config.js';
import { ConfigError } from './config-error.js';
import type { RunningServer } from './server.js';
import { startServer } from './server.js';
import { DatabaseUnreachableError } from './store/errors.js';

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'new-api-key') return newApiKey(argv.slice(1));
  if (argv[0] === 'hash-api-key') return hashApiKeyFromStdin();
  if (argv[0] === 'hash-password') {
    await hashPasswordCommand().catch((error: Error) => {
      throw new UsageError(error.message);
    });
    return;
  }
  const cli = readCliConfig(argv, process.env);
  if (!cli) {
    console.log(usage());
    return;
  }
  const config = await loadConfigFile(cli.configPath);
  const server = await startServer({
    ...cli.options,
    departments: config.departments,
    adminApiKeys: [...config.adminApiKeys, ...cli.adminApiKeys],
    accounts: config.accounts,
    ...(config.reasons ? { reasons: config.reasons } : {}),
    ...(config.classification ? { classification: config.classification } : {}),
    ...(config.letterhead ? { letterhead: config.letterhead } : {}),
    ...(config.open311 ? { open311: config.open311 } : {}),
    // The file's callback section, each field the command line or environment sets replaced.
    ...(config.callback || cli.options.callback
      ? { callback: { ...config.callback, ...cli.options.callback } }
      : {}),
    // The file's chat section, each field the command line or environment sets replaced.
    ...(config.chat || cli.options.chat ? { chat: { ...config.chat, ...cli.options.chat } } : {}),
  }).catch((error: unknown) => {
    throw nameSources(error, cli.sources);
  });
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
    console.error(`${error.message}\n\n${usage()}`);
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
