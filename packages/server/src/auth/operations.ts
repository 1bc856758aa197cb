/*
 * The store operations of sign-in and the audit log, for both stores (spread into `reads` and
 * `writes` in `store/operations.ts`). Arguments and results are plain data: on the embedded
 * store they cross into its worker thread.
 */
import type { AuditEntry, AuditQuery } from '@kontakt/core/agent';
import type { AdminNotice } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { NewEvent } from '../store/events.js';
import { appendEvents } from '../store/events.js';
import { upsertNotice } from '../store/notices.js';
import type { Database } from '../store/schema.js';
import type { AuditInput } from './audit.js';
import { appendAudit } from './audit.js';

/** A session as stored (the agent still as JSON). */
export interface SessionRecord {
  idHash: string;
  agentId: string;
  provider: string;
  agent: string;
  createdAt: string;
  expiresAt: string;
  idleExpiresAt: string;
}

/** Deletes sessions past either expiry; returns how many. */
async function deleteExpired(db: Kysely<Database>, now: Date): Promise<number> {
  const at = now.toISOString();
  const result = await db
    .deleteFrom('agent_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', at), eb('idle_expires_at', '<=', at)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const authReads = {
  async findAgentSession(db: Kysely<Database>, idHash: string): Promise<SessionRecord | undefined> {
    const row = await db
      .selectFrom('agent_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row
      ? {
          idHash: row.id_hash,
          agentId: row.agent_id,
          provider: row.provider,
          agent: row.agent,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          idleExpiresAt: row.idle_expires_at,
        }
      : undefined;
  },

  /** A page of the audit log, newest first, cut by id (stays fast however long the log). */
  async listAudit(
    db: Kysely<Database>,
    query: Omit<AuditQuery, 'limit'> & { limit: number },
  ): Promise<{ entries: AuditEntry[]; next: string | null }> {
    let select = db.selectFrom('agent_audit').selectAll();
    if (query.agent !== undefined) select = select.where('agent_id', '=', query.agent);
    if (query.case !== undefined) select = select.where('case_reference', '=', query.case);
    if (query.from !== undefined) select = select.where('at', '>=', query.from);
    if (query.to !== undefined) select = select.where('at', '<', query.to);
    if (query.cursor !== undefined) select = select.where('id', '<', query.cursor);
    const rows = await select
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute();
    const page = rows.slice(0, query.limit);
    const entries = page.map((row) => ({
      id: String(row.id),
      at: row.at,
      agentId: row.agent_id,
      action: row.action,
      caseReference: row.case_reference,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
    const last = entries.at(-1);
    return { entries, next: rows.length > query.limit && last ? last.id : null };
  },
};

export const authWrites = {
  /**
   * Stores a new session and audits the sign-in, in one transaction; sessions that have expired
   * are swept on the way (sign-ins are rare enough to carry it).
   */
  async createAgentSession(db: Kysely<Database>, session: SessionRecord, audit: AuditInput) {
    await db.transaction().execute(async (trx) => {
      await deleteExpired(trx, audit.at);
      await trx
        .insertInto('agent_sessions')
        .values({
          id_hash: session.idHash,
          agent_id: session.agentId,
          provider: session.provider,
          agent: session.agent,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          idle_expires_at: session.idleExpiresAt,
        })
        .execute();
      await appendAudit(trx, audit);
    });
    return { value: undefined, streams: [] };
  },

  /** Moves a session's idle expiry on. */
  async touchAgentSession(db: Kysely<Database>, idHash: string, idleExpiresAt: string) {
    await db
      .updateTable('agent_sessions')
      .set({ idle_expires_at: idleExpiresAt })
      .where('id_hash', '=', idHash)
      .execute();
    return { value: undefined, streams: [] };
  },

  /** Ends a session (sign-out, expiry), auditing it when `audit` is given. */
  async deleteAgentSession(db: Kysely<Database>, idHash: string, audit?: AuditInput) {
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('agent_sessions').where('id_hash', '=', idHash).execute();
      if (audit) await appendAudit(trx, audit);
    });
    return { value: undefined, streams: [] };
  },

  /** Deletes every expired session; returns how many (the server's sweep). */
  async deleteExpiredAgentSessions(db: Kysely<Database>, now: Date) {
    return { value: await deleteExpired(db, now), streams: [] };
  },

  /**
   * An admin's change to a notice from the console: the notice, the events that carry it to the
   * pages and the audit entry, in one transaction.
   */
  async saveNoticeAudited(
    db: Kysely<Database>,
    notice: AdminNotice,
    events: readonly NewEvent[],
    audit: AuditInput,
  ) {
    await db.transaction().execute(async (trx) => {
      await upsertNotice(trx, notice);
      await appendEvents(trx, events, audit.at);
      await appendAudit(trx, audit);
    });
    return { value: undefined, streams: events.map((event) => event.stream) };
  },

  /** Records an action that changes nothing else (a failed sign-in). */
  async appendAuditEntry(db: Kysely<Database>, entry: AuditInput) {
    await appendAudit(db, entry);
    return { value: undefined, streams: [] };
  },
};
