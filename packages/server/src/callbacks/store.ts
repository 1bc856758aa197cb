import type { CallbackSummary } from '@kontakt/core/agent';
import type { Kysely } from 'kysely';
import { INBOX_STREAM } from '../agent-cases/streams.js';
import { canSee } from '../chat/access.js';
import { endSession } from '../chat/ending.js';
import { ChatEvents } from '../chat/streams.js';
import { selectSession } from '../chat/views.js';
import type { NewCase } from '../store/cases.js';
import { caseExists } from '../store/cases.js';
import type { CreateCaseResult } from '../store/create-case.js';
import { createCaseIn } from '../store/create-case.js';
import type { IdempotencyRecord } from '../store/idempotency.js';
import { selectIdempotencyRecord } from '../store/idempotency.js';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';

/** Public statuses of a case that is done with: its call is no longer waiting. */
const FINISHED: readonly string[] = ['resolved', 'closed', 'duplicate'];

/** Open call-backs listed at most (the queue beside the chat shows the soonest). */
const OPEN_LIMIT = 200;

/** A call-back request's own facts, beside its case. */
export interface NewCallback {
  /** ISO 8601 (UTC); absent: as soon as possible. */
  slot?: { start: string; end: string } | undefined;
  /** The slot's start, or the request's time for "as soon as possible". */
  dueAt: string;
  phone: string;
  name?: string | undefined;
  note?: string | undefined;
  chatSession?: string | undefined;
}

/** `callbacks.create`'s argument: the case, the request and the slot's capacity. */
export interface CreateCallbackInput {
  case: NewCase;
  callback: NewCallback;
  /** Calls a slot takes (`callsPerSlot`). */
  capacity: number;
  idempotency?: IdempotencyRecord | undefined;
  /**
   * The chat the person was waiting in, with the SHA-256 of the bearer token they showed: it
   * ends (as a case of its own, with its transcript) and the request is linked to it.
   */
  chat?: { id: string; tokenHash: string; answerBy: Record<string, string> } | undefined;
}

/**
 * As a case's creation; or the chosen slot was full, or the chat is not theirs (unknown id or
 * wrong token, alike) — then nothing is stored.
 */
export type CreateCallbackResult =
  | CreateCaseResult
  | { created: false; conflict: 'slot_full' | 'chat_not_found' };

/**
 * Stores a call-back request as a case (channel `phone`, told to the inbox) with its row and a
 * place in its slot, in one transaction: a full slot stores nothing. A key already answered and a
 * reference already taken are reported, not thrown, so the caller replays or draws another.
 */
export async function createCallback(
  db: Kysely<Database>,
  input: CreateCallbackInput,
): Promise<Written<CreateCallbackResult>> {
  return db.transaction().execute(async (trx) => {
    const nothing = (value: CreateCallbackResult) => ({ value, streams: [] });
    const { idempotency, callback } = input;
    if (idempotency) {
      const { scope, key, createdAt } = idempotency;
      const record = await selectIdempotencyRecord(trx, scope, key, new Date(createdAt));
      if (record) return nothing({ created: false, conflict: 'idempotency_key', record });
    }
    const session = input.chat && (await selectSession(trx, input.chat.id));
    if (input.chat && !canSee(session, { role: 'citizen', tokenHash: input.chat.tokenHash })) {
      return nothing({ created: false, conflict: 'chat_not_found' });
    }
    // Looked up first, unlike contact messages: a unique violation would abort the transaction
    // (PostgreSQL) after the slot was booked, and call-backs are few.
    if (await caseExists(trx, input.case.reference)) {
      return nothing({ created: false, conflict: 'reference' });
    }
    const department = input.case.origin.department;
    if (callback.slot && !(await bookSlot(trx, department, callback.slot.start, input.capacity))) {
      return nothing({ created: false, conflict: 'slot_full' });
    }
    const created = await createCaseIn(trx, input.case, idempotency);
    await trx
      .insertInto('callback_requests')
      .values({
        case_reference: input.case.reference,
        department,
        slot_start: callback.slot?.start ?? null,
        slot_end: callback.slot?.end ?? null,
        due_at: callback.dueAt,
        phone: callback.phone,
        name: callback.name ?? null,
        note: callback.note ?? null,
        chat_session: callback.chatSession ?? null,
        requested_at: input.case.createdAt,
      })
      .execute();
    // The chat queue beside the inbox lists call-backs: its consoles read it again.
    const events = new ChatEvents().queue(department).also([INBOX_STREAM]);
    // A chat still going ends now: the person will be called instead. One that has ended (they
    // closed it, or it went unanswered) is only linked.
    if (session && input.chat && session.status !== 'ended') {
      const at = input.case.createdAt;
      await endSession(
        trx,
        session,
        { endedBy: 'callback', at, answerBy: input.chat.answerBy },
        events,
      );
    }
    // `insertCases` appended `case.created` on the inbox stream in this transaction.
    return { value: created, streams: await events.flush(trx, input.case.createdAt) };
  });
}

