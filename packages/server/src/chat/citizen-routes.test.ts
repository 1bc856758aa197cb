import type { ChatAvailability, ChatMessage, ChatSession } from '@kontakt/core/schemas';
import { ChatAvailabilitySchema, ChatSessionSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOf, startBody, TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';

/*
 * A citizen's chat over real HTTP on the store under test, before any agent: opening hours,
 * the start and its place in the queue, messages (idempotent by their client id), the stream
 * cut and resumed, the close that stores the chat as a case with its transcript.
 */

/** Thursday 2027-03-11, 10:00 in Stockholm: the test departments are open (weekdays 08–17). */
const OPEN = Date.parse('2027-03-11T09:00:00Z');
/** Saturday 2027-03-13, 12:00 in Stockholm: closed until Monday 08:00. */
const SATURDAY = Date.parse('2027-03-13T11:00:00Z');

let server: TestServer;
let closed: TestServer;

/** A clock that starts at `base` and runs. */
const clockFrom = (base: number) => {
  const started = Date.now();
  return () => new Date(base + (Date.now() - started));
};

beforeAll(async () => {
  server = await startTestServer({
    now: clockFrom(OPEN),
    rateLimit: { windowMs: 60_000, max: 10_000 },
    chat: { startLimit: { windowMs: 60_000, max: 1000, burst: 1000 } },
  });
  closed = await startTestServer({ now: clockFrom(SATURDAY) });
});

afterAll(async () => {
  await Promise.all([server?.close(), closed?.close()]);
});

describe('chat opening hours', () => {
  it('tells the availability: open now, until when, and the week', async () => {
    const response = await fetch(`${server.url}/v1/chat/availability?department=gata`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/max-age=15/);
    const availability: ChatAvailability = ChatAvailabilitySchema.parse(await response.json());
    expect(availability).toMatchObject({
      department: 'gata',
      open: true,
      closesAt: '2027-03-11T16:00:00.000Z',
      timeZone: 'Europe/Stockholm',
      agentsAvailable: 0,
    });
    expect(availability.week).toHaveLength(7);
  });

  it('refuses a chat started while closed with chat_closed and the next opening', async () => {
    const response = await fetch(`${closed.url}/v1/chat/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(startBody()),
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const problem = (await response.json()) as { code: string; opensAt: string };
    expect(problem.code).toBe('chat_closed');
    // Monday 08:00 in Stockholm.
    expect(problem.opensAt).toBe('2027-03-15T07:00:00.000Z');

    const availability = (await (
      await fetch(`${closed.url}/v1/chat/availability?department=gata`)
    ).json()) as ChatAvailability;
    expect(availability).toMatchObject({ open: false, opensAt: '2027-03-15T07:00:00.000Z' });
  });

  it('follows the contact center’s chat hours when they are set, whatever the department’s', async () => {
    const weekend = await startTestServer({
      now: clockFrom(SATURDAY),
      chat: {
        openingHours: {
          timeZone: 'Europe/Stockholm',
          weekly: [{ days: [6], opens: '10:00', closes: '14:00' }],
        },
      },
    });
    try {
      const availability = (await (
        await fetch(`${weekend.url}/v1/chat/availability?department=gata`)
      ).json()) as ChatAvailability;
      expect(availability).toMatchObject({ open: true, closesAt: '2027-03-13T13:00:00.000Z' });
      expect((await new TestCitizen(weekend.url).start()).status).toBe('queued');
    } finally {
      await weekend.close();
    }
  });

  it('answers an unknown department 404 and a missing one 422', async () => {
    expect((await fetch(`${server.url}/v1/chat/availability?department=nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/v1/chat/availability`)).status).toBe(422);
  });
});

describe('a citizen in the chat queue', () => {
  it('starts in the queue with the first message, and the next one queues behind', async () => {
    const first = new TestCitizen(server.url);
    const session = ChatSessionSchema.parse(await first.start());
    expect(session.status).toBe('queued');
    expect(session.queue?.position).toBeGreaterThanOrEqual(1);
    expect(session.messages.map((m) => [m.role, m.system ?? m.text])).toEqual([
      ['system', 'queued'],
      ['citizen', 'Hej! Hur söker jag boendeparkering?'],
    ]);
    const second = new TestCitizen(server.url);
    const behind = await second.start();
    expect(behind.queue?.position).toBe((session.queue?.position ?? 0) + 1);
    // No history of answered chats yet: no estimate rather than a made-up one.
    expect(behind.queue?.estimatedWaitSeconds).toBeUndefined();
  });

  it('refuses an invalid start with field errors', async () => {
    const response = await fetch(`${server.url}/v1/chat/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(startBody({ locale: 'xx', message: 'x'.repeat(2001) })),
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { field: string; code: string }[] };
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'locale' }),
        expect.objectContaining({ field: 'message', code: 'too_long' }),
      ]),
    );
  });

  it('refuses a page of another department origin', async () => {
    const response = await fetch(`${server.url}/v1/chat/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://skola.example.se' },
      body: JSON.stringify(startBody()),
    });
    expect(response.status).toBe(403);
  });

  it('answers an unknown session and a wrong token with the same 404', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const wrong = await fetch(`${server.url}/v1/chat/sessions/${citizen.id}`, {
      headers: { Authorization: `Bearer ${'A'.repeat(43)}` },
    });
    const unknown = await fetch(`${server.url}/v1/chat/sessions/chat_${'B'.repeat(22)}`, {
      headers: citizen.auth,
    });
    const none = await fetch(`${server.url}/v1/chat/sessions/${citizen.id}`);
    for (const response of [wrong, unknown, none]) expect(response.status).toBe(404);
    const bodies = await Promise.all([wrong, unknown, none].map((r) => r.json()));
    expect(
      new Set(bodies.map((body) => JSON.stringify({ ...body, instance: undefined }))).size,
    ).toBe(1);
  });

  it('stores a message once, however often it is sent', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start({ message: undefined, clientMessageId: undefined });
    const clientMessageId = crypto.randomUUID();
    const body = { clientMessageId, text: 'Är ni där?' };
    const first = await citizen.post('messages', body);
    expect(first.status).toBe(201);
    const again = await citizen.post('messages', body);
    expect(again.status).toBe(200);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as ChatMessage[];
    expect(b).toEqual(a);
    // Sent twice at once: still one message.
    const racing = crypto.randomUUID();
    const answers = await Promise.all(
      [1, 2, 3].map(() => citizen.post('messages', { clientMessageId: racing, text: 'Hallå?' })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const session = await citizen.get();
    expect(session.messages.filter((m) => m.role === 'citizen').map((m) => m.text)).toEqual([
      'Är ni där?',
      'Hallå?',
    ]);
  });

  it('resumes a cut stream from Last-Event-ID with no message lost or twice', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const stream = await citizen.stream();
    await stream.until((events) => messagesOf(events).length === 2, 'the first two messages');
    await citizen.send('Ett');
    await stream.until((events) => messagesOf(events).length === 3, 'Ett');
    stream.cut();
    await stream.ended;
    const last = stream.lastId();
    // Said while no stream was open.
    await citizen.send('Två');
    await citizen.send('Tre');
    const resumed = await citizen.stream(last);
    await citizen.send('Fyra');
    await resumed.until((events) => messagesOf(events).some((m) => m.text === 'Fyra'), 'Fyra');
    resumed.cut();
    const texts = [...messagesOf(stream.events), ...messagesOf(resumed.events)]
      .filter((m) => m.role === 'citizen')
      .map((m) => m.text);
    expect(texts).toEqual(['Hej! Hur söker jag boendeparkering?', 'Ett', 'Två', 'Tre', 'Fyra']);
  });

  it('closes: the chat becomes a case on channel chat, and the transcript is mailed', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start({ locale: 'en' });
    await citizen.send('Thanks, never mind.');
    const response = await citizen.post('close', { transcriptTo: 'anna.andersson@example.se' });
    expect(response.status).toBe(200);
    const session = ChatSessionSchema.parse(await response.json()) as ChatSession;
    expect(session.status).toBe('ended');
    expect(session.caseReference).toMatch(/^KC-/);
    expect(session.messages.at(-1)).toMatchObject({ role: 'system', system: 'ended_by_citizen' });
    const reference = session.caseReference ?? '';
    const stored = await server.database.inspect((db) =>
      db
        .selectFrom('cases')
        .select(['channel', 'department', 'page_url', 'staff_status'])
        .where('reference', '=', reference)
        .executeTakeFirst(),
    );
    expect(stored).toEqual({
      channel: 'chat',
      department: 'gata',
      page_url: 'https://gata.example.se/parkering/boendeparkering',
      staff_status: 'received',
    });
    const mails = await server.database.inspect((db) =>
      db
        .selectFrom('mail_outbox')
        .select(['recipient', 'subject', 'body'])
        .where('case_reference', '=', reference)
        .execute(),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.recipient).toBe('anna.andersson@example.se');
    expect(mails[0]?.subject).toBe(`Your chat with the contact center (${reference})`);
    expect(mails[0]?.body).toContain('You: Thanks, never mind.');
    // Ended: no more messages, and closing again says so.
    expect(
      (await citizen.post('messages', { clientMessageId: crypto.randomUUID(), text: 'x' })).status,
    ).toBe(409);
    expect((await citizen.post('close', {})).status).toBe(409);
  });
});

describe('a chat in progress and the API’s rate limit', () => {
  it('is not held to the per-address budget for sending cases', async () => {
    const tight = await startTestServer({
      now: clockFrom(OPEN),
      rateLimit: { windowMs: 60_000, max: 3 },
    });
    try {
      const citizen = new TestCitizen(tight.url);
      await citizen.start();
      // Twelve POSTs in a minute from one address: over the budget of 3, within the chat's own.
      for (let i = 0; i < 4; i++) {
        await citizen.send(`Meddelande ${i}`);
        expect((await citizen.post('typing', { typing: true })).status).toBe(204);
        expect((await citizen.post('typing', { typing: false })).status).toBe(204);
      }
      // A case is still limited as before.
      const cases = await Promise.all(
        [1, 2, 3, 4].map(() =>
          fetch(`${tight.url}/v1/cases`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          }),
        ),
      );
      expect(cases.map((r) => r.status)).toContain(429);
    } finally {
      await tight.close();
    }
  });
});
