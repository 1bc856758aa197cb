import type { AgentTimelineEntry } from '@kontakt/core/agent';
import { createCaseReference } from '@kontakt/core/schemas';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { ANNA, newCase } from '../test-support/cases.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase, storeUnderTest } from '../test-support/store.js';
import type { CaseAction } from './actions.js';
import type { CaseScope } from './inbox.js';
import type { ParkedResumer } from './resume-parked.js';
import { createParkedResumer } from './resume-parked.js';

/*
 * Parked cases coming back by themselves, on the store under test (`node`: the embedded store;
 * `postgres`: PostgreSQL, where a second store on the same database is a second instance). The
 * resumers run on a clock of the test's own.
 */

const ALL: CaseScope = { all: true, departments: [] };
const T = Date.parse('2026-12-07T08:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 60 * 60_000;

let database: TestDatabase;
let store: Store;
const opened: Store[] = [];
const resumers: ParkedResumer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  store = await database.open();
  opened.push(store);
});

afterAll(async () => {
  for (const resumer of resumers) await resumer.close();
  for (const each of opened) await each.close();
  await database?.remove();
});

function resumer(at: number, on = store, pollMs?: number): ParkedResumer {
  const created = createParkedResumer({
    store: on,
    logger: pino({ level: 'silent' }),
    now: () => new Date(at),
    pollMs,
  });
  resumers.push(created);
  return created;
}

async function newCaseIn(department = 'gata'): Promise<string> {
  const reference = createCaseReference();
  await store.createCase(
    newCase(reference, {
      origin: { department, pageUrl: 'https://gata.example.se/', widget: 'kc-contact-form' },
    }),
  );
  return reference;
}

const act = (reference: string, action: CaseAction, at = T) =>
  store.write('actOnCase', { reference, actor: ANNA, action, at: iso(at) });

async function parked(resumeAt: number | undefined, department?: string): Promise<string> {
  const reference = await newCaseIn(department);
  const result = await act(reference, {
    kind: 'status',
    status: 'parked',
    visibility: 'internal',
    ...(resumeAt === undefined ? {} : { resumeAt: iso(resumeAt) }),
  });
  expect(result).toMatchObject({ ok: true });
  return reference;
}

const read = (reference: string) => store.read('selectAgentCase', reference, ALL, iso(T));

const resumedEntries = async (reference: string) =>
  ((await read(reference))?.timeline ?? []).filter(
    (entry: AgentTimelineEntry) => entry.kind === 'status' && entry.resumed === true,
  );

