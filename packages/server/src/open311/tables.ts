import type { ColumnType, Kysely } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * What an Open311 client sent beyond the fault report itself, one row per case it filed: which
 * registered client (so staff and the audit can tell), and the fields Open311 has and kontakt's
 * report has not. `media_url` is the only one ever shown again (in `requests`), since the client
 * made it public by sending a URL; `account_id` and `device_id` identify a person at the client
 * and stay here.
 */
export interface Open311RequestsTable {
  case_reference: string;
  client_id: string;
  account_id: Nullable<string>;
  device_id: Nullable<string>;
  media_url: Nullable<string>;
  created_at: string;
}

export interface Open311Tables {
  open311_requests: Open311RequestsTable;
}

/** Migration `2026-12-03-0010-open311`. */
export async function createOpen311Tables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('open311_requests')
    .addColumn('case_reference', 'text', (col) =>
      col.primaryKey().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('client_id', 'text', (col) => col.notNull())
    .addColumn('account_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('media_url', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}