/** Takes a place in a slot when one is left; false when it is full. */
async function bookSlot(
  trx: Kysely<Database>,
  department: string,
  slotStart: string,
  capacity: number,
): Promise<boolean> {
  await trx
    .insertInto('callback_slots')
    .values({ department, slot_start: slotStart, booked: 0 })
    .onConflict((conflict) => conflict.columns(['department', 'slot_start']).doNothing())
    .execute();
  const result = await trx
    .updateTable('callback_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('department', '=', department)
    .where('slot_start', '=', slotStart)
    .where('booked', '<', capacity)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Calls booked per slot start (ISO 8601, UTC) of a department from `from` up to `to`. */
export async function selectBookedSlots(
  db: Kysely<Database>,
  query: { department: string; from: string; to: string },
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('callback_slots')
    .select(['slot_start', 'booked'])
    .where('department', '=', query.department)
    .where('slot_start', '>=', query.from)
    .where('slot_start', '<', query.to)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.slot_start, Number(row.booked)]));
}

/**
 * Call-backs not yet handled (their case not resolved, closed or a duplicate), soonest due first
 * ("as soon as possible" ones at the time they were asked), of the given departments or all.
 */
export async function selectOpenCallbacks(
  db: Kysely<Database>,
  query: { departments?: readonly string[] | undefined } = {},
): Promise<CallbackSummary[]> {
  if (query.departments?.length === 0) return [];
  let select = db
    .selectFrom('callback_requests as r')
    .innerJoin('cases as c', 'c.reference', 'r.case_reference')
    .selectAll('r')
    .where('c.status', 'not in', FINISHED)
    .orderBy('r.due_at')
    .orderBy('r.case_reference')
    .limit(OPEN_LIMIT);
  if (query.departments) select = select.where('r.department', 'in', [...query.departments]);
  const rows = await select.execute();
  return rows.map((row) => ({
    caseReference: row.case_reference,
    department: row.department,
    ...(row.slot_start && row.slot_end
      ? { slot: { start: row.slot_start, end: row.slot_end, available: false } }
      : {}),
    requestedAt: row.requested_at,
    ...(row.name === null ? {} : { name: row.name }),
    phone: row.phone,
    ...(row.note === null ? {} : { note: row.note }),
  }));
}

/** What staff see of a call-back request in the case view; `undefined` for other cases. */
export interface StoredCallback {
  /** `asap` or the chosen slot. */
  when: { asap: true } | { slot: { start: string; end: string } };
  dueAt: string;
  phone: string;
  chatSession: string | null;
}

/** The call-back facts of a case, `undefined` when it is not a call-back request. */
export async function selectCallbackOfCase(
  db: Kysely<Database>,
  reference: string,
): Promise<StoredCallback | undefined> {
  const row = await db
    .selectFrom('callback_requests')
    .selectAll()
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    when:
      row.slot_start && row.slot_end
        ? { slot: { start: row.slot_start, end: row.slot_end } }
        : { asap: true },
    dueAt: row.due_at,
    phone: row.phone,
    chatSession: row.chat_session,
  };
}

/** Call-backs' reads, spread into `reads` in `store/operations.ts`. */
export const callbackReads = {
  'callbacks.open': selectOpenCallbacks,
  'callbacks.booked': selectBookedSlots,
  'callbacks.ofCase': selectCallbackOfCase,
};

/** Call-backs' writes, spread into `writes` in `store/operations.ts`. */
export const callbackWrites = {
  'callbacks.create': createCallback,
};
