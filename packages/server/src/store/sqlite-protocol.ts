import type { NewCase } from './cases.js';
import type { IdempotencyRecord } from './idempotency.js';

/**
 * The messages between the embedded store (main thread) and its worker. Both sides are this
 * package's own code, built together, so the types are the contract; values travel by structured
 * clone (a `Date` stays a `Date`).
 */
export type StoreOperation =
  | { op: 'createCase'; input: NewCase; idempotency?: IdempotencyRecord | undefined }
  | { op: 'findCase'; reference: string }
  | { op: 'findIdempotencyRecord'; scope: string; key: string; now: Date }
  | { op: 'deleteExpiredIdempotencyRecords'; now: Date }
  | { op: 'countCases' }
  | { op: 'findNotice'; id: string }
  | { op: 'currentNotices'; now: Date }
  | { op: 'listNotices' }
  | { op: 'readEvents'; stream: string; after: number; limit: number }
  | { op: 'headCursor' }
  | { op: 'ping' }
  /** An operation of `operations.ts` by name. */
  | { op: 'read'; name: string; args: readonly unknown[] }
  | { op: 'write'; name: string; args: readonly unknown[] }
  | { op: 'close' };

export interface StoreRequest {
  id: number;
  operation: StoreOperation;
}

/** The answer to one request. */
export type StoreReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/**
 * Requests go to the worker, and replies come back, in arrays: everything one side has for the
 * other in one turn of its event loop travels as one message, since under load the cost of a
 * message, not of its size, adds up.
 */
export type WorkerMessage =
  /** The database is open and migrated. */
  | { type: 'ready'; migrated: string[] }
  /** Opening failed; the worker ends. */
  | { type: 'failed'; error: SerializedError }
  | { type: 'replies'; replies: StoreReply[] };

export interface SqliteWorkerData {
  dataDir: string;
}

/** An error as it crosses the thread boundary: `code` (e.g. `SQLITE_FULL`) is kept. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code } = error as { code?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack === undefined ? {} : { stack: error.stack }),
  };
}

export function reviveError(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.code !== undefined) Object.assign(error, { code: serialized.code });
  if (serialized.stack !== undefined) error.stack = serialized.stack;
  return error;
}
