import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import * as z from 'zod/mini';
import { caseStream, departmentInboxStream, INBOX_STREAM } from '../agent-cases/streams.js';
import { onPostgres } from '../store/dialect.js';
import type { NewEvent } from '../store/events.js';
import { appendEvents, EVENTS_CHANNEL } from '../store/events.js';
import { claimDueRows } from '../store/leases.js';
import type { Database } from '../store/schema.js';
import type { MailRow, MailState } from './schema.js';

/*
 * The outbox's queries, for both stores. A mail is queued in the transaction of the change that
 * sends it (a reply), so the two commit or roll back together; the sender (`sender.ts`) claims due
 * mail, sends it outside any transaction, and records the outcome with the events that tell the
 * console.
 */

/**
 * Not an event stream anyone reads: its name is what a commit that queued mail notifies, so the
 * senders (on PostgreSQL, of every instance) look for due mail at once instead of at their next
 * poll.
 */
export const MAIL_OUTBOX_STREAM = 'mail:outbox';

/** A mail to queue: plain text to one recipient, belonging to one case. */
export interface OutgoingMail {
  /** The case it belongs to: its state shows there, and replies thread per case. */
  readonly caseReference: string;
  /** The recipient's address. */
  readonly to: string;
  /** One line; the caller puts the case reference in it. */
  readonly subject: string;
  /** The plain-text body (no HTML is ever sent). */
  readonly text: string;
}

/** What `queueMail` did: the mail's id, and the streams the caller's write must report. */
export interface QueuedMail {
  readonly id: string;
  /** Add these to the `streams` your write returns, so the sender is woken once you commit. */
  readonly streams: readonly string[];
}

/** A mail as the console shows it in its case, with its state. */
export interface MailView {
  readonly id: string;
  readonly caseReference: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly state: MailState;
  /** Attempts started so far. */
  readonly attempts: number;
  /** The last failure in one line, or `null`. */
  readonly lastError: string | null;
  /** While queued: when the next attempt is due. */
  readonly nextAttemptAt: string | null;
  readonly queuedAt: string;
  readonly sentAt: string | null;
}

const oneLine = (value: string) => !/[\r\n]/.test(value);

const OutgoingMailSchema = z.object({
  caseReference: z.string().check(z.minLength(1), z.maxLength(100), z.refine(oneLine)),
  to: z.email(),
  // RFC 5322 allows 998 characters in a line; a subject is far shorter.
  subject: z.string().check(z.minLength(1), z.maxLength(500), z.refine(oneLine)),
  text: z.string().check(z.minLength(1), z.maxLength(100_000)),
});

/**
 * Queues `mail` in the caller's transaction `trx`: it is sent only if that transaction commits
 * (and never if it rolls back). Return `streams` from your write (`[...yours, ...queued.streams]`)
 * so the sender looks at once; otherwise it finds the mail at its next poll. Throws on a mail that
 * cannot be sent (not an address, a subject with a line break), which rolls the caller back.
 */
export async function queueMail(
  trx: Kysely<Database>,
  mail: OutgoingMail,
  now: Date = new Date(),
): Promise<QueuedMail> {
  const { caseReference, to, subject, text } = z.parse(OutgoingMailSchema, mail);
  const id = randomUUID();
  const at = now.toISOString();
  await trx
    .insertInto('mail_outbox')
    .values({
      id,
      case_reference: caseReference,
      recipient: to,
      subject,
      body: text,
      state: 'queued',
      attempts: 0,
      due_at: at,
      queued_at: at,
      retry_since: at,
      updated_at: at,
    })
    .execute();
  await notifyOtherInstances(trx);
  return { id, streams: [MAIL_OUTBOX_STREAM] };
}

/**
 * On PostgreSQL, tells every instance's sender at commit (NOTIFY is delivered only then, and not
 * at all on rollback). The embedded store is one process: the write's `streams` tell its sender.
 */
