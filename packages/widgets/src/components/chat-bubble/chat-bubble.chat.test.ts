// The chat itself, against a real server and a real agent (the agent API, signed in as anna):
// queue → the agent answers → messages both ways, announced; the unread count; a reload; the end.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import {
  announced,
  buttonNamed,
  departmentThat,
  dialog,
  focused,
  launcher,
  openPanel,
  query,
  renderBubble,
  SLOW,
  setUpChatTests,
  signedInAgent,
  text,
  type,
} from '../../test-support/chat-bubble-fixture.js';
import type { KcChatBubble } from './chat-bubble.js';

setUpChatTests();

/** The session this tab keeps for the bubble (its id is what the agent takes). */
function kept(element: KcChatBubble): { conversation?: { id: string } } {
  const key = `kontakt.chat:${element.endpoint}|${element.department}`;
  return JSON.parse(sessionStorage.getItem(key) ?? '{}');
}

/** Starts a chat from the open panel with a first message; resolves once it waits in the queue. */
async function startChat(
  element: KcChatBubble,
  message = 'Hej! Hur söker jag bygglov?',
): Promise<string> {
  await waitUntil(() => element.shadowRoot?.querySelector('#start-message'), 'no start form', SLOW);
  type(element, '#start-name', 'Kim');
  type(element, '#start-message', message);
  query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
  await waitUntil(() => element.shadowRoot?.querySelector('[part~="queue"]'), 'not queued', SLOW);
  const id = kept(element).conversation?.id;
  if (!id) throw new Error('the conversation was not kept in sessionStorage');
  return id;
}

/** The agent anna, signed in, takes the chat `id`; resolves once the panel shows her. */
async function agentTakes(element: KcChatBubble, id: string) {
  const agent = await signedInAgent();
  await agent.chat.take(id);
  await waitUntil(
    () => text(element, '[part~="queue"]').startsWith('Du chattar med'),
    'the agent did not show',
    SLOW,
  );
  return agent;
}

const messages = (element: KcChatBubble) =>
  [...(element.shadowRoot?.querySelectorAll('[part~="message"]') ?? [])].map(
    (item) => item.querySelector('.text')?.textContent?.trim() ?? '',
  );

