import type { CaseSubmission } from '../schemas/index.js';

/**
 * A submission that could not be sent yet. Everything needed to send it again is kept, including
 * the idempotency key (`id`), so a resend is recognised by the server as the same request.
 */
export interface OutboxEntry {
  /** The `Idempotency-Key` the submission was first sent with. */
  id: string;
  /** The server it is meant for (`ClientOptions.endpoint`, normalised). */
  endpoint: string;
  department: string;
  /** The exact body sent the first time; resent unchanged. */
  submission: CaseSubmission;
  /** ISO 8601 time it was first tried. */
  createdAt: string;
  /** How many times sending has failed so far. */
  attempts: number;
  /** ISO 8601 time of the next automatic try. */
  nextAttemptAt: string;
  /**
   * ISO 8601 time after which it is no longer sent but removed, with a `failed` event
   * (`ClientOptions.outboxMaxAge` after `createdAt`). Entries without it expire 7 days after
   * `createdAt`.
   */
  expiresAt?: string;
}

/**
 * Where outbox entries are kept. Implement it to keep them elsewhere (e.g. a test double or an
 * app's own storage); `memoryStore()` and `indexedDBStore()` ship with the SDK.
 */
export interface OutboxStore {
  /** Entries for one endpoint, oldest first. Must not create storage just to look. */
  list(endpoint: string): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}
