/*
 * Whole `kontakt-server` processes for the multi-instance tests: several instances on one
 * PostgreSQL database, as a municipality runs them behind a load balancer, one of which a test may
 * kill without a goodbye.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serverFromSource } from '../../../../scripts/server-from-source.mjs';
import type { TestDatabase } from './store.js';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

export interface Instance {
  url: string;
  child: ChildProcess;
}

/**
 * Starts `kontakt-server` as its own process on the test's database with the config file
 * `config` and any further command-line `args` (`--console-dir`, `--serve`…); resolves with its
 * URL once it logs that it listens, rejects with its log if it exits or has not started within 30 s.
 */
export async function startInstance(
  database: TestDatabase,
  config: string,
  args: readonly string[] = [],
): Promise<Instance> {
  const child = spawn(
    process.execPath,
    [
      // The CLI from today's source, bundled once (a start through tsx costs seconds).
      await serverFromSource(),
      ...['--config', config, '--port', '0', '--host', '127.0.0.1', '--data', database.dataDir],
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.databaseUrl ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) =>
    log.push(line),
  );
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no start within 30 s:\n${log.join('\n')}`)),
      30_000,
    );
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      log.push(line);
      const entry = logEntry(line);
      if (entry?.msg === 'kontakt server listening' && entry.url) {
        clearTimeout(timer);
        resolveUrl(entry.url);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${log.join('\n')}`));
    });
  });
  return { url, child };
}

function logEntry(line: string): { msg?: string; url?: string } | undefined {
  try {
    return JSON.parse(line) as { msg?: string; url?: string };
  } catch {
    return undefined; // Not a log line of ours.
  }
}

/** Stops an instance with `signal` (SIGKILL: no goodbye) and waits for it to exit. */
export function stopInstance(instance: Instance, signal: NodeJS.Signals): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolveExit) => {
    instance.child.once('exit', () => resolveExit());
    instance.child.kill(signal);
  });
}
