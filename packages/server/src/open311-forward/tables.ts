import type { ColumnType, Kysely } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * A fault report forwarded (or on its way) to a department's own Open311 system, one row per
 * case: queued in the transaction that stores the report, claimed by one forwarder at a time
 * (a lease, as the mail outbox's), and afterwards what the poller last heard from upstream.
 */
export interface Open311ForwardsTable {
  case_reference: string;
  department: string;
  category: string;
  /**
   * `queued` (to POST), `sending` (claimed), `awaiting_id` (upstream answered a token; its id is
   * asked for), `forwarded` (upstream has it: polled while open), `failed` (given up; the agents
   * were told), `done` (upstream closed it: no longer polled).
   */
  state: string;
  /** Attempts started (POSTs and token look-ups). */
  attempts: number;
  /** When the forwarder should look at it next (`null` once forwarded or failed). */
  due_at: Nullable<string>;
  /** The claim that holds it while `sending`. */
  lease_owner: Nullable<string>;
  last_error: Nullable<string>;
  /** Upstream's token (`POST requests` answered one instead of an id). */
  token: Nullable<string>;
  /** Upstream's `service_request_id`. */
  service_request_id: Nullable<string>;
  /** What upstream last said (`open` / `closed` and its notes), to tell a change. */
  upstream_status: Nullable<string>;
  upstream_notes: Nullable<string>;
  created_at: string;
  updated_at: string;
}

/** When each forwarded category was last polled, and which instance holds the poll. */
export interface Open311ForwardPollsTable {
  /** `<department>.<category>` */
  key: string;
  owner: string;
  /** The next poll is due then; whoever moves it forward first polls. */
  next_at: string;
}

export interface Open311ForwardTables {
  open311_forwards: Open311ForwardsTable;
  open311_forward_polls: Open311ForwardPollsTable;
}

/** Migration `2026-12-03-0011-open311-forward`. */
export async function createOpen311ForwardTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_forwards')
    .addColumn('case_reference', 'text', (col) =>
      col.primaryKey().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('due_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('last_error', 'text')
    .addColumn('token', 'text')
    .addColumn('service_request_id', 'text')
    .addColumn('upstream_status', 'text')
    .addColumn('upstream_notes', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The forwarder's "what is due" and the poller's "open forwards of this category".
  await db.schema
    .createIndex('open311_forwards_due')
    .on('open311_forwards')
    .column('due_at')
    .execute();
  await db.schema
    .createIndex('open311_forwards_polled')
    .on('open311_forwards')
    .columns(['department', 'category', 'state', 'case_reference'])
    .execute();
  await db.schema
    .createTable('open311_forward_polls')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('next_at', 'text', (col) => col.notNull())
    .execute();
}
