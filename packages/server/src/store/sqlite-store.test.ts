import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { keyRecord, newCase } from '../test-support/cases.js';
import { caseExists, countCases } from './cases.js';
import type { Database } from './schema.js';
import { createSqliteDatabase } from './sqlite.js';
import { openSqliteStore } from './sqlite-store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-worker-'));
  dirs.push(dir);
  return dir;
}

/** Looks on a connection of its own: what is committed, not what the worker holds. */
async function onDisk<T>(dataDir: string, look: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = createSqliteDatabase(dataDir);
  try {
    return await look(db);
  } finally {
    await db.destroy();
  }
}

const reference = (i: number) => `KC-${String(1000 + i)}-AAAA`;

describe('openSqliteStore (the embedded store in its worker)', () => {
  it('commits concurrent submissions, each answered once it is committed', async () => {
    const dataDir = await tempDir();
    const store = await openSqliteStore(dataDir);
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          store
            .createCase(newCase(reference(i)), keyRecord(`key-${i}`, reference(i)))
            .then(async (result) => ({
              result,
              committed: await onDisk(dataDir, (db) => caseExists(db, reference(i))),
            })),
        ),
      );
      expect(results.every(({ result }) => result.created)).toBe(true);
      // Each was answered after its case was committed.
      expect(results.every(({ committed }) => committed)).toBe(true);
      expect(await store.countCases()).toBe(200);
      expect(await store.findIdempotencyRecord('gata', 'key-7', new Date('2025-03-04'))).toEqual(
        keyRecord('key-7', reference(7)),
      );
      expect((await store.findCase(reference(7)))?.status).toBe('received');
    } finally {
      await store.close();
    }
    expect(await onDisk(dataDir, countCases)).toBe(200);
  });

  it('fails only the submission that fails, not the others committed with it', async () => {
    const store = await openSqliteStore(await tempDir());
    try {
      const results = await Promise.allSettled([
        store.createCase(newCase(reference(1))),
        store.createCase(newCase(reference(2), { topic: null as never })),
        store.createCase(newCase(reference(3))),
      ]);
      expect(results.map((result) => result.status)).toEqual([
        'fulfilled',
        'rejected',
        'fulfilled',
      ]);
      expect((results[1] as PromiseRejectedResult).reason).toMatchObject({
        code: 'SQLITE_CONSTRAINT_NOTNULL',
      });
      expect(await store.countCases()).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('answers ping, and refuses every call once closed', async () => {
    const store = await openSqliteStore(await tempDir());
    await store.ping();
    await store.close();
    await store.close();
    await expect(store.ping()).rejects.toThrow('The embedded store is closed');
  });

  it('rejects when the data directory cannot be made', async () => {
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, '');
    await expect(openSqliteStore(join(file, 'data'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
