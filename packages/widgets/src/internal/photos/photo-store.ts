/*
 * The photos of a draft (a fault report's, a contact message's), kept so that they survive a
 * reload with the rest of the draft (which is in `sessionStorage` and names them by id). Blobs do
 * not fit in `sessionStorage`, so they are in IndexedDB. Nothing is opened until the person adds a
 * photo or a draft names one; storage that fails is ignored (the form works without a kept photo).
 */

/** Named when only fault reports had photos; kept so that drafts of that time are still found. */
const DB = 'kontakt-fault-photos';
const STORE = 'photos';
/** A kept photo nobody came back for is removed after this long. */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

interface Kept {
  id: string;
  blob: Blob;
  savedAt: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => IDBRequest<T> | undefined,
): Promise<T | undefined> {
  const db = await open();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request?.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** Keeps a photo under `id`. */
export async function keepPhoto(id: string, blob: Blob): Promise<void> {
  try {
    await run('readwrite', (store) => store.put({ id, blob, savedAt: Date.now() } satisfies Kept));
  } catch {
    // Full or blocked storage: the photo is still in the page, just not kept for a reload.
  }
}

/** The kept photos with these ids, in that order (missing ones left out). */
export async function keptPhotos(
  ids: readonly string[],
): Promise<Array<{ id: string; blob: Blob }>> {
  if (!ids.length || typeof indexedDB === 'undefined') return [];
  try {
    const all = (await run('readonly', (store) => store.getAll())) as Kept[] | undefined;
    const byId = new Map((all ?? []).map((kept) => [kept.id, kept]));
    void forgetOld(all ?? []);
    return ids.flatMap((id) => {
      const kept = byId.get(id);
      return kept?.blob instanceof Blob ? [{ id, blob: kept.blob }] : [];
    });
  } catch {
    return [];
  }
}

/** Forgets kept photos (removed, sent, or the draft cleared). */
export async function forgetPhotos(ids: readonly string[]): Promise<void> {
  if (!ids.length || typeof indexedDB === 'undefined') return;
  try {
    await run('readwrite', (store) => {
      for (const id of ids) store.delete(id);
      return undefined;
    });
  } catch {
    // Nothing to remove where storage cannot be used.
  }
}

async function forgetOld(all: readonly Kept[]): Promise<void> {
  const old = all.filter((kept) => Date.now() - kept.savedAt > MAX_AGE_MS).map((kept) => kept.id);
  await forgetPhotos(old);
}
