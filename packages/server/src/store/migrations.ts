import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator, sql } from 'kysely';
import { createCaseSearchIndex } from '../agent-cases/search-index.js';
import {
  addCasePriority,
  addClassification,
  addClosingReason,
  addParkedResumeAt,
  addStatusHistory,
  createCaseHandling,
} from '../agent-cases/tables.js';
import { createAuthTables } from '../auth/tables.js';
import { createCallbackTables } from '../callbacks/tables.js';
import { addChatPresenceColumns } from '../chat/presence.js';
import { createChatTables } from '../chat/tables.js';
import { createFaultReportTables } from '../faults/tables.js';
import { createMailTables } from '../mail/schema.js';
import { createOpen311Tables } from '../open311/tables.js';
import { createOpen311ForwardTables } from '../open311-forward/tables.js';
import { createPhotoTables } from '../photos/tables.js';
import { createCaseAccess } from '../public-cases/tables.js';
import { onPostgres } from './dialect.js';

/** True on PostgreSQL: the one thing the portable schema builder cannot say for both is "serial". */

/**
 * Migrations as code, in order. Never edit one that has shipped: add the next. They use only
 * Kysely's portable schema builder so PostgreSQL runs them unchanged.
 */
const migrations: Record<string, Migration> = {
  '2025-01-01-0001-cases': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cases')
        .addColumn('reference', 'text', (col) => col.primaryKey())
        .addColumn('receipt_token_hash', 'text', (col) => col.notNull())
        .addColumn('department', 'text', (col) => col.notNull())
        .addColumn('channel', 'text', (col) => col.notNull())
        .addColumn('page_url', 'text', (col) => col.notNull())
        .addColumn('widget', 'text', (col) => col.notNull())
        .addColumn('topic', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('message', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('cases_department_created_at')
        .on('cases')
        .columns(['department', 'created_at'])
        .execute();

      await db.schema
        .createTable('case_timeline')
        .addColumn('case_reference', 'text', (col) =>
          col.notNull().references('cases.reference').onDelete('cascade'),
        )
        .addColumn('seq', 'integer', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('department', 'text')
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('case_timeline_pk', ['case_reference', 'seq'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('scope', 'text', (col) => col.notNull())
        .addColumn('key', 'text', (col) => col.notNull())
        .addColumn('request_hash', 'text', (col) => col.notNull())
        .addColumn('response_status', 'integer', (col) => col.notNull())
        .addColumn('response_body', 'text', (col) => col.notNull())
        .addColumn('case_reference', 'text', (col) =>
          col.references('cases.reference').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_expires_at')
        .on('idempotency_keys')
        .column('expires_at')
        .execute();
    },
  },
  '2026-12-03-0002-events-and-notices': {
    async up(db: Kysely<unknown>) {
      // The event log: one global, increasing cursor (the SSE id) over every stream.
      await db.schema
        .createTable('events')
        .addColumn('cursor', onPostgres(db) ? 'bigserial' : 'integer', (col) =>
          onPostgres(db) ? col.primaryKey() : col.primaryKey().autoIncrement(),
        )
        .addColumn('stream', 'text', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('data', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('events_stream_cursor')
        .on('events')
        .columns(['stream', 'cursor'])
        .execute();

      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('severity', 'text', (col) => col.notNull())
        .addColumn('departments', 'text', (col) => col.notNull())
        .addColumn('starts_at', 'text', (col) => col.notNull())
        .addColumn('ends_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('withdrawn_at', 'text')
        .execute();
      await db.schema.createIndex('notices_ends_at').on('notices').column('ends_at').execute();
    },
  },
  '2026-12-03-0003-agents': { up: createAuthTables },
  '2026-12-03-0004-mail': { up: createMailTables },
  '2026-12-03-0005-case-handling': { up: createCaseHandling },
  '2026-12-03-0006-case-search-index': { up: createCaseSearchIndex },
  '2026-12-03-0007-fault-reports': { up: createFaultReportTables },
  '2026-12-03-0008-photos': { up: createPhotoTables },
  '2026-12-03-0009-case-access': { up: createCaseAccess },
  '2026-12-03-0010-open311': { up: createOpen311Tables },
  '2026-12-03-0011-open311-forward': { up: createOpen311ForwardTables },
  '2026-12-03-0013-callbacks': { up: createCallbackTables },
  '2026-12-03-0012-chat': { up: createChatTables },
  '2026-12-03-0014-chat-presence': { up: addChatPresenceColumns },
  '2026-12-03-0015-parked-resume-at': { up: addParkedResumeAt },
  '2026-12-03-0016-closing-reason': { up: addClosingReason },
  '2026-12-03-0017-case-priority': { up: addCasePriority },
  '2026-12-03-0018-status-history': { up: (db) => addStatusHistory(db) },
  '2026-12-03-0019-classification': { up: addClassification },
  // The language a public note is written in, so the citizen's widgets can mark it (WCAG 3.1.2).
  '2026-12-05-0020-note-language': {
    up: (db) => db.schema.alterTable('case_timeline').addColumn('note_language', 'text').execute(),
  },
  // …and the language an agent's chat message is written in.
  '2026-12-05-0021-chat-message-language': {
    up: (db) => db.schema.alterTable('chat_messages').addColumn('language', 'text').execute(),
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the database to the latest schema and returns the names of the migrations it applied
 * now (none when it was up to date); throws when a migration fails.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  if (!onPostgres(db)) return migrate(db);
  // Several instances starting together on one database would race to create the migration
  // tables (Kysely locks only once they exist): one session lock, held on one connection,
  // lets one instance migrate while the others wait, then find nothing left to do.
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection);
    try {
      return await migrate(connection);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection);
    }
  });
}

/** A key for `pg_advisory_lock` that only migrations take ("kmig"). */
const MIGRATION_LOCK = 0x6b6d6967;

async function migrate(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
  return (results ?? []).map((result) => result.migrationName);
}

/** For tests and health: the names of the applied migrations. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const migrations = await new Migrator({ db, provider }).getMigrations();
  return migrations.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}