async function notifyOtherInstances(trx: Kysely<Database>): Promise<void> {
  if (!onPostgres(trx)) return;
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${MAIL_OUTBOX_STREAM})`.execute(trx);
}

/** The mails of a case, oldest first, with their states (the console's case view). */
export async function mailsOfCase(db: Kysely<Database>, reference: string): Promise<MailView[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('case_reference', '=', reference)
    .orderBy('queued_at')
    .orderBy('id')
    .execute();
  return rows.map(toView);
}

/** When the next queued or leased mail falls due (ISO 8601), or `null` when none waits. */
export async function nextMailDue(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('mail_outbox')
    .select('due_at')
    .where('due_at', 'is not', null)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return row?.due_at ?? null;
}

/** One mail by id (the console, tests). */
export async function findMail(db: Kysely<Database>, id: string): Promise<MailView | undefined> {
  const row = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toView(row);
}

function toView(row: MailRow): MailView {
  return {
    id: row.id,
    caseReference: row.case_reference,
    to: row.recipient,
    subject: row.subject,
    text: row.body,
    state: row.state,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    nextAttemptAt: row.state === 'queued' ? row.due_at : null,
    queuedAt: row.queued_at,
    sentAt: row.sent_at,
  };
}

/** What `retryFailedMail` found: the mail queued again, or why not. */
export type RetryOutcome = 'queued' | 'not_found' | 'not_failed';

/**
 * Queues a failed mail again (an agent's "try again"), due at once and with a new retry window;
 * run it in your transaction (with your audit entry) and report `streams`. Mail that is not
 * failed is left as it is.
 */
export async function retryFailedMail(
  trx: Kysely<Database>,
  id: string,
  now: Date = new Date(),
): Promise<{ outcome: RetryOutcome; streams: string[] }> {
  const at = now.toISOString();
  const row = await trx
    .updateTable('mail_outbox')
    .set({ state: 'queued', due_at: at, retry_since: at, lease_owner: null, updated_at: at })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .returning(['case_reference'])
    .executeTakeFirst();
  if (!row) {
    const exists = await trx
      .selectFrom('mail_outbox')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return { outcome: exists ? 'not_failed' : 'not_found', streams: [] };
  }
  const events = await caseEvents(trx, row.case_reference, 'case.mail.queued', id, 'queued');
  await appendEvents(trx, events, now);
  await notifyOtherInstances(trx);
  return { outcome: 'queued', streams: [...streamsOf(events), MAIL_OUTBOX_STREAM] };
}

/** A mail handed to one sender: what it needs to send it, and the claim that holds it. */
export interface ClaimedMail {
  readonly id: string;
  readonly caseReference: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Attempts including this one. */
  readonly attempts: number;
  readonly retrySince: string;
  /** Only this claim may record the outcome (`finishMail`). */
  readonly leaseOwner: string;
}

/**
 * Claims up to `limit` due mails for one sender until `leaseUntil` (`claimDueRows`): queued mail
 * whose time has come, and mail another sender claimed and did not finish before its lease ended.
 */
export async function claimDueMails(
  db: Kysely<Database>,
  owner: string,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedMail[]> {
  return db.transaction().execute(async (trx) => {
    const { rows, leaseOwner } = await claimDueRows(trx, 'mail_outbox', 'id', {
      owner,
      now,
      leaseUntil,
      limit,
    });
    return rows.map((row) => ({
      id: row.id,
      caseReference: row.case_reference,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      attempts: Number(row.attempts),
      retrySince: row.retry_since,
      leaseOwner,
    }));
  });
}

/** How an attempt ended, as the sender decided (it knows the backoff and the limit). */
export type MailOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'retry'; readonly error: string; readonly at: Date }
  | { readonly kind: 'failed'; readonly error: string };

/**
 * Records the outcome of a claimed mail's attempt, if `leaseOwner` still holds it (a sender
 * that outlived its lease finds another one has it, and records nothing). Sent and failed mail
 * append `case.mail.sent` / `case.mail.failed` to the case's stream and `case.updated` to the
 * inbox, in the same transaction. Returns the new state, or `undefined` when the claim was lost.
 */
export async function finishMail(
  db: Kysely<Database>,
  id: string,
  leaseOwner: string,
  outcome: MailOutcome,
  now: Date,
): Promise<{ state: MailState | undefined; streams: string[] }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const changes =
      outcome.kind === 'sent'
        ? { state: 'sent' as const, due_at: null, sent_at: at, last_error: null }
        : outcome.kind === 'retry'
          ? {
              state: 'queued' as const,
              due_at: outcome.at.toISOString(),
              last_error: outcome.error,
            }
          : { state: 'failed' as const, due_at: null, last_error: outcome.error };
    const row = await trx
      .updateTable('mail_outbox')
      .set({ ...changes, lease_owner: null, updated_at: at })
      .where('id', '=', id)
      .where('state', '=', 'sending')
      .where('lease_owner', '=', leaseOwner)
      .returning(['case_reference'])
      .executeTakeFirst();
    if (!row) return { state: undefined, streams: [] };
    if (changes.state === 'queued') return { state: changes.state, streams: [] };
    const type = changes.state === 'sent' ? 'case.mail.sent' : 'case.mail.failed';
    const events = await caseEvents(trx, row.case_reference, type, id, changes.state);
    await appendEvents(trx, events, now);
    return { state: changes.state, streams: streamsOf(events) };
  });
}

/**
 * What tells the console of a mail's new state: its type on the case's own stream, and
 * `case.updated` wherever the case's changes are told (`inbox`, and the inbox of the department
 * it is forwarded to, whose specialists follow that one).
 */
async function caseEvents(
  trx: Kysely<Database>,
  reference: string,
  type: string,
  mailId: string,
  state: MailState,
): Promise<NewEvent[]> {
  const found = await trx
    .selectFrom('cases')
    .select('forwarded_to')
    .where('reference', '=', reference)
    .executeTakeFirst();
  const inboxes = [
    INBOX_STREAM,
    ...(found?.forwarded_to ? [departmentInboxStream(found.forwarded_to)] : []),
  ];
  return [
    { stream: caseStream(reference), type, data: { mailId, state } },
    ...inboxes.map((stream) => ({ stream, type: 'case.updated', data: { reference } })),
  ];
}

const streamsOf = (events: readonly NewEvent[]) => [...new Set(events.map((e) => e.stream))];

/** The store operations of the outbox, spread into `reads` / `writes` in `store/operations.ts`. */
export const mailReads = {
  mailsOfCase,
  findMail,
  nextMailDue,
};

export const mailWrites = {
  /** The sender's claim: see `claimDueMails`. Appends no events. */
  async claimMails(db: Kysely<Database>, ...args: ClaimArgs) {
    return { value: await claimDueMails(db, ...args), streams: [] as string[] };
  },
  /** The sender's outcome: see `finishMail`. */
  async finishMail(db: Kysely<Database>, ...args: FinishArgs) {
    const { state, streams } = await finishMail(db, ...args);
    return { value: state, streams };
  },
  /** An agent's "try again" on a failed mail, in a transaction of its own. */
  async retryMail(db: Kysely<Database>, id: string, now: Date = new Date()) {
    const { outcome, streams } = await db
      .transaction()
      .execute((trx) => retryFailedMail(trx, id, now));
    return { value: outcome, streams };
  },
};

type ClaimArgs = [owner: string, now: Date, leaseUntil: Date, limit: number];
type FinishArgs = [id: string, leaseOwner: string, outcome: MailOutcome, now: Date];
