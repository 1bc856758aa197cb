// client.chat in a real Chromium against a real server process: the stream read with the
// browser's fetch, the server killed mid-chat (a closed port) and started again — the stream
// resumes from Last-Event-ID and the message written meanwhile is stored once — then a "reload":
// the conversation kept in sessionStorage and resumed with nothing lost or doubled.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createClient } from '../client.js';
import type { ChatConversation } from './chat.js';

interface Server {
  id: string;
  url: string;
}

/** gata open around the clock, so the test does not depend on when it runs. */
const start = () =>
  executeServerCommand<Server, { origin: string; config: string }>('kontakt-server-start', {
    origin: location.origin,
    config: 'packages/core/src/resources/chat.test-departments.json',
  });
const command = <T>(name: string, server: Server) =>
  executeServerCommand<T, { id: string }>(name, { id: server.id });

/** What the people wrote (the server's own lines, such as "queued", left out). */
const texts = (chat: ChatConversation) =>
  chat.messages.filter((each) => each.role !== 'system').map((each) => each.text);
const WAIT = { timeout: 20_000 };
const KEY = 'kontakt-chat-test';

describe('client.chat in the browser', () => {
  afterEach(() => {
    sessionStorage.removeItem(KEY);
  });

  it('resumes after the server is killed mid-chat and after a reload, sending each message once', async function () {
    this.timeout(90_000);
    const server = await start();
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const page = new AbortController();
    const chat = await client.chat.start(
      { locale: 'sv', message: 'Hej! Hur söker jag boendeparkering?' },
      { signal: page.signal },
    );
    const keep = () => sessionStorage.setItem(KEY, JSON.stringify(chat));
    chat.addEventListener('message', keep);
    keep();
    await waitUntil(() => chat.connection === 'online', 'the stream', WAIT);
    await chat.send('Jag bor på Storgatan.');
    expect(chat.lastEventId).to.not.equal('');

    await command('kontakt-server-stop', server);
    await waitUntil(() => chat.connection === 'reconnecting', 'the stream to drop', WAIT);
    const meanwhile = chat.send('Är ni kvar?');
    expect(chat.messages.at(-1)).to.include({ local: 'pending', text: 'Är ni kvar?' });
    await command('kontakt-server-restart', server);
    const stored = await meanwhile;
    expect(stored.text).to.equal('Är ni kvar?');
    await waitUntil(() => chat.connection === 'online', 'the stream again', WAIT);
    expect(texts(chat)).to.deep.equal([
      'Hej! Hur söker jag boendeparkering?',
      'Jag bor på Storgatan.',
      'Är ni kvar?',
    ]);

    // The page is left (a reload): nothing of it survives but what sessionStorage holds.
    page.abort();
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    expect(saved).to.include({ id: chat.id, token: chat.token });
    const again = await client.chat.resume(saved);
    await waitUntil(() => again.connection === 'online', 'the resumed stream', WAIT);
    expect(texts(again)).to.deep.equal(texts(chat));
    const ids = again.messages.map((each) => each.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(again.messages.map((each) => each.id)).to.deep.equal(
      chat.messages.map((each) => each.id),
    );

    const ended = await again.close();
    expect(ended.caseReference).to.match(/^KC-/);
    expect(again.connection).to.equal('closed');
  });
});
