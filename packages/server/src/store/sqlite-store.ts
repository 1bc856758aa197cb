import { Worker } from 'node:worker_threads';
import type { AdminNotice, Case } from '@kontakt/core/schemas';
import { INBOX_STREAM } from '../agent-cases/streams.js';
import type { Cursor, StoredEvent } from '../sse/feed.js';
import { createNotifier } from '../sse/notifier.js';
import type { CreateCaseResult } from './create-case.js';
import type { IdempotencyRecord } from './idempotency.js';
import type { Written } from './operations.js';
import type {
  SqliteWorkerData,
  StoreOperation,
  StoreReply,
  StoreRequest,
  WorkerMessage,
} from './sqlite-protocol.js';
import { reviveError } from './sqlite-protocol.js';
import { assertEmbeddedStoreRuns } from './sqlite-support.js';
import type { Store } from './store.js';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/**
 * Opens the embedded store in `dataDir` (`kontakt.sqlite`, WAL, `synchronous=FULL`) in a worker
 * thread of its own and resolves once it is migrated. Submissions that arrive together are
 * committed together (see `sqlite-worker.ts`); every `createCase` resolves only after its
 * transaction is durably committed, and the event loop never waits on the disk.
 */
export async function openSqliteStore(
  dataDir: string,
  options: { onMigrated?: (names: string[]) => void } = {},
): Promise<Store> {
  // Here, not only in the worker (`createSqliteDatabase` checks too, for its direct callers): an
  // error crosses the thread as a plain `Error`, and `main.ts` needs this class to say it in one
  // sentence and exit 69.
  assertEmbeddedStoreRuns();
  const worker = await startWorker({ dataDir });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let stopped: Error | undefined;
  let closing: Promise<void> | undefined;

  const ready = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        options.onMigrated?.(message.migrated);
        resolve();
      } else if (message.type === 'failed') reject(reviveError(message.error));
      else for (const reply of message.replies) settle(reply);
    });
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) =>
      reject(new Error(`The embedded store's worker exited (${code})`)),
    );
  });
  const stop = (error: Error) => {
    stopped ??= error;
    for (const { reject } of waiting.values()) reject(stopped);
    waiting.clear();
  };
  worker.once('error', (error) => stop(error));
  worker.once('exit', () => stop(new Error('The embedded store is closed')));

  function settle(reply: StoreReply): void {
    const entry = waiting.get(reply.id);
    if (!entry) return;
    waiting.delete(reply.id);
    // An idle worker must not keep the process alive; one with work in flight (or closing) must.
    if (waiting.size === 0 && !closing) worker.unref();
    if (reply.ok) entry.resolve(reply.value);
    else entry.reject(reviveError(reply.error));
  }

  // The requests of one turn of the event loop go to the worker as one message.
  let outgoing: StoreRequest[] = [];
  const flush = () => {
    const requests = outgoing;
    outgoing = [];
    worker.postMessage(requests);
  };

  function call<T>(operation: StoreOperation): Promise<T> {
    if (stopped) return Promise.reject(stopped);
    const id = nextId++;
    if (waiting.size === 0) worker.ref();
    if (outgoing.length === 0) setImmediate(flush);
    outgoing.push({ id, operation });
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
  }

  try {
    await ready;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();

  // One process writes this file, so commits are announced in-process (no LISTEN/NOTIFY needed).
  const notifier = createNotifier();
  const write: Store['write'] = async (name, ...args) => {
    const { value, streams } = await call<Written<never>>({ op: 'write', name, args });
    // Committed: the streams' subscribers read the new events.
    for (const stream of new Set(streams)) notifier.notify(stream);
    return value;
  };
  return {
    async createCase(input, idempotency) {
      const result = await call<CreateCaseResult>({ op: 'createCase', input, idempotency });
      // Committed with its `case.created` event: the agents' inboxes read it.
      if (result.created) notifier.notify(INBOX_STREAM);
      return result;
    },
    findCase: (reference) => call<Case | undefined>({ op: 'findCase', reference }),
    findIdempotencyRecord: (scope, key, now) =>
      call<IdempotencyRecord | undefined>({ op: 'findIdempotencyRecord', scope, key, now }),
    deleteExpiredIdempotencyRecords: (now) =>
      call<number>({ op: 'deleteExpiredIdempotencyRecords', now }),
    countCases: () => call<number>({ op: 'countCases' }),
    read: (name, ...args) => call<never>({ op: 'read', name, args }),
    write,
    saveNotice: (notice, events, now) => write('saveNotice', notice, events, now),
    findNotice: (id) => call<AdminNotice | undefined>({ op: 'findNotice', id }),
    currentNotices: (now) =>
      call<{ notices: AdminNotice[]; cursor: Cursor }>({ op: 'currentNotices', now }),
    listNotices: () => call<AdminNotice[]>({ op: 'listNotices' }),
    events: {
      read: (stream, after, limit) =>
        call<StoredEvent[]>({ op: 'readEvents', stream, after, limit }),
      subscribe: (stream, onNotify) => notifier.subscribe(stream, onNotify),
      head: () => call<Cursor>({ op: 'headCursor' }),
    },
    ping: () => call<void>({ op: 'ping' }),
    close() {
      closing ??= (async () => {
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        await call<void>({ op: 'close' });
        // Referenced until it has exited, or the process could end first (nothing else left).
        await exited;
      })();
      return closing;
    },
  };
}

/**
 * The worker runs `sqlite-worker.js` beside this file in `dist`; from TypeScript source, a bundle
 * of `sqlite-worker.ts` made on the fly (`sqlite-worker-source.ts`).
 */
async function startWorker(workerData: SqliteWorkerData): Promise<Worker> {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./sqlite-worker.js', import.meta.url), { workerData });
  }
  // Not a literal specifier, so the build does not pull the dev-only helper (and esbuild) in.
  const helper: string = './sqlite-worker-source.ts';
  const { sqliteWorkerFromSource } = (await import(
    helper
  )) as typeof import('./sqlite-worker-source.js');
  return new Worker(await sqliteWorkerFromSource(), { workerData });
}
