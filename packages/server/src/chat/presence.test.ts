import type { AgentChat } from '@kontakt/core/agent';
import { AgentChatSchema } from '@kontakt/core/agent';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testAccounts } from '../test-support/agents.js';
import { messagesOf, TestAgent, TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';
import { seenEveryMs } from './presence.js';

/*
 * A citizen who left: the store knows when each citizen was last seen (their stream, their
 * requests). A waiting chat whose citizen is gone `leftAfterSeconds` ends as a case, with an end
 * saying they left, and leaves the queue live; a reload within that time keeps it. A taken chat's
 * agent sees whether the citizen is still there. Over real HTTP on the store under test.
 */

/** Thursday 2027-03-11, 10:00 in Stockholm: open. */
const OPEN = Date.parse('2027-03-11T09:00:00Z');
const LEFT_AFTER_SECONDS = 60;
/** The shortest there is: the stream's "still open" every 5 s, written every 10 s. */
const CITIZEN_AWAY_AFTER_SECONDS = 20;

let server: TestServer;
let anna: TestAgent;
/** Added to the server's clock: a test moves time on. */
let skipped = 0;

beforeAll(async () => {
  const started = Date.now();
  server = await startTestServer({
    now: () => new Date(OPEN + (Date.now() - started) + skipped),
    accounts: await testAccounts(),
    chat: {
      startLimit: { windowMs: 60_000, max: 1000, burst: 1000 },
      leftAfterSeconds: LEFT_AFTER_SECONDS,
      citizenAwayAfterSeconds: CITIZEN_AWAY_AFTER_SECONDS,
    },
  });
  anna = new TestAgent(server.url, await signIn(server.url, 'anna'));
});

afterAll(async () => {
  await server?.close();
});

/** The session as stored: read without being a request of its citizen (which would see them). */
const stored = (id: string) =>
  server.database.inspect((db) =>
    db
      .selectFrom('chat_sessions')
      .select(['status', 'ended_by', 'case_reference', 'citizen_seen_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  );

/** Wakes the housekeeping (a presence change does) and gives it a run. */
async function housekeep(): Promise<void> {
  await anna.presence('away');
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function agentView(id: string): Promise<AgentChat> {
  const response = await fetch(`${server.url}/v1/agent/chat/sessions/${id}`, {
    headers: anna.session.headers,
  });
  expect(response.status).toBe(200);
  return AgentChatSchema.parse(await response.json());
}

describe('a citizen who left the queue', () => {
  it('ends the waiting chat as a case saying they left, and the queue is told at once', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start({ message: 'Hur byter jag soptunna?' });
    const queueStream = await anna.stream();
    // The tab closed: nothing more of the citizen, for longer than leftAfterSeconds.
    skipped += (LEFT_AFTER_SECONDS + 5) * 1000;
    await anna.presence('away');
    await expect
      .poll(async () => (await stored(citizen.id)).status, { timeout: 10_000, interval: 200 })
      .toBe('ended');
    const session = await stored(citizen.id);
    expect(session.ended_by).toBe('left');
    await queueStream.until(
      (events) =>
        events.some(
          (e) => e.type === 'chat.queue' && (e.data as { id?: string }).id === citizen.id,
        ),
      'the queue told',
    );
    queueStream.cut();
    expect((await anna.queue()).waiting.map((chat) => chat.id)).not.toContain(citizen.id);
    // Nothing the citizen wrote is lost: a case, left for someone to follow up.
    const reference = session.case_reference ?? '';
    const kept = await server.database.inspect((db) =>
      db
        .selectFrom('cases')
        .select(['channel', 'staff_status', 'assignee_id'])
        .where('reference', '=', reference)
        .executeTakeFirst(),
    );
    expect(kept).toEqual({ channel: 'chat', staff_status: 'received', assignee_id: null });
    // Back later, the citizen's page reads why it ended.
    const seen = await citizen.get();
    expect(seen.status).toBe('ended');
    expect(seen.messages.at(-1)?.system).toBe('ended_citizen_left');
    expect(seen.messages.map((m) => m.text)).toContain('Hur byter jag soptunna?');
  });

  it('keeps the chat of a citizen who reloads within that time', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const first = await citizen.stream();
    first.cut();
    skipped += (LEFT_AFTER_SECONDS - 15) * 1000;
    // The reload: the page opens the chat's stream again (from sessionStorage).
    const reloaded = await citizen.stream();
    await reloaded.until((events) => messagesOf(events).length >= 2, 'the replay');
    reloaded.cut();
    skipped += (LEFT_AFTER_SECONDS - 15) * 1000;
    await housekeep();
    expect((await stored(citizen.id)).status).toBe('queued');
    // Any request of the citizen is being there, too.
    skipped += (LEFT_AFTER_SECONDS - 15) * 1000;
    await citizen.send('Är det långt kvar?');
    skipped += (LEFT_AFTER_SECONDS - 15) * 1000;
    await housekeep();
    expect((await stored(citizen.id)).status).toBe('queued');
    // Taken: no longer the queue's to end.
    await anna.take(citizen.id);
    skipped += (LEFT_AFTER_SECONDS + 5) * 1000;
    await housekeep();
    expect((await stored(citizen.id)).status).toBe('active');
    expect((await anna.post(`/sessions/${citizen.id}/end`, {})).status).toBe(200);
  });
});

describe('how often an open page says the citizen is there', () => {
  it('is twice within the away time with a reconnect to spare, at most every 15 s', () => {
    expect(seenEveryMs(40)).toBe(15_000);
    expect(seenEveryMs(20)).toBe(5_000);
    expect(seenEveryMs(3600)).toBe(15_000);
  });
});

describe('a citizen whose page stays open', () => {
  it('is seen every few seconds while their stream is open, without a word from them', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const stream = await citizen.stream();
    const opened = Date.parse((await stored(citizen.id)).citizen_seen_at ?? '');
    // The instance holding the stream says it is open (every 5 s here, written every 10 s), the
    // only sign of the citizen.
    await expect
      .poll(async () => Date.parse((await stored(citizen.id)).citizen_seen_at ?? '') > opened, {
        timeout: 20_000,
        interval: 500,
      })
      .toBe(true);
    // Gone longer than leftAfterSeconds since the stream opened, but not since last seen.
    skipped += (LEFT_AFTER_SECONDS - 10) * 1000;
    await housekeep();
    expect((await stored(citizen.id)).status).toBe('queued');
    stream.cut();
    await anna.take(citizen.id);
    expect((await anna.post(`/sessions/${citizen.id}/end`, {})).status).toBe(200);
  }, 40_000);
});

describe('a taken chat’s citizen', () => {
  it('shows the agent whether the citizen is still there, and tells their view when it changes', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const stream = await citizen.stream();
    await anna.take(citizen.id);
    const connected = await agentView(citizen.id);
    expect(connected.citizenConnected).toBe(true);
    expect(connected.citizenSeenAt).toEqual(expect.any(String));

    const agentStream = await anna.chatStream(citizen.id);
    await agentStream.until((events) => messagesOf(events).length >= 2, 'the replay');
    const sessionEvents = () => agentStream.events.filter((e) => e.type === 'chat.session').length;
    const before = sessionEvents();
    stream.cut();
    skipped += 45_000;
    await anna.presence('away');
    await agentStream.until(() => sessionEvents() > before, 'told the citizen is away');
    const away = await agentView(citizen.id);
    expect(away.citizenConnected).toBe(false);
    expect(Date.parse(away.citizenSeenAt ?? '')).toBeLessThan(
      Date.parse(connected.startedAt) + 45_000,
    );

    // Back: the page opens the stream again.
    const again = await citizen.stream();
    await agentStream.until(() => sessionEvents() > before + 1, 'told the citizen is back');
    expect((await agentView(citizen.id)).citizenConnected).toBe(true);
    again.cut();
    agentStream.cut();
    const ended = await anna.post(`/sessions/${citizen.id}/end`, {});
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as AgentChat).citizenConnected).toBeUndefined();
  });
});
