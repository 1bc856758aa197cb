import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Generated } from 'kysely';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedMigrations } from './migrations.js';
import type { Database } from './schema.js';
import { createSqliteDatabase, keepingStatements, SQLITE_FILE_NAME } from './sqlite.js';
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
          photos: [],
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

describe('keepingStatements', () => {
  it('prepares a text once, keeps the most recently used, and follows a change of schema', async () => {
    const sqlite = new SqliteDatabase(':memory:');
    const prepared: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((text: string) => {
      prepared.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
    const kept = keepingStatements(sqlite);
    const db = new Kysely<{ notes: { id: Generated<number>; text: string } }>({
      dialect: new SqliteDialect({ database: kept }),
    });
    await sql`create table notes (id integer primary key, text text)`.execute(db);
    for (const text of ['a', 'b', 'c']) await db.insertInto('notes').values({ text }).execute();
    expect(prepared.filter((text) => text.startsWith('insert'))).toHaveLength(1);

    // A column added after the statement was kept: SQLite prepares it again by itself.
    await sql`alter table notes add column extra text`.execute(db);
    const rows = await db.selectFrom('notes').selectAll().orderBy('id').execute();
    expect(rows.map((row) => row.text)).toEqual(['a', 'b', 'c']);
    expect(Object.keys(rows[0] ?? {})).toContain('extra');
    const again = await db.selectFrom('notes').selectAll().orderBy('id').execute();
    expect(again).toEqual(rows);
    expect(prepared.filter((text) => text.startsWith('select'))).toHaveLength(1);

    // Past the limit, the least recently used text is prepared anew.
    for (let n = 0; n < 500; n++) await sql.raw(`select ${n} as n`).execute(db);
    await db.insertInto('notes').values({ text: 'd' }).execute();
    expect(prepared.filter((text) => text.startsWith('insert'))).toHaveLength(2);
    await db.destroy();
  });
});
