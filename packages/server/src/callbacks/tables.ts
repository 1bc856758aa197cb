import type { ColumnType, Kysely } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * A call-back request's own facts, one row per call-back case (`cases.channel = 'phone'`). The case
 * row keeps what every case has (status, the phone and name in `message`); this row keeps when to
 * call and what the queue beside the chat lists.
 */
export interface CallbackRequestsTable {
  case_reference: string;
  department: string;
  /** ISO 8601 (UTC): the chosen slot; both null for "as soon as possible". */
  slot_start: Nullable<string>;
  slot_end: Nullable<string>;
  /** When the call is due: the slot's start, or the request's time for "as soon as possible". */
  due_at: string;
  phone: string;
  name: Nullable<string>;
  note: Nullable<string>;
  /** The chat the person was waiting in, when the request came from one. */
  chat_session: Nullable<string>;
  requested_at: string;
}

/**
 * Calls booked per slot: the row a request's transaction updates (`booked < capacity`) to take a
 * place. On PostgreSQL the update locks the row, so two instances booking the last place of a slot
 * at once take it one after the other and the second finds it full; a count of the requests would
 * let both see a free place.
 */
export interface CallbackSlotsTable {
  department: string;
  slot_start: string;
  booked: number;
}

export interface CallbackTables {
  callback_requests: CallbackRequestsTable;
  callback_slots: CallbackSlotsTable;
}

/** Migration `2026-12-03-0013-callbacks`. */
export async function createCallbackTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('callback_requests')
    .addColumn('case_reference', 'text', (col) =>
      col.primaryKey().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('slot_start', 'text')
    .addColumn('slot_end', 'text')
    .addColumn('due_at', 'text', (col) => col.notNull())
    .addColumn('phone', 'text', (col) => col.notNull())
    .addColumn('name', 'text')
    .addColumn('note', 'text')
    .addColumn('chat_session', 'text')
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .execute();
  // The open requests, soonest first (joined to their cases for the status).
  await db.schema
    .createIndex('callback_requests_due')
    .on('callback_requests')
    .columns(['due_at', 'department'])
    .execute();
  await db.schema
    .createTable('callback_slots')
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('slot_start', 'text', (col) => col.notNull())
    .addColumn('booked', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('callback_slots_pk', ['department', 'slot_start'])
    .execute();
}
