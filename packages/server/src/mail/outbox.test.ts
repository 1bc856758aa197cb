import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { newCase } from '../test-support/cases.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase } from '../test-support/store.js';
import type { OutgoingMail } from './outbox.js';
import { MAIL_OUTBOX_STREAM, queueMail } from './outbox.js';

// The outbox's store operations, on the store under test (embedded, or PostgreSQL).

const databases: TestDatabase[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});

async function open(): Promise<{ store: Store; database: TestDatabase }> {
  const database = await createTestDatabase();
  databases.push(database);
  const store = await database.open();
  stores.push(store);
  return { store, database };
}

const T0 = new Date('2026-12-03T09:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

const reply = (reference = 'KC-2026-0001'): OutgoingMail => ({
  caseReference: reference,
  to: 'anna.andersson@example.se',
  subject: `Svar på ditt ärende ${reference}`,
  text: 'Hej Anna,\n\nTack för ditt meddelande.\n',
});

/** Queues in a transaction of its own on a second connection, as another helper's write would. */
async function queue(database: TestDatabase, mail = reply(), now = T0): Promise<string> {
  return database.inspect((db) =>
    db.transaction().execute(async (trx) => (await queueMail(trx, mail, now)).id),
  );
}

describe('queueMail', () => {
  it('stores the mail queued and due at once, readable per case', async () => {
    const { store, database } = await open();
    const id = await queue(database);
    expect(await store.read('mailsOfCase', 'KC-2026-0001')).toEqual([
      {
        id,
        caseReference: 'KC-2026-0001',
        to: 'anna.andersson@example.se',
        subject: 'Svar på ditt ärende KC-2026-0001',
        text: 'Hej Anna,\n\nTack för ditt meddelande.\n',
        state: 'queued',
        attempts: 0,
        lastError: null,
        nextAttemptAt: T0.toISOString(),
        queuedAt: T0.toISOString(),
        sentAt: null,
      },
    ]);
    expect(await store.read('mailsOfCase', 'KC-2026-0002')).toEqual([]);
  });

  it('keeps nothing when the transaction it was queued in rolls back', async () => {
    const { store, database } = await open();
    await expect(
      database.inspect((db) =>
        db.transaction().execute(async (trx) => {
          await queueMail(trx, reply(), T0);
          throw new Error('the reply failed');
        }),
      ),
    ).rejects.toThrow('the reply failed');
    expect(await store.read('mailsOfCase', 'KC-2026-0001')).toEqual([]);
    expect(await store.write('claimMails', 'a', T0, later(60_000), 10)).toEqual([]);
  });

  it('reports the stream that wakes the sender', async () => {
    const { database } = await open();
    const queued = await database.inspect((db) =>
      db.transaction().execute((trx) => queueMail(trx, reply(), T0)),
    );
    expect(queued.streams).toEqual([MAIL_OUTBOX_STREAM]);
  });

  it('refuses a mail that cannot be sent, rolling the caller back', async () => {
    const { database } = await open();
    const bad: OutgoingMail[] = [
      { ...reply(), to: 'not an address' },
      { ...reply(), subject: 'Svar\r\nBcc: someone@example.com' },
      { ...reply(), subject: '' },
      { ...reply(), text: '' },
    ];
    for (const mail of bad) {
      await expect(queue(database, mail)).rejects.toThrow();
    }
    const count = await database.inspect((db: Kysely<Database>) =>
      db
        .selectFrom('mail_outbox')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    );
    expect(Number(count?.n)).toBe(0);
  });
});

describe('claiming and finishing mail', () => {
  it('hands a due mail to one claim until its lease ends, then to the next', async () => {
    const { store, database } = await open();
    const id = await queue(database);
    const [first] = await store.write('claimMails', 'a', T0, later(60_000), 10);
    expect(first).toMatchObject({ id, attempts: 1, to: 'anna.andersson@example.se' });
    expect(await store.write('claimMails', 'b', later(59_000), later(120_000), 10)).toEqual([]);
    expect((await store.read('findMail', id))?.state).toBe('sending');

    // The first sender crashed: after its lease the mail is due again, as a second attempt.
    const [second] = await store.write('claimMails', 'b', later(60_000), later(120_000), 10);
    expect(second).toMatchObject({ id, attempts: 2 });
    expect(second?.leaseOwner).not.toBe(first?.leaseOwner);
    // The first sender, late, cannot record an outcome any more.
    const lost = await store.write(
      'finishMail',
      id,
      first?.leaseOwner ?? '',
      { kind: 'sent' },
      later(61_000),
    );
    expect(lost).toBeUndefined();
    expect((await store.read('findMail', id))?.state).toBe('sending');
  });

  it('claims mail in the order it fell due, at most the limit', async () => {
    const { store, database } = await open();
    const ids = [
      await queue(database, reply('KC-2026-0003'), later(3000)),
      await queue(database, reply('KC-2026-0001'), later(1000)),
      await queue(database, reply('KC-2026-0002'), later(2000)),
    ];
    expect(await store.write('claimMails', 'a', later(500), later(60_000), 10)).toEqual([]);
    const claimed = await store.write('claimMails', 'a', later(5000), later(60_000), 2);
    expect(claimed.map((mail) => mail.id)).toEqual([ids[1], ids[2]]);
  });

  it('marks a sent mail sent and tells the case and the inbox in the same change', async () => {
    const { store, database } = await open();
    const id = await queue(database);
    const [mail] = await store.write('claimMails', 'a', T0, later(60_000), 10);
    const state = await store.write(
      'finishMail',
      id,
      mail?.leaseOwner ?? '',
      { kind: 'sent' },
      later(2000),
    );
    expect(state).toBe('sent');
    expect(await store.read('findMail', id)).toMatchObject({
      state: 'sent',
      attempts: 1,
      sentAt: later(2000).toISOString(),
      nextAttemptAt: null,
      lastError: null,
    });
    const caseEvents = await store.events.read('case:KC-2026-0001', 0, 10);
    expect(caseEvents.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'case.mail.sent', data: { mailId: id, state: 'sent' } },
    ]);
    const inbox = await store.events.read('inbox', 0, 10);
    expect(inbox.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'case.updated', data: { reference: 'KC-2026-0001' } },
    ]);
    expect(await store.write('claimMails', 'a', later(999_999_999), later(1e10), 10)).toEqual([]);
  });

  it('also tells the inbox of the department a case is forwarded to', async () => {
    const { store, database } = await open();
    await store.createCase(newCase('KC-2026-0001'));
    await database.inspect((db) =>
      db
        .updateTable('cases')
        .set({ forwarded_to: 'skola' })
        .where('reference', '=', 'KC-2026-0001')
        .execute(),
    );
    const id = await queue(database);
    const [mail] = await store.write('claimMails', 'a', T0, later(60_000), 10);
    await store.write('finishMail', id, mail?.leaseOwner ?? '', { kind: 'sent' }, T0);
    const events = await store.events.read('inbox:skola', 0, 10);
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'case.updated', data: { reference: 'KC-2026-0001' } },
    ]);
  });

  it('queues a temporary failure again for its next attempt, with the error, and no event', async () => {
    const { store, database } = await open();
    const id = await queue(database);
    const [mail] = await store.write('claimMails', 'a', T0, later(60_000), 10);
    const next = later(30_000);
    const error = '421 Service not available, try again later';
    const outcome = { kind: 'retry', error, at: next } as const;
    expect(await store.write('finishMail', id, mail?.leaseOwner ?? '', outcome, later(1000))).toBe(
      'queued',
    );
    expect(await store.read('findMail', id)).toMatchObject({
      state: 'queued',
      attempts: 1,
      lastError: error,
      nextAttemptAt: next.toISOString(),
    });
    expect(await store.events.read('case:KC-2026-0001', 0, 10)).toEqual([]);
    expect(await store.write('claimMails', 'a', later(29_999), later(90_000), 10)).toEqual([]);
    expect(await store.write('claimMails', 'a', next, later(90_000), 10)).toHaveLength(1);
  });

  it('keeps a failed mail, failed with its error, until an agent tries again', async () => {
    const { store, database } = await open();
    const id = await queue(database);
    const [mail] = await store.write('claimMails', 'a', T0, later(60_000), 10);
    const error = '550 5.1.1 Mailbox unavailable';
    await store.write('finishMail', id, mail?.leaseOwner ?? '', { kind: 'failed', error }, T0);
    expect(await store.read('mailsOfCase', 'KC-2026-0001')).toMatchObject([
      { id, state: 'failed', lastError: error, nextAttemptAt: null, sentAt: null },
    ]);
    const events = await store.events.read('case:KC-2026-0001', 0, 10);
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'case.mail.failed', data: { mailId: id, state: 'failed' } },
    ]);
    // Failed mail is never picked up again by itself.
    expect(await store.write('claimMails', 'a', later(1e9), later(1e10), 10)).toEqual([]);

    expect(await store.write('retryMail', id, later(5000))).toBe('queued');
    expect(await store.read('findMail', id)).toMatchObject({
      state: 'queued',
      nextAttemptAt: later(5000).toISOString(),
    });
    const [again] = await store.write('claimMails', 'a', later(5000), later(65_000), 10);
    expect(again).toMatchObject({ id, attempts: 2, retrySince: later(5000).toISOString() });
    expect(await store.write('retryMail', id, later(6000))).toBe('not_failed');
    expect(await store.write('retryMail', 'no-such-mail', later(6000))).toBe('not_found');
  });
});
