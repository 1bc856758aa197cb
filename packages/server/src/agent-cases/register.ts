import type { ContactMessage } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { appendAudit } from '../auth/audit.js';
import { insertCases } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import type { Actor } from './actions.js';
import { appendEntry } from './actions.js';
import { INBOX_STREAM } from './streams.js';

/** A call or a visit to store as a case (validated by the route). */
export interface RegisteredCase {
  readonly reference: string;
  /** SHA-256 of a random token nobody is given: such a case is followed by phone, not online. */
  readonly receiptTokenHash: string;
  readonly channel: 'phone' | 'visit';
  readonly department: string;
  readonly topic: string;
  /** What was asked and said, with the caller's details and needs, as a stored message. */
  readonly message: ContactMessage;
  readonly reason?: { id: string; avoidable: boolean; page?: string | undefined } | undefined;
  /** ISO 8601 */
  readonly at: string;
  readonly answerBy: string;
}

/**
 * Stores a call or a visit as a case held by the person who registered it, with its entry,
 * events and audit entry, in one transaction. Its reference is random like any other; a taken
 * one fails the unique constraint and the route tries another.
 */
export async function registerCase(
  db: Kysely<Database>,
  actor: Actor,
  input: RegisteredCase,
): Promise<{ value: { reference: string }; streams: string[] }> {
  return db.transaction().execute(async (trx) => {
    await insertCases(trx, [
      {
        reference: input.reference,
        receiptTokenHash: input.receiptTokenHash,
        channel: input.channel,
        origin: { department: input.department, pageUrl: '', widget: '' },
        topic: input.topic,
        message: input.message,
        createdAt: input.at,
        answerBy: input.answerBy,
      },
    ]);
    await trx
      .updateTable('cases')
      .set({
        staff_status: 'assigned',
        status: 'in_progress',
        assignee_id: actor.id,
        assignee_name: actor.name,
        ...(input.reason
          ? {
              reason: input.reason.id,
              reason_avoidable: input.reason.avoidable ? 1 : 0,
              reason_page: input.reason.avoidable ? (input.reason.page ?? null) : null,
            }
          : {}),
      })
      .where('reference', '=', input.reference)
      .execute();
    await appendEntry(trx, input.reference, input.at, actor, 'message_in', {
      channel: input.channel,
    });
    if (input.reason) {
      await appendEntry(trx, input.reference, input.at, actor, 'reason', {
        reason: input.reason.id,
        avoidable: input.reason.avoidable,
        ...(input.reason.avoidable && input.reason.page ? { page: input.reason.page } : {}),
      });
    }
    await appendAudit(trx, {
      agentId: actor.id,
      action: 'case.registered',
      caseReference: input.reference,
      detail: { channel: input.channel, department: input.department },
      at: new Date(input.at),
    });
    // insertCases told the inbox (`case.created`); nothing is forwarded yet.
    return { value: { reference: input.reference }, streams: [INBOX_STREAM] };
  });
}
