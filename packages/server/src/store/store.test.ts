import { afterEach, describe, expect, it } from 'vitest';
import { keyRecord, newCase } from '../test-support/cases.js';
import { noticeText } from '../test-support/notices.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase } from '../test-support/store.js';
import type { Store } from './store.js';

// The Store contract, on the store under test (embedded, or PostgreSQL in the `postgres` project).

const databases: TestDatabase[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});

async function openStore(): Promise<Store> {
  const database = await createTestDatabase();
  databases.push(database);
  const store = await database.open();
  stores.push(store);
  return store;
}

describe('Store.createCase', () => {
  it('answers a reference that is taken with a reference conflict and stores nothing', async () => {
    const store = await openStore();
    expect(await store.createCase(newCase('KC-0000-0001'))).toEqual({ created: true });
    const again = newCase('KC-0000-0001', { topic: 'skolval' });
    expect(await store.createCase(again, keyRecord('k', 'KC-0000-0001'))).toEqual({
      created: false,
      conflict: 'reference',
    });
    expect(await store.countCases()).toBe(1);
    expect((await store.findCase('KC-0000-0001'))?.topic).toBe('parkering');
    // The key of the refused case was not kept either.
    expect(await store.findIdempotencyRecord('gata', 'k', new Date('2025-03-04'))).toBeUndefined();
  });

  it('answers a key that was used with the first answer', async () => {
    const store = await openStore();
    await store.createCase(newCase('KC-0000-0001'), keyRecord('k', 'KC-0000-0001'));
    expect(await store.createCase(newCase('KC-0000-0002'), keyRecord('k', 'KC-0000-0002'))).toEqual(
      { created: false, conflict: 'idempotency_key', record: keyRecord('k', 'KC-0000-0001') },
    );
    expect(await store.countCases()).toBe(1);
  });

  it('finds the records of keys looked up at once, each as of its own time', async () => {
    const store = await openStore();
    await store.createCase(newCase('KC-0000-0001'), keyRecord('a', 'KC-0000-0001'));
    await store.createCase(newCase('KC-0000-0002'), keyRecord('b', 'KC-0000-0002'));
    const [a, b, missing, aLater] = await Promise.all([
      store.findIdempotencyRecord('gata', 'a', new Date('2025-03-04')),
      store.findIdempotencyRecord('gata', 'b', new Date('2025-03-04')),
      store.findIdempotencyRecord('gata', 'c', new Date('2025-03-04')),
      // Expired on 11 March.
      store.findIdempotencyRecord('gata', 'a', new Date('2025-03-12')),
    ]);
    expect(a).toEqual(keyRecord('a', 'KC-0000-0001'));
    expect(b).toEqual(keyRecord('b', 'KC-0000-0002'));
    expect(missing).toBeUndefined();
    expect(aLater).toBeUndefined();
    expect(await store.findIdempotencyRecord('skola', 'a', new Date('2025-03-04'))).toBeUndefined();
  });

  it('answers ping while open', async () => {
    const store = await openStore();
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

describe('Store.read and Store.write', () => {
  it('runs a named write and tells the streams it appended to, then a named read sees it', async () => {
    const store = await openStore();
    const heard: string[] = [];
    const unsubscribe = store.events.subscribe('notices:gata', () => heard.push('notices:gata'));
    const before = await store.read('headCursor');
    const notice = {
      id: 'n_0123456789abcdefghjk',
      title: noticeText('Vatten'),
      text: noticeText('Koka vattnet'),
      severity: 'danger' as const,
      departments: ['gata'],
      startsAt: '2025-03-04T08:00:00.000Z',
      endsAt: null,
      withdrawnAt: null,
      createdAt: '2025-03-04T08:00:00.000Z',
      updatedAt: '2025-03-04T08:00:00.000Z',
    };
    await store.write(
      'saveNotice',
      notice,
      [{ stream: 'notices:gata', type: 'notice.published', data: { id: notice.id } }],
      new Date('2025-03-04T08:00:00Z'),
    );
    unsubscribe();
    // Told at once after the commit (on PostgreSQL perhaps again, when its own NOTIFY comes back
    // before `unsubscribe`: "look again" twice is harmless by design).
    expect(heard[0]).toBe('notices:gata');
    expect(new Set(heard)).toEqual(new Set(['notices:gata']));
    const events = await store.read('readEvents', 'notices:gata', before, 10);
    expect(events.map((event) => event.type)).toEqual(['notice.published']);
  });

  it('refuses a name that is not an operation, and keeps working', async () => {
    const store = await openStore();
    const read = store.read as (name: string) => Promise<unknown>;
    await expect(read('dropEverything')).rejects.toThrow(/Not a read operation/);
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
