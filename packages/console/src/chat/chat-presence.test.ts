// The console's chat view says whether the citizen of a taken chat is still there: while their
// page has the chat open, that they are; once it closed (the server has not seen them for a
// while: 20 s here, its shortest setting, as there is no clock to move), that they seem to have
// left and since when, said politely through the live region, and that they are back when they
// are; axe-clean.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  announced,
  announces,
  cleanupConsoles,
  deepQuery,
  focused,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';
import { TestCitizen } from './test-support/citizen.js';

const CONFIG = 'packages/console/src/chat/test-support/chat-departments.json';
const WAIT = { timeout: 10_000 };

let server: TestServer;
const citizens: TestCitizen[] = [];

beforeEach(async () => {
  server = await startServer(CONFIG, { citizenAwayAfter: 20 });
});
afterEach(async () => {
  for (const citizen of citizens.splice(0)) citizen.close();
  await cleanupConsoles();
  await stopServer(server);
});

const inChat = <T extends Element = HTMLElement>(element: KcConsole, selector: string) =>
  inView<T>(element, 'kc-chat-view', selector);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
const presence = (element: KcConsole) => {
  const conversation = deepQuery(inChat(element, 'kc-chat-conversation') ?? element, '.presence');
  return text(conversation);
};

describe('chat view: the citizen still there', () => {
  it('says the citizen is there, and that they seem to have left once their page closed', async function () {
    this.timeout(120_000);
    const element = await renderConsole(server, '/chat');
    await signedIn(element, 'anna');
    await waitUntil(() => inChat(element, 'fieldset.presence') !== null, 'no chat view', WAIT);
    const karin = await TestCitizen.start(server, 'Karin', 'Hej! Hur söker jag boendeparkering?');
    citizens.push(karin);
    await waitUntil(
      () => inChat(element, 'button[aria-label="Ta chatten med Karin"]') !== null,
      'not queued',
      WAIT,
    );
    const take = inChat(element, 'button[aria-label="Ta chatten med Karin"]');
    take?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(focused()) === 'Chatt med Karin', 'not taken', WAIT);
    await waitUntil(
      () => presence(element) === 'Invånaren är kvar i chatten.',
      'the citizen not shown there',
      WAIT,
    );
    await expect(element).to.be.accessible();

    // The citizen's tab closes: their stream ends, and nothing more comes from them.
    karin.close();
    await waitUntil(
      () =>
        presence(element)?.startsWith('Invånaren verkar ha lämnat chatten (senast där ') === true,
      'the citizen not shown gone',
      { timeout: 45_000, interval: 500 },
    );
    // Said in the next frame (the live region is emptied first, so the same words are read again).
    const gone = /(^|\. )Invånaren verkar ha lämnat chatten \(senast där \d\d:\d\d\)\.$/;
    await waitUntil(() => gone.test(announced(element)), 'the citizen gone not announced', WAIT);
    expect(announced(element)).to.match(gone);
    // Focus stays where the agent had it.
    expect(text(focused())).to.equal('Chatt med Karin');
    await expect(element).to.be.accessible();

    // Back: anything the citizen does is being there (here they start typing).
    await karin.typing(true);
    await waitUntil(
      () => presence(element) === 'Invånaren är kvar i chatten.',
      'the citizen not shown back',
      WAIT,
    );
    await waitUntil(
      () => announces(element, 'Invånaren är tillbaka i chatten.'),
      `not announced back: "${announced(element)}"`,
      WAIT,
    );
  });
});
