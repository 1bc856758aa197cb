// The console's chat view against a real server, the citizen on the chat API beside it: a chat
// waits and is announced, is taken by keyboard, messages go both ways live (Enter sends,
// Shift+Enter a new line, the citizen's typing shown), the chat ends with a reason as a case;
// an offer is a prompt that takes no focus; several chats at once with unread counts; at 320 px.
// axe in each state.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announced,
  cleanupConsoles,
  deepQuery,
  focused,
  heading,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';
import { CITIZEN_PAGE, requestCallback, TestCitizen } from './test-support/citizen.js';

const CONFIG = 'packages/console/src/chat/test-support/chat-departments.json';
const WAIT = { timeout: 10_000 };

let server: TestServer;
const citizens: TestCitizen[] = [];

beforeEach(async () => {
  server = await startServer(CONFIG);
});
afterEach(async () => {
  for (const citizen of citizens.splice(0)) citizen.close();
  await cleanupConsoles();
  await setViewport({ width: 800, height: 600 });
  await stopServer(server);
});

async function citizen(name: string, message: string): Promise<TestCitizen> {
  const started = await TestCitizen.start(server, name, message);
  citizens.push(started);
  return started;
}

const view = (element: KcConsole) => deepQuery(element, 'kc-chat-view') as HTMLElement;
const inChat = <T extends Element = HTMLElement>(element: KcConsole, selector: string) =>
  inView<T>(element, 'kc-chat-view', selector);
const conversation = (element: KcConsole) =>
  deepQuery(view(element), 'kc-chat-conversation') as HTMLElement | null;
const inConversation = <T extends Element = HTMLElement>(element: KcConsole, selector: string) => {
  const found = conversation(element);
  return found ? deepQuery<T>(found, selector) : null;
};
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const navChat = (element: KcConsole) =>
  text(element.shadowRoot?.querySelector('nav a[href="/console/chat"]'));
const messagesShown = (element: KcConsole) => {
  const found = conversation(element);
  return found
    ? [...(found.shadowRoot?.querySelectorAll('.messages li .text') ?? [])].map(text)
    : [];
};

/** Signs `anna` in at the chat view and waits for the queue. */
async function chatConsole(): Promise<KcConsole> {
  const element = await renderConsole(server, '/chat');
  await signedIn(element, 'anna');
  await waitUntil(() => inChat(element, 'fieldset.presence') !== null, 'no chat view', WAIT);
  expect(heading(element)).to.equal('Chatt');
  return element;
}

/**
 * Waits until the live region says `expected` (alone, or with the other messages of the same
 * frame, which are read together); a timeout names what it said instead.
 */
async function said(element: KcConsole, expected: string): Promise<void> {
  try {
    await waitUntil(() => announced(element).includes(expected), '', WAIT);
  } catch {
    throw new Error(`Not announced: "${expected}"; the live region says "${announced(element)}"`);
  }
}

async function press(key: string, target?: HTMLElement | null): Promise<void> {
  if (target) target.focus();
  await sendKeys({ press: key });
}

