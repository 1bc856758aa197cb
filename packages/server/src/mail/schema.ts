import type { ColumnType, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';

/** The outbox's states: waiting (or due), being sent by one instance, delivered, given up. */
export const MAIL_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/**
 * The outgoing mail: one row per mail, kept after it was sent or failed (the case shows it).
 * Timestamps are ISO 8601 strings in UTC, as in every table.
 */
export interface MailOutboxTable {
  /** A UUID; the `Message-ID` is made from it, so a mail sent twice after a crash is one message. */
  id: string;
  case_reference: string;
  /** The recipient's address: personal data, never logged. */
  recipient: string;
  subject: string;
  /** Plain text: personal data, never logged. */
  body: string;
  state: MailState;
  /** Attempts started (a claim counts, so a mail that crashes its sender still reaches the limit). */
  attempts: number;
  /** The last failure in one line, without addresses or text of the mail. */
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * When the sender should look at it next: the next attempt while `queued`, the end of the lease
   * while `sending` (a crashed sender's mail is picked up again then), `null` once sent or failed.
   */
  due_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Which claim holds a `sending` mail; only that claim may record the outcome. */
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  queued_at: string;
  /** Retries give up this long after this moment: the queueing, or an agent's "try again". */
  retry_since: string;
  sent_at: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
}

/** The mail module's tables, for `Database` in `store/schema.ts`. */
export interface MailTables {
  mail_outbox: MailOutboxTable;
}

export type MailRow = Selectable<MailOutboxTable>;

/** `2026-12-03-0004-mail`: the outbox, with the index the sender's "what is due" query reads. */
export async function createMailTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('case_reference', 'text', (col) => col.notNull())
    .addColumn('recipient', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('due_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('queued_at', 'text', (col) => col.notNull())
    .addColumn('retry_since', 'text', (col) => col.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // Partial: sent and failed mail has no due time, so the index holds only the work left to do
  // and stays small however much mail was ever sent.
  await db.schema
    .createIndex('mail_outbox_due_at')
    .on('mail_outbox')
    .column('due_at')
    .where(sql.ref('due_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('mail_outbox_case_reference')
    .on('mail_outbox')
    .columns(['case_reference', 'queued_at'])
    .execute();
}
