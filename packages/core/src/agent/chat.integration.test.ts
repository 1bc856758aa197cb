// The agent client's chat against the real reference server: the queue and its live stream with
// offers, presence, taking (once), one chat followed live and resumed, sending (idempotent),
// receipts, typing, hand-over and the end as a case; the citizen on the chat API beside it.
import type { TestServer } from '@kontakt/server/test-support';
import {
  ALWAYS_OPEN,
  gata,
  skola,
  startTestServer,
  TEST_PASSWORD,
  testAccounts,
} from '@kontakt/server/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import type { KontaktError } from '../errors/KontaktError.js';
import { isKontaktError } from '../errors/KontaktError.js';
import type { ChatMessage, ChatSessionAccess } from '../schemas/chat.js';
import { cookieFetch } from '../test-support/cookie-jar.js';
import type { AgentChatChange, AgentQueueChange } from './chat.js';
import { createAgentClient } from './client.js';

let server: TestServer | undefined;
const closers: (() => void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server?.close();
  server = undefined;
});

async function start(): Promise<TestServer> {
  server = await startTestServer({
    accounts: await testAccounts(),
    departments: [{ ...gata, openingHours: ALWAYS_OPEN }, skola],
  });
  return server;
}

async function agent(url: string, username: string) {
  const client = createAgentClient({ endpoint: url, fetch: cookieFetch() });
  await client.session.signIn({ username, password: TEST_PASSWORD });
  return client;
}

/** A citizen's chat, started over the citizen API. */
async function citizenChat(url: string, message: string): Promise<ChatSessionAccess> {
  const response = await fetch(`${url}/v1/chat/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://gata.example.se' },
    body: JSON.stringify({
      department: 'gata',
      locale: 'sv',
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/p',
        widget: 'kc-chat-bubble',
      },
      name: 'Kim',
      message,
      clientMessageId: crypto.randomUUID(),
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as ChatSessionAccess;
}

async function citizenSays(url: string, access: ChatSessionAccess, text: string): Promise<void> {
  const response = await fetch(`${url}/v1/chat/sessions/${access.session.id}/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${access.token}`,
      origin: 'https://gata.example.se',
    },
    body: JSON.stringify({ clientMessageId: crypto.randomUUID(), text }),
  });
  expect(response.status).toBe(201);
}

async function failure(promise: Promise<unknown>): Promise<KontaktError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isKontaktError(error)) throw new Error(`Expected a KontaktError, got ${String(error)}`);
  return error;
}

/** Resolves with the first change of `target` that `matches` (they arrive as events). */
function next<T extends { type: string }>(
  target: EventTarget,
  types: string[],
  matches: (change: T) => boolean,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${types.join('/')} in time`)), 10_000);
    for (const type of types) {
      target.addEventListener(type, (event) => {
        const change = (event as Event & { change: T }).change;
        if (matches(change)) {
          clearTimeout(timer);
          resolve(change);
        }
      });
    }
  });
}

