// What the status tracker's test files share (packages/widgets/src/components/status-tracker): a
// real server (with the console's test accounts, so an agent can change a case), cases made
// through the real API, rendering, and reading the shadow DOM.
import type { ContactMessageInput, Receipt } from '@kontakt/core';
import { createClient } from '@kontakt/core';
import { createAgentClient } from '@kontakt/core/agent';
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../define/status-tracker.js';
import type { KcStatusTracker } from '../components/status-tracker/status-tracker.js';
import type { TestServer } from './kontakt-server.js';
import { pickFiles } from './photo-files.js';

export { picture } from './photo-files.js';

import { sharedKontaktServer, stopKontaktServer } from './kontakt-server.js';

/** This file's server; filled in once it has started. */
export const server: TestServer = { id: '', url: '' };

/** The accounts' password in the console's test config (`anna` is an agent). */
const AGENT_PASSWORD = 'konsol-test-lösenord';
const CONFIG = 'packages/widgets/src/test-support/status-tracker-departments.json';
const START_URL = location.href;

/** Loading modules from the test server (compiled on first request) is slow under load. */
export const SLOW = { timeout: 10_000 };

/**
 * Hooks for a `describe` (or a file): `server` is the run's shared tracker server (lookups not
 * limited), or with `own: true` a server of its own, stopped afterwards, with the real lookup
 * limit (a burst of five per client address): for tests that stop the server or test the limit.
 */
export function setUpTrackerTests({ own = false }: { own?: boolean } = {}): void {
  before(async function () {
    // Starting a server from source takes seconds, and far longer on a busy machine.
    this.timeout(90_000);
    Object.assign(
      server,
      own
        ? await executeServerCommand<TestServer, { origin: string; config: string }>(
            'kontakt-server-start',
            { origin: location.origin, config: CONFIG },
          )
        : await sharedKontaktServer(CONFIG),
    );
  });
  after(async () => {
    if (own && server.id) await stopKontaktServer(server);
    Object.assign(server, { id: '', url: '' });
  });
  beforeEach(() => {
    sessionStorage.clear();
  });
  afterEach(async () => {
    fixtureCleanup();
    sessionStorage.clear();
    history.replaceState(null, '', START_URL);
    document.documentElement.removeAttribute('lang');
    await setViewport({ width: 800, height: 600 });
  });
}

/** The server on this page's origin, through the runner's proxy, as the console reaches it. */
export const proxied = (): string => `${location.origin}/__kontakt/${new URL(server.url).port}`;

/** A contact-form case sent through the real API, with an e-mail address. */
export async function makeCase(
  email = 'anna.andersson@example.se',
  department = 'gata',
): Promise<Receipt> {
  const client = createClient({
    endpoint: server.url,
    department,
    outbox: false,
    retry: 0,
    pageUrl: () => `https://${department}.example.se/sida`,
  });
  return client.cases.submit({
    topic: department === 'gata' ? 'parkering' : 'skolval',
    message: 'Hur söker jag boendeparkering?',
    answerChannel: 'email',
    email,
  } as ContactMessageInput);
}

/** A fault report sent through the real API (`POST /v1/faults`), anonymous unless `email`. */
export async function makeFaultReport(email?: string): Promise<Receipt> {
  const answer = await fetch(`${server.url}/v1/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/felanmalan',
        widget: 'kc-fault-report',
      },
      report: {
        category: 'klotter',
        description: 'Klotter på busskuren vid Stortorget.',
        location: { lat: 55.6035, lon: 13.0011 },
        ...(email ? { contact: { email } } : { anonymous: true }),
      },
    }),
  });
  if (answer.status !== 201) throw new Error(`POST /v1/faults: ${await answer.text()}`);
  return (await answer.json()) as Receipt;
}

/** Signs in as the agent Anna through the real agent API; returns her client. */
export async function signedInAgent(): Promise<ReturnType<typeof createAgentClient>> {
  const agent = createAgentClient({ endpoint: proxied() });
  await agent.session.signIn({ username: 'anna', password: AGENT_PASSWORD });
  return agent;
}

export async function renderTracker(
  attributes: { reference?: string; token?: string; endpoint?: string } = {},
): Promise<KcStatusTracker> {
  const element = await fixture<KcStatusTracker>(html`<kc-status-tracker
    endpoint=${attributes.endpoint ?? server.url}
    department="gata"
    reference=${attributes.reference ?? ''}
    token=${attributes.token ?? ''}
  >
    <p id="fallback">Ring kontaktcenter på 040-628 04 00.</p>
  </kc-status-tracker>`);
  await waitUntil(() => element.shadowRoot?.querySelector('[part~="base"][lang]'), 'not rendered');
  return element;
}

export function query<T extends Element = HTMLElement>(
  element: KcStatusTracker,
  selector: string,
): T {
  const found = element.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

export const has = (element: KcStatusTracker, selector: string): boolean =>
  element.shadowRoot?.querySelector(selector) != null;

export const text = (element: KcStatusTracker, selector: string): string =>
  query(element, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const active = (element: KcStatusTracker): Element | null =>
  element.shadowRoot?.activeElement ?? null;

export async function shown(element: KcStatusTracker): Promise<void> {
  await waitUntil(() => element.matches(':state(shown)'), 'the case was not shown', SLOW);
  await element.updateComplete;
}

/** Types into a field as a person would (the input event the element listens to). */
export function type(element: KcStatusTracker, field: 'reference' | 'email', value: string): void {
  const input = query<HTMLInputElement>(element, `#${field}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export async function submit(element: KcStatusTracker): Promise<void> {
  query<HTMLButtonElement>(element, '[part~="submit-button"]').click();
  await element.updateComplete;
}

/** The question the agent asks in `waitingCase`. */
export const QUESTION = 'Vilket registreringsnummer har bilen?';

/**
 * A case of `department` whose agent has asked its sender a question (public note, "Väntar på
 * dig"). `skola` takes photos with messages (at most 2); `gata` takes none.
 */
export async function waitingCase(department = 'gata') {
  const receipt = await makeCase(undefined, department);
  const agent = await signedInAgent();
  await agent.cases.take(receipt.reference);
  await agent.cases.setStatus(receipt.reference, {
    status: 'waiting_for_citizen',
    note: QUESTION,
    visibility: 'public',
  });
  return { receipt, agent };
}

/** The texts the citizen sent after the first message, as the agent's timeline has them. */
export async function sentLater(
  reference: string,
  agent?: Awaited<ReturnType<typeof signedInAgent>>,
): Promise<string[]> {
  const found = await (agent ?? (await signedInAgent())).cases.get(reference);
  return found.timeline.flatMap((entry) =>
    entry.kind === 'message_in' && entry.text ? [entry.text] : [],
  );
}

/** Types `value` into the answer's field, as the person would. */
export function writeAnswer(element: KcStatusTracker, value: string): void {
  const field = query<HTMLTextAreaElement>(element, '#message-text');
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** What the polite live region says now. */
export const announced = (element: KcStatusTracker): string =>
  text(element, '[part~="announcement"]');

/** Picks `files` in the answer's photo field, as the file picker does. */
export async function pickAnswerPhotos(element: KcStatusTracker, ...files: File[]): Promise<void> {
  pickFiles(query<HTMLInputElement>(element, '#message-photos'), files);
  await element.updateComplete;
}
