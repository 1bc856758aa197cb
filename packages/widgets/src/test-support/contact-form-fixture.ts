// What the contact form's test files share: one real server per file, rendering, reading the
// shadow DOM, filling in and submitting, and a client a test can hold open or change.
import type { Department, KontaktClient } from '@kontakt/core';
import { createClient } from '@kontakt/core';
import { fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define/contact-form.js';
import type { KcContactForm } from '../components/contact-form/contact-form.js';
import type { TestServer } from './kontakt-server.js';
import { startKontaktServer, stopKontaktServer } from './kontakt-server.js';

/** Skatteverket's published example personal identity number (valid check digit). */
export const PERSONAL_IDENTITY_NUMBER = '19811218-9876';

/** This test file's server; its `id` and `url` are filled in once it has started. */
export const server: TestServer = { id: '', url: '' };

/**
 * Registers the hooks every contact form test file needs: a real server for the file, and every
 * test starting without a draft, without fixtures and at the default viewport. `config`: the
 * server's departments file, from the repository's root (default: the tests' own).
 */
export function setUpContactFormTests(config?: string): void {
  before(async () => {
    Object.assign(server, await startKontaktServer(config));
  });

  after(async () => {
    await stopKontaktServer(server);
  });

  // Drafts live in this tab's sessionStorage: every test starts without one.
  beforeEach(() => {
    sessionStorage.clear();
  });

  afterEach(async () => {
    fixtureCleanup();
    sessionStorage.clear();
    await setViewport({ width: 800, height: 600 });
  });
}

// --- reading the shadow DOM ------------------------------------------------------------------

export function shadow(element: KcContactForm): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

export function query<T extends Element = HTMLElement>(
  element: KcContactForm,
  selector: string,
): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

export const text = (element: KcContactForm, selector: string) =>
  query(element, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const active = (element: KcContactForm) => shadow(element).activeElement;

// --- rendering and waiting -------------------------------------------------------------------

/**
 * Waits until the form is complete (its topics are in) and ready to send, as it is once a person
 * has started to use it: the submit path loads on the first focus, so tests that fill in fields
 * programmatically (no real focus) say so with a `focusin`.
 */
export async function loaded(element: KcContactForm): Promise<KcContactForm> {
  await waitUntil(
    () => shadow(element).querySelector('#topic option:not([value=""])'),
    'the form did not load',
    { timeout: 10_000 },
  );
  element.dispatchEvent(new Event('focusin'));
  await waitUntil(() => submitPathLoaded(element), 'the submit path did not load', {
    timeout: 10_000,
  });
  await element.updateComplete;
  return element;
}

/** True once the element has its submit path (a private detail, read only by tests). */
export const submitPathLoaded = (element: KcContactForm): boolean =>
  (element as unknown as { deferred: { value?: unknown } }).deferred.value !== undefined;

export function renderForm(
  options: { lang?: string; client?: KontaktClient; department?: string } = {},
  container?: HTMLElement,
): Promise<KcContactForm> {
  const template = options.client
    ? html`<kc-contact-form lang=${options.lang ?? ''} .client=${options.client}></kc-contact-form>`
    : html`<kc-contact-form
        lang=${options.lang ?? ''}
        endpoint=${server.url}
        department=${options.department ?? 'gata'}
      ></kc-contact-form>`;
  return fixture<KcContactForm>(template, container ? { parentNode: container } : {});
}

// --- filling in ------------------------------------------------------------------------------

export async function fill(element: KcContactForm, id: string, value: string): Promise<void> {
  const control = query<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    element,
    `#${id}`,
  );
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
  await element.updateComplete;
}

export async function choose(element: KcContactForm, id: string): Promise<void> {
  query(element, `#${id}`).click();
  await element.updateComplete;
}

export async function submit(element: KcContactForm): Promise<void> {
  query(element, '[part~="submit-button"]').click();
  await element.updateComplete;
}

/** A valid question, filled in without the keyboard (the keyboard path has its own test). */
export async function fillValid(
  element: KcContactForm,
  message = 'Hur söker jag boendeparkering?',
) {
  await fill(element, 'topic', 'parkering');
  await fill(element, 'message', message);
  await choose(element, 'answerChannel-email');
  await fill(element, 'email', 'anna.svensson@example.se');
}

/**
 * Fills in a valid question with the keyboard alone, from the topic (which has focus) to the
 * e-mail address: the first topic, the question, an answer by e-mail.
 */
export async function typeValidQuestion(element: KcContactForm): Promise<void> {
  await sendKeys({ press: 'ArrowDown' });
  if (query<HTMLSelectElement>(element, '#topic').value !== 'parkering') {
    throw new Error('the first topic is not parkering');
  }
  await sendKeys({ press: 'Tab' });
  if (active(element)?.id !== 'message') throw new Error('Tab from the topic missed the message');
  await sendKeys({ type: 'Hur söker jag boendeparkering?' });
  await sendKeys({ press: 'Tab' });
  if (active(element)?.id !== 'answerChannel-email') throw new Error('no answer channel next');
  await sendKeys({ press: 'Space' });
  await element.updateComplete;
  await sendKeys({ press: 'Tab' });
  if (active(element)?.id !== 'email') throw new Error('no e-mail field after choosing e-mail');
  await sendKeys({ type: 'anna.svensson@example.se' });
}

export async function tabTo(element: KcContactForm, part: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (active(element)?.getAttribute('part')?.split(' ').includes(part)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${part}`);
}

// --- clients ---------------------------------------------------------------------------------

export function deferred(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A client that talks to the real server but lets a test hold a call open or change an answer. */
export function wrapClient(
  client: KontaktClient,
  change: {
    beforeGet?: Promise<void>;
    beforeSubmit?: Promise<void>;
    department?: (department: Department) => Department;
    cases?: KontaktClient['cases'];
  } = {},
): KontaktClient & { submits: number } {
  const wrapped = {
    endpoint: client.endpoint,
    department: client.department,
    outbox: client.outbox,
    notices: client.notices,
    submits: 0,
    departments: {
      list: (options?: { signal?: AbortSignal }) => client.departments.list(options),
      async get(id?: string, options?: { signal?: AbortSignal }) {
        await change.beforeGet;
        const department = await client.departments.get(id, options);
        return change.department ? change.department(department) : department;
      },
    },
    callbacks: client.callbacks,
    chat: client.chat,
    faults: client.faults,
    photos: client.photos,
    cases: {
      ...client.cases,
      async submit(...args: Parameters<KontaktClient['cases']['submit']>) {
        wrapped.submits++;
        await change.beforeSubmit;
        return (change.cases ?? client.cases).submit(...args);
      },
    },
  };
  return wrapped;
}

/** A plain client for the `gata` department of this file's server. */
export const gata = () => createClient({ endpoint: server.url, department: 'gata' });
