import { createCaseReference } from '@kontakt/core/schemas';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANNA, newCase } from '../test-support/cases.js';
import { useTestStore } from '../test-support/store.js';
import type { Actor, CaseAction } from './actions.js';
import type { CaseScope, InboxFilter } from './inbox.js';

/*
 * Case handling in the store, on the store under test (the `node` project: the embedded store;
 * `postgres`: PostgreSQL): the inbox's filters, paging and search, specialist visibility, and each
 * action with its timeline, public timeline, events and audit entry.
 */

const ALL: CaseScope = { all: true, departments: [] };
const NOW = '2025-03-20T12:00:00.000Z';
const sven: Actor = {
  id: 'sven',
  name: 'Sven Specialist',
  scope: { all: false, departments: ['skola'] },
};

const fixture = useTestStore();
const refs: string[] = [];

/** 30 cases a minute apart, newest last: every third with an interpreter, every fifth from skola. */
beforeAll(async () => {
  for (let i = 0; i < 30; i++) {
    const reference = createCaseReference();
    refs.push(reference);
    const department = i % 5 === 0 ? 'skola' : 'gata';
    await fixture.store.createCase(
      newCase(reference, {
        origin: {
          department,
          pageUrl: `https://${department}.example.se/sida-${i}`,
          widget: 'kc-contact-form',
        },
        topic: i % 2 === 0 ? 'parkering' : 'gatubelysning',
        createdAt: new Date(Date.parse('2025-03-03T09:00:00.000Z') + i * 60_000).toISOString(),
        answerBy: i < 10 ? '2025-03-05T09:00:00.000Z' : '2025-04-05T09:00:00.000Z',
        message: {
          topic: 'parkering',
          message: i === 7 ? 'Gatlampan på Östra Förstadsgatan 12 är trasig' : `Fråga nummer ${i}`,
          answerChannel: 'email',
          answerLanguage: 'sv',
          needs: i % 3 === 0 ? ['interpreter'] : [],
          ...(i % 3 === 0 ? { interpreterLanguage: 'arabiska' } : {}),
          name: i === 8 ? 'Åsa Öberg' : 'Anna Andersson',
          email: `person${i}@example.se`,
          ...(i === 9 ? { phone: '070-123 45 67' } : {}),
        },
      }),
    );
  }
});

const list = (filter: InboxFilter = {}, options: { scope?: CaseScope; limit?: number } = {}) =>
  fixture.store.read('listInbox', {
    scope: options.scope ?? ALL,
    filter,
    limit: options.limit ?? 100,
    now: NOW,
  });

const act = (reference: string, action: CaseAction, actor = ANNA, ifVersion?: number) =>
  fixture.store.write('actOnCase', { reference, actor, action, ifVersion, at: NOW });

