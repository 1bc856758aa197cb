import type { AgentChat } from '@kontakt/core/agent';
import { AgentCaseSchema, AgentChatQueueSchema, AgentChatSchema } from '@kontakt/core/agent';
import type { ChatMessage, ChatReceipt, ChatSessionState } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOf, TestAgent, TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/index.js';
import { signIn, startTestServer, testAccounts } from '../test-support/index.js';

/*
 * The agents' side over real HTTP on the store under test: the queue (specialists see their
 * departments' only), taking (two at once: one winner), messages both ways with their receipts,
 * hand-over, the end with a reason (a case with its transcript, in the inbox), offers.
 */

/** Thursday 2027-03-11, 10:00 in Stockholm: open. */
const OPEN = Date.parse('2027-03-11T09:00:00Z');

let server: TestServer;
let anna: TestAgent;
let alva: TestAgent;
let sven: TestAgent;

beforeAll(async () => {
  const started = Date.now();
  server = await startTestServer({
    now: () => new Date(OPEN + (Date.now() - started)),
    accounts: await testAccounts(),
    rateLimit: { windowMs: 60_000, max: 10_000 },
    chat: { startLimit: { windowMs: 60_000, max: 1000, burst: 1000 }, offerTimeoutSeconds: 5 },
  });
  anna = new TestAgent(server.url, await signIn(server.url, 'anna'));
  alva = new TestAgent(server.url, await signIn(server.url, 'alva'));
  sven = new TestAgent(server.url, await signIn(server.url, 'sven'));
});

afterAll(async () => {
  await server?.close();
});

/** Takes a new chat of `gata` off the queue as `agent`. */
async function takenChat(agent: TestAgent): Promise<{ citizen: TestCitizen; chat: AgentChat }> {
  const citizen = new TestCitizen(server.url);
  await citizen.start();
  return { citizen, chat: await agent.take(citizen.id) };
}

