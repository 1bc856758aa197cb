// The console's chat view when the agent holds as many chats as they may (`maxChatsPerAgent`,
// one here): taking another is refused by the server (409 agent_at_capacity) and the view says
// so in an alert that takes focus, in the agent's language; axe-clean.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  cleanupConsoles,
  focused,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';
import { TestCitizen } from './test-support/citizen.js';

const CONFIG = 'packages/console/src/chat/test-support/chat-capacity.json';
const WAIT = { timeout: 10_000 };

let server: TestServer;
const citizens: TestCitizen[] = [];

beforeEach(async () => {
  server = await startServer(CONFIG);
});
afterEach(async () => {
  for (const citizen of citizens.splice(0)) citizen.close();
  await cleanupConsoles();
  await stopServer(server);
});

const inChat = <T extends Element = HTMLElement>(element: KcConsole, selector: string) =>
  inView<T>(element, 'kc-chat-view', selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function press(key: string, target?: HTMLElement | null): Promise<void> {
  if (target) target.focus();
  await sendKeys({ press: key });
}

describe('chat view at the most chats', () => {
  it('says in an alert, with focus on it, that one holds as many chats as one may', async function () {
    this.timeout(60_000);
    const element = await renderConsole(server, '/chat');
    await signedIn(element, 'anna');
    await waitUntil(() => inChat(element, 'fieldset.presence') !== null, 'no chat view', WAIT);
    citizens.push(await TestCitizen.start(server, 'Karin', 'Hej! Hur söker jag boendeparkering?'));
    citizens.push(await TestCitizen.start(server, 'Ola', 'Var får jag parkera med husbil?'));
    await waitUntil(
      () => allInView(element, 'kc-chat-view', 'ul.waiting li').length === 2,
      'not queued',
      WAIT,
    );
    await press('Enter', inChat(element, 'button[aria-label="Ta chatten med Karin"]'));
    await waitUntil(() => text(focused()) === 'Chatt med Karin', 'Karin not taken', WAIT);

    await press('Enter', inChat(element, 'button[aria-label="Ta chatten med Ola"]'));
    await waitUntil(() => inChat(element, '.problem') !== null, 'no refusal shown', WAIT);
    const problem = inChat(element, '.problem');
    expect(problem?.getAttribute('role')).to.equal('alert');
    expect(text(problem)).to.equal(
      'Du har redan så många chattar som du får ha samtidigt. Avsluta eller lämna över en först.',
    );
    await waitUntil(() => focused() === problem, 'focus did not go to the refusal', WAIT);
    // Ola still waits, for someone else or for later.
    expect(allInView(element, 'kc-chat-view', 'ul.waiting li').map(text).join(' ')).to.contain(
      'Ola',
    );
    await expect(element).to.be.accessible();
  });
});
