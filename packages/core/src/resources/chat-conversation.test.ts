// client.chat against a scripted chat API on loopback (test-support/chat-peer.ts): ordering and dedup
// across the start answer, the POST's answer, the stream and its replays; receipts; typing;
// sending through dropped connections and 503s; failing on a 422; resume after a "reload".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client.js';
import { isValidationError } from '../errors/ValidationError.js';
import type { ChatPeer } from '../test-support/chat-peer.js';
import { SESSION_ID, startChatPeer, TOKEN } from '../test-support/chat-peer.js';
import type { ChatConversation } from './chat.js';
import type { ChatConversationEvent } from './chat-events.js';

let peer: ChatPeer | undefined;
const aborts: AbortController[] = [];
afterEach(async () => {
  for (const controller of aborts.splice(0)) controller.abort();
  await peer?.close();
  peer = undefined;
});

async function setUp() {
  peer = await startChatPeer();
  const client = createClient({
    endpoint: peer.url,
    department: 'gata',
    outbox: false,
    pageUrl: () => 'https://gata.example.se/parkering',
  });
  return { peer, client };
}

/** A signal aborted after the test, so no conversation outlives it. */
function signal(): AbortSignal {
  const controller = new AbortController();
  aborts.push(controller);
  return controller.signal;
}

const EVENT_TYPES = ['message', 'receipt', 'typing', 'session', 'connection', 'error'];

/** Resolves once `check` holds, looked at after every event of the conversation. */
function until(chat: ChatConversation, check: () => boolean, ms = 10_000): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('timed out waiting'));
    }, ms);
    const listener = () => {
      if (!check()) return;
      stop();
      resolve();
    };
    const stop = () => {
      clearTimeout(timer);
      for (const type of EVENT_TYPES) chat.removeEventListener(type, listener);
    };
    for (const type of EVENT_TYPES) chat.addEventListener(type, listener);
  });
}

const texts = (chat: ChatConversation) => chat.messages.map((each) => each.text);