describe('client.chat (agent)', () => {
  it('hears of a waiting chat, is offered it once available, takes it once; a second take is refused', async () => {
    const { url } = await start();
    const anna = await agent(url, 'anna');
    const alva = await agent(url, 'alva');
    const watch = anna.chat.watchQueue();
    closers.push(() => watch.close());
    await new Promise((resolve) => watch.addEventListener('open', resolve, { once: true }));
    expect((await anna.chat.queue()).presence).toBe('away');
    await anna.chat.setPresence('available');
    expect((await anna.chat.queue()).presence).toBe('available');

    const queued = next<AgentQueueChange>(watch, ['queue'], (change) => change.id !== undefined);
    const offered = next<AgentQueueChange>(watch, ['offer'], () => true);
    const access = await citizenChat(url, 'Hej! Hur söker jag boendeparkering?');
    expect((await queued).id).toBe(access.session.id);
    expect((await offered).id).toBe(access.session.id);
    const queue = await anna.chat.queue();
    expect(queue.waiting.map((chat) => chat.id)).toEqual([access.session.id]);
    expect(queue.waiting[0]).toMatchObject({ citizenName: 'Kim', department: 'gata' });

    const taken = await anna.chat.take(access.session.id);
    expect(taken).toMatchObject({ id: access.session.id, status: 'active', agentId: 'anna' });
    expect(taken.messages.map((message) => message.text)).toContain(
      'Hej! Hur söker jag boendeparkering?',
    );
    const again = await failure(alva.chat.take(access.session.id));
    expect(again.code).toBe('chat_not_waiting');
    expect(again.status).toBe(409);
    expect((await anna.chat.queue()).mine.map((chat) => chat.id)).toEqual([access.session.id]);
  });

  it('follows a chat live, sends idempotently, resumes after a drop, hands over, and ends it as a case', async () => {
    const { url } = await start();
    const anna = await agent(url, 'anna');
    const alva = await agent(url, 'alva');
    const access = await citizenChat(url, 'Hej!');
    const { id } = await anna.chat.take();

    const watch = anna.chat.watch(id);
    closers.push(() => watch.close());
    const heard = next<AgentChatChange>(
      watch,
      ['message'],
      (change) => change.type === 'message' && change.message.text === 'Jag bor på Storgatan 5.',
    );
    await citizenSays(url, access, 'Jag bor på Storgatan 5.');
    const citizen = await heard;
    if (citizen.type !== 'message') throw new Error('not a message');
    expect(citizen.message.role).toBe('citizen');

    // Sending twice with one clientMessageId stores one message.
    const clientMessageId = crypto.randomUUID();
    const sent = await anna.chat.send(id, 'Du söker i e-tjänsten.', { clientMessageId });
    const repeated = await anna.chat.send(id, 'Du söker i e-tjänsten.', { clientMessageId });
    expect(repeated.id).toBe(sent.id);
    expect(sent).toMatchObject({ role: 'agent', authorName: 'Anna' });
    expect(sent).not.toHaveProperty('language');
    // The language an agent's message is written in reaches the citizen with it.
    const english = await anna.chat.send(id, 'You apply in the e-service.', { language: 'en' });
    expect(english.language).toBe('en');
    const seen = await fetch(`${url}/v1/chat/sessions/${id}`, {
      headers: { authorization: `Bearer ${access.token}`, origin: 'https://gata.example.se' },
    });
    const { messages } = (await seen.json()) as { messages: ChatMessage[] };
    expect(messages.find((message) => message.id === english.id)?.language).toBe('en');
    await expect(
      failure(anna.chat.send(id, 'Hallo', { language: 'de' as never })),
    ).resolves.toMatchObject({ code: 'validation_failed' });
    await anna.chat.typing(id, true);
    await anna.chat.markRead(id, citizen.message.id);
    expect((await anna.chat.get(id)).unread).toBe(0);

    // A watch resumed from where one left off brings what came meanwhile, and not what it had.
    const cursor = watch.lastEventId;
    watch.close();
    await citizenSays(url, access, 'Tack!');
    const resumed = anna.chat.watch(id, { after: cursor });
    closers.push(() => resumed.close());
    const after: AgentChatChange[] = [];
    resumed.addEventListener('message', (event) =>
      after.push((event as Event & { change: AgentChatChange }).change),
    );
    await next<AgentChatChange>(
      resumed,
      ['message'],
      (change) => change.type === 'message' && change.message.text === 'Tack!',
    );
    const texts = after.flatMap((change) =>
      change.type === 'message' ? [change.message.text] : [],
    );
    expect(texts).not.toContain('Jag bor på Storgatan 5.');

    // Hand-over: only to someone available.
    const notAvailable = await failure(anna.chat.handover(id, 'alva'));
    expect(notAvailable.code).toBe('agent_not_available');
    const alvaWatch = alva.chat.watchQueue();
    closers.push(() => alvaWatch.close());
    await new Promise((resolve) => alvaWatch.addEventListener('open', resolve, { once: true }));
    await alva.chat.setPresence('available');
    const handed = await anna.chat.handover(id, 'alva');
    expect(handed.agentId).toBe('alva');
    expect((await failure(anna.chat.send(id, 'Hej igen'))).status).toBeGreaterThanOrEqual(400);

    const reasons = await alva.cases.reasons();
    const ended = await alva.chat.end(id, { reason: reasons[0]?.id as string });
    expect(ended.status).toBe('ended');
    expect(ended.caseReference).toMatch(/^KC-/);
    const stored = await alva.cases.get(ended.caseReference as string);
    expect(stored.channel).toBe('chat');
    expect(stored.reason?.id).toBe(reasons[0]?.id);
    expect(stored.chat?.messages.map((message) => message.text)).toEqual(
      expect.arrayContaining([
        'Hej!',
        'Jag bor på Storgatan 5.',
        'Du söker i e-tjänsten.',
        'Tack!',
      ]),
    );
    expect((await failure(alva.chat.end(id))).code).toBe('chat_ended');
  });
});