describe('the chat queue', () => {
  it('lists waiting chats by department: a specialist of skola does not see gata’s', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const queue = AgentChatQueueSchema.parse(await anna.queue());
    const waiting = queue.waiting.find((chat) => chat.id === citizen.id);
    expect(waiting).toMatchObject({
      department: 'gata',
      status: 'queued',
      origin: { pageUrl: 'https://gata.example.se/parkering/boendeparkering' },
      preview: 'Hej! Hur söker jag boendeparkering?',
    });
    expect(queue.callbacks).toEqual(expect.any(Array));
    const svens = await sven.queue();
    expect(svens.waiting.some((chat) => chat.id === citizen.id)).toBe(false);
    const refused = await sven.post('/take', { id: citizen.id });
    expect(refused.status).toBe(404);
  });

  it('gives a chat taken by two agents at once to one of them; the other gets chat_not_waiting', async () => {
    const citizen = new TestCitizen(server.url);
    await citizen.start();
    const [a, b] = await Promise.all([
      anna.post('/take', { id: citizen.id }),
      alva.post('/take', { id: citizen.id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(((await loser.json()) as { code: string }).code).toBe('chat_not_waiting');
    const session = await citizen.get();
    expect(session.status).toBe('active');
    expect(['Anna', 'Alva']).toContain(session.agentName);
  });

  it('needs a session and the CSRF token', async () => {
    expect((await fetch(`${server.url}/v1/agent/chat/queue`)).status).toBe(401);
    const noCsrf = await fetch(`${server.url}/v1/agent/chat/take`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: anna.session.cookie },
      body: '{}',
    });
    expect(noCsrf.status).toBe(403);
  });
});

describe('a chat between a citizen and an agent', () => {
  it('carries messages both ways, live, with delivered and read receipts', async () => {
    const { citizen, chat } = await takenChat(anna);
    AgentChatSchema.parse(chat);
    expect(chat.messages.map((m) => m.system ?? m.role)).toEqual([
      'queued',
      'citizen',
      'agent_joined',
    ]);
    const citizenStream = await citizen.stream();
    const agentStream = await anna.chatStream(citizen.id);
    await citizenStream.until(
      (events) => messagesOf(events).some((m) => m.system === 'agent_joined'),
      'the agent joined',
    );

    const answer = await anna.send(citizen.id, 'Hej! Det gör du på e-tjänsten.');
    // The citizen's stream is open: it is delivered as it is sent.
    expect(answer).toMatchObject({ role: 'agent', authorName: 'Anna', state: 'delivered' });
    await citizenStream.until(
      (events) => messagesOf(events).some((m) => m.id === answer.id),
      'the answer at the citizen',
    );
    const reply = await citizen.send('Tack!');
    await agentStream.until(
      (events) => messagesOf(events).some((m) => m.id === reply.id),
      'the reply at the agent',
    );
    // Both of the citizen's messages are unread in the agent's list until the agent reads them.
    const unreadOf = async () =>
      (await anna.queue()).mine.find((chat) => chat.id === citizen.id)?.unread;
    expect(await unreadOf()).toBe(2);
    expect((await anna.post(`/sessions/${citizen.id}/read`, { upTo: reply.id })).status).toBe(204);
    expect(await unreadOf()).toBe(0);
    expect((await anna.queue()).mine.find((chat) => chat.id === citizen.id)?.preview).toBe('Tack!');
    // Typing is told to the other side.
    expect((await anna.post(`/sessions/${citizen.id}/typing`, { typing: true })).status).toBe(204);
    await citizenStream.until(
      (events) =>
        events.some(
          (e) => e.type === 'chat.typing' && (e.data as { role: string }).role === 'agent',
        ),
      'the agent typing',
    );
    // The citizen read the answer: the agent's stream gets the receipt.
    expect((await citizen.post('read', { upTo: answer.id })).status).toBe(204);
    await agentStream.until(
      (events) =>
        events.some(
          (e) =>
            e.type === 'chat.receipt' &&
            (e.data as ChatReceipt).state === 'read' &&
            (e.data as ChatReceipt).role === 'agent',
        ),
      'the read receipt',
    );
    const seen = await citizen.get();
    expect(seen.messages.find((m) => m.id === answer.id)?.state).toBe('read');
    // Typing is not kept once the chat has ended.
    expect((await anna.post(`/sessions/${citizen.id}/end`, {})).status).toBe(200);
    const typing = await server.database.inspect((db) =>
      db
        .selectFrom('events')
        .select('type')
        .where('stream', '=', `chat:${citizen.id}`)
        .where('type', '=', 'chat.typing')
        .execute(),
    );
    expect(typing).toEqual([]);
    citizenStream.cut();
    agentStream.cut();
  });

  it('lets only the agent who holds it speak in it', async () => {
    const { citizen } = await takenChat(anna);
    const other = await alva.post(`/sessions/${citizen.id}/messages`, {
      clientMessageId: crypto.randomUUID(),
      text: 'Hej',
    });
    expect(other.status).toBe(403);
  });

  it('hands a chat over to an available agent, and the citizen is told', async () => {
    const { citizen } = await takenChat(anna);
    // Alva is not at the console: not available.
    const refused = await anna.post(`/sessions/${citizen.id}/handover`, { agentId: 'alva' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('agent_not_available');
    await alva.presence('available');
    const response = await anna.post(`/sessions/${citizen.id}/handover`, { agentId: 'alva' });
    expect(response.status).toBe(200);
    const chat = (await response.json()) as AgentChat;
    expect(chat.agentId).toBe('alva');
    expect(chat.messages.at(-1)).toMatchObject({ system: 'handed_over', authorName: 'Alva' });
    expect((await citizen.get()).agentName).toBe('Alva');
    const late = await anna.post(`/sessions/${citizen.id}/messages`, {
      clientMessageId: crypto.randomUUID(),
      text: 'Hej igen',
    });
    expect(late.status).toBe(403);
    await alva.send(citizen.id, 'Hej, jag tar över.');
    await alva.presence('away');
  });

  it('ends with a reason: the chat is a case with its transcript, and the actions are audited', async () => {
    const { citizen } = await takenChat(anna);
    await anna.send(citizen.id, 'Du söker på e-tjänsten Boendeparkering.');
    await citizen.send('Tack, då vet jag.');
    const unknown = await anna.post(`/sessions/${citizen.id}/end`, { reason: 'no-such-reason' });
    expect(unknown.status).toBe(422);
    const response = await anna.post(`/sessions/${citizen.id}/end`, {
      reason: 'hittade-inte-information',
    });
    expect(response.status).toBe(200);
    const ended = AgentChatSchema.parse(await response.json());
    expect(ended.status).toBe('ended');
    const reference = ended.caseReference ?? '';
    expect(reference).toMatch(/^KC-/);
    const citizenView = await citizen.get();
    expect(citizenView).toMatchObject({ status: 'ended', caseReference: reference });
    expect(citizenView.messages.at(-1)?.system).toBe('ended_by_agent');

    const caseResponse = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
      headers: anna.session.headers,
    });
    expect(caseResponse.status).toBe(200);
    const found = (await caseResponse.json()) as {
      channel: string;
      status: string;
      reason: string | null;
      assignee: { id: string } | null;
      updatedAt: string;
      chat?: { messages: ChatMessage[] };
    };
    expect(found).toMatchObject({ channel: 'chat', status: 'resolved' });
    // Finished when the chat ended, so the dashboard counts it among the cases finished then.
    const finished = await server.database.inspect((db) =>
      db
        .selectFrom('cases')
        .select('finished_at')
        .where('reference', '=', reference)
        .executeTakeFirst(),
    );
    expect(finished?.finished_at).toBe(found.updatedAt);
    expect(found.assignee?.id).toBe('anna');
    expect(found.chat?.messages.map((m) => m.text).filter(Boolean)).toEqual([
      'Hej! Hur söker jag boendeparkering?',
      'Du söker på e-tjänsten Boendeparkering.',
      'Tack, då vet jag.',
    ]);
    const audit = await server.database.inspect((db) =>
      db
        .selectFrom('agent_audit')
        .select(['action', 'case_reference'])
        .where('agent_id', '=', 'anna')
        .where('action', 'like', 'chat.%')
        .execute(),
    );
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['chat.taken', 'chat.handed_over', 'chat.ended']),
    );
    expect(
      audit.some((entry) => entry.action === 'chat.ended' && entry.case_reference === reference),
    ).toBe(true);
  });
});