describe('the inbox', () => {
  it('lists every web-form case, newest first, received and unassigned', async () => {
    const page = await list();
    expect(page.cases.map((each) => each.reference)).toEqual([...refs].reverse());
    expect(page.cases[0]).toMatchObject({
      channel: 'web_form',
      status: 'received',
      assignee: null,
    });
    expect(page.next).toBeNull();
  });

  it('pages by key: the pages together are the whole list, each case once', async () => {
    const seen: string[] = [];
    let after: { createdAt: string; reference: string } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await fixture.store.read('listInbox', {
        scope: ALL,
        filter: {},
        limit: 7,
        now: NOW,
        after,
      });
      seen.push(...page.cases.map((each) => each.reference));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual([...refs].reverse());
  });

  it('filters by department, topic, need and overdue', async () => {
    expect((await list({ department: 'skola' })).cases).toHaveLength(6);
    expect((await list({ topic: 'gatubelysning' })).cases).toHaveLength(15);
    const interpreter = (await list({ need: 'interpreter' })).cases;
    expect(interpreter).toHaveLength(10);
    expect(interpreter.every((each) => each.needs.includes('interpreter'))).toBe(true);
    const overdue = (await list({ overdue: true })).cases;
    expect(overdue.map((each) => each.reference).sort()).toEqual(refs.slice(0, 10).sort());
    expect(overdue.every((each) => each.overdue)).toBe(true);
    expect((await list({ overdue: false })).cases).toHaveLength(20);
  });

  it('finds a case by words of its message, its name or phone, whatever their case', async () => {
    expect((await list({ text: 'östra förstadsgatan' })).cases.map((c) => c.reference)).toEqual([
      refs[7],
    ]);
    expect((await list({ text: 'ÅSA' })).cases.map((c) => c.reference)).toEqual([refs[8]]);
    expect((await list({ text: '0701234567' })).cases.map((c) => c.reference)).toEqual([refs[9]]);
    expect((await list({ text: '100%_' })).cases).toEqual([]);
    // Inside a word, and shorter than a trigram (the embedded store's index takes 3 or more).
    expect((await list({ text: 'lampan 12' })).cases.map((c) => c.reference)).toEqual([refs[7]]);
    expect((await list({ reference: refs[3] })).cases.map((c) => c.reference)).toEqual([refs[3]]);
  });

  it('finds a case stored after the search index was built, and forgets a deleted one', async () => {
    const reference = createCaseReference();
    await fixture.store.createCase(
      newCase(reference, {
        createdAt: '2025-03-01T09:00:00.000Z',
        message: {
          topic: 'parkering',
          message: 'Snöovallen blockerar infarten',
          answerChannel: 'email',
          answerLanguage: 'sv',
          needs: [],
          email: 'snö@example.se',
        },
      }),
    );
    expect((await list({ text: 'snöoval' })).cases.map((c) => c.reference)).toEqual([reference]);
    await fixture.database.inspect((db) =>
      db.deleteFrom('cases').where('reference', '=', reference).execute(),
    );
    expect((await list({ text: 'snöoval' })).cases).toEqual([]);
    // The next case may get the deleted one's row id: the old words must not find it.
    const next = createCaseReference();
    await fixture.store.createCase(newCase(next, { createdAt: '2025-03-01T09:00:00.000Z' }));
    expect((await list({ text: 'snöoval' })).cases).toEqual([]);
    await fixture.database.inspect((db) =>
      db.deleteFrom('cases').where('reference', '=', next).execute(),
    );
  });

  it('shows a specialist only the cases forwarded to their departments', async () => {
    expect((await list({}, { scope: sven.scope })).cases).toEqual([]);
    const reference = refs[20] as string;
    const forwarded = await act(reference, {
      kind: 'forward',
      department: 'skola',
      reason: 'Skolskjuts',
    });
    expect(forwarded).toMatchObject({ ok: true });
    const seen = (await list({}, { scope: sven.scope })).cases;
    expect(seen.map((each) => each.reference)).toEqual([reference]);
    expect(seen[0]).toMatchObject({ status: 'forwarded', forwardedTo: 'skola' });
    expect(
      await fixture.store.read('selectAgentCase', refs[21] as string, sven.scope, NOW),
    ).toBeUndefined();
    expect(await act(refs[21] as string, { kind: 'note', text: 'x' }, sven)).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(
      await fixture.database.inspect((db) =>
        db
          .selectFrom('case_timeline')
          .select(['status', 'department', 'note'])
          .where('case_reference', '=', reference)
          .orderBy('seq')
          .execute(),
      ),
    ).toEqual([
      { status: 'received', department: null, note: null },
      { status: 'forwarded', department: 'skola', note: null },
    ]);
  });
});

