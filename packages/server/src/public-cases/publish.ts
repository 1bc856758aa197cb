import type { CaseStatus, PublicCase } from '@kontakt/core/schemas';
import { PUBLIC_CASE_EVENT } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { queueMail } from '../mail/outbox.js';
import { appendEvents } from '../store/events.js';
import type { Database } from '../store/schema.js';
import { normalizeEmail, senderEmailOf, senderLocaleOf } from './access.js';
import { statusMail } from './follow-mail.js';
import { selectPublicCase } from './public-case.js';

/*
 * Telling a case's citizens of a change they can see, inside the transaction of the change: the
 * whole `PublicCase` on the case's public stream (the tracker), and, when the status they see
 * changed, a mail to each follower with an address and to a fault report's sender.
 */

/** A case's public stream: `case.changed` with the whole `PublicCase` after each change. */
export const publicCaseStream = (reference: string) => `public-case:${reference}`;

/** What changed, for whom to tell. */
export interface PublicChange {
  /** ISO 8601 */
  readonly at: string;
  /** True when the status the citizen sees changed (then followers are mailed). */
  readonly statusChanged: boolean;
  /** The public note that came with it. */
  readonly note?: string | null | undefined;
  /**
   * `false`: mail no one of it, even when the status changed. The sender's own answer moves a
   * case that waited for them back to work: they know, and its followers were never told it
   * waited (that mail is for the sender alone).
   */
  readonly mail?: boolean | undefined;
}

/**
 * Appends the `case.changed` event of `reference` (and queues the status mails) in `trx`, after
 * the change is written there; returns the streams the caller's write must report.
 */
export async function publishPublicCaseChange(
  trx: Kysely<Database>,
  reference: string,
  change: PublicChange,
): Promise<string[]> {
  const found = await selectPublicCase(trx, reference);
  if (!found) return [];
  const stream = publicCaseStream(reference);
  await appendEvents(trx, [{ stream, type: PUBLIC_CASE_EVENT, data: found }], new Date(change.at));
  if (!change.statusChanged || change.mail === false) return [stream];
  return [stream, ...(await mailStatus(trx, found, change))];
}

/**
 * Mails the new status to the followers with an address and to a fault report's sender, once per
 * address. A contact-form case's sender is not mailed: an agent answers them in person (a reply
 * is its own mail). "Waiting for you" is for the sender alone: it asks them, not a follower.
 */
async function mailStatus(
  trx: Kysely<Database>,
  found: PublicCase,
  change: PublicChange,
): Promise<string[]> {
  const recipients = new Map<string, string>();
  if (found.channel === 'fault_report') {
    const row = await trx
      .selectFrom('cases')
      .select('message')
      .where('reference', '=', found.reference)
      .executeTakeFirst();
    const email = row ? senderEmailOf(row.message) : undefined;
    if (row && email) recipients.set(normalizeEmail(email), senderLocaleOf(row.message));
  }
  if (found.status !== 'waiting_for_citizen') {
    const followers = await trx
      .selectFrom('case_access')
      .select(['email', 'locale'])
      .where('case_reference', '=', found.reference)
      .where('email', 'is not', null)
      .orderBy('created_at')
      .execute();
    for (const follower of followers) {
      if (follower.email && !recipients.has(follower.email)) {
        recipients.set(follower.email, follower.locale);
      }
    }
  }
  const streams = new Set<string>();
  for (const [to, locale] of recipients) {
    const mail = statusMail(found.reference, found.status as CaseStatus, locale, change.note);
    const queued = await queueMail(
      trx,
      { caseReference: found.reference, to, ...mail },
      new Date(change.at),
    );
    for (const stream of queued.streams) streams.add(stream);
  }
  return [...streams];
}
