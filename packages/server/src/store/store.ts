import type { AdminNotice, Case } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { INBOX_STREAM } from '../agent-cases/streams.js';
import type { Cursor, EventFeed } from '../sse/feed.js';
import type { Notifier } from '../sse/notifier.js';
import { createNotifier } from '../sse/notifier.js';
import { batchCreateCase } from './case-batcher.js';
import type { NewCase } from './cases.js';
import { countCases, selectCase } from './cases.js';
import type { CreateCaseResult } from './create-case.js';
import type { NewEvent } from './events.js';
import { headCursor, readEvents } from './events.js';
import { createCasesTogether } from './group-commit.js';
import type { IdempotencyRecord } from './idempotency.js';
import { deleteExpiredIdempotencyRecords } from './idempotency.js';
import { batchFindIdempotencyRecord } from './key-lookup-batcher.js';
import { migrateToLatest } from './migrations.js';
import { selectCurrentNotices, selectNotice, selectNotices } from './notices.js';
import type { StoreOperations } from './operations.js';
import { runRead, runWrite } from './operations.js';
import type { Database } from './schema.js';

export type { CreateCaseResult } from './create-case.js';

/**
 * Everything the routes need from storage. Routes depend on this, never on a SQL dialect: the
 * embedded store and PostgreSQL are two implementations of it.
 */
export interface Store extends StoreOperations {
  /**
   * Stores the case, its first timeline entry and (when given) the idempotency record in one
   * transaction. When it resolves with `created: true` the case is durably committed.
   */
  createCase(input: NewCase, idempotency?: IdempotencyRecord): Promise<CreateCaseResult>;
  /** The public view of a case. */
  findCase(reference: string): Promise<Case | undefined>;
  /** The live (not expired) idempotency record of a key. */
  findIdempotencyRecord(
    scope: string,
    key: string,
    now: Date,
  ): Promise<IdempotencyRecord | undefined>;
  /** Forgets idempotency records that expired before `now`; returns how many. */
  deleteExpiredIdempotencyRecords(now: Date): Promise<number>;
  countCases(): Promise<number>;
  /**
   * Stores a new or changed notice and appends the events that tell pages about it, in one
   * transaction; subscribers of those streams are notified once it has committed.
   */
  saveNotice(notice: AdminNotice, events: readonly NewEvent[], now: Date): Promise<void>;
  findNotice(id: string): Promise<AdminNotice | undefined>;
  /**
   * The notices not withdrawn and not ended at `now`, and the event log's cursor from before they
   * were read: following the log from there repeats at most a change already seen, never misses one.
   */
  currentNotices(now: Date): Promise<{ notices: AdminNotice[]; cursor: Cursor }>;
  /** Every notice ever published, newest first (administrators). */
  listNotices(): Promise<AdminNotice[]>;
  /** The event log, as the SSE helper reads it. */
  readonly events: EventFeed;
  /** Resolves when the database answers a query; rejects when it does not (readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface KyselyStoreOptions {
  /**
   * Where commits are announced to the streams' subscribers. PostgreSQL passes the one its
   * LISTEN connection also feeds, so events from other instances arrive the same way.
   */
  notifier?: Notifier | undefined;
  /** Told which migrations were applied at open (none when the schema was up to date). */
  onMigrated?: ((names: string[]) => void) | undefined;
}

/**
 * Runs the migrations and returns a `Store` over any Kysely database with our schema. The queries
 * are dialect-neutral; the same code runs on SQLite and PostgreSQL.
 */
export async function createKyselyStore(
  db: Kysely<Database>,
  options: KyselyStoreOptions = {},
): Promise<Store> {
  options.onMigrated?.(await migrateToLatest(db as Kysely<unknown>));
  const notifier = options.notifier ?? createNotifier();
  const write: Store['write'] = async (name, ...args) => {
    const { value, streams } = await runWrite(db, name, args);
    // Committed: this instance's pages hear at once; other instances through NOTIFY (PostgreSQL).
    for (const stream of new Set(streams)) notifier.notify(stream);
    return value as never;
  };
  // Submissions that arrive together share a transaction (and a commit), as on the embedded store.
  const createCase = batchCreateCase((cases) => createCasesTogether(db, cases));
  return {
    async createCase(input, idempotency) {
      const result = await createCase(input, idempotency);
      // Committed with its `case.created` event: the agents' inboxes read it.
      if (result.created) notifier.notify(INBOX_STREAM);
      return result;
    },
    findCase: (reference) => selectCase(db, reference),
    findIdempotencyRecord: batchFindIdempotencyRecord(db),
    deleteExpiredIdempotencyRecords: (now) => deleteExpiredIdempotencyRecords(db, now),
    countCases: () => countCases(db),
    read: (name, ...args) => runRead(db, name, args) as never,
    write,
    saveNotice: (notice, events, now) => write('saveNotice', notice, events, now),
    findNotice: (id) => selectNotice(db, id),
    currentNotices: (now) => selectCurrentNotices(db, now),
    listNotices: () => selectNotices(db),
    events: {
      read: (stream, after, limit) => readEvents(db, stream, after, limit),
      subscribe: (stream, onNotify) => notifier.subscribe(stream, onNotify),
      head: () => headCursor(db),
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