describe('actions', () => {
  it('take assigns the case to oneself once; someone else cannot take it then', async () => {
    const reference = refs[1] as string;
    const taken = await act(reference, {
      kind: 'assign',
      assignee: { id: 'anna', name: 'Anna Agent' },
      take: true,
    });
    expect(taken).toMatchObject({ ok: true, version: 2 });
    const bertil: Actor = { id: 'bertil', name: 'Bertil', scope: ALL };
    expect(
      await act(
        reference,
        { kind: 'assign', assignee: { id: 'bertil', name: 'Bertil' }, take: true },
        bertil,
      ),
    ).toEqual({
      ok: false,
      error: 'already_assigned',
      version: 2,
      assignee: { id: 'anna', name: 'Anna Agent' },
    });
    const mine = (await list({ assignee: 'anna' })).cases;
    expect(mine.map((each) => each.reference)).toEqual([reference]);
    expect(mine[0]).toMatchObject({
      status: 'assigned',
      assignee: { id: 'anna', name: 'Anna Agent' },
    });
    // The citizen sees "in progress", not who holds it.
    const publicCase = await fixture.store.findCase(reference);
    expect(publicCase?.status).toBe('in_progress');
  });

  it('refuses an action on a version that has changed since', async () => {
    const reference = refs[2] as string;
    expect(await act(reference, { kind: 'note', text: 'Första' }, ANNA, 1)).toMatchObject({
      ok: true,
      version: 2,
    });
    expect(await act(reference, { kind: 'note', text: 'Andra' }, ANNA, 1)).toEqual({
      ok: false,
      error: 'version_conflict',
      version: 2,
    });
  });

  it('concurrent actions on one version: one wins, the other is a conflict', async () => {
    const reference = refs[4] as string;
    const results = await Promise.all([
      act(reference, { kind: 'status', status: 'in_progress', visibility: 'internal' }, ANNA, 1),
      act(reference, { kind: 'status', status: 'parked', visibility: 'internal' }, ANNA, 1),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ error: 'version_conflict' }),
    ]);
  });

  it('an e-mail reply queues the mail, counts as the first answer and is audited', async () => {
    const reference = refs[5] as string;
    const result = await act(reference, {
      kind: 'reply',
      via: 'email',
      text: 'Hej!\n<b>Svar</b> här.',
    });
    expect(result).toMatchObject({ ok: true });
    const found = await fixture.store.read('selectAgentCase', reference, ALL, NOW);
    expect(found?.firstAnsweredAt).toBe(NOW);
    expect(found?.overdue).toBe(false);
    const reply = found?.timeline.find((entry) => entry.kind === 'reply');
    expect(reply).toMatchObject({
      via: 'email',
      text: 'Hej!\n<b>Svar</b> här.',
      actor: { id: 'anna' },
    });
    const mails = await fixture.store.read('mailsOfCase', reference);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: 'person5@example.se', state: 'queued' });
    expect(mails[0]?.subject).toContain(reference);
    expect(mails[0]?.text).toContain('<b>Svar</b> här.');
    const audit = await fixture.database.inspect((db) =>
      db
        .selectFrom('agent_audit')
        .select(['agent_id', 'action', 'detail'])
        .where('case_reference', '=', reference)
        .execute(),
    );
    expect(audit).toEqual([
      {
        agent_id: 'anna',
        action: 'case.replied',
        detail: JSON.stringify({ via: 'email', mailId: mails[0]?.id }),
      },
    ]);
  });

  it('a public status note reaches the public timeline; an internal one does not', async () => {
    const reference = refs[6] as string;
    await act(reference, {
      kind: 'status',
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Skicka en bild, tack.',
    });
    await act(reference, {
      kind: 'status',
      status: 'parked',
      visibility: 'internal',
      note: 'Väntar på entreprenören',
    });
    await act(reference, { kind: 'note', text: 'Ring tillbaka på fredag' });
    const publicCase = await fixture.store.findCase(reference);
    expect(publicCase?.status).toBe('in_progress');
    expect(JSON.stringify(publicCase)).not.toContain('entreprenören');
    expect(JSON.stringify(publicCase)).not.toContain('fredag');
    expect(publicCase?.timeline.map((entry) => [entry.status, entry.note])).toEqual([
      ['received', undefined],
      ['waiting_for_citizen', 'Skicka en bild, tack.'],
      ['in_progress', undefined],
    ]);
    const found = await fixture.store.read('selectAgentCase', reference, ALL, NOW);
    expect(found?.timeline.map((entry) => entry.kind)).toEqual([
      'message_in',
      'status',
      'status',
      'note',
    ]);
  });

  it('tags the reason and, when avoidable, the page that caused it', async () => {
    const reference = refs[10] as string;
    await act(reference, {
      kind: 'reason',
      reason: 'hittade-inte-information',
      avoidable: true,
      page: 'https://gata.example.se/parkering',
    });
    const found = await fixture.store.read('selectAgentCase', reference, ALL, NOW);
    expect(found?.reason).toEqual({
      id: 'hittade-inte-information',
      avoidable: true,
      page: 'https://gata.example.se/parkering',
    });
    await act(reference, {
      kind: 'reason',
      reason: 'klagomal',
      avoidable: false,
      page: 'https://gata.example.se/x',
    });
    expect((await fixture.store.read('selectAgentCase', reference, ALL, NOW))?.reason).toEqual({
      id: 'klagomal',
      avoidable: false,
      page: null,
    });
  });

  it('appends events on the inbox, the case and the forwarded department', async () => {
    const before = await fixture.store.events.head();
    const reference = refs[11] as string;
    await act(reference, { kind: 'forward', department: 'skola', reason: 'Skolfråga' });
    const inbox = await fixture.store.events.read('inbox', before, 10);
    const skola = await fixture.store.events.read('inbox:skola', before, 10);
    const own = await fixture.store.events.read(`case:${reference}`, before, 10);
    expect(inbox.map((e) => [e.type, e.data])).toEqual([['case.updated', { reference }]]);
    expect(skola.map((e) => [e.type, e.data])).toEqual([['case.updated', { reference }]]);
    expect(own.map((e) => e.type)).toEqual(['case.updated']);
  });

  it('a case past its promise is not overdue while it waits for the citizen, and is again after', async () => {
    // refs[0] is unanswered and past its promise: overdue (see the filters).
    const reference = refs[0] as string;
    expect((await fixture.store.read('selectAgentCase', reference, ALL, NOW))?.overdue).toBe(true);
    await act(reference, {
      kind: 'status',
      status: 'waiting_for_citizen',
      visibility: 'public',
      note: 'Vilken gata gäller det?',
    });
    expect((await fixture.store.read('selectAgentCase', reference, ALL, NOW))?.overdue).toBe(false);
    const overdue = (await list({ overdue: true })).cases.map((each) => each.reference);
    expect(overdue).not.toContain(reference);
    expect((await list({ overdue: false })).cases.map((each) => each.reference)).toContain(
      reference,
    );
    await act(reference, { kind: 'status', status: 'in_progress', visibility: 'internal' });
    expect((await fixture.store.read('selectAgentCase', reference, ALL, NOW))?.overdue).toBe(true);
  });

  it('a new web-form case appends case.created to the inbox', async () => {
    const before = await fixture.store.events.head();
    const reference = createCaseReference();
    await fixture.store.createCase(newCase(reference, { createdAt: '2025-03-01T09:00:00.000Z' }));
    const events = await fixture.store.events.read('inbox', before, 10);
    expect(events.map((e) => [e.type, e.data])).toEqual([['case.created', { reference }]]);
  });
});

