import type { Kysely } from 'kysely';
import type { Database, IdempotencyRow } from './schema.js';

/** The stored first answer to a request that carried an `Idempotency-Key`. */
export interface IdempotencyRecord {
  scope: string;
  key: string;
  /** SHA-256 (hex) of the canonical request body. */
  requestHash: string;
  status: number;
  /** The exact response body sent the first time. */
  body: string;
  caseReference?: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; after this the key may be used again. */
  expiresAt: string;
}

/** The record for a key, unless it has expired at `now`. */
export async function selectIdempotencyRecord(
  db: Kysely<Database>,
  scope: string,
  key: string,
  now: Date,
): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row && toRecord(row);
}

/**
 * The records of many keys in one query, expired ones too (the caller compares `expiresAt` with
 * its own `now`). `keys` must be short enough for one statement (a few hundred).
 */
export async function selectIdempotencyRecordsOf(
  db: Kysely<Database>,
  keys: readonly { scope: string; key: string }[],
): Promise<IdempotencyRecord[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where((eb) =>
      eb.or(keys.map(({ scope, key }) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))),
    )
    .execute();
  return rows.map(toRecord);
}

function toRecord(row: IdempotencyRow): IdempotencyRecord {
  return {
    scope: row.scope,
    key: row.key,
    requestHash: row.request_hash,
    status: row.response_status,
    body: row.response_body,
    ...(row.case_reference === null ? {} : { caseReference: row.case_reference }),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

/** Stores a first answer. Run it in the transaction that made the answer true. */
export async function insertIdempotencyRecord(
  db: Kysely<Database>,
  record: IdempotencyRecord,
): Promise<void> {
  await insertIdempotencyRecords(db, [record]);
}

/** Stores many first answers in one statement (a group commit's keys). */
export async function insertIdempotencyRecords(
  db: Kysely<Database>,
  records: readonly IdempotencyRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('idempotency_keys')
    .values(
      records.map((record) => ({
        scope: record.scope,
        key: record.key,
        request_hash: record.requestHash,
        response_status: record.status,
        response_body: record.body,
        case_reference: record.caseReference ?? null,
        created_at: record.createdAt,
        expires_at: record.expiresAt,
      })),
    )
    .execute();
}

/**
 * Whether any of these keys has a record still live at `now` (one query for a group of keys).
 * `keys` must be short enough for one statement (a few hundred).
 */
export async function anyLiveIdempotencyRecord(
  db: Kysely<Database>,
  keys: readonly { scope: string; key: string }[],
  now: Date,
): Promise<boolean> {
  if (keys.length === 0) return false;
  const row = await db
    .selectFrom('idempotency_keys')
    .select('key')
    .where('expires_at', '>', now.toISOString())
    .where((eb) =>
      eb.or(keys.map(({ scope, key }) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes the records of these keys that expired by `now` (one statement for a group). */
export async function deleteExpiredRecordsOf(
  db: Kysely<Database>,
  keys: readonly { scope: string; key: string }[],
  now: Date,
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .deleteFrom('idempotency_keys')
    .where('expires_at', '<=', now.toISOString())
    .where((eb) =>
      eb.or(keys.map(({ scope, key }) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))),
    )
    .execute();
}

/** Removes expired records (all, or those of one key) and says how many went. */
export async function deleteExpiredIdempotencyRecords(
  db: Kysely<Database>,
  now: Date,
  only?: { scope: string; key: string },
): Promise<number> {
  let query = db.deleteFrom('idempotency_keys').where('expires_at', '<=', now.toISOString());
  if (only) query = query.where('scope', '=', only.scope).where('key', '=', only.key);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
