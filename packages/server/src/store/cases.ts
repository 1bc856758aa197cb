import type {
  Case,
  CaseChannel,
  CaseOrigin,
  CaseStatus,
  ContactMessage,
  Locale,
} from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { MessageFields } from '../agent-cases/case-fields.js';
import { handlingColumnsOf } from '../agent-cases/case-fields.js';
import { INBOX_STREAM } from '../agent-cases/streams.js';
import type { NewFaultReport } from '../faults/store.js';
import { insertFaultReports } from '../faults/store.js';
import { queueForwards } from '../open311-forward/queue.js';
import { attachPhotos, UnknownPhotoError } from '../photos/attach.js';
import type { NewEvent } from './events.js';
import { appendEvents } from './events.js';
import type { Database } from './schema.js';

/** What the routes hand the store to create a case. */
export interface NewCase {
  reference: string;
  /** SHA-256 (hex) of the receipt token; the plain token is never stored. */
  receiptTokenHash: string;
  channel: CaseChannel;
  origin: CaseOrigin;
  topic: string;
  /**
   * What the person wrote; a fault report's description and contact details (`faultMessageOf`).
   * A contact message's `photos` are attached to the case with it (`insertCases`).
   */
  message: ContactMessage | FaultCaseMessage;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601: when the department promised an answer (the receipt's `expectedAnswerBy`). */
  answerBy?: string | undefined;
  /** A fault report's own facts (channel `fault_report`), stored beside the case. */
  fault?: NewFaultReport | undefined;
  /** A fault report whose category forwards to an Open311 system: queued with the case. */
  forwardToOpen311?: boolean | undefined;
}

/**
 * A fault report's personal parts, kept in `cases.message` as a contact message's are. Its answer
 * channel follows the contact details the report gave (`faults/submit.ts`): a fault report asks
 * for no postal address, so never `letter`.
 */
export type FaultCaseMessage = MessageFields & {
  answerLanguage: string;
  answerChannel?: 'email' | 'phone' | undefined;
};

const INITIAL_STATUS: CaseStatus = 'received';
const ROWS_PER_INSERT = 500;

/** True when a case with this reference exists (references are random, so this is rare). */
export async function caseExists(db: Kysely<Database>, reference: string): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select('reference')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a case and the first entry of its timeline. Run it inside a transaction. */
export async function insertCase(
  db: Kysely<Database>,
  input: NewCase,
  laterEvents?: NewEvent[],
): Promise<void> {
  await insertCases(db, [input], laterEvents);
}

/**
 * Inserts cases and the first entries of their timelines with one statement per table (a group
 * commit's cases cost two statements, not two each). Fails whole when one row fails (a reference
 * taken): run it inside a savepoint and fall back to one case at a time.
 *
 * The agent inbox hears of each case (`case.created`) in the transaction that stores it. With
 * `laterEvents`, those events are pushed there for the caller to append at the end of its
 * transaction instead: on PostgreSQL an append holds the event log's lock until the commit, so a
 * group commit appends once, last, and its other statements run beside other groups.
 */
export async function insertCases(
  db: Kysely<Database>,
  inputs: readonly NewCase[],
  laterEvents?: NewEvent[],
): Promise<void> {
  // SQLite allows 32,766 bound values per statement; a case has 11.
  for (let start = 0; start < inputs.length; start += ROWS_PER_INSERT) {
    const chunk = inputs.slice(start, start + ROWS_PER_INSERT);
    await db
      .insertInto('cases')
      .values(
        chunk.map((input) => ({
          reference: input.reference,
          receipt_token_hash: input.receiptTokenHash,
          department: input.origin.department,
          channel: input.channel,
          page_url: input.origin.pageUrl,
          widget: input.origin.widget,
          topic: input.topic,
          status: INITIAL_STATUS,
          message: JSON.stringify(input.message),
          created_at: input.createdAt,
          updated_at: input.createdAt,
          answer_by: input.answerBy ?? null,
          ...handlingColumnsOf(input.reference, { ...input.message, topic: input.topic }),
        })),
      )
      .execute();
    await db
      .insertInto('case_timeline')
      .values(
        chunk.map((input) => ({
          case_reference: input.reference,
          seq: 1,
          at: input.createdAt,
          status: INITIAL_STATUS,
        })),
      )
      .execute();
    await insertFaultReports(db, chunk);
    await attachCasePhotos(db, chunk);
    await queueForwards(db, chunk);
    const events = chunk.map(caseCreatedEvent);
    if (laterEvents) laterEvents.push(...events);
    else await appendEvents(db, events, new Date(chunk[0]?.createdAt ?? Date.now()));
  }
}

/**
 * Gives each case the photos it names (a fault report's, a contact message's), in the transaction
 * that stores it. They were checked before (`missingPhotos`); one gone since (expired, or another
 * case took it) fails the case with `UnknownPhotoError`: it is rolled back alone (group commit)
 * and the route answers `unknown_photo`.
 */
async function attachCasePhotos(db: Kysely<Database>, cases: readonly NewCase[]): Promise<void> {
  for (const input of cases) {
    const ids = photosOf(input);
    if (ids.length === 0) continue;
    const { missing } = await attachPhotos(db, {
      reference: input.reference,
      department: input.origin.department,
      ids,
      at: input.createdAt,
    });
    if (missing.length > 0) throw new UnknownPhotoError(missing);
  }
}

/** The uploaded photos a new case names, in order (a message built by hand may have none). */
function photosOf({ fault, message }: NewCase): readonly string[] {
  if (fault) return fault.photos;
  return ('photos' in message ? message.photos : undefined) ?? [];
}

/** What the agent inbox is told of a new case. */
function caseCreatedEvent(input: NewCase): NewEvent {
  return { stream: INBOX_STREAM, type: 'case.created', data: { reference: input.reference } };
}

/** A case as the public may see it (no message, no contact details), or `undefined`. */
export async function selectCase(
  db: Kysely<Database>,
  reference: string,
): Promise<Case | undefined> {
  const row = await db
    .selectFrom('cases')
    .select([
      'reference',
      'channel',
      'department',
      'page_url',
      'widget',
      'topic',
      'status',
      'created_at',
      'updated_at',
    ])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    reference: row.reference,
    channel: row.channel as CaseChannel,
    origin: { department: row.department, pageUrl: row.page_url, widget: row.widget },
    topic: row.topic,
    status: row.status as CaseStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    timeline: await selectTimeline(db, reference),
  };
}

/** A case's public timeline, oldest first: its statuses, forwards and the notes meant for the citizen. */
export async function selectTimeline(
  db: Kysely<Database>,
  reference: string,
): Promise<Case['timeline']> {
  const timeline = await db
    .selectFrom('case_timeline')
    .select(['at', 'status', 'department', 'note', 'note_language'])
    .where('case_reference', '=', reference)
    .orderBy('seq')
    .execute();
  return timeline.map((entry) => ({
    at: entry.at,
    status: entry.status as CaseStatus,
    ...(entry.department === null ? {} : { department: entry.department }),
    ...(entry.note === null ? {} : { note: entry.note }),
    ...(entry.note_language === null ? {} : { noteLanguage: entry.note_language as Locale }),
  }));
}

export async function countCases(db: Kysely<Database>): Promise<number> {
  const { count } = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}
