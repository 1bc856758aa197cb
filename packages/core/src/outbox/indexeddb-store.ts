import { exclusive } from './lock.js';
import { DEFAULT_OUTBOX_DATABASE } from './may-hold.js';
import type { OutboxEntry, OutboxStore } from './types.js';

const OBJECT_STORE = 'entries';
const ENDPOINT_INDEX = 'endpoint';

export interface IndexedDBStoreOptions {
  /** Database name. Default `'kontakt-outbox'`. */
  name?: string;
  /** The IndexedDB factory to use. Default `globalThis.indexedDB`, read when first needed. */
  indexedDB?: IDBFactory;
}

/**
 * Keeps outbox entries in IndexedDB so they survive a reload or a closed tab: the default in
 * browsers. Following ePrivacy, nothing is stored longer than needed: the database is created
 * only when the first entry must be kept (looking for entries never creates it), and it is
 * deleted again as soon as its last entry is gone.
 *
 * @since 0.1.0
 */
export function indexedDBStore(options: IndexedDBStoreOptions = {}): OutboxStore {
  const name = options.name ?? DEFAULT_OUTBOX_DATABASE;
  const factory = () => options.indexedDB ?? globalThis.indexedDB;
  // Writers and the deleter take turns across tabs: a put in another tab between "it is empty"
  // and the deletion would otherwise be deleted with the database.
  const lockName = `kontakt-outbox-db:${name}`;
  let db: IDBDatabase | undefined;
  let opening: Promise<IDBDatabase | undefined> = Promise.resolve(undefined);

  /** The open database, or `undefined` when it does not exist and `create` is false. */
  const database = (create: boolean): Promise<IDBDatabase | undefined> => {
    if (db) return Promise.resolve(db);
    // One open at a time, so concurrent calls share a connection instead of racing to create it.
    opening = opening
      .catch(() => undefined)
      .then(async () => {
        if (db) return db;
        if (!create && !(await mayExist(factory(), name))) return undefined;
        const opened = await openDatabase(factory(), name, create, () => {
          if (db === opened) db = undefined;
        });
        db = opened;
        return db;
      });
    return opening;
  };

  /** Deletes the database when it holds no entries; call holding the lock. */
  const deleteIfEmpty = async (): Promise<void> => {
    const open = await database(false);
    if (!open) return;
    // Counted again under the lock: the caller's view may be out of date.
    if ((await run<number>(open, 'readonly', (store) => store.count())) > 0) return;
    if (db === open) db = undefined;
    open.close();
    await deleteDatabase(factory(), name);
  };

  /** Best effort: an entry is gone whether or not its empty database could be deleted too. */
  const cleanUp = () => exclusive(lockName, deleteIfEmpty).catch(() => undefined);

  return {
    channel: `kontakt-outbox:${name}`,
    async list(endpoint) {
      const open = await database(false);
      if (!open) return [];
      const entries = await run<OutboxEntry[]>(open, 'readonly', (store) =>
        store.index(ENDPOINT_INDEX).getAll(endpoint),
      );
      // An empty database may be left over (a tab closed at the wrong moment, an older version).
      if (entries.length === 0) await cleanUp();
      return entries.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },
    async get(id) {
      const open = await database(false);
      return open && run<OutboxEntry | undefined>(open, 'readonly', (store) => store.get(id));
    },
    put(entry) {
      return exclusive(lockName, async () => {
        const open = await database(true);
        if (!open) throw new Error('IndexedDB is not available.');
        await run(open, 'readwrite', (store) => store.put(entry));
      });
    },
    async delete(id) {
      const open = await database(false);
      if (!open) return;
      const left = await run<number>(open, 'readwrite', (store) => {
        store.delete(id);
        return store.count();
      });
      if (left === 0) await cleanUp();
    },
  };
}

/**
 * Deletes a database. Resolves once it is gone, or once only other connections hold it up: they
 * close on `versionchange`, and anything opened meanwhile waits until the deletion is done.
 */
function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** `indexedDB.databases()` answers without creating anything; where it is missing, assume maybe. */
async function mayExist(factory: IDBFactory, name: string): Promise<boolean> {
  if (typeof factory.databases !== 'function') return true;
  const databases = await factory.databases();
  return databases.some((info) => info.name === name);
}

function openDatabase(
  factory: IDBFactory,
  name: string,
  create: boolean,
  onClosed: () => void,
): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    // Without a version, opening an existing database never upgrades it; opening a missing one
    // starts an upgrade from version 0, which we abort when we only wanted to look.
    const request = create ? factory.open(name, 1) : factory.open(name);
    let aborted = false;
    request.onupgradeneeded = (event) => {
      if (!create && event.oldVersion === 0) {
        aborted = true;
        request.transaction?.abort();
        return;
      }
      const store = request.result.createObjectStore(OBJECT_STORE, { keyPath: 'id' });
      store.createIndex(ENDPOINT_INDEX, 'endpoint');
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let another tab upgrade or delete the database instead of blocking it.
      db.onversionchange = () => {
        db.close();
        onClosed();
      };
      db.onclose = onClosed;
      resolve(db);
    };
    request.onerror = (event) => {
      if (aborted) {
        event.preventDefault();
        resolve(undefined);
      } else {
        reject(request.error);
      }
    };
    request.onblocked = () => reject(new Error(`IndexedDB database "${name}" is blocked.`));
  });
}

/** Runs one request in its own transaction; resolves once the transaction has committed. */
function run<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  makeRequest: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  return new Promise((resolve, reject) => {
    // An entry is a citizen's message: make sure it is on disk before we say it is kept.
    const transaction = db.transaction(OBJECT_STORE, mode, { durability: 'strict' });
    const request = makeRequest(transaction.objectStore(OBJECT_STORE));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = () => reject(transaction.error ?? request.error);
    transaction.onabort = () =>
      reject(transaction.error ?? new Error('IndexedDB transaction aborted.'));
  });
}
