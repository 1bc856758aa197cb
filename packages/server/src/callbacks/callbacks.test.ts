import { AgentCaseSchema } from '@kontakt/core/agent';
import type { CallbackRequestInput } from '@kontakt/core/schemas';
import {
  CallbackSlotListSchema,
  ChatSessionSchema,
  ProblemSchema,
  ReceiptSchema,
} from '@kontakt/core/schemas';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestSession } from '../test-support/agents.js';
import { signIn, testAccounts } from '../test-support/agents.js';
import { TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

let server: TestServer;
let anna: TestSession;
// Thursday 3 December 2026, 09:10 in Stockholm (winter time, UTC+1).
const THURSDAY = new Date('2026-12-03T08:10:00Z');
let now = THURSDAY;

beforeAll(async () => {
  server = await startTestServer({
    now: () => now,
    rateLimit: { windowMs: 60_000, max: 1000 },
    accounts: await testAccounts(),
    callback: { slotMinutes: 60, callsPerSlot: 1, daysAhead: 2 },
  });
  anna = await signIn(server.url, 'anna');
});
afterAll(() => server.close());
beforeEach(() => {
  now = THURSDAY;
});

const slots = async (department = 'gata') => {
  const response = await fetch(`${server.url}/v1/callbacks/slots?department=${department}`);
  expect(response.status).toBe(200);
  return CallbackSlotListSchema.parse(await response.json());
};

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/callbacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

function request(parts: Partial<CallbackRequestInput> = {}): CallbackRequestInput {
  return {
    department: 'gata',
    locale: 'sv',
    origin: {
      department: 'gata',
      pageUrl: 'https://gata.example.se/parkering',
      widget: 'kc-chat-bubble',
    },
    phone: '070-123 45 67',
    name: 'Anna Andersson',
    note: 'Gäller boendeparkering.',
    when: { asap: true },
    ...parts,
  };
}

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return ProblemSchema.parse(await response.json());
}

const open = () =>
  server.database.inspect(async (db) => {
    // The store's own read, as the chat queue calls it, on the server's database.
    const { reads } = await import('../store/operations.js');
    return {
      all: await reads['callbacks.open'](db, {}),
      skola: await reads['callbacks.open'](db, { departments: ['skola'] }),
    };
  });

describe('GET /v1/callbacks/slots', () => {
  it('offers the slots left today and on the next working day, within opening hours', async () => {
    const response = await fetch(`${server.url}/v1/callbacks/slots?department=skola`);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=15');
    const list = CallbackSlotListSchema.parse(await response.json());
    expect(list.department).toBe('skola');
    expect(list.timeZone).toBe('Europe/Stockholm');
    // Thursday 10:00–17:00 (09:00 has begun), Friday 08:00–17:00: an hour each.
    expect(list.slots.map((slot) => slot.start)).toEqual([
      ...[9, 10, 11, 12, 13, 14, 15].map(
        (h) => `2026-12-03T${String(h).padStart(2, '0')}:00:00.000Z`,
      ),
      ...[7, 8, 9, 10, 11, 12, 13, 14, 15].map(
        (h) => `2026-12-04T${String(h).padStart(2, '0')}:00:00.000Z`,
      ),
    ]);
    expect(list.slots[0]).toEqual({
      start: '2026-12-03T09:00:00.000Z',
      end: '2026-12-03T10:00:00.000Z',
      available: true,
    });
  });

  it('over Christmas offers the days after Annandag jul and the weekend', async () => {
    now = new Date('2026-12-23T15:30:00Z'); // Wednesday 16:30: the last slot has begun
    const list = await slots('skola');
    expect(list.slots[0]?.start).toBe('2026-12-28T07:00:00.000Z');
    expect(new Set(list.slots.map((slot) => slot.start.slice(0, 10)))).toEqual(
      new Set(['2026-12-28', '2026-12-29']),
    );
  });

  it('honours a special day: the shorter day before Valborg', async () => {
    now = new Date('2027-04-30T05:00:00Z'); // Friday, gata closes at 13:00 (summer time)
    const list = await slots('gata');
    const friday = list.slots.filter((slot) => slot.start.startsWith('2027-04-30'));
    expect(friday.map((slot) => slot.end).at(-1)).toBe('2027-04-30T11:00:00.000Z');
    expect(friday).toHaveLength(5);
  });

  it('refuses an unknown or missing department with field errors', async () => {
    const unknown = await fetch(`${server.url}/v1/callbacks/slots?department=nope`);
    expect(unknown.status).toBe(422);
    expect((await problemOf(unknown)).errors).toEqual([
      expect.objectContaining({ field: 'department', code: 'unknown_department' }),
    ]);
    const missing = await fetch(`${server.url}/v1/callbacks/slots`);
    expect((await problemOf(missing)).errors?.[0]?.field).toBe('department');
  });
});

