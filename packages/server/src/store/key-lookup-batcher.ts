import type { Kysely } from 'kysely';
import type { IdempotencyRecord } from './idempotency.js';
import { selectIdempotencyRecordsOf } from './idempotency.js';
import type { Database } from './schema.js';

interface Lookup {
  scope: string;
  key: string;
  now: Date;
  resolve: (record: IdempotencyRecord | undefined) => void;
  reject: (error: unknown) => void;
}

/** Keys looked up with one query; more wait for the next. */
const KEYS_PER_QUERY = 200;

/**
 * The lookups of an `Idempotency-Key` that the route makes before each keyed submission, batched
 * as `batchCreateCase` batches the submissions: the lookups of one event-loop turn are one query
 * (on PostgreSQL a round trip each adds up). Each answer is the record unless it expired at that
 * caller's `now`.
 */
export function batchFindIdempotencyRecord(
  db: Kysely<Database>,
): (scope: string, key: string, now: Date) => Promise<IdempotencyRecord | undefined> {
  const waiting: Lookup[] = [];
  const flush = () => {
    const lookups = waiting.splice(0, KEYS_PER_QUERY);
    if (waiting.length > 0) setImmediate(flush);
    selectIdempotencyRecordsOf(db, lookups).then(
      (records) => {
        const byKey = new Map(records.map((record) => [`${record.scope}\n${record.key}`, record]));
        for (const { scope, key, now, resolve } of lookups) {
          const record = byKey.get(`${scope}\n${key}`);
          resolve(record && record.expiresAt > now.toISOString() ? record : undefined);
        }
      },
      (error: unknown) => {
        for (const { reject } of lookups) reject(error);
      },
    );
  };
  return (scope, key, now) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ scope, key, now, resolve, reject });
    });
}
