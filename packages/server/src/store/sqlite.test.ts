import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations } from './migrations.js';
import type { Database } from './schema.js';
import { createSqliteDatabase, SQLITE_FILE_NAME } from './sqlite.js';
import { openSqliteStore } from './sqlite-store.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-store-'));
  dirs.push(dir);
  return dir;
}

const pragma = async (db: Kysely<Database>, name: string) => {
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(db);
  return Object.values(rows[0] ?? {})[0];
};

async function listMigrations(dataDir: string): Promise<string[]> {
  const db = createSqliteDatabase(dataDir);
  try {
    return await appliedMigrations(db as Kysely<unknown>);
  } finally {
    await db.destroy();
  }
}

describe('createSqliteDatabase', () => {
  it('creates the directory and the file, durable: WAL, synchronous=FULL, foreign keys on', async () => {
    const dataDir = join(await tempDir(), 'nested', 'data');
    const db = createSqliteDatabase(dataDir);
    try {
      expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
      expect(await pragma(db, 'journal_mode')).toBe('wal');
      expect(await pragma(db, 'synchronous')).toBe(2); // FULL
      expect(await pragma(db, 'foreign_keys')).toBe(1);
      expect(await pragma(db, 'busy_timeout')).toBe(5000);
    } finally {
      await db.destroy();
    }
  });
});

describe('openSqliteStore', () => {
  it('migrates once and keeps data across reopening', async () => {
    const dataDir = await tempDir();
    const first = await openSqliteStore(dataDir);
    const result = await first.createCase({
      reference: 'KC-7F3K-9QXM',
      receiptTokenHash: 'a'.repeat(64),
      channel: 'web_form',
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/',
        widget: 'kc-contact-form',
      },
      topic: 'parkering',
      message: {
        topic: 'parkering',
        message: 'Hej',
        answerChannel: 'phone',
        answerLanguage: 'sv',
        needs: [],
        phone: '040-34 10 00',
      },
      createdAt: '2025-03-03T09:00:00.000Z',
    });
    expect(result).toEqual({ created: true });
    await first.close();
    const migrated = await listMigrations(dataDir);
    expect(migrated.length).toBeGreaterThan(0);

    const second = await openSqliteStore(dataDir);
    const db = createSqliteDatabase(dataDir);
    try {
      expect(await appliedMigrations(db as Kysely<unknown>)).toEqual(migrated);
      expect(await second.countCases()).toBe(1);
      expect(await second.findCase('KC-7F3K-9QXM')).toEqual({
        reference: 'KC-7F3K-9QXM',
        channel: 'web_form',
        origin: {
          department: 'gata',
          pageUrl: 'https://gata.example.se/',
          widget: 'kc-contact-form',
        },
        topic: 'parkering',
        status: 'received',
        createdAt: '2025-03-03T09:00:00.000Z',
        updatedAt: '2025-03-03T09:00:00.000Z',
        timeline: [{ at: '2025-03-03T09:00:00.000Z', status: 'received' }],
      });
      const again = await second.createCase({
        reference: 'KC-7F3K-9QXM',
        receiptTokenHash: 'b'.repeat(64),
        channel: 'web_form',
        origin: { department: 'gata', pageUrl: 'https://gata.example.se/', widget: 'x' },
        topic: 'parkering',
        message: {
          topic: 'parkering',
          message: 'x',
          answerChannel: 'visit',
          answerLanguage: 'sv',
          needs: [],
          email: 'a@b.se',
        },
        createdAt: '2025-03-03T09:00:00.000Z',
      });
      expect(again).toEqual({ created: false, conflict: 'reference' });
    } finally {
      await db.destroy();
      await second.close();
    }
  });
});
