import type { ChatSessionState } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpPeer } from '../mail/test-support/smtp-peer.js';
import { startSmtpPeer } from '../mail/test-support/smtp-peer.js';
import { signIn, testAccounts } from '../test-support/agents.js';
import { TestAgent, TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';

/*
 * A chat's life beyond the conversation, on the store under test: the transcript mailed through a
 * real SMTP peer, the queue moving (places and the wait estimate told to each waiting chat), a
 * chat nobody answered ending as a case, and one queue per department.
 */

/** Thursday 2027-03-11, 09:00 in Stockholm: open. */
const OPEN = Date.parse('2027-03-11T08:00:00Z');

let peer: SmtpPeer;
let server: TestServer;
let anna: TestAgent;
/** Added to the server's clock: a test moves time on. */
let skipped = 0;

beforeAll(async () => {
  peer = await startSmtpPeer();
  const started = Date.now();
  server = await startTestServer({
    now: () => new Date(OPEN + (Date.now() - started) + skipped),
    accounts: await testAccounts(),
    chat: {
      startLimit: { windowMs: 60_000, max: 1000, burst: 1000 },
      maxWaitMinutes: 20,
      // Anna takes four chats in a row to make a history of waits.
      maxChatsPerAgent: 10,
    },
    mail: {
      from: { name: 'Kontaktcenter', address: 'kontaktcenter@sundsvall.example.se' },
      smtp: { host: peer.host, port: peer.port, security: 'none' },
    },
  });
  anna = new TestAgent(server.url, await signIn(server.url, 'anna'));
});

afterAll(async () => {
  await server?.close();
  await peer?.close();
});

/** Ends every chat Anna holds, so each test starts with her hands free. */
async function endAnnasChats(): Promise<void> {
  for (const chat of (await anna.queue()).mine) {
    expect((await anna.post(`/sessions/${chat.id}/end`, {})).status).toBe(200);
  }
}

describe('the transcript by e-mail', () => {
  it('is mailed in the citizen’s language when the chat ends, and again on request after', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start({ locale: 'fi', message: 'Hei! Miten haen pysäköintilupaa?' });
    await anna.take(citizen.id);
    await anna.send(citizen.id, 'Hei! E-palvelussa.');
    // Asked while the chat runs: kept, and mailed whole at its end.
    expect((await citizen.post('transcript', { email: 'matti@example.fi' })).status).toBe(202);
    expect(peer.received).toHaveLength(0);
    const ended = await anna.post(`/sessions/${citizen.id}/end`, {});
    const reference = ((await ended.json()) as { caseReference: string }).caseReference;
    const [mail] = await peer.waitFor(1);
    expect(mail?.recipients).toEqual(['matti@example.fi']);
    expect(mail?.parsed.subject).toBe(`Chattisi asiakaspalvelun kanssa (${reference})`);
    const text = mail?.parsed.text ?? '';
    expect(text).toContain('Sinä: Hei! Miten haen pysäköintilupaa?');
    expect(text).toContain('Anna: Hei! E-palvelussa.');
    expect(text).toContain('Neuvoja lopetti chatin.');
    expect(text.indexOf('Sinä:')).toBeLessThan(text.indexOf('Anna:'));
    // After the end: at once, to the address given.
    expect((await citizen.post('transcript', { email: 'maija@example.fi' })).status).toBe(202);
    const [, again] = await peer.waitFor(2);
    expect(again?.recipients).toEqual(['maija@example.fi']);
    // A wrong token mails nothing and tells nothing.
    const wrong = await fetch(`${server.url}/v1/chat/sessions/${citizen.id}/transcript`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${'x'.repeat(43)}` },
      body: JSON.stringify({ email: 'someone@example.se' }),
    });
    expect(wrong.status).toBe(404);
  });
});

describe('the queue', () => {
  it('tells each waiting chat its new place when the line moves, and the wait once there is history', async () => {
    await endAnnasChats();
    const first = new TestCitizen(server.url);
    const second = new TestCitizen(server.url);
    await first.start();
    const queued = await second.start();
    const place = queued.queue?.position ?? 0;
    expect(place).toBeGreaterThanOrEqual(2);
    const stream = await second.stream();
    await anna.take(first.id);
    await stream.until(
      (events) =>
        events.some(
          (e) =>
            e.type === 'chat.session' && (e.data as ChatSessionState).queue?.position === place - 1,
        ),
      'the place moved up',
    );
    stream.cut();
    // Answered chats make a history: an estimate appears (three answered by now at least).
    await anna.take(second.id);
    const third = new TestCitizen(server.url);
    await third.start();
    await anna.take(third.id);
    const fourth = new TestCitizen(server.url);
    const waiting = await fourth.start();
    expect(waiting.queue?.estimatedWaitSeconds).toEqual(expect.any(Number));
    const availability = (await (
      await fetch(`${server.url}/v1/chat/availability?department=gata`)
    ).json()) as { queue: { waiting: number; estimatedWaitSeconds?: number } };
    expect(availability.queue.waiting).toBeGreaterThanOrEqual(1);
    expect(availability.queue.estimatedWaitSeconds).toEqual(expect.any(Number));
    await anna.take(fourth.id);
    await endAnnasChats();
  });

  it('ends a chat nobody answered in time: a case left received, and the citizen told', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start({ message: 'Är det någon där?' });
    skipped += 21 * 60_000;
    // A change wakes the housekeeping at once (else it looks within seconds anyway).
    await anna.presence('away');
    await expect
      .poll(async () => (await citizen.get()).status, { timeout: 10_000, interval: 200 })
      .toBe('ended');
    const session = await citizen.get();
    expect(session.messages.at(-1)?.system).toBe('ended_unanswered');
    const reference = session.caseReference ?? '';
    const stored = await server.database.inspect((db) =>
      db
        .selectFrom('cases')
        .select(['channel', 'staff_status', 'assignee_id'])
        .where('reference', '=', reference)
        .executeTakeFirst(),
    );
    expect(stored).toEqual({ channel: 'chat', staff_status: 'received', assignee_id: null });
  });
});

describe('one queue per department', () => {
  it('puts each department’s chats in line apart', async () => {
    const started = Date.now();
    const perDepartment = await startTestServer({
      now: () => new Date(OPEN + (Date.now() - started)),
      chat: { queue: 'department' },
    });
    try {
      const gata = new TestCitizen(perDepartment.url);
      const skola = new TestCitizen(perDepartment.url);
      expect((await gata.start()).queue?.position).toBe(1);
      const school = await skola.start({
        department: 'skola',
        origin: {
          department: 'skola',
          pageUrl: 'https://skola.example.se/',
          widget: 'kc-chat-bubble',
        },
      });
      expect(school.queue?.position).toBe(1);
      expect((await new TestCitizen(perDepartment.url).start()).queue?.position).toBe(2);
    } finally {
      await perDepartment.close();
    }
  });
});
