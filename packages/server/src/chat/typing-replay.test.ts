import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { OpenStream, SseEvent } from '../test-support/chat.js';
import { messagesOf, TestAgent, TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';

/*
 * Typing is live only: a stream that opens mid-chat, or resumes from its last id, is not told
 * that someone was typing some seconds ago; a stream already open is told as it happens. On the
 * store under test, over real HTTP.
 */

/** Thursday 2027-03-11, 10:00 in Stockholm: open. */
const OPEN = Date.parse('2027-03-11T09:00:00Z');

let server: TestServer;
let anna: TestAgent;
/** Added to the server's clock: a test moves time on. */
let skipped = 0;

beforeAll(async () => {
  const started = Date.now();
  server = await startTestServer({
    now: () => new Date(OPEN + (Date.now() - started) + skipped),
    accounts: await testAccounts(),
    chat: { startLimit: { windowMs: 60_000, max: 1000, burst: 1000 } },
  });
  anna = new TestAgent(server.url, await signIn(server.url, 'anna'));
});

afterAll(async () => {
  await server?.close();
});

const typingOf = (events: readonly SseEvent[], role: string) =>
  events.filter(
    (event) => event.type === 'chat.typing' && (event.data as { role: string }).role === role,
  );

/** Waits for the message `text` on `stream`: everything replayed before it has arrived. */
const until = (stream: OpenStream, text: string) =>
  stream.until((events) => messagesOf(events).some((m) => m.text === text), `"${text}"`);

describe('typing on the event log', () => {
  it('reaches open streams live, and is not replayed to streams opened or resumed seconds later', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    await anna.take(citizen.id);
    const citizenLive = await citizen.stream();
    const agentLive = await anna.chatStream(citizen.id);
    await until(citizenLive, 'Hej! Hur söker jag boendeparkering?');
    await agentLive.until((events) => messagesOf(events).length >= 2, 'the replay');
    const beforeTyping = citizenLive.lastId();

    expect((await anna.post(`/sessions/${citizen.id}/typing`, { typing: true })).status).toBe(204);
    expect((await citizen.post('typing', { typing: true })).status).toBe(204);
    await citizenLive.until((events) => typingOf(events, 'agent').length === 1, 'agent typing');
    await agentLive.until((events) => typingOf(events, 'citizen').length === 1, 'citizen typing');
    citizenLive.cut();
    agentLive.cut();

    // A reload a moment later still shows the other side typing: it is fresh.
    const soon = await citizen.stream();
    await soon.until((events) => typingOf(events, 'agent').length === 1, 'fresh typing replayed');
    soon.cut();

    skipped += 10_000;
    const reopened = await citizen.stream();
    const resumed = await citizen.stream(beforeTyping);
    const agentReopened = await anna.chatStream(citizen.id);
    await anna.send(citizen.id, 'Du söker i e-tjänsten.');
    await citizen.send('Tack!');
    for (const stream of [reopened, resumed, agentReopened]) {
      await until(stream, 'Du söker i e-tjänsten.');
      await until(stream, 'Tack!');
    }
    expect(typingOf(reopened.events, 'agent')).toEqual([]);
    expect(typingOf(resumed.events, 'agent')).toEqual([]);
    expect(typingOf(agentReopened.events, 'citizen')).toEqual([]);
    // The messages are all there: only typing is left out.
    expect(messagesOf(reopened.events).map((m) => m.text)).toContain(
      'Hej! Hur söker jag boendeparkering?',
    );

    // New typing still reaches the streams now open, at once.
    expect((await anna.post(`/sessions/${citizen.id}/typing`, { typing: true })).status).toBe(204);
    await reopened.until((events) => typingOf(events, 'agent').length === 1, 'live typing');
    await resumed.until((events) => typingOf(events, 'agent').length === 1, 'live typing');
    for (const stream of [reopened, resumed, agentReopened]) stream.cut();
  });
});