describe('a parked case with a date', () => {
  it('is read with its date, in the case and in the inbox', async () => {
    const reference = await parked(T + HOUR);
    const found = await read(reference);
    expect(found).toMatchObject({ status: 'parked', resumeAt: iso(T + HOUR), version: 2 });
    expect(found?.timeline.at(-1)).toMatchObject({
      kind: 'status',
      status: 'parked',
      resumeAt: iso(T + HOUR),
      actor: { id: 'anna' },
    });
    const page = await store.read('listInbox', {
      scope: ALL,
      filter: { reference },
      limit: 1,
      now: iso(T),
    });
    expect(page.cases[0]).toMatchObject({ reference, resumeAt: iso(T + HOUR) });
  });

  it('comes back once when due: in progress, a new version, an entry without actor, told live', async () => {
    const reference = await parked(T + HOUR, 'skola');
    await act(reference, { kind: 'forward', department: 'skola', reason: 'Skolskjuts' });
    await act(reference, {
      kind: 'status',
      status: 'parked',
      visibility: 'internal',
      resumeAt: iso(T + HOUR),
    });
    const before = await store.events.head();
    const publicBefore = await store.findCase(reference);
    expect(await resumer(T + HOUR + 1000).runOnce()).toBeGreaterThanOrEqual(1);

    const found = await read(reference);
    expect(found).toMatchObject({ status: 'in_progress', resumeAt: null, version: 5 });
    expect(found?.timeline.at(-1)).toEqual({
      kind: 'status',
      status: 'in_progress',
      visibility: 'internal',
      resumed: true,
      actor: null,
      at: iso(T + HOUR + 1000),
      seq: expect.any(Number),
    });
    const seq = found?.timeline.at(-1)?.seq;
    const told = async (stream: string) =>
      (await store.events.read(stream, before, 100))
        .filter((event) => (event.data as { reference: string }).reference === reference)
        .map((event) => [event.type, event.data]);
    expect(await told('inbox')).toEqual([['case.updated', { reference }]]);
    expect(await told('inbox:skola')).toEqual([['case.updated', { reference }]]);
    expect(await told(`case:${reference}`)).toEqual([
      ['case.updated', { reference, kind: 'status', seq }],
    ]);
    // Parked and in progress are one word to the citizen: nothing new on their side.
    expect(await store.findCase(reference)).toEqual({
      ...publicBefore,
      updatedAt: iso(T + HOUR + 1000),
    });
    expect(
      await database.inspect((db) =>
        db
          .selectFrom('cases')
          .select('resume_at')
          .where('reference', '=', reference)
          .executeTakeFirst(),
      ),
    ).toEqual({ resume_at: null });

    // Looked at again, later: it is not parked any more.
    await resumer(T + 2 * HOUR).runOnce();
    expect(await resumedEntries(reference)).toHaveLength(1);
    expect((await read(reference))?.version).toBe(5);
  });

  it('brings back a case waiting for the citizen on its date: in progress to them too, mailed to no one', async () => {
    const reference = await newCaseIn();
    const waiting = await act(reference, {
      kind: 'status',
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Vilket registreringsnummer har bilen?',
      resumeAt: iso(T + HOUR),
    });
    expect(waiting).toMatchObject({ ok: true });
    expect(await read(reference)).toMatchObject({
      status: 'waiting_for_citizen',
      resumeAt: iso(T + HOUR),
    });
    const mails = () =>
      database.inspect((db) =>
        db.selectFrom('mail_outbox').select('id').where('case_reference', '=', reference).execute(),
      );
    const mailedBefore = (await mails()).length;
    expect(await resumer(T + HOUR - 1000).runOnce()).toBe(0);
    expect(await resumer(T + HOUR + 1000).runOnce()).toBeGreaterThanOrEqual(1);

    expect(await read(reference)).toMatchObject({ status: 'in_progress', resumeAt: null });
    // The citizen's word changes back ("Under behandling"), on their timeline; no one is mailed.
    const publicCase = await store.findCase(reference);
    expect(publicCase?.status).toBe('in_progress');
    expect(publicCase?.timeline.at(-1)).toMatchObject({ status: 'in_progress' });
    expect((await mails()).length).toBe(mailedBefore);
  });

  it('is left alone before its date, and when moved on or parked again without one', async () => {
    const later = await parked(T + 2 * HOUR);
    const moved = await parked(T + HOUR);
    await act(moved, { kind: 'status', status: 'waiting_for_citizen', visibility: 'internal' });
    const undated = await parked(T + HOUR);
    await act(undated, { kind: 'status', status: 'parked', visibility: 'internal' });
    const forwarded = await parked(T + HOUR);
    await act(forwarded, { kind: 'forward', department: 'skola', reason: 'Skolfråga' });

    await resumer(T + HOUR + 1000).runOnce();

    expect(await read(later)).toMatchObject({ status: 'parked', resumeAt: iso(T + 2 * HOUR) });
    expect(await read(moved)).toMatchObject({ status: 'waiting_for_citizen', resumeAt: null });
    expect(await read(undated)).toMatchObject({ status: 'parked', resumeAt: null, version: 3 });
    expect(await read(forwarded)).toMatchObject({ status: 'forwarded', resumeAt: null });
    for (const reference of [later, moved, undated, forwarded]) {
      expect(await resumedEntries(reference)).toEqual([]);
    }
    const stored = await database.inspect((db) =>
      db
        .selectFrom('cases')
        .select(['reference', 'resume_at'])
        .where('reference', 'in', [moved, undated, forwarded])
        .execute(),
    );
    expect(stored.map((row) => row.resume_at)).toEqual([null, null, null]);
  });

  it('comes back once when two resumers (two instances on PostgreSQL) look at once', async () => {
    const references = [await parked(T + HOUR), await parked(T + HOUR), await parked(T + HOUR)];
    const other = storeUnderTest === 'postgres' ? await database.open() : store;
    if (other !== store) opened.push(other);
    const before = await store.events.head();
    await Promise.all([
      resumer(T + HOUR + 1000).runOnce(),
      resumer(T + HOUR + 1000, other).runOnce(),
    ]);
    const inbox = await store.events.read('inbox', before, 100);
    for (const reference of references) {
      expect(await read(reference)).toMatchObject({ status: 'in_progress', version: 3 });
      expect(await resumedEntries(reference)).toHaveLength(1);
      expect(
        inbox.filter((event) => (event.data as { reference: string }).reference === reference),
      ).toHaveLength(1);
    }
  });

  it('is brought back by a started resumer at once when parked, not at its next poll', async () => {
    // The resumer's first look done, it sleeps a minute: only the wake-up of the commit that
    // parks the case brings it back within the test's time.
    let looked = () => {};
    const idle = new Promise<void>((resolve) => {
      looked = resolve;
    });
    const watched: Store = {
      ...store,
      read: (async (name: string, ...args: unknown[]) => {
        const value = await (store.read as (n: string, ...a: unknown[]) => Promise<unknown>)(
          name,
          ...args,
        );
        if (name === 'nextParkedResume') looked();
        return value;
      }) as Store['read'],
    };
    resumer(T + 3 * HOUR, watched, 60_000).start();
    await idle;
    const reference = await parked(T + 3 * HOUR - 1000);
    await new Promise<void>((resolve) => {
      const look = async () => {
        if ((await resumedEntries(reference)).length === 0) return;
        unsubscribe();
        resolve();
      };
      const unsubscribe = store.events.subscribe(`case:${reference}`, () => void look());
      void look();
    });
    expect(await read(reference)).toMatchObject({ status: 'in_progress', resumeAt: null });
  });
});