describe('registering a call or a visit', () => {
  it('stores it as a case of its channel, held by who registered it', async () => {
    const reference = createCaseReference();
    await fixture.store.write('registerCase', ANNA, {
      reference,
      receiptTokenHash: 'c'.repeat(64),
      channel: 'phone',
      department: 'gata',
      topic: 'parkering',
      message: {
        topic: 'parkering',
        message: 'Ringde om boendeparkering',
        answerChannel: 'phone',
        answerLanguage: 'sv',
        needs: ['sign_language'],
        photos: [],
        phone: '040-34 10 00',
      },
      reason: { id: 'status-pa-arende', avoidable: true },
      at: NOW,
      answerBy: '2025-03-24T12:00:00.000Z',
    });
    const found = await fixture.store.read('selectAgentCase', reference, ALL, NOW);
    expect(found).toMatchObject({
      channel: 'phone',
      status: 'assigned',
      assignee: { id: 'anna', name: 'Anna Agent' },
      needs: ['sign_language'],
      origin: { department: 'gata', pageUrl: null, widget: null },
      reason: { id: 'status-pa-arende', avoidable: true, page: null },
    });
    expect(found?.timeline.map((entry) => entry.kind)).toEqual(['message_in', 'reason']);
    expect((await list({ channel: 'phone' })).cases.map((c) => c.reference)).toEqual([reference]);
  });
});