describe('POST /v1/callbacks', () => {
  it('files a chosen slot as a phone case in the inbox, and the slot is then taken', async () => {
    const slot = '2026-12-03T10:00:00.000Z';
    const response = await post(request({ when: { slot } }));
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const receipt = ReceiptSchema.parse(await response.json());
    expect(receipt.expectedAnswerBy).toBe('2026-12-03T11:00:00.000Z');

    const { row, callback, events } = await server.database.inspect(async (db) => ({
      row: await db
        .selectFrom('cases')
        .selectAll()
        .where('reference', '=', receipt.reference)
        .executeTakeFirstOrThrow(),
      callback: await db
        .selectFrom('callback_requests')
        .selectAll()
        .where('case_reference', '=', receipt.reference)
        .executeTakeFirstOrThrow(),
      events: await db
        .selectFrom('events')
        .select(['stream', 'type', 'data'])
        .where('stream', '=', 'inbox')
        .execute(),
    }));
    expect(row).toMatchObject({ channel: 'phone', department: 'gata', status: 'received' });
    expect(JSON.parse(row.message)).toMatchObject({
      answerChannel: 'phone',
      phone: '070-123 45 67',
      name: 'Anna Andersson',
    });
    expect(JSON.parse(row.message).message).toBe(
      'Ring upp torsdag 3 december kl. 11:00–12:00.\n\nGäller boendeparkering.',
    );
    expect(callback).toMatchObject({ slot_start: slot, slot_end: '2026-12-03T11:00:00.000Z' });
    expect(events.map((event) => JSON.parse(event.data).reference)).toContain(receipt.reference);

    const after = await slots('gata');
    expect(after.slots.find((s) => s.start === slot)?.available).toBe(false);
    expect(after.slots.filter((s) => !s.available)).toHaveLength(1);
    // The same slot for another department is still free: places are per department.
    expect((await slots('skola')).slots.find((s) => s.start === slot)?.available).toBe(true);

    const full = await post(request({ when: { slot }, phone: '+46 40 34 10 00' }));
    expect(full.status).toBe(409);
    expect((await problemOf(full)).code).toBe('callback_slot_unavailable');
  });

  it('shows the slot in the agent case view and lists the call until it is done', async () => {
    const slot = '2026-12-04T08:00:00.000Z';
    const receipt = ReceiptSchema.parse(
      await (
        await post(request({ department: 'skola', origin: skolaOrigin, when: { slot } }))
      ).json(),
    );
    const view = await fetch(`${server.url}/v1/agent/cases/${receipt.reference}`, {
      headers: anna.headers,
    });
    const agentCase = AgentCaseSchema.parse(await view.json());
    expect(agentCase.channel).toBe('phone');
    expect(agentCase.callback).toEqual({
      when: { slot: { start: slot, end: '2026-12-04T09:00:00.000Z' } },
      dueAt: slot,
      phone: '070-123 45 67',
      chatSession: null,
    });

    const listed = await open();
    expect(listed.skola.map((c) => c.caseReference)).toContain(receipt.reference);
    expect(listed.skola.find((c) => c.caseReference === receipt.reference)).toMatchObject({
      department: 'skola',
      slot: { start: slot, end: '2026-12-04T09:00:00.000Z' },
      phone: '070-123 45 67',
      name: 'Anna Andersson',
      note: 'Gäller boendeparkering.',
    });
    // Soonest first: "as soon as possible" ones at the time they were asked, slots at their start.
    const due = listed.all.map((c) => c.slot?.start ?? c.requestedAt);
    expect(due).toEqual([...due].sort());

    const queueEvents = () =>
      server.database.inspect(async (db) =>
        Number(
          (
            await db
              .selectFrom('events')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('stream', '=', 'chat-queue:skola')
              .where('type', '=', 'chat.queue')
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const queuedBefore = await queueEvents();
    const done = await fetch(`${server.url}/v1/agent/cases/${receipt.reference}/status`, {
      method: 'POST',
      headers: { ...anna.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'resolved' }),
    });
    expect(done.status).toBe(200);
    expect((await open()).all.map((c) => c.caseReference)).not.toContain(receipt.reference);
    // …and the consoles showing the chat queue are told to read it again, live.
    expect(await queueEvents()).toBe(queuedBefore + 1);
  });

  it("offers the contact center's hours, who call, when the chat section sets them", async () => {
    const center = await startTestServer({
      now: () => now,
      callback: { slotMinutes: 60, callsPerSlot: 1, daysAhead: 2 },
      chat: {
        openingHours: { weekly: [{ days: [1, 2, 3, 4, 5], opens: '13:00', closes: '15:00' }] },
      },
    });
    try {
      const response = await fetch(`${center.url}/v1/callbacks/slots?department=gata`);
      const list = CallbackSlotListSchema.parse(await response.json());
      // Thursday and Friday 13:00 and 14:00 in Stockholm (UTC+1), not the department's 08–17.
      expect(list.slots.map((slot) => slot.start)).toEqual([
        '2026-12-03T12:00:00.000Z',
        '2026-12-03T13:00:00.000Z',
        '2026-12-04T12:00:00.000Z',
        '2026-12-04T13:00:00.000Z',
      ]);
    } finally {
      await center.close();
    }
  });

  it('takes "as soon as possible", due by the end of the opening period', async () => {
    const response = await post(request({ when: { asap: true }, note: undefined }));
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    expect(receipt.expectedAnswerBy).toBe('2026-12-03T16:00:00.000Z');
    const listed = (await open()).all.find((c) => c.caseReference === receipt.reference);
    expect(listed).toMatchObject({ requestedAt: THURSDAY.toISOString(), phone: '070-123 45 67' });
    expect(listed?.slot).toBeUndefined();
    expect(listed?.note).toBeUndefined();
  });

  it('while closed offers the next working days and takes "as soon as possible" for then', async () => {
    now = new Date('2026-12-05T10:00:00Z'); // Saturday
    const list = await slots('gata');
    expect(list.slots[0]?.start).toBe('2026-12-07T07:00:00.000Z'); // Monday 08:00
    const response = await post(request({ when: { asap: true } }));
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());
    // Due by the end of Monday's opening.
    expect(receipt.expectedAnswerBy).toBe('2026-12-07T16:00:00.000Z');
  });

  it('refuses a slot outside opening hours or off the offered grid', async () => {
    for (const slot of [
      '2026-12-05T09:00:00.000Z', // Saturday
      '2026-12-03T17:00:00.000Z', // Thursday 18:00
      '2026-12-03T09:30:00.000Z', // between two slots
      '2026-12-24T09:00:00.000Z', // julafton
    ]) {
      const response = await post(request({ when: { slot } }));
      expect(response.status, slot).toBe(422);
      expect((await problemOf(response)).errors).toEqual([
        expect.objectContaining({ field: 'when.slot', code: 'outside_opening_hours' }),
      ]);
    }
  });

  it('says a slot of the opening hours that has begun, or is not offered yet, is unavailable', async () => {
    for (const slot of [
      '2026-12-03T07:00:00.000Z', // 08:00 today, already past
      '2026-12-07T07:00:00.000Z', // Monday 08:00: beyond the two days offered
    ]) {
      const response = await post(request({ when: { slot } }));
      expect(response.status, slot).toBe(409);
      expect((await problemOf(response)).code).toBe('callback_slot_unavailable');
    }
  });

  it('validates the phone number, the department and the origin', async () => {
    const bad = await post(request({ phone: '12ab' }));
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors).toEqual([
      expect.objectContaining({ field: 'phone', code: 'invalid_phone' }),
    ]);
    const other = await post(request({ department: 'skola' }));
    expect((await problemOf(other)).errors).toEqual([
      expect.objectContaining({ field: 'origin.department', code: 'invalid_option' }),
    ]);
    const foreign = await post(request(), { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await problemOf(foreign)).code).toBe('origin_not_allowed');
    const allowed = await post(request(), { Origin: 'https://gata.example.se' });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://gata.example.se');
  });

  it('gives the last place of a slot to one of many requests sent at once', async () => {
    const slot = '2026-12-04T13:00:00.000Z';
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(request({ when: { slot }, phone: `040-34 10 0${i}` })),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const booked = await server.database.inspect((db) =>
      db
        .selectFrom('callback_requests')
        .select('case_reference')
        .where('slot_start', '=', slot)
        .execute(),
    );
    expect(booked).toHaveLength(1);
  });

  it('answers a repeated Idempotency-Key with the first receipt, once stored', async () => {
    const before = await server.countCases();
    const body = request({ when: { slot: '2026-12-04T12:00:00.000Z' } });
    const headers = { 'Idempotency-Key': 'cb-5f1d2c3e-0001' };
    const first = await post(body, headers);
    const again = await post(body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await server.countCases()).toBe(before + 1);
    // The slot was booked once, by the first request: a replay does not take a second place.
    const reused = await post(request({ when: { asap: true } }), headers);
    expect((await problemOf(reused)).code).toBe('idempotency_key_reused');
  });
});

