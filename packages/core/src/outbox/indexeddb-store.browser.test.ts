import { expect } from '@open-wc/testing';
import { createClient } from '../client.js';
import { isNetworkError } from '../errors/NetworkError.js';
import { message, receipt } from '../test-support/samples.js';
import { isReadableEntry } from './entry.js';
import type { OutboxDeliveredEvent } from './events.js';
import { indexedDBStore } from './indexeddb-store.js';
import { mayHoldKeptSubmissions } from './may-hold.js';
import type { CaseOutboxEntry, OutboxEntry, SubmissionOutboxEntry } from './types.js';

const PAGE = 'https://gata.example.se/parkering';
/** A database of its own per test: other test files share this origin's IndexedDB. */
const uniqueName = () => `kontakt-outbox-test-${crypto.randomUUID()}`;
const names = async () => (await indexedDB.databases()).map((info) => info.name);

function entry(endpoint: string, createdAt: string): CaseOutboxEntry {
  return {
    id: crypto.randomUUID(),
    endpoint,
    department: 'gata',
    submission: {
      origin: { department: 'gata', pageUrl: PAGE, widget: 'sdk' },
      message: { ...message, answerLanguage: 'sv', needs: [], photos: [] },
    },
    createdAt,
    attempts: 1,
    nextAttemptAt: createdAt,
  };
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('blocked'));
  });
}

