import type { Kysely } from 'kysely';
import { appendAudit } from '../auth/audit.js';
import { retryFailedMail } from '../mail/outbox.js';
import type { Database } from '../store/schema.js';
import type { Actor } from './actions.js';
import { inScope } from './inbox.js';

/** An agent's "send it again" for a mail of a case that failed. */
export interface RetryMailRequest {
  readonly reference: string;
  readonly mailId: string;
  readonly actor: Actor;
  /** ISO 8601 */
  readonly at: string;
}

/** `case_not_found`: no such case for this person; `mail_not_found`: not a mail of that case. */
export type RetryMailResult =
  | { ok: true }
  | { ok: false; error: 'case_not_found' | 'mail_not_found' | 'mail_not_failed' };

/**
 * Queues a failed mail of a case again, with its audit entry, in one transaction: the case must be
 * one the person may see, and the mail one of that case (a mail id alone reaches nothing).
 */
export async function retryCaseMail(
  db: Kysely<Database>,
  request: RetryMailRequest,
): Promise<{ value: RetryMailResult; streams: string[] }> {
  return db.transaction().execute(async (trx) => {
    const refused = (error: Extract<RetryMailResult, { ok: false }>['error']) => ({
      value: { ok: false as const, error },
      streams: [],
    });
    const found = await inScope(trx.selectFrom('cases'), request.actor.scope)
      .select('reference')
      .where('reference', '=', request.reference)
      .executeTakeFirst();
    if (!found) return refused('case_not_found');
    const mail = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('id', '=', request.mailId)
      .where('case_reference', '=', request.reference)
      .executeTakeFirst();
    if (!mail) return refused('mail_not_found');
    const { outcome, streams } = await retryFailedMail(trx, request.mailId, new Date(request.at));
    if (outcome !== 'queued') {
      return refused(outcome === 'not_failed' ? 'mail_not_failed' : 'mail_not_found');
    }
    await appendAudit(trx, {
      agentId: request.actor.id,
      action: 'case.mail_retried',
      caseReference: request.reference,
      detail: { mailId: request.mailId },
      at: new Date(request.at),
    });
    return { value: { ok: true as const }, streams };
  });
}