describe('the case a chat becomes', () => {
  it('was received from the chat’s start until it ended, then resolved: the change is recorded', async () => {
    const { citizen } = await takenChat(anna);
    await anna.send(citizen.id, 'Du söker på e-tjänsten Boendeparkering.');
    const response = await anna.post(`/sessions/${citizen.id}/end`, {});
    expect(response.status).toBe(200);
    const reference = AgentChatSchema.parse(await response.json()).caseReference ?? '';
    const caseResponse = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
      headers: anna.session.headers,
    });
    const found = AgentCaseSchema.parse(await caseResponse.json());
    expect(found.status).toBe('resolved');
    expect(found.statusHistory).toEqual([
      { status: 'received', from: found.createdAt, until: found.updatedAt },
      { status: 'resolved', from: found.updatedAt, until: null },
    ]);
    const changes = await server.database.inspect((db) =>
      db
        .selectFrom('case_status_changes')
        .select(['seq', 'from_status', 'to_status'])
        .where('case_reference', '=', reference)
        .execute(),
    );
    expect(changes).toEqual([{ seq: 1, from_status: 'received', to_status: 'resolved' }]);
  });
});

describe('offers', () => {
  it('offers a new chat to an available agent at the console, and passes it on when it runs out', async () => {
    // Nothing else waits, and nobody holds a chat: the earlier tests' chats end.
    for (const chat of (await anna.queue()).waiting) await anna.take(chat.id);
    for (const agent of [anna, alva]) {
      for (const chat of (await agent.queue()).mine) {
        expect((await agent.post(`/sessions/${chat.id}/end`, {})).status).toBe(200);
      }
    }
    const annas = await anna.stream();
    await anna.presence('available');
    const citizen = new TestCitizen(server.url);
    const session = await citizen.start();
    expect(session.status).toBe('queued');
    await annas.until(
      (events) =>
        events.some((e) => e.type === 'chat.offer' && (e.data as { id: string }).id === citizen.id),
      'the offer',
    );
    // Anna lets it run out; Alva comes to the console and gets it next.
    const alvas = await alva.stream();
    await alva.presence('available');
    await alvas.until(
      (events) =>
        events.some((e) => e.type === 'chat.offer' && (e.data as { id: string }).id === citizen.id),
      'the offer passed on',
      15_000,
    );
    const taken = await alva.take(citizen.id);
    expect(taken.agentId).toBe('alva');
    const state = (await citizen.get()) as ChatSessionState;
    expect(state.status).toBe('active');
    annas.cut();
    alvas.cut();
    await anna.presence('away');
    await alva.presence('away');
  }, 30_000);
});
