/**
 * The embedded store's worker thread: it owns the SQLite connection, so no request waits on the
 * disk on the server's event loop (better-sqlite3 is synchronous: a commit blocks its thread for
 * the fsync). Operations arrive as messages (`sqlite-protocol.ts`) and run through the same Kysely
 * queries as PostgreSQL.
 *
 * Group commit: the worker takes every message that arrived while it was busy and commits all the
 * `createCase`s among them in one transaction (`createCasesTogether`: a savepoint each, one fsync),
 * then answers each. While that commit runs, new submissions queue up for the next group, so the
 * groups grow with the load and the disk sees one commit per group instead of one per case.
 *
 * Reads run on the same connection, before the group's writes. A separate read-only connection
 * would not help: this thread does one thing at a time, so a read would still wait for the commit
 * under way; only a second thread would avoid that, and reads here are few (an idempotency lookup
 * per keyed submission, status lookups) and wait at most one commit (a few milliseconds). WAL
 * already keeps other processes' readers (backups, the CLI) from blocking on our writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { countCases, selectCase } from './cases.js';
import { headCursor, readEvents } from './events.js';
import type { PendingCase } from './group-commit.js';
import { createCasesTogether } from './group-commit.js';
import { deleteExpiredIdempotencyRecords, selectIdempotencyRecord } from './idempotency.js';
import { migrateToLatest } from './migrations.js';
import { selectCurrentNotices, selectNotice, selectNotices } from './notices.js';
import { runRead, runWrite } from './operations.js';
import type { Database } from './schema.js';
import { createSqliteDatabase } from './sqlite.js';
import type {
  SqliteWorkerData,
  StoreOperation,
  StoreReply,
  StoreRequest,
  WorkerMessage,
} from './sqlite-protocol.js';
import { serializeError } from './sqlite-protocol.js';

if (!parentPort) throw new Error('sqlite-worker runs in a worker thread');
const port = parentPort;
const post = (message: WorkerMessage) => port.postMessage(message);

const db = await open((workerData as SqliteWorkerData).dataDir);
if (db) serve(db);

async function open(dataDir: string): Promise<Kysely<Database> | undefined> {
  let db: Kysely<Database> | undefined;
  try {
    db = createSqliteDatabase(dataDir);
    const migrated = await migrateToLatest(db as Kysely<unknown>);
    post({ type: 'ready', migrated });
    return db;
  } catch (error) {
    await db?.destroy().catch(() => {});
    post({ type: 'failed', error: serializeError(error) });
    port.close();
    return undefined;
  }
}

function serve(db: Kysely<Database>): void {
  const queue: StoreRequest[] = [];
  let draining = false;
  port.on('message', (requests: StoreRequest[]) => {
    queue.push(...requests);
    if (!draining) {
      draining = true;
      // setImmediate lets every message that has already arrived be queued first.
      setImmediate(drain);
    }
  });

  async function drain(): Promise<void> {
    const batch = queue.splice(0);
    const writes = batch.filter((request) => request.operation.op === 'createCase');
    const close = batch.find((request) => request.operation.op === 'close');
    // Reads are answered before the group commits, so they never wait for its fsync.
    const answers: StoreReply[] = [];
    for (const request of batch) {
      if (request.operation.op === 'createCase' || request.operation.op === 'close') continue;
      answers.push(await answer(request.id, () => run(db, request.operation)));
    }
    if (answers.length > 0) post({ type: 'replies', replies: answers });
    if (writes.length > 0) post({ type: 'replies', replies: await commit(db, writes) });
    if (close) {
      await db.destroy();
      post({ type: 'replies', replies: [{ id: close.id, ok: true, value: undefined }] });
      port.close();
      return;
    }
    if (queue.length > 0) setImmediate(drain);
    else draining = false;
  }
}

async function commit(db: Kysely<Database>, writes: StoreRequest[]): Promise<StoreReply[]> {
  const cases = writes.map(({ operation }) => {
    const { input, idempotency } = operation as Extract<StoreOperation, { op: 'createCase' }>;
    return { input, idempotency } satisfies PendingCase;
  });
  try {
    const outcomes = await createCasesTogether(db, cases);
    return outcomes.map((outcome, index) => {
      const { id } = writes[index] as StoreRequest;
      return outcome.ok
        ? { id, ok: true, value: outcome.result }
        : { id, ok: false, error: serializeError(outcome.error) };
    });
  } catch (error) {
    // The commit itself failed: nothing of the group is stored.
    return writes.map(({ id }) => ({ id, ok: false, error: serializeError(error) }));
  }
}

async function answer(id: number, run: () => Promise<unknown>): Promise<StoreReply> {
  try {
    return { id, ok: true, value: await run() };
  } catch (error) {
    return { id, ok: false, error: serializeError(error) };
  }
}

function run(db: Kysely<Database>, operation: StoreOperation): Promise<unknown> {
  switch (operation.op) {
    case 'findCase':
      return selectCase(db, operation.reference);
    case 'findIdempotencyRecord':
      return selectIdempotencyRecord(db, operation.scope, operation.key, operation.now);
    case 'deleteExpiredIdempotencyRecords':
      return deleteExpiredIdempotencyRecords(db, operation.now);
    case 'countCases':
      return countCases(db);
    case 'ping':
      return sql`select 1`.execute(db).then(() => undefined);
    case 'read':
      return runRead(db, operation.name, operation.args);
    case 'write':
      return runWrite(db, operation.name, operation.args);
    case 'findNotice':
      return selectNotice(db, operation.id);
    case 'currentNotices':
      return selectCurrentNotices(db, operation.now);
    case 'listNotices':
      return selectNotices(db);
    case 'readEvents':
      return readEvents(db, operation.stream, operation.after, operation.limit);
    case 'headCursor':
      return headCursor(db);
    default:
      return Promise.reject(new Error(`Not an operation for this worker: ${operation.op}`));
  }
}
