import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { startServer } from './server.js';
import type { Store } from './store/store.js';
import { startTestServer, testDepartments, validSubmission } from './test-support/departments.js';
import { gatedStore } from './test-support/gated-store.js';
import type { TestDatabase } from './test-support/store.js';
import { createTestDatabase } from './test-support/store.js';

const dirs: string[] = [];
const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});
async function testDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-server-'));
  dirs.push(dir);
  return dir;
}

describe('startServer', () => {
  it('refuses invalid departments before opening anything', async () => {
    const dataDir = join(await tempDir(), 'never-created');
    await expect(
      startServer({ departments: [{ ...testDepartments[0], id: 'Gata' } as never], dataDir }),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('refuses a static directory that does not exist, naming it', async () => {
    const missing = join(await tempDir(), 'missing');
    const error = await startTestServer({ serve: [{ path: '/', dir: missing }] }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).errors).toEqual([
      {
        field: 'serve.0.dir',
        pointer: '/serve/0/dir',
        code: 'not_a_directory',
        params: { dir: missing },
      },
    ]);
    expect((error as ConfigError).message).toContain(missing);
  });

  it('refuses limits and proxy settings that cannot work before opening the store', async () => {
    const dataDir = join(await tempDir(), 'never-created');
    const error = await startServer({
      departments: testDepartments,
      dataDir,
      port: 80_800,
      logLevel: 'silent',
      rateLimit: { windowMs: 60_000, max: 0, reads: { windowMs: 0, max: 10 } },
      // NaN would otherwise turn the body limit off without a word.
      bodyLimit: Number.NaN,
      trustProxy: ['10.0.0.0/8', 'proxy.example'],
      databaseUrl: 'mysql://kontakt:hemligt@db.example/kontakt',
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).errors.map((e) => `${e.field}: ${e.code}`)).toEqual([
      'port: invalid_format',
      'rateLimit.max: too_small',
      'rateLimit.reads.windowMs: too_small',
      'bodyLimit: too_small',
      'trustProxy.1: invalid_format',
      'databaseUrl: invalid_format',
    ]);
    // The URL may hold a password: it is named, never shown.
    expect((error as ConfigError).message).not.toContain('hemligt');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('waits for an idempotency sweep under way before closing the store', async () => {
    const database = await testDatabase();
    const real = await database.open();
    const events: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const store: Store = {
      ...real,
      async deleteExpiredIdempotencyRecords(now) {
        await gate;
        const deleted = await real.deleteExpiredIdempotencyRecords(now);
        events.push('swept');
        return deleted;
      },
      async close() {
        events.push('closed');
        await real.close();
      },
    };
    // The first sweep starts with the server and waits at the gate.
    const server = await startTestServer({ database, store });
    const closing = server.close();
    // With no connection open, the listening socket is closed within a turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    release();
    await closing;
    expect(events).toEqual(['swept', 'closed']);
  });

  it('lets a request in flight finish before close() resolves, then stops listening', async () => {
    const database = await testDatabase();
    const { store, storing, release } = gatedStore(await database.open());
    const server = await startTestServer({ database, store });
    const pending = fetch(`${server.url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validSubmission()),
    });
    await storing;
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    release();
    expect((await pending).status).toBe(201);
    await closing;
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow();
    // The case was committed before the database closed.
    const reopened = await database.open();
    expect(await reopened.countCases()).toBe(1);
    await reopened.close();
  });
});