describe('client.chat', () => {
  it('reads the availability with its schema', async () => {
    const { client } = await setUp();
    expect(await client.chat.availability()).toMatchObject({ open: true, agentsAvailable: 2 });
    expect(peer?.requests[0]?.path).toBe('/v1/chat/availability');
  });

  it('starts with a first message from the page, and keeps one copy of each message in the server’s order', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv', message: 'Hej!' }, { signal: signal() });
    expect(peer.requests[0]?.body).toMatchObject({
      department: 'gata',
      locale: 'sv',
      message: 'Hej!',
      clientMessageId: expect.any(String),
      origin: { department: 'gata', pageUrl: 'https://gata.example.se/parkering', widget: 'sdk' },
    });
    expect(chat.id).toBe(SESSION_ID);
    expect(chat.token).toBe(TOKEN);
    expect(chat.state.status).toBe('queued');
    expect(texts(chat)).toEqual(['Hej!']);
    await until(chat, () => chat.connection === 'online');

    const sending = chat.send('  Var kan jag parkera?  ');
    // Shown at once, before any answer.
    expect(chat.messages.at(-1)).toMatchObject({ local: 'pending', text: 'Var kan jag parkera?' });
    const stored = await sending;
    expect(stored).toMatchObject({ id: 'm000002', role: 'citizen', state: 'sent' });
    peer.setState({ status: 'active', agentName: 'Anna' });
    peer.agentSays('Hej! Vid Storgatan.');
    await until(chat, () => chat.messages.length === 3 && chat.state.status === 'active');
    // The stream's copy of the citizen's own message did not add a second one.
    expect(texts(chat)).toEqual(['Hej!', 'Var kan jag parkera?', 'Hej! Vid Storgatan.']);
    expect(chat.messages.every((each) => each.local === undefined)).toBe(true);
    expect(chat.state.agentName).toBe('Anna');
    expect(chat.lastEventId).toBe('4');
  });

  it('resumes a cut stream from the last event id with nothing lost or doubled', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: signal() });
    const connection: string[] = [];
    chat.addEventListener('connection', (event) => connection.push(event.state));
    await until(chat, () => chat.connection === 'online');
    peer.agentSays('Ett');
    await until(chat, () => chat.messages.length === 1);
    peer.cut();
    peer.agentSays('Två'); // while the stream is down
    await until(chat, () => chat.messages.length === 2);
    expect(connection).toEqual(['online', 'reconnecting', 'online']);
    const streams = peer.requests.filter((each) => each.path.endsWith('/stream'));
    expect(streams.map((each) => each.lastEventId)).toEqual([undefined, '1']);
    peer.replay(1); // an event sent twice
    peer.agentSays('Tre');
    await until(chat, () => chat.messages.length === 3);
    expect(texts(chat)).toEqual(['Ett', 'Två', 'Tre']);
  });

  it('moves receipts forward only and stops the agent’s typing with a message or by itself', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv', message: 'Hej!' }, { signal: signal() });
    await until(chat, () => chat.connection === 'online');
    peer.receipt({ role: 'citizen', upTo: 'm000001', state: 'read' });
    peer.receipt({ role: 'citizen', upTo: 'm000001', state: 'delivered' });
    peer.typing(true);
    await until(chat, () => chat.agentTyping);
    expect(chat.messages[0]?.state).toBe('read');
    peer.agentSays('Svar');
    await until(chat, () => !chat.agentTyping);
    expect(chat.messages[0]?.state).toBe('read');

    // A "stopped" that never comes: the conversation stops it after a few seconds. Meanwhile the
    // citizen types: "typing" goes once for three keystrokes, "stopped" by itself after a pause.
    peer.typing(true);
    await until(chat, () => chat.agentTyping);
    const started = Date.now();
    chat.typing(true);
    chat.typing(true);
    chat.typing(true);
    await until(chat, () => !chat.agentTyping);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    const typing = () =>
      peer.requests.filter((each) => each.path.endsWith('/typing')).map((each) => each.body);
    await vi.waitFor(() => expect(typing()).toEqual([{ typing: true }, { typing: false }]));
  });

  it('keeps a message through a dropped connection and a 503 with Retry-After, and sends it once', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: signal() });
    peer.script('drop', { status: 503, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const stored = await chat.send('Är ni där?');
    const posts = peer.requests.filter((each) => each.path.endsWith('/messages'));
    expect(posts).toHaveLength(3);
    // The same message every time: the server stores it once.
    expect(new Set(posts.map((each) => JSON.stringify(each.body))).size).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(stored.text).toBe('Är ni där?');
    await until(chat, () => chat.messages.length === 1 && chat.messages[0]?.id !== undefined);
    expect(peer.messages).toHaveLength(1);
  });

  it('marks a message the server refuses failed with the typed error, and sends the next', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: signal() });
    peer.script({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Invalid',
        status: 422,
        code: 'validation_failed',
        errors: [{ field: 'text', pointer: '/text', code: 'too_long' }],
      },
    });
    const refused = chat.send('Först');
    const next = chat.send('Sedan');
    await expect(refused).rejects.toSatisfy(isValidationError);
    await expect(next).resolves.toMatchObject({ text: 'Sedan' });
    const failed = chat.messages.find((each) => each.text === 'Först');
    expect(failed).toMatchObject({ local: 'failed', error: { code: 'validation_failed' } });
    expect(failed?.error?.fieldErrors[0]?.field).toBe('text');
    expect(chat.toJSON().unsent).toEqual([]);
    expect(chat.discard(failed?.clientMessageId ?? '')).toBe(true);
    expect(texts(chat)).toEqual(['Sedan']);
    // Checked before any request.
    await expect(chat.send('   ')).rejects.toMatchObject({
      fieldErrors: [{ field: 'text', code: 'required' }],
    });
  });

  it('carries unsent messages across a reload (toJSON, resume) and sends each once', async () => {
    const { peer, client } = await setUp();
    const page = new AbortController();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: page.signal });
    peer.script('drop', 'drop', 'drop', 'drop', 'drop');
    const sending = chat.send('Hinner ni?');
    await vi.waitFor(() =>
      expect(peer.requests.some((each) => each.path.endsWith('/messages'))).toBe(true),
    );
    page.abort(); // the page goes away
    await expect(sending).rejects.toMatchObject({ code: 'aborted' });
    expect(chat.connection).toBe('closed');
    const saved = JSON.parse(JSON.stringify(chat));
    expect(saved).toMatchObject({
      id: SESSION_ID,
      token: TOKEN,
      unsent: [{ text: 'Hinner ni?', clientMessageId: expect.any(String) }],
    });

    peer.unscript(); // the network is back
    peer.requests.length = 0;
    const again = await client.chat.resume(saved, { signal: signal() });
    expect(again.messages).toMatchObject([{ local: 'pending', text: 'Hinner ni?' }]);
    await until(again, () => again.messages[0]?.id !== undefined);
    peer.agentSays('Ja');
    await until(again, () => again.messages.length === 2);
    expect(texts(again)).toEqual(['Hinner ni?', 'Ja']);
    expect(peer.messages.map((each) => each.text)).toEqual(['Hinner ni?', 'Ja']);
  });

  it('refuses a record that is not one, and a wrong token like an unknown session', async () => {
    const { client } = await setUp();
    await expect(client.chat.resume({ id: 'nope', token: TOKEN })).rejects.toSatisfy(
      isValidationError,
    );
    await expect(
      client.chat.resume({ id: SESSION_ID, token: 'x'.repeat(43) }),
    ).rejects.toMatchObject({ code: 'chat_not_found', status: 404 });
  });

  it('yields its events to an async iterator, which ends when the chat is closed with a case reference', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: signal() });
    const seen: string[] = [];
    const loop = (async () => {
      for await (const event of chat as AsyncIterable<ChatConversationEvent>) {
        seen.push(event.type === 'message' ? `message:${event.message.text}` : event.type);
      }
    })();
    await until(chat, () => chat.connection === 'online');
    peer.agentSays('Hej');
    await until(chat, () => chat.messages.length === 1);
    const ended = await chat.close({ transcriptTo: 'anna@example.se' });
    expect(ended).toMatchObject({ status: 'ended', caseReference: 'KC-7F3K-9QXM' });
    await loop;
    expect(seen.slice(0, 2)).toEqual(['connection', 'message:Hej']);
    expect(seen).toContain('session');
    expect(seen.at(-1)).toBe('connection');
    expect(chat.state.status).toBe('ended');
    expect(chat.connection).toBe('closed');
    expect(peer.requests.find((each) => each.path.endsWith('/close'))?.body).toEqual({
      transcriptTo: 'anna@example.se',
    });
    await expect(chat.send('Hallå?')).rejects.toMatchObject({ code: 'chat_ended' });
    await vi.waitFor(() => expect(peer.openStreams()).toBe(0));

    // Resumed after it ended (a reload on the last page): shown as ended, nothing followed.
    const streams = () => peer.requests.filter((each) => each.path.endsWith('/stream')).length;
    const before = streams();
    const again = await client.chat.resume(JSON.parse(JSON.stringify(chat)));
    expect(again.state.status).toBe('ended');
    expect(again.connection).toBe('closed');
    expect(texts(again)).toEqual(texts(chat));
    expect(streams()).toBe(before);
  });

  it('refuses to start outside opening hours with chat_closed and when it opens', async () => {
    const { peer, client } = await setUp();
    peer.closeUntil('2026-12-07T07:00:00Z');
    await expect(client.chat.start({ locale: 'sv' })).rejects.toMatchObject({
      code: 'chat_closed',
      status: 409,
      problem: { opensAt: '2026-12-07T07:00:00Z' },
    });
  });

  it('stops when the agent ends the chat: a message not stored fails with chat_ended, loops end', async () => {
    const { peer, client } = await setUp();
    const chat = await client.chat.start({ locale: 'sv' }, { signal: signal() });
    await until(chat, () => chat.connection === 'online');
    const loop = (async () => {
      const seen: string[] = [];
      for await (const event of chat) seen.push(event.type);
      return seen;
    })();
    peer.script({ status: 503, headers: { 'retry-after': '30' } });
    const sending = chat.send('Hallå?');
    await vi.waitFor(() =>
      expect(peer.requests.some((each) => each.path.endsWith('/messages'))).toBe(true),
    );
    peer.agentEnds();
    await expect(sending).rejects.toMatchObject({ code: 'chat_ended' });
    expect(await loop).toContain('session');
    expect(chat.state).toMatchObject({ status: 'ended', caseReference: 'KC-7F3K-9QXM' });
    expect(chat.messages[0]).toMatchObject({ role: 'system', system: 'ended_by_agent' });
    expect(chat.messages.at(-1)).toMatchObject({ local: 'failed', error: { code: 'chat_ended' } });
    expect(chat.connection).toBe('closed');
  });
});