describe('the next date due', () => {
  it('is the earliest date of a parked case, and none without one', async () => {
    const own = await createTestDatabase();
    const db = await own.open();
    try {
      expect(await db.read('nextParkedResume')).toBeNull();
      const park = async (resumeAt?: number) => {
        const reference = createCaseReference();
        await db.createCase(newCase(reference));
        await db.write('actOnCase', {
          reference,
          actor: ANNA,
          action: {
            kind: 'status',
            status: 'parked',
            visibility: 'internal',
            ...(resumeAt === undefined ? {} : { resumeAt: iso(resumeAt) }),
          },
          at: iso(T),
        });
        return reference;
      };
      await park();
      expect(await db.read('nextParkedResume')).toBeNull();
      const second = await park(T + 2 * HOUR);
      const first = await park(T + HOUR);
      expect(await db.read('nextParkedResume')).toBe(iso(T + HOUR));
      const resumed = createParkedResumer({
        store: db,
        logger: pino({ level: 'silent' }),
        now: () => new Date(T + HOUR),
      });
      expect(await resumed.runOnce()).toBe(1);
      expect(await db.read('nextParkedResume')).toBe(iso(T + 2 * HOUR));
      await db.write('actOnCase', {
        reference: second,
        actor: ANNA,
        action: { kind: 'status', status: 'in_progress', visibility: 'internal' },
        at: iso(T),
      });
      expect(await db.read('nextParkedResume')).toBeNull();
      const back = await db.read('selectAgentCase', first, ALL, iso(T));
      expect(back?.status).toBe('in_progress');
    } finally {
      await db.close();
      await own.remove();
    }
  });
});
