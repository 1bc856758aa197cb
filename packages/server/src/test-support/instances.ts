/*
 * Whole `kontakt-server` processes for the multi-instance tests: several instances on one
 * PostgreSQL database, as a municipality runs them behind a load balancer, one of which a test may
 * kill without a goodbye.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serverFromSource } from '../../../../scripts/server-from-source.mjs';
import type { TestDatabase } from './store.js';
import { createTestDatabase } from './store.js';

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

/** Several instances on one fresh test database (`startInstances`). */
export interface InstanceGroup {
  database: TestDatabase;
  instances: Instance[];
  /** Kills every instance (no goodbye), drops the database and removes the config. */
  stop(): Promise<void>;
}

/**
 * Starts `count` instances on one new test database with the server config `config` (written to a
 * temporary file): the setup of the tests of several instances.
 */
export async function startInstances(count: number, config: object): Promise<InstanceGroup> {
  const database = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-instances-'));
  const file = join(dir, 'config.json');
  await writeFile(file, JSON.stringify(config));
  const instances = await Promise.all(
    Array.from({ length: count }, () => startInstance(database, file)),
  );
  return {
    database,
    instances,
    async stop() {
      await Promise.all(instances.map((instance) => stopInstance(instance, 'SIGKILL')));
      await database.remove();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
