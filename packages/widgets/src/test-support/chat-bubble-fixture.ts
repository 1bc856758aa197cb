// What the <kc-chat-bubble> test files share (packages/widgets/src/components/chat-bubble): one real
// server per file (chat-bubble-departments.json: departments open or closed around the clock, and
// the agent anna), an agent who answers through the real agent API, rendering, and reading the
// shadow DOM. Mocha's hooks are set up by `setUpChatTests()`, called from each test file.
import { createAgentClient } from '@kontakt/core/agent';
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../define/chat-bubble.js';
import type { KcChatBubble } from '../components/chat-bubble/chat-bubble.js';
import type { TestServer } from './kontakt-server.js';
import { stopKontaktServer } from './kontakt-server.js';

/** This file's server; filled in once it has started. */
export const server: TestServer = { id: '', url: '' };

const CONFIG = 'packages/widgets/src/test-support/chat-bubble-departments.json';
/** anna's password in the config (the console tests' accounts). */
const AGENT_PASSWORD = 'konsol-test-lösenord';

/**
 * Loading chunks from the test server (compiled on first request) is slow under load, and
 * `npm test` runs the node tests beside the browser tests: a step that takes a second alone took
 * over 10 s in a full run on two cores.
 */
export const SLOW = { timeout: 20_000 };

/**
 * Mocha's hooks for a chat bubble test file: its own server, started from `config` (another
 * configuration's file for tests of other settings), and a clean page after each test.
 */
export function setUpChatTests(config = CONFIG): void {
  before(async function () {
    this.timeout(90_000);
    Object.assign(
      server,
      await executeServerCommand<TestServer, { origin: string; config: string }>(
        'kontakt-server-start',
        { origin: location.origin, config },
      ),
    );
  });
  after(async () => {
    if (server.id) await stopKontaktServer(server);
    Object.assign(server, { id: '', url: '' });
  });
  beforeEach(() => {
    sessionStorage.clear();
  });
  afterEach(async () => {
    fixtureCleanup();
    sessionStorage.clear();
    document.documentElement.removeAttribute('lang');
    await setViewport({ width: 800, height: 600 });
  });
}

/**
 * A department whose chat is open (or closed) now: each pair is open around the clock but for
 * one minute a day, at a different hour, so one of the two is always in the state asked for.
 */
export async function departmentThat(is: 'open' | 'closed'): Promise<string> {
  const pair =
    is === 'open' ? ['chatt-oppen-a', 'chatt-oppen-b'] : ['chatt-stangd-a', 'chatt-stangd-b'];
  for (const department of pair) {
    const answer = await fetch(`${server.url}/v1/chat/availability?department=${department}`);
    const body = (await answer.json()) as { open: boolean };
    if (body.open === (is === 'open')) return department;
  }
  throw new Error(`No department is ${is} now`);
}

export interface BubbleOptions {
  department?: string;
  endpoint?: string;
  lang?: string;
  placement?: string;
  /** The page's own content inside the tag. */
  fallback?: boolean;
}

/** A bubble with the page's phone number inside, once it knows whether the chat is open. */
export async function renderBubble(options: BubbleOptions = {}): Promise<KcChatBubble> {
  const element = await fixture<KcChatBubble>(html`<kc-chat-bubble
    endpoint=${options.endpoint ?? server.url}
    department=${options.department ?? 'chatt-oppen-a'}
    placement=${options.placement ?? 'bottom-end'}
    lang=${options.lang ?? ''}
    ><a href="tel:+4640341000" id="fallback">Ring 040-34 10 00</a></kc-chat-bubble
  >`);
  if (!options.lang) element.removeAttribute('lang');
  await waitUntil(() => !element.matches(':state(loading)'), 'availability not known', SLOW);
  return element;
}

export function query<T extends Element = HTMLElement>(element: KcChatBubble, selector: string): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

export const launcher = (element: KcChatBubble): HTMLButtonElement =>
  query<HTMLButtonElement>(element, '[part~="launcher-button"]');

export const dialog = (element: KcChatBubble): HTMLDialogElement | null =>
  element.shadowRoot?.querySelector('dialog') ?? null;

export const text = (element: KcChatBubble, selector: string): string =>
  query(element, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The bubble's button whose text is `label`. While there is none it is `undefined` (typed as a
 * button, as tests click it once found), so `waitUntil` can wait for it.
 */
export const buttonNamed = (element: KcChatBubble, label: string): HTMLButtonElement =>
  [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (each) => each.textContent?.trim() === label,
  ) as HTMLButtonElement;

/** The element that has focus, looked up through shadow roots. */
export function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Opens the panel by pressing the launcher and waits for the dialog with its content. */
export async function openPanel(element: KcChatBubble): Promise<HTMLDialogElement> {
  launcher(element).click();
  await waitUntil(() => dialog(element)?.open, 'the panel did not open', SLOW);
  return dialog(element) as HTMLDialogElement;
}

/** What the panel's one polite live region says now. */
export const announced = (element: KcChatBubble): string =>
  element.shadowRoot
    ?.querySelector('dialog [role="status"][aria-live="polite"]')
    ?.textContent?.trim() ?? '';

/** Types into a field of the panel as a person would (value, then the input event). */
export function type(element: KcChatBubble, selector: string, value: string): void {
  const field = query<HTMLInputElement | HTMLTextAreaElement>(element, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Signs in as the agent anna through the real agent API (on this page's origin, via the proxy). */
export async function signedInAgent(): Promise<ReturnType<typeof createAgentClient>> {
  const agent = createAgentClient({
    endpoint: `${location.origin}/__kontakt/${new URL(server.url).port}`,
  });
  await agent.session.signIn({ username: 'anna', password: AGENT_PASSWORD });
  return agent;
}
