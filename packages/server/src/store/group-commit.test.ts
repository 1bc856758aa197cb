import { afterEach, describe, expect, it } from 'vitest';
import { INBOX_STREAM } from '../agent-cases/streams.js';
import { keyRecord, newCase } from '../test-support/cases.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase } from '../test-support/store.js';
import { countCases } from './cases.js';
import { createCasesTogether } from './group-commit.js';

const databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.remove()));
});

/** A migrated, empty database of the store under test. */
async function migrated(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  await (await database.open()).close();
  return database;
}

describe('createCasesTogether', () => {
  it('commits a group in one transaction; a case that fails is rolled back alone', async () => {
    const database = await migrated();
    const broken = newCase('KC-0000-0002', { topic: null as never });
    const outcomes = await database.inspect((db) =>
      createCasesTogether(db, [
        { input: newCase('KC-0000-0001') },
        { input: broken },
        { input: newCase('KC-0000-0003') },
      ]),
    );
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(outcomes[0]).toEqual({ ok: true, result: { created: true } });
    const { count, timeline, inbox } = await database.inspect(async (db) => ({
      count: await countCases(db),
      timeline: await db.selectFrom('case_timeline').select('case_reference').execute(),
      inbox: await db
        .selectFrom('events')
        .select(['type', 'data'])
        .where('stream', '=', INBOX_STREAM)
        .orderBy('cursor')
        .execute(),
    }));
    expect(count).toBe(2);
    expect(timeline.map((row) => row.case_reference).sort()).toEqual([
      'KC-0000-0001',
      'KC-0000-0003',
    ]);
    // The inbox hears of the committed cases only, once each, in the group's order.
    expect(inbox).toEqual([
      { type: 'case.created', data: JSON.stringify({ reference: 'KC-0000-0001' }) },
      { type: 'case.created', data: JSON.stringify({ reference: 'KC-0000-0003' }) },
    ]);
  });

  it('answers a key repeated within one group with the record of the first', async () => {
    const database = await migrated();
    const outcomes = await database.inspect((db) =>
      createCasesTogether(db, [
        { input: newCase('KC-0000-0001'), idempotency: keyRecord('k', 'KC-0000-0001') },
        { input: newCase('KC-0000-0002'), idempotency: keyRecord('k', 'KC-0000-0002') },
        { input: newCase('KC-0000-0001') },
      ]),
    );
    expect(outcomes).toEqual([
      { ok: true, result: { created: true } },
      {
        ok: true,
        result: {
          created: false,
          conflict: 'idempotency_key',
          record: keyRecord('k', 'KC-0000-0001'),
        },
      },
      { ok: true, result: { created: false, conflict: 'reference' } },
    ]);
  });

  it('stores a group with fresh keys all at once, and replaces a key that expired', async () => {
    const database = await migrated();
    const expired = { ...keyRecord('old', 'KC-0000-0009'), expiresAt: '2025-03-01T00:00:00.000Z' };
    await database.inspect((db) =>
      createCasesTogether(db, [{ input: newCase('KC-0000-0009'), idempotency: expired }]),
    );
    const outcomes = await database.inspect((db) =>
      createCasesTogether(db, [
        { input: newCase('KC-0000-0001'), idempotency: keyRecord('b', 'KC-0000-0001') },
        { input: newCase('KC-0000-0002') },
        { input: newCase('KC-0000-0003'), idempotency: keyRecord('old', 'KC-0000-0003') },
        { input: newCase('KC-0000-0004'), idempotency: keyRecord('a', 'KC-0000-0004') },
      ]),
    );
    expect(outcomes).toEqual(Array(4).fill({ ok: true, result: { created: true } }));
    const keys = await database.inspect((db) =>
      db.selectFrom('idempotency_keys').select(['key', 'case_reference']).orderBy('key').execute(),
    );
    expect(keys).toEqual([
      { key: 'a', case_reference: 'KC-0000-0004' },
      { key: 'b', case_reference: 'KC-0000-0001' },
      { key: 'old', case_reference: 'KC-0000-0003' },
    ]);
  });

  it('takes a group one case at a time when a key was answered before', async () => {
    const database = await migrated();
    await database.inspect((db) =>
      createCasesTogether(db, [
        { input: newCase('KC-0000-0001'), idempotency: keyRecord('k', 'KC-0000-0001') },
      ]),
    );
    const outcomes = await database.inspect((db) =>
      createCasesTogether(db, [
        { input: newCase('KC-0000-0002'), idempotency: keyRecord('fresh', 'KC-0000-0002') },
        { input: newCase('KC-0000-0003'), idempotency: keyRecord('k', 'KC-0000-0003') },
        { input: newCase('KC-0000-0004') },
      ]),
    );
    expect(outcomes).toEqual([
      { ok: true, result: { created: true } },
      {
        ok: true,
        result: {
          created: false,
          conflict: 'idempotency_key',
          record: keyRecord('k', 'KC-0000-0001'),
        },
      },
      { ok: true, result: { created: true } },
    ]);
    expect(await database.inspect(countCases)).toBe(3);
  });
});
