import type { ColumnType, Kysely } from 'kysely';
import { onPostgres } from '../store/dialect.js';

/** The tables of sign-in and the audit log, as Kysely sees them (part of `Database`). */
export interface AuthTables {
  agent_sessions: AgentSessionsTable;
  agent_audit: AgentAuditTable;
}

export interface AgentSessionsTable {
  /** SHA-256 (hex) of the session id: the id itself is only ever in the person's cookie. */
  id_hash: string;
  agent_id: string;
  /** `local` (an account of the configuration, read afresh on every request) or `oidc`. */
  provider: string;
  /** The `Agent` as JSON, as it was at sign-in (what an `oidc` session goes by). */
  agent: string;
  created_at: string;
  /** Absolute expiry: sign-in plus the maximum session length; never moves. */
  expires_at: string;
  /** Idle expiry: moved on by use, at most once a minute, never past `expires_at`. */
  idle_expires_at: string;
}

export interface AgentAuditTable {
  /** Increasing (autoincrement; PostgreSQL returns bigint as a string); pages are cut by it. */
  id: ColumnType<number | string, never, never>;
  at: string;
  agent_id: string;
  action: string;
  case_reference: ColumnType<string | null, string | null | undefined, string | null>;
  /** A small JSON object: ids and codes, never message text or passwords. */
  detail: string;
}

/** The migration `2026-12-03-0003-agents`: sessions and the audit log. */
export async function createAuthTables(db: Kysely<unknown>): Promise<void> {
  const postgres = onPostgres(db);
  await db.schema
    .createTable('agent_sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('agent_id', 'text', (col) => col.notNull())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('agent', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('idle_expires_at', 'text', (col) => col.notNull())
    .execute();
  // Expired sessions are swept by these.
  await db.schema
    .createIndex('agent_sessions_expires_at')
    .on('agent_sessions')
    .column('expires_at')
    .execute();
  await db.schema
    .createIndex('agent_sessions_idle_expires_at')
    .on('agent_sessions')
    .column('idle_expires_at')
    .execute();

  await db.schema
    .createTable('agent_audit')
    .addColumn('id', postgres ? 'bigserial' : 'integer', (col) =>
      postgres ? col.primaryKey() : col.primaryKey().autoIncrement(),
    )
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('agent_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('case_reference', 'text')
    .addColumn('detail', 'text', (col) => col.notNull())
    .execute();
  // The admin's filters: by agent, by case, by period (newest first, so by id).
  await db.schema
    .createIndex('agent_audit_agent_id')
    .on('agent_audit')
    .columns(['agent_id', 'id'])
    .execute();
  await db.schema
    .createIndex('agent_audit_case_reference')
    .on('agent_audit')
    .columns(['case_reference', 'id'])
    .execute();
  await db.schema.createIndex('agent_audit_at').on('agent_audit').column('at').execute();
}
