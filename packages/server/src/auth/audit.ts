import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** One agent action for the audit log. */
export interface AuditInput {
  /** Who: the agent's id (`unknown` for a failed sign-in to no account). */
  agentId: string;
  /** What, as `area.verb` in the past tense: `session.signed_in`, `case.replied`, `notice.published`. */
  action: string;
  /** Which case, when the action is about one. */
  caseReference?: string | null | undefined;
  /**
   * A small JSON object of ids and codes (`{ status: 'resolved' }`, `{ department: 'gata' }`).
   * Never message text, contact details or passwords: admins read this log.
   */
  detail?: Record<string, unknown> | undefined;
  /** When. */
  at: Date;
}

/**
 * Records an agent action. Call it inside the transaction of the change it reports (a write
 * operation's `trx`), so the log holds exactly the actions that took effect.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await trx.updateTable('cases').set({ status }).where('reference', '=', ref).execute();
 *   await appendAudit(trx, { agentId: agent.id, action: 'case.status_set', caseReference: ref, detail: { status }, at: now });
 * });
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditInput): Promise<void> {
  await trx
    .insertInto('agent_audit')
    .values({
      at: entry.at.toISOString(),
      agent_id: entry.agentId,
      action: entry.action,
      case_reference: entry.caseReference ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