describe('<kc-chat-bubble> chat', () => {
  it('waits in the queue, an agent answers, messages go both ways and are announced', async () => {
    const element = await renderBubble({ department: await departmentThat('open') });
    await openPanel(element);
    const id = await startChat(element);
    expect(text(element, '[part~="queue"]')).to.match(/^Du är nummer \d+ i kön\./);
    expect(messages(element)).to.include('Hej! Hur söker jag bygglov?');

    const agent = await agentTakes(element, id);
    await agent.chat.typing(id, true);
    await waitUntil(
      () => !query(element, '.typing').hidden,
      'the agent typing was not shown',
      SLOW,
    );
    await agent.chat.send(
      id,
      'Hej Kim! Läs mer på https://malmo.se/bygglov eller javascript:alert(1).',
    );
    await waitUntil(
      () => announced(element).includes('Hej Kim!'),
      'the agent message was not announced',
      SLOW,
    );
    // Focus stays where the person is (the message box); the link is a link, the rest text.
    expect(focused()?.id).to.equal('composer-text');
    const links = [...(element.shadowRoot?.querySelectorAll('[part~="message-agent"] a') ?? [])];
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      'https://malmo.se/bygglov',
    ]);
    expect(links[0]?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(messages(element).at(-1)).to.contain('javascript:alert(1)');

    type(element, '#composer-text', 'Tack, det hjälpte!');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      async () => {
        const chat = await agent.chat.get(id);
        return chat.messages.some((message) => message.text === 'Tack, det hjälpte!');
      },
      'the citizen message did not reach the agent',
      SLOW,
    );
    await waitUntil(
      () => messages(element).includes('Tack, det hjälpte!'),
      'the citizen message is not in the list',
    );
    // The agent reads it: the citizen sees their message go from sent to read.
    const chat = await agent.chat.get(id);
    const mine = chat.messages.filter((message) => message.role === 'citizen').at(-1);
    await agent.chat.markRead(id, mine?.id ?? '');
    await waitUntil(
      () =>
        [...(element.shadowRoot?.querySelectorAll('[part~="message-citizen"] .state') ?? [])]
          .at(-1)
          ?.textContent?.trim() === 'Läst',
      'the read state did not show',
      SLOW,
    );
    // Each message reads in its own direction, whatever the panel's (a Swedish answer on an
    // Arabic page keeps its punctuation where Swedish puts it).
    const texts = [...(element.shadowRoot?.querySelectorAll('.message .text') ?? [])];
    expect(texts).not.to.be.empty;
    for (const each of texts) expect(getComputedStyle(each).unicodeBidi).to.equal('plaintext');
    await expect(element).to.be.accessible();
    await agent.session.signOut().catch(() => undefined);
  });

  it('marks an agent’s message with the language the agent wrote it in', async () => {
    const element = await renderBubble({ department: await departmentThat('open') });
    await openPanel(element);
    const id = await startChat(element);
    const agent = await agentTakes(element, id);
    await agent.chat.send(id, 'Hi Kim! You apply in the e-service.', { language: 'en' });
    await agent.chat.send(id, 'Hör av dig om något är oklart.');
    await waitUntil(
      () => messages(element).includes('Hör av dig om något är oklart.'),
      'the agent messages did not show',
      SLOW,
    );
    const marks = [
      ...(element.shadowRoot?.querySelectorAll(
        '[part~="message-citizen"] .text, [part~="message-agent"] .text',
      ) ?? []),
    ].map((text) => [text.textContent?.trim(), text.getAttribute('lang')]);
    // The citizen's own first message, then the agent's two: one said to be English.
    expect(marks).to.deep.equal([
      ['Hej! Hur söker jag bygglov?', null],
      ['Hi Kim! You apply in the e-service.', 'en'],
      ['Hör av dig om något är oklart.', null],
    ]);
    await expect(element).to.be.accessible();
    // The agent holds at most three chats at once: this one ends for the tests after it.
    await agent.chat.end(id);
  });

  it('follows new messages to the end of the list, unless the person scrolled up to read back', async () => {
    const element = await renderBubble({ department: await departmentThat('open') });
    await openPanel(element);
    const id = await startChat(element, 'Kan jag få många svar?');
    const agent = await agentTakes(element, id);
    const list = query(element, '[part~="messages"]');
    const atEnd = () => list.scrollHeight - list.scrollTop - list.clientHeight < 2;
    for (let n = 1; n <= 12; n++) await agent.chat.send(id, `Svar nummer ${n} av tolv.`);
    await waitUntil(() => messages(element).includes('Svar nummer 12 av tolv.'), 'not all', SLOW);
    expect(list.scrollHeight).to.be.above(list.clientHeight, 'the list does not overflow');
    await waitUntil(atEnd, 'the newest message is not in view');

    // Scrolled up to read back: a new message does not pull the list down.
    list.style.scrollBehavior = 'auto';
    list.scrollTop = 0;
    await agent.chat.send(id, 'Ett till svar.');
    await waitUntil(() => messages(element).includes('Ett till svar.'), 'not arrived', SLOW);
    expect(list.scrollTop).to.equal(0);
    // The agent holds at most three chats: this one ends, so the tests after can take theirs.
    await agent.chat.end(id);
    await agent.session.signOut().catch(() => undefined);
  });

  it('lets everything in the chat be scrolled to on a short screen (sideways at 200 % zoom)', async () => {
    await setViewport({ width: 370, height: 180 });
    const element = await renderBubble({ department: await departmentThat('open') });
    const panel = await openPanel(element);
    await startChat(element, 'Syns allt på en låg skärm?');
    // What a person can scroll: not the dialog (it clips; focus may have moved it), the body.
    panel.scrollTop = 0;
    const body = query(element, '[part~="body"]');
    body.scrollTop = body.scrollHeight;
    const { top, bottom } = panel.getBoundingClientRect();
    expect(query(element, '[part~="header"]').getBoundingClientRect().top).to.be.at.least(top);
    expect(buttonNamed(element, 'Avsluta chatten').getBoundingClientRect().bottom).to.be.at.most(
      bottom,
    );
    await expect(element).to.be.accessible();
  });

  it('keeps focus in the panel when a message that could not be sent is removed', async () => {
    const element = await renderBubble({ department: await departmentThat('open') });
    await openPanel(element);
    await startChat(element, 'Ett meddelande som går fram.');
    // The server refuses the next message (as it would one its newer rules do not take): at the
    // edge, the one answer this server cannot be made to give.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method !== 'POST' || !(await request.clone().text()).includes('AVVISAS')) {
        return realFetch(request);
      }
      return Response.json(
        {
          title: 'Ogiltigt',
          status: 422,
          code: 'validation_failed',
          errors: [{ field: 'text', pointer: '/text', code: 'invalid_option' }],
        },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      );
    };
    try {
      query<HTMLTextAreaElement>(element, '#composer-text').focus();
      type(element, '#composer-text', 'AVVISAS');
      await sendKeys({ press: 'Enter' });
      const remove = () => buttonNamed(element, 'Ta bort');
      await waitUntil(() => remove(), 'the refused message has no remove button', SLOW);
      await expect(element).to.be.accessible();
      remove().focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !remove(), 'the message was not removed');
      expect(focused()?.id).to.equal('composer-text');
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('counts what arrives while the panel is closed, and the count survives a reload', async () => {
    const department = await departmentThat('open');
    let element = await renderBubble({ department });
    await openPanel(element);
    const id = await startChat(element, 'Räknas olästa?');
    const agent = await signedInAgent();
    await agent.chat.take(id);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !element.open, 'Escape did not close the panel');
    expect(focused()).to.equal(launcher(element));
    await agent.chat.send(id, 'Första svaret');
    await agent.chat.send(id, 'Andra svaret');
    await waitUntil(() => element.unread >= 2, 'the unread count did not grow', SLOW);
    const badge = query(element, '[part~="badge"]');
    expect(badge.hidden).to.be.false;
    expect(badge.getAttribute('aria-label')).to.match(/nya meddelanden$/);
    expect(element.shadowRoot?.querySelector('[role="status"]')?.textContent).to.match(
      /nya meddelanden/,
    );
    expect(text(element, '[part~="hours"]')).to.equal('Pågående chatt');
    await expect(element).to.be.accessible();

    // A reload (or the next page of the site): a new element finds the conversation and the count.
    fixtureCleanup();
    element = await renderBubble({ department });
    await waitUntil(() => element.unread >= 2, 'the unread count was not kept', SLOW);
    await openPanel(element);
    await waitUntil(
      () => messages(element).includes('Andra svaret'),
      'the conversation did not come back',
      SLOW,
    );
    expect(element.unread).to.equal(0);
    expect(messages(element)).to.include('Räknas olästa?');
    await agent.session.signOut().catch(() => undefined);
  });

  it('opens the panel again after a reload if it was open, with the unsent text in the box', async () => {
    const department = await departmentThat('open');
    let element = await renderBubble({ department });
    await openPanel(element);
    await startChat(element, 'Jag laddar om sidan.');
    type(element, '#composer-text', 'Halvskrivet');
    fixtureCleanup();
    element = await renderBubble({ department });
    await waitUntil(() => dialog(element)?.open, 'the panel did not open again', SLOW);
    await waitUntil(
      () =>
        element.shadowRoot?.querySelector<HTMLTextAreaElement>('#composer-text')?.value ===
        'Halvskrivet',
      'the unsent text was lost',
      SLOW,
    );
    expect(messages(element)).to.include('Jag laddar om sidan.');
  });

  it('ends with Avsluta: the transcript by e-mail is asked for, and the case reference shown', async () => {
    const element = await renderBubble({ department: await departmentThat('open') });
    await openPanel(element);
    const id = await startChat(element, 'Avsluta mig.');
    const agent = await agentTakes(element, id);

    buttonNamed(element, 'Avsluta chatten').click();
    await waitUntil(() => focused()?.id === 'end-heading', 'focus did not move to the question');
    type(element, '#end-email', 'inte-en-adress');
    query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
    await waitUntil(() => element.shadowRoot?.querySelector('#end-email-error'), 'no field error');
    expect(query(element, '#end-email').getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();

    type(element, '#end-email', 'kim@example.se');
    const ended = new Promise<string | undefined>((resolve) =>
      element.addEventListener('kc-chat-ended', (event) => resolve(event.caseReference), {
        once: true,
      }),
    );
    query<HTMLButtonElement>(element, 'form button[type="submit"]').click();
    const reference = await ended;
    expect(reference).to.match(/^KC-/);
    await waitUntil(() => element.shadowRoot?.querySelector('#ended-heading'), 'not ended', SLOW);
    expect(text(element, '.receipt')).to.contain(reference as string);
    expect(text(element, '#ended-heading + p + p')).to.equal(
      'Chatten skickas till kim@example.se.',
    );
    expect(kept(element).conversation).to.equal(undefined);
    await waitUntil(() => text(element, '[part~="hours"]') !== 'Pågående chatt', 'still ongoing');
    await expect(element).to.be.accessible();
    await agent.session.signOut().catch(() => undefined);
  });
});
