import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

const MAX_DETAIL_LENGTH = 2048;

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
  const detail = JSON.stringify(entry.detail ?? {});
  // A detail this long holds more than ids and codes: a bug to find in tests, not to store.
  if (detail.length > MAX_DETAIL_LENGTH) {
    throw new RangeError(`An audit detail is small (${entry.action}: ${detail.length} characters)`);
  }
  await trx
    .insertInto('agent_audit')
    .values({
      at: entry.at.toISOString(),
      agent_id: entry.agentId,
      action: entry.action,
      case_reference: entry.caseReference ?? null,
      detail,
    })
    .execute();
}