describe('a call-back asked from a waiting chat', () => {
  it('ends the chat (stored as its own case) and links the request to it', async () => {
    const citizen = new TestCitizen(server.url);
    const started = await citizen.start();
    expect(started.status).toBe('queued');
    const response = await post(request({ chatSession: citizen.id }), citizen.auth);
    expect(response.status).toBe(201);
    const receipt = ReceiptSchema.parse(await response.json());

    const session = ChatSessionSchema.parse(
      await (
        await fetch(`${server.url}/v1/chat/sessions/${citizen.id}`, { headers: citizen.auth })
      ).json(),
    );
    expect(session.status).toBe('ended');
    expect(session.caseReference).toMatch(/^KC-/);
    expect(session.caseReference).not.toBe(receipt.reference);

    const view = AgentCaseSchema.parse(
      await (
        await fetch(`${server.url}/v1/agent/cases/${receipt.reference}`, { headers: anna.headers })
      ).json(),
    );
    expect(view.callback?.chatSession).toBe(citizen.id);
    // The chat's queue stream told the consoles to read the queue (and its call-backs) again.
    const queued = await server.database.inspect((db) =>
      db
        .selectFrom('events')
        .select('type')
        .where('stream', '=', 'chat-queue:gata')
        .orderBy('cursor', 'desc')
        .executeTakeFirst(),
    );
    expect(queued?.type).toBe('chat.queue');
  });

  it('refuses a wrong token, or none, as an unknown chat, and stores nothing', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const before = await server.countCases();
    for (const headers of [{}, { Authorization: `Bearer ${'x'.repeat(43)}` }]) {
      const response = await post(request({ chatSession: citizen.id }), headers);
      expect(response.status).toBe(404);
      expect((await problemOf(response)).code).toBe('chat_not_found');
    }
    expect(await server.countCases()).toBe(before);
    const session = ChatSessionSchema.parse(
      await (
        await fetch(`${server.url}/v1/chat/sessions/${citizen.id}`, { headers: citizen.auth })
      ).json(),
    );
    expect(session.status).toBe('queued');
  });
});

const skolaOrigin = {
  department: 'skola',
  pageUrl: 'https://skola.example.se/skolskjuts',
  widget: 'kc-chat-bubble',
};