describe('chat view', () => {
  it('takes a waiting chat by keyboard, talks both ways live and ends it with a reason, axe-clean', async function () {
    this.timeout(60_000);
    const element = await chatConsole();
    expect(text(inChat(element, '#waiting-heading'))).to.equal('Väntande chattar (0)');
    await expect(element).to.be.accessible();

    const karin = await citizen('Karin', 'Hej! Hur söker jag boendeparkering?');
    await waitUntil(
      () => allInView(element, 'kc-chat-view', 'ul.waiting li').length === 1,
      'not queued',
      WAIT,
    );
    await said(element, 'En ny chatt väntar.');
    expect(navChat(element)).to.equal('Chatt, 1 väntar');
    const waiting = text(inChat(element, 'ul.waiting li'));
    expect(waiting).to.contain('Karin').and.contain('Hur söker jag boendeparkering?');
    expect(inChat<HTMLAnchorElement>(element, 'ul.waiting a')?.href).to.equal(CITIZEN_PAGE);
    await expect(element).to.be.accessible();

    await press('Enter', inChat(element, 'button[aria-label="Ta chatten med Karin"]'));
    await waitUntil(() => focused()?.id === 'chat-heading', 'focus did not go to the chat', WAIT);
    expect(text(focused())).to.equal('Chatt med Karin');
    await said(element, 'Du har tagit chatten med Karin.');
    expect(text(inConversation(element, 'dl'))).to.contain('Fastighets- och gatukontoret');
    expect(inConversation<HTMLAnchorElement>(element, 'dl a')?.href).to.equal(CITIZEN_PAGE);
    expect(messagesShown(element)).to.contain('Hej! Hur söker jag boendeparkering?');
    await waitUntil(() => navChat(element) === 'Chatt, 0 väntar', 'the count stayed', WAIT);
    await waitUntil(
      () => karin.session?.status === 'active',
      'the citizen did not see it taken',
      WAIT,
    );

    // The citizen writes: shown live, announced politely, marked read; focus stays put.
    await karin.send('Jag bor på Storgatan 5.');
    await waitUntil(
      () => messagesShown(element).includes('Jag bor på Storgatan 5.'),
      'not live',
      WAIT,
    );
    await said(element, 'Karin: Jag bor på Storgatan 5.');
    expect(focused()?.id).to.equal('chat-heading');
    await waitUntil(
      () =>
        karin.receipts.some((receipt) => receipt.role === 'citizen' && receipt.state === 'read'),
      'the citizen never saw it read',
      WAIT,
    );
    await karin.typing(true);
    await waitUntil(
      () => text(inConversation(element, '.typing')) === 'Invånaren skriver …',
      'typing not shown',
      WAIT,
    );
    await expect(element).to.be.accessible();

    // The agent answers: Shift+Enter a new line, Enter sends.
    const reply = inConversation<HTMLTextAreaElement>(element, '#reply');
    reply?.focus();
    await sendKeys({ type: 'Du söker i e-tjänsten' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Boendeparkering.' });
    expect(reply?.value).to.equal('Du söker i e-tjänsten\nBoendeparkering.');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => karin.texts('agent').includes('Du söker i e-tjänsten\nBoendeparkering.'),
      'the citizen did not get the answer',
      WAIT,
    );
    expect(reply?.value).to.equal('');
    expect(focused()).to.equal(reply);
    // Written in the chat's language unless the agent picks another: the citizen's chat marks it.
    const language = inConversation<HTMLSelectElement>(element, '#reply-language');
    expect(language?.value).to.equal('sv');
    expect(language?.selectedOptions[0]?.textContent?.trim()).to.equal('svenska');
    expect(karin.messages.findLast((message) => message.role === 'agent')?.language).to.equal('sv');
    await waitUntil(
      () =>
        text(inConversation(element, '.message.agent:last-child .meta:last-child')) !== 'Skickas …',
      'the answer stayed unsent',
      WAIT,
    );

    // Nobody else is available: hand-over says so. End with a reason by keyboard.
    expect(text(inConversation(element, '.actions fieldset'))).to.contain(
      'Ingen annan kollega är tillgänglig just nu.',
    );
    const reason = inConversation<HTMLSelectElement>(element, '#end-reason');
    await waitUntil(() => (reason?.options.length ?? 0) > 1, 'no reasons', WAIT);
    await press('ArrowDown', reason);
    expect(reason?.value).to.not.equal('');
    const end = [...(conversation(element)?.shadowRoot?.querySelectorAll('button') ?? [])].find(
      (button) => text(button) === 'Avsluta chatten',
    );
    await press('Enter', end as HTMLElement);
    await waitUntil(() => focused()?.classList.contains('outcome') === true, 'no outcome', WAIT);
    const outcome = text(focused());
    expect(outcome).to.match(/^Chatten är avslutad\. Sparad som ärende KC-[A-Z0-9-]+\.$/);
    const reference = /KC-[A-Z0-9-]+/.exec(outcome ?? '')?.[0] ?? '';
    await said(element, `Chatten är avslutad och sparad som ärende ${reference}.`);
    await waitUntil(
      () => karin.session?.status === 'ended',
      'the citizen did not see it end',
      WAIT,
    );
    expect(karin.session?.caseReference).to.equal(reference);
    await waitUntil(
      () => text(inChat(element, '#mine-heading')) === 'Mina chattar (0)',
      'still listed as mine',
      WAIT,
    );
    await expect(element).to.be.accessible();

    // The case link opens the case.
    await press('Enter', inConversation(element, '.outcome a'));
    await waitUntil(() => heading(element) === `Ärende ${reference}`, 'case not opened', WAIT);
    // The case holds the chat's transcript, every line as the chat showed it.
    const transcript = () => {
      const found = deepQuery(element, 'kc-chat-transcript');
      return found ? [...(found.shadowRoot?.querySelectorAll('li') ?? [])].map(text) : [];
    };
    await waitUntil(() => transcript().length > 0, 'no transcript', WAIT);
    expect(
      text(deepQuery(element, 'kc-chat-transcript')?.shadowRoot?.querySelector('h2')),
    ).to.equal('Chattens utskrift');
    const lines = transcript().join('\n');
    expect(lines).to.contain('Karin').and.contain('Hej! Hur söker jag boendeparkering?');
    expect(lines).to.contain('Jag bor på Storgatan 5.');
    expect(lines).to.contain('Du söker i e-tjänsten Boendeparkering.');
    expect(lines).to.contain('En kommunvägledare anslöt.');
    await expect(element).to.be.accessible();
  });

  it('offers a chat without taking focus, holds several chats with unread counts, works at 320 px', async function () {
    this.timeout(60_000);
    await setViewport({ width: 320, height: 640 });
    const element = await chatConsole();
    const available = inChat<HTMLInputElement>(element, 'input[value="available"]');
    await press('Space', available);
    await waitUntil(() => available?.checked === true, 'presence not set', WAIT);
    // Presence is read back from the server's queue (not only the radio's own state).
    await waitUntil(
      () =>
        (
          deepQuery(element, 'kc-chat-view') as unknown as {
            store?: { queue?: { presence: string } };
          }
        ).store?.queue?.presence === 'available',
      'the server did not take the presence',
      WAIT,
    );

    const ola = await citizen('Ola', 'Var får jag parkera med husbil?');
    await waitUntil(() => inChat(element, '.offer') !== null, 'no offer', WAIT);
    expect(text(inChat(element, '#offer-heading'))).to.equal('En chatt erbjuds dig');
    expect(text(inChat(element, '.offer'))).to.contain(
      'Ola väntar (Fastighets- och gatukontoret).',
    );
    expect(focused()).to.equal(available);
    await said(element, 'En chatt med Ola erbjuds dig.');
    await expect(element).to.be.accessible();
    const offerTake = [...(view(element).shadowRoot?.querySelectorAll('.offer button') ?? [])][0];
    await press('Enter', offerTake as HTMLElement);
    await waitUntil(() => text(focused()) === 'Chatt med Ola', 'offer not taken', WAIT);
    expect(inChat(element, '.offer')).to.equal(null);

    // A second chat is offered too: let pass, focus goes to the waiting chats; then taken as the next in line.
    await citizen('Eva', 'Hur ansöker jag om parkeringstillstånd?');
    await waitUntil(() => inChat(element, '.offer') !== null, 'second chat not offered', WAIT);
    const pass = [...(view(element).shadowRoot?.querySelectorAll('.offer button') ?? [])][1];
    expect(text(pass)).to.equal('Låt någon annan ta den');
    await press('Enter', pass as HTMLElement);
    await waitUntil(() => inChat(element, '.offer') === null, 'the offer stayed', WAIT);
    expect(focused()?.id).to.equal('waiting-heading');
    expect(text(focused())).to.equal('Väntande chattar (1)');
    const next = [...(view(element).shadowRoot?.querySelectorAll('button') ?? [])].find(
      (button) => text(button) === 'Ta nästa chatt',
    );
    await press('Enter', next as HTMLElement);
    await waitUntil(() => text(focused()) === 'Chatt med Eva', 'next not taken', WAIT);
    await waitUntil(
      () => text(inChat(element, '#mine-heading')) === 'Mina chattar (2)',
      'not two',
      WAIT,
    );

    // Ola writes while Eva's chat is open: Ola's entry counts it unread, and it is announced.
    await ola.send('Hallå?');
    await waitUntil(
      () => allInView(element, 'kc-chat-view', '.mine .badge').map(text).includes('1 oläst'),
      'no unread count',
      WAIT,
    );
    await said(element, 'Ola: Hallå?');
    const olaButton = allInView<HTMLButtonElement>(element, 'kc-chat-view', '.open-chat').find(
      (button) => text(button)?.startsWith('Ola'),
    );
    await press('Enter', olaButton);
    await waitUntil(() => text(focused()) === 'Chatt med Ola', 'Ola not opened', WAIT);
    await waitUntil(() => messagesShown(element).includes('Hallå?'), 'message not shown', WAIT);
    await waitUntil(
      () => allInView(element, 'kc-chat-view', '.mine .badge').length === 0,
      'unread count stayed',
      WAIT,
    );
    expect(olaButton?.getAttribute('aria-current')).to.equal('true');

    // Nothing scrolls sideways at 320 px.
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(element).to.be.accessible();
  });

  it('counts and announces waiting chats in another view; lists call-backs with their cases; speaks English', async function () {
    this.timeout(60_000);
    const element = await renderConsole(server, '/');
    await signedIn(element, 'anna');
    expect(heading(element)).to.equal('Inkorg');
    await waitUntil(() => navChat(element) === 'Chatt, 0 väntar', 'no count', WAIT);
    // The inbox has said what it shows: what is said next is the chat's.
    await said(element, '0 ärenden visas.');

    await citizen('Lisa', 'Kan jag få hjälp med en ansökan?');
    await waitUntil(() => navChat(element) === 'Chatt, 1 väntar', 'the count did not grow', WAIT);
    await said(element, 'En ny chatt väntar i kön.');
    const reference = await requestCallback(server, 'Nils', '070-123 45 67');

    await press(
      'Enter',
      element.shadowRoot?.querySelector<HTMLElement>('nav a[href="/console/chat"]'),
    );
    await waitUntil(() => heading(element) === 'Chatt', 'not at the chat view', WAIT);
    await waitUntil(
      () => text(inChat(element, '#callbacks-heading')) === 'Återuppringningar (1)',
      'no call-back listed',
      WAIT,
    );
    const callback = text(inChat(element, 'ul.callbacks li'));
    expect(callback).to.contain(reference).and.contain('Så snart som möjligt').and.contain('Nils');
    expect(callback).to.contain('070-123 45 67').and.contain('Gäller parkeringstillstånd.');
    expect(inChat(element, 'ul.callbacks a')?.getAttribute('href')).to.equal(
      `/console/cases/${reference}`,
    );
    await expect(element).to.be.accessible();

    element.shadowRoot?.querySelector<HTMLButtonElement>('button[lang="en"]')?.click();
    await waitUntil(() => heading(element) === 'Chat', 'not in English', WAIT);
    await waitUntil(
      () => text(inChat(element, '#waiting-heading')) === 'Waiting chats (1)',
      'the view stayed Swedish',
      WAIT,
    );
    expect(text(inChat(element, '#callbacks-heading'))).to.equal('Call-backs (1)');
    expect(text(inChat(element, 'legend'))).to.equal('Your chat presence');
    expect(navChat(element)).to.equal('Chat, 1 waiting');
    await expect(element).to.be.accessible();

    // The call-back's case says when and whom to call.
    await press('Enter', inChat(element, 'ul.callbacks a'));
    await waitUntil(
      () => inView(element, 'kc-case-view', '#callback-heading') !== null,
      'the case shows no call-back',
      WAIT,
    );
    const section = inView(element, 'kc-case-view', 'section[aria-labelledby="callback-heading"]');
    expect(text(section)).to.contain('Call-back').and.contain('As soon as possible');
    expect(section?.querySelector('a')?.getAttribute('href')).to.equal('tel:0701234567');
    await expect(element).to.be.accessible();
  });
});
