import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config.js';
import { startServer } from './server.js';
import { createSqliteDatabase } from './store/sqlite.js';
import { createKyselyStore } from './store/store.js';
import { startTestServer, testDepartments, validSubmission } from './test-support/departments.js';
import { gatedStore } from './test-support/gated-store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
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

  it('refuses a static directory that does not exist', async () => {
    await expect(
      startTestServer({ serve: [{ path: '/', dir: join(await tempDir(), 'missing') }] }),
    ).rejects.toThrow('is not a directory');
  });

  it('lets a request in flight finish before close() resolves, then stops listening', async () => {
    const dataDir = await tempDir();
    const { store, storing, release } = await gatedStore(dataDir);
    const server = await startTestServer({ dataDir, store });
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
    const reopened = await createKyselyStore(createSqliteDatabase(dataDir));
    expect(await reopened.countCases()).toBe(1);
    await reopened.close();
  });
});
