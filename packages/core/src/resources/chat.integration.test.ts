// client.chat against the real reference server, with an agent answering through the agent
// SDK: start → queue → taken → messages both ways → the stream's connection killed and resumed
// with nothing lost or doubled → close → a case; a message sent while offline (and one whose
// answer was lost) is stored once.
import { TEST_PASSWORD, testAccounts } from '@kontakt/server/test-support';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAgentClient } from '../agent/client.js';
import { createClient } from '../client.js';
import { cookieFetch } from '../test-support/cookie-jar.js';
import { cleanUp, server } from '../test-support/real-servers.js';
import type { ChatConversation } from './chat.js';

afterEach(cleanUp);

/** Thursday 2027-03-11, 10:00 in Stockholm: the contact center is open. */
const OPEN = Date.parse('2027-03-11T09:00:00Z');

async function openServer() {
  const started = Date.now();
  return server({
    now: () => new Date(OPEN + (Date.now() - started)),
    accounts: await testAccounts(),
    // Reconnect soon after the test kills a connection.
    events: { retryMs: 50 },
  });
}

/**
 * The citizen's network, as the test controls it: `cut()` kills the live stream's connection
 * (its reader fails as on a dropped network), `offline` fails requests before they leave, and
 * `loseNextAnswer` lets the next message reach the server but loses its answer.
 */
function network() {
  const streams = new Set<AbortController>();
  const seen: { url: string; method: string; lastEventId: string | null }[] = [];
  const state = { offline: false, loseNextAnswer: false };
  const networkFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      method: request.method,
      lastEventId: request.headers.get('last-event-id'),
    });
    if (state.offline) throw new TypeError('fetch failed');
    if (!request.url.endsWith('/stream')) {
      const response = await fetch(request);
      if (state.loseNextAnswer && request.url.endsWith('/messages')) {
        state.loseNextAnswer = false;
        await response.body?.cancel();
        throw new TypeError('fetch failed');
      }
      return response;
    }
    const connection = new AbortController();
    streams.add(connection);
    const signal = AbortSignal.any([connection.signal, ...(init?.signal ? [init.signal] : [])]);
    return fetch(request, { signal });
  };
  return {
    fetch: networkFetch,
    state,
    seen,
    cut() {
      for (const connection of streams) connection.abort(new TypeError('network changed'));
      streams.clear();
    },
  };
}

/** Resolves once `check` holds, looked at after each of the conversation's events. */
function until(chat: ChatConversation, check: () => boolean, what: string): Promise<void> {
  if (check()) return Promise.resolve();
  const types = ['message', 'receipt', 'typing', 'session', 'connection', 'error'];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out waiting for ${what}`));
    }, 10_000);
    const listener = () => {
      if (!check()) return;
      stop();
      resolve();
    };
    const stop = () => {
      clearTimeout(timer);
      for (const type of types) chat.removeEventListener(type, listener);
    };
    for (const type of types) chat.addEventListener(type, listener);
  });
}

async function signedInAgent(url: string) {
  const agent = createAgentClient({ endpoint: url, fetch: cookieFetch() });
  await agent.session.signIn({ username: 'anna', password: TEST_PASSWORD });
  return agent;
}

const texts = (chat: ChatConversation) =>
  chat.messages.filter((each) => each.role !== 'system').map((each) => each.text);

describe('client.chat with the real server', () => {
  it('chats with an agent through a killed connection, with nothing lost or doubled, and ends as a case', async () => {
    const { url } = await openServer();
    const net = network();
    const client = createClient({
      endpoint: url,
      department: 'gata',
      outbox: false,
      fetch: net.fetch,
      pageUrl: () => 'https://gata.example.se/parkering',
    });
    expect(await client.chat.availability()).toMatchObject({ department: 'gata', open: true });

    const page = new AbortController();
    const chat = await client.chat.start(
      { locale: 'sv', message: 'Hej! Hur söker jag boendeparkering?' },
      { signal: page.signal },
    );
    expect(chat.state.status).toBe('queued');
    await until(chat, () => chat.connection === 'online', 'the stream');

    const agent = await signedInAgent(url);
    await agent.chat.take(chat.id);
    await until(chat, () => chat.state.status === 'active', 'the agent to take the chat');
    expect(chat.state.agentName).toBeTruthy();
    await agent.chat.send(chat.id, 'Hej! Det gör du i e-tjänsten.');
    await until(chat, () => texts(chat).includes('Hej! Det gör du i e-tjänsten.'), 'the answer');

    await chat.send('Tack! Vad kostar det?');

    net.cut();
    await until(chat, () => chat.connection === 'reconnecting', 'the stream to drop');
    await agent.chat.send(chat.id, 'Det kostar 300 kronor per månad.');
    await agent.chat.send(chat.id, 'Något mer?');
    await until(chat, () => texts(chat).includes('Något mer?'), 'the answers sent meanwhile');
    const streams = net.seen.filter((each) => each.url.endsWith('/stream'));
    expect(streams.at(-1)?.lastEventId).toBeTruthy();

    expect(texts(chat)).toEqual([
      'Hej! Hur söker jag boendeparkering?',
      'Hej! Det gör du i e-tjänsten.',
      'Tack! Vad kostar det?',
      'Det kostar 300 kronor per månad.',
      'Något mer?',
    ]);
    const ids = chat.messages.map((each) => each.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seenByAgent = await agent.chat.get(chat.id);
    expect(seenByAgent.messages.filter((each) => each.role === 'citizen')).toHaveLength(2);

    const ended = await chat.close();
    expect(ended.status).toBe('ended');
    expect(ended.caseReference).toMatch(/^KC-/);
    expect(chat.connection).toBe('closed');
  });

  it('keeps a message written offline, and one whose answer was lost, and stores each once', async () => {
    const { url } = await openServer();
    const net = network();
    const client = createClient({
      endpoint: url,
      department: 'gata',
      outbox: false,
      fetch: net.fetch,
      pageUrl: () => 'https://gata.example.se/parkering',
    });
    const page = new AbortController();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: page.signal });
    await until(chat, () => chat.connection === 'online', 'the stream');

    net.state.loseNextAnswer = true;
    const lost = chat.send('Första frågan');
    net.state.offline = true;
    net.cut();
    const offline = chat.send('Andra frågan');
    expect(chat.messages.filter((each) => each.local === 'pending')).toHaveLength(2);
    // Tried (the lost answer) and tried again while offline, before the network comes back.
    await vi.waitFor(
      () => expect(net.seen.filter((each) => each.url.endsWith('/messages')).length).toBe(2),
      { timeout: 10_000 },
    );
    net.state.offline = false;
    const [first, second] = await Promise.all([lost, offline]);
    expect(first.text).toBe('Första frågan');
    expect(second.text).toBe('Andra frågan');
    await until(chat, () => chat.connection === 'online', 'the stream again');

    const agent = await signedInAgent(url);
    const seen = await agent.chat.get(chat.id);
    expect(
      seen.messages.filter((each) => each.role === 'citizen').map((each) => each.text),
    ).toEqual(['Första frågan', 'Andra frågan']);
    expect(texts(chat)).toEqual(['Första frågan', 'Andra frågan']);
    page.abort();
  });
});