describe('indexedDBStore', () => {
  it('creates no database just to look for entries', async () => {
    const name = uniqueName();
    const store = indexedDBStore({ name });

    expect(await store.list('https://kontakt.example.se')).to.deep.equal([]);
    expect(await store.get('missing')).to.equal(undefined);
    await store.delete('missing');
    expect(await names()).not.to.include(name);
  });

  it('creates no database to look, even where indexedDB.databases() is missing', async () => {
    const name = uniqueName();
    const factory = Object.create(indexedDB, { databases: { value: undefined } }) as IDBFactory;
    // Methods of the real factory need the real `this`.
    factory.open = indexedDB.open.bind(indexedDB);
    const store = indexedDBStore({ name, indexedDB: factory });

    expect(await store.list('https://kontakt.example.se')).to.deep.equal([]);
    expect(await names()).not.to.include(name);
  });

  it('keeps entries per endpoint, oldest first, and forgets deleted ones', async () => {
    const name = uniqueName();
    const store = indexedDBStore({ name });
    const newer = entry('https://a.example.se', '2026-11-23T10:00:00.000Z');
    const older = entry('https://a.example.se', '2026-11-23T09:00:00.000Z');
    const elsewhere = entry('https://b.example.se', '2026-11-23T08:00:00.000Z');
    await store.put(newer);
    await store.put(older);
    await store.put(elsewhere);

    expect(await names()).to.include(name);
    expect(await store.list('https://a.example.se')).to.deep.equal([older, newer]);
    expect(await store.get(elsewhere.id)).to.deep.equal(elsewhere);
    await store.delete(older.id);
    expect(await store.list('https://a.example.se')).to.deep.equal([newer]);
    await deleteDatabase(name);
  });

  it('still has the entries after a reload (a new store on the same database)', async () => {
    const name = uniqueName();
    const kept = entry('https://a.example.se', new Date().toISOString());
    await indexedDBStore({ name }).put(kept);

    expect(await indexedDBStore({ name }).list('https://a.example.se')).to.deep.equal([kept]);
    await deleteDatabase(name);
  });

  it('keeps the photos of an entry, those to upload and those uploaded by id, as Blobs', async () => {
    const name = uniqueName();
    const jpeg = (bytes: number[]) => new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' });
    const id = 'photo-0001-abcdefghijklmnop';
    const kept: OutboxEntry = {
      ...entry('https://a.example.se', new Date().toISOString()),
      submission: {
        origin: { department: 'gata', pageUrl: PAGE, widget: 'sdk' },
        message: { ...message, answerLanguage: 'sv', needs: [], photos: [id] },
      },
      photos: [jpeg([0xff, 0xd8, 1])],
      uploaded: { [id]: jpeg([0xff, 0xd8, 2, 3]) },
    };
    await indexedDBStore({ name }).put(kept);

    const [read] = (await indexedDBStore({ name }).list('https://a.example.se')) as [
      SubmissionOutboxEntry?,
    ];
    expect(isReadableEntry(read)).to.equal(true);
    const bytes = async (blob: Blob | undefined) =>
      blob ? [...new Uint8Array(await blob.arrayBuffer())] : undefined;
    expect(await bytes(read?.photos?.[0])).to.deep.equal([0xff, 0xd8, 1]);
    expect(await bytes(read?.uploaded?.[id])).to.deep.equal([0xff, 0xd8, 2, 3]);
    await deleteDatabase(name);
  });

  it('lets another tab delete or upgrade the database instead of blocking it', async () => {
    const name = uniqueName();
    const store = indexedDBStore({ name });
    await store.put(entry('https://a.example.se', new Date().toISOString()));

    await deleteDatabase(name);
    expect(await store.list('https://a.example.se')).to.deep.equal([]);
  });

  it('keeps a submission made offline and delivers it once the network is back', async () => {
    const name = uniqueName();
    let online = false;
    const requests: Request[] = [];
    const fetchStub = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push(request);
      if (!online) throw new TypeError('Failed to fetch');
      return Response.json(receipt, { status: 201 });
    };
    const client = createClient({
      endpoint: `https://kontakt-${crypto.randomUUID()}.example.se`,
      department: 'gata',
      pageUrl: () => PAGE,
      fetch: fetchStub as typeof fetch,
      retry: 0,
      outbox: indexedDBStore({ name }),
    });

    const error = await client.cases.submit(message).catch((e: unknown) => e);
    expect(isNetworkError(error)).to.equal(true);
    const id = (error as { queued?: { id: string } }).queued?.id;
    expect((await client.outbox.pending()).map((kept) => kept.id)).to.deep.equal([id]);

    online = true;
    const delivered = new Promise<OutboxDeliveredEvent>((resolve) =>
      client.outbox.addEventListener('delivered', resolve, { once: true }),
    );
    window.dispatchEvent(new Event('online'));
    const event = await delivered;

    expect(event.entry.id).to.equal(id);
    expect(event.receipt).to.deep.equal(receipt);
    expect(requests.map((request) => request.headers.get('idempotency-key'))).to.deep.equal([
      id,
      id,
    ]);
    expect(await client.outbox.pending()).to.deep.equal([]);
    // Nothing is kept longer than needed: the database went with its last entry.
    expect(await names()).not.to.include(name);
  });

  it('deletes its database when the last entry is deleted, and only then', async () => {
    const name = uniqueName();
    const store = indexedDBStore({ name });
    const one = entry('https://a.example.se', '2026-11-23T09:00:00.000Z');
    const two = entry('https://b.example.se', '2026-11-23T10:00:00.000Z');
    await store.put(one);
    await store.put(two);

    await store.delete(one.id);
    expect(await names()).to.include(name);
    await store.delete(two.id);
    expect(await names()).not.to.include(name);

    // Needed again, it is created again.
    await store.put(one);
    expect(await store.list('https://a.example.se')).to.deep.equal([one]);
    await deleteDatabase(name);
  });

  it('keeps an entry another tab adds while the last one is being deleted', async () => {
    // The other tab's put starts a little later each round, to land in every step of the deletion.
    for (let round = 0; round < 12; round++) {
      const name = uniqueName();
      const last = entry('https://a.example.se', '2026-11-23T09:00:00.000Z');
      const added = entry('https://a.example.se', '2026-11-23T10:00:00.000Z');
      // Two stores on one database: two tabs, or two copies of the SDK on one page.
      const thisTab = indexedDBStore({ name });
      const otherTab = indexedDBStore({ name });
      await thisTab.put(last);
      await otherTab.list('https://a.example.se');

      const deleting = thisTab.delete(last.id);
      for (let hop = 0; hop < round; hop++) await new Promise((resolve) => setTimeout(resolve));
      await Promise.all([deleting, otherTab.put(added)]);
      expect(await indexedDBStore({ name }).list('https://a.example.se')).to.deep.equal([added]);
      await deleteDatabase(name);
    }
  });

  it('deletes an empty database an earlier page left when it looks for entries', async () => {
    const name = uniqueName();
    const kept = entry('https://a.example.se', '2026-11-23T09:00:00.000Z');
    await indexedDBStore({ name }).put(kept);
    await removeBehindTheStoresBack(name, kept.id);
    expect(await names()).to.include(name);

    expect(await indexedDBStore({ name }).list('https://b.example.se')).to.deep.equal([]);
    expect(await names()).not.to.include(name);
  });
});

/** Deletes an entry the way an older version (or a tab closed at the wrong moment) left it. */
function removeBehindTheStoresBack(name: string, id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction('entries', 'readwrite');
      transaction.objectStore('entries').delete(id);
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

describe('mayHoldKeptSubmissions', () => {
  it('tells whether an outbox holds anything without opening or creating its database', async () => {
    const name = uniqueName();
    const store = indexedDBStore({ name });
    expect(await mayHoldKeptSubmissions(name)).to.equal(false);
    const kept = entry('https://kontakt.example.se', '2026-11-23T09:00:00.000Z');
    await store.put(kept);
    expect(await mayHoldKeptSubmissions(name)).to.equal(true);
    await store.delete(kept.id);
    expect(await mayHoldKeptSubmissions(name)).to.equal(false);
    expect(await names()).not.to.include(name);
  });
});
