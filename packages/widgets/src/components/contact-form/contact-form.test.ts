import type { Department, KontaktClient, Outbox, OutboxStore } from '@kontakt/core';
import { createClient, MESSAGE_MAX_LENGTH, memoryStore, NAME_MAX_LENGTH } from '@kontakt/core';
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../define/contact-form.js';
import type { KcErrorEvent } from '../../events/error.js';
import type { KcSubmitEvent } from '../../events/submit.js';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import type { TestServer } from '../../test-support/kontakt-server.js';
import {
  countCases,
  restartKontaktServer,
  startKontaktServer,
  stopKontaktServer,
} from '../../test-support/kontakt-server.js';
import { runWidgetBaseTests } from '../../test-support/widget-base-tests.js';
import type { KcContactForm } from './contact-form.js';

const SOURCE = 'packages/widgets/src/components/contact-form/contact-form.ts';
/** Skatteverket's published example personal identity number (valid check digit). */
const PERSONAL_IDENTITY_NUMBER = '19811218-9876';

let server: TestServer;

before(async () => {
  server = await startKontaktServer();
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

// --- helpers ---------------------------------------------------------------------------------

function shadow(element: KcContactForm): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function query<T extends Element = HTMLElement>(element: KcContactForm, selector: string): T {
  const found = shadow(element).querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

const text = (element: KcContactForm, selector: string) =>
  query(element, selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

const active = (element: KcContactForm) => shadow(element).activeElement;

async function loaded(element: KcContactForm): Promise<KcContactForm> {
  await waitUntil(() => shadow(element).querySelector('form'), 'the form did not load', {
    timeout: 10_000,
  });
  return element;
}

function renderForm(
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

async function fill(element: KcContactForm, id: string, value: string): Promise<void> {
  const control = query<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(
    element,
    `#${id}`,
  );
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
  await element.updateComplete;
}

async function choose(element: KcContactForm, id: string): Promise<void> {
  query(element, `#${id}`).click();
  await element.updateComplete;
}

async function submit(element: KcContactForm): Promise<void> {
  query(element, '[part~="submit-button"]').click();
  await element.updateComplete;
}

/** A valid question, filled in without the keyboard (the keyboard path has its own test). */
async function fillValid(element: KcContactForm, message = 'Hur söker jag boendeparkering?') {
  await fill(element, 'topic', 'parkering');
  await fill(element, 'message', message);
  await choose(element, 'answerChannel-email');
  await fill(element, 'email', 'anna.svensson@example.se');
}

async function tabTo(element: KcContactForm, part: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (active(element)?.getAttribute('part')?.split(' ').includes(part)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${part}`);
}

function deferred(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A client that talks to the real server but lets a test hold a call open or change an answer. */
function wrapClient(
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
    submits: 0,
    departments: {
      list: (options?: { signal?: AbortSignal }) => client.departments.list(options),
      async get(id?: string, options?: { signal?: AbortSignal }) {
        await change.beforeGet;
        const department = await client.departments.get(id, options);
        return change.department ? change.department(department) : department;
      },
    },
    cases: {
      async submit(...args: Parameters<KontaktClient['cases']['submit']>) {
        wrapped.submits++;
        await change.beforeSubmit;
        return (change.cases ?? client.cases).submit(...args);
      },
    },
  };
  return wrapped;
}

const gata = () => createClient({ endpoint: server.url, department: 'gata' });

// --- shared widget behaviour -----------------------------------------------------------------

runWidgetBaseTests<KcContactForm>('kc-contact-form', {
  source: SOURCE,
  render: async (container) => loaded(await renderForm({}, container)),
  text: (element) => text(element, 'label[for="topic"]'),
  partsInOtherStates: [
    'error',
    'error-summary',
    'alert',
    'retry-button',
    'send-now-button',
    'receipt',
    'receipt-heading',
    'reference',
    'new-message-button',
    'clear-button',
  ],
});

// --- the form --------------------------------------------------------------------------------

describe('<kc-contact-form>', () => {
  it('shows a loading state until the department is loaded, then its topics', async () => {
    const gate = deferred();
    const element = await renderForm({ client: wrapClient(gata(), { beforeGet: gate.promise }) });
    expect(text(element, '[part~="status"]')).to.equal('Hämtar formuläret …');
    expect(element.matches(':state(loading)')).to.be.true;
    await expect(element).to.be.accessible();
    gate.open();
    await loaded(element);
    expect(element.matches(':state(ready)')).to.be.true;
    const options = [...query<HTMLSelectElement>(element, '#topic').options].map((o) =>
      o.text.trim(),
    );
    expect(options).to.deep.equal([
      'Välj ämne',
      'Parkering och boendeparkering',
      'Gatubelysning',
      'Snöröjning och halkbekämpning',
      'Något annat',
    ]);
  });

  it('says when the form cannot be loaded and loads it again on retry', async () => {
    const errorEvent = oneEvent<KcErrorEvent>(document, 'kc-error');
    const element = await renderForm({ department: 'finns-inte' });
    const error = await errorEvent;
    expect(error.error.code).to.equal('department_not_found');
    await waitUntil(() => element.matches(':state(load-error)'));
    expect(text(element, '[role="alert"] [part~="error"]')).to.contain(
      'Formuläret kunde inte hämtas',
    );
    await expect(element).to.be.accessible();
    element.department = 'gata';
    await loaded(element);
    expect(element.matches(':state(ready)')).to.be.true;
  });

  it('retries loading with the retry button once the server is reachable', async () => {
    let fail = true;
    const real = gata();
    const client = wrapClient(real);
    client.departments.get = async (id, options) => {
      if (fail) throw new Error('offline');
      return real.departments.get(id, options);
    };
    const element = await renderForm({ client });
    await waitUntil(() => shadow(element).querySelector('[part~="retry-button"]'));
    fail = false;
    query(element, '[part~="retry-button"]').click();
    await loaded(element);
  });

  it('can be completed with the keyboard alone and moves focus to the receipt', async () => {
    const element = await loaded(await renderForm());
    const before = await countCases(server);

    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('topic');
    await sendKeys({ press: 'ArrowDown' });
    expect(query<HTMLSelectElement>(element, '#topic').value).to.equal('parkering');
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('message');
    await sendKeys({ type: 'Hur söker jag boendeparkering?' });
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('answerChannel-email');
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('email');
    await sendKeys({ type: 'anna.svensson@example.se' });
    await tabTo(element, 'submit-button');

    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await sendKeys({ press: 'Enter' });
    const { receipt } = await submitted;
    await element.updateComplete;

    expect(element.matches(':state(submitted)')).to.be.true;
    expect(active(element)?.getAttribute('part')).to.equal('receipt-heading');
    expect(text(element, '[part~="receipt-heading"]')).to.equal(
      'Tack! Vi har tagit emot din fråga',
    );
    expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
    const date = new Intl.DateTimeFormat('sv', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Stockholm',
    }).format(new Date(receipt.expectedAnswerBy));
    expect(text(element, '[part~="receipt"]')).to.contain(`Du får svar senast ${date}.`);
    expect(await countCases(server)).to.equal(before + 1);
    await expect(element).to.be.accessible();
  });

  it('starts a new message from the receipt, keeping the contact details', async () => {
    const element = await loaded(await renderForm());
    await fillValid(element);
    const submitted = oneEvent(element, 'kc-submitted');
    await submit(element);
    await submitted;
    await element.updateComplete;
    query(element, '[part~="new-message-button"]').click();
    await loaded(element);
    await element.updateComplete;
    expect(active(element)?.id).to.equal('topic');
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal('');
    expect(query<HTMLInputElement>(element, '#email').value).to.equal('anna.svensson@example.se');
  });

  it('shows, links and announces the errors of an empty form and sends nothing', async () => {
    const element = await loaded(await renderForm());
    const before = await countCases(server);
    let submits = 0;
    element.addEventListener('kc-submit', () => submits++);
    await submit(element);

    expect(element.matches(':state(invalid)')).to.be.true;
    const summary = query(element, '[part~="error-summary"]');
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(text(element, '[part~="error-summary"] h2')).to.equal(
      'Rätta 3 uppgifter innan du skickar',
    );
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent?.trim());
    expect(links).to.deep.equal([
      'Välj vad din fråga gäller.',
      'Skriv din fråga.',
      'Välj hur du vill få svar.',
    ]);
    expect(active(element)?.id).to.equal('topic', 'focus moves to the first error');
    for (const id of ['topic', 'message']) {
      const control = query(element, `#${id}`);
      expect(control.getAttribute('aria-invalid')).to.equal('true');
      expect(control.getAttribute('aria-describedby')?.split(' ')).to.include(`${id}-error`);
    }
    expect(text(element, '#topic-error')).to.equal('Välj vad din fråga gäller.');
    expect(query(element, 'fieldset').getAttribute('aria-describedby')).to.contain(
      'answerChannel-error',
    );

    summary.querySelectorAll('a')[1]?.click();
    expect(active(element)?.id).to.equal('message', 'a summary link moves focus to its field');
    summary.querySelectorAll('a')[2]?.click();
    expect(active(element)?.id).to.equal('answerChannel-email');

    await expect(element).to.be.accessible();
    expect(submits).to.equal(0);
    expect(await countCases(server)).to.equal(before);
  });

  const cases: Array<{
    name: string;
    setup: (element: KcContactForm) => Promise<void>;
    field: string;
    error: string;
  }> = [
    {
      name: 'an e-mail address is required for an e-mail answer',
      setup: (element) => fill(element, 'email', ''),
      field: 'email',
      error: 'Skriv din e-postadress så att vi kan svara dig.',
    },
    {
      name: 'an e-mail address must look like one',
      setup: (element) => fill(element, 'email', 'anna.svensson@'),
      field: 'email',
      error: 'Skriv e-postadressen som namn@exempel.se.',
    },
    {
      name: 'a phone number is required for a call back',
      setup: (element) => choose(element, 'answerChannel-phone'),
      field: 'phone',
      error: 'Skriv ditt telefonnummer så att vi kan ringa upp dig.',
    },
    {
      name: 'a phone number must have digits',
      setup: async (element) => {
        await choose(element, 'answerChannel-phone');
        await fill(element, 'phone', 'ring mig');
      },
      field: 'phone',
      error: 'Skriv ett telefonnummer med minst 6 siffror, till exempel 070-123 45 67.',
    },
    {
      name: 'a visit needs a phone number or an e-mail address',
      setup: async (element) => {
        await choose(element, 'answerChannel-visit');
        await fill(element, 'email', '');
      },
      field: 'phone',
      error: 'Skriv ett telefonnummer eller en e-postadress så att vi kan boka en tid med dig.',
    },
    {
      name: 'an interpreter needs a language',
      setup: (element) => choose(element, 'needs-interpreter'),
      field: 'interpreterLanguage',
      error: 'Skriv vilket språk tolken ska tala.',
    },
    {
      name: 'the message has a maximum length',
      setup: (element) => fill(element, 'message', 'a'.repeat(MESSAGE_MAX_LENGTH + 1)),
      field: 'message',
      error: `Texten får vara högst ${MESSAGE_MAX_LENGTH} tecken. Korta den lite.`,
    },
    {
      name: 'the name has a maximum length',
      setup: (element) => fill(element, 'name', 'N'.repeat(NAME_MAX_LENGTH + 1)),
      field: 'name',
      error: `Texten får vara högst ${NAME_MAX_LENGTH} tecken. Korta den lite.`,
    },
  ];

  for (const each of cases) {
    it(`explains on the field that ${each.name}`, async () => {
      const element = await loaded(await renderForm());
      await fillValid(element);
      await each.setup(element);
      await submit(element);
      expect(text(element, `#${each.field}-error`)).to.equal(each.error);
      expect(query(element, `#${each.field}`).getAttribute('aria-invalid')).to.equal('true');
      expect(query(element, `#${each.field}`).getAttribute('aria-describedby')).to.contain(
        `${each.field}-error`,
      );
      expect(text(element, '[part~="error-summary"] a')).to.equal(each.error);
      expect(active(element)?.id).to.equal(each.field);
    });
  }

  it('shows a field error from the server (422) on its field', async () => {
    // The department removed a topic after the page loaded: the server refuses it.
    const client = wrapClient(gata(), {
      department: (department) => ({
        ...department,
        categories: [...department.categories, { id: 'borttaget', name: { sv: 'Borttaget ämne' } }],
      }),
    });
    const element = await loaded(await renderForm({ client }));
    await fillValid(element);
    await fill(element, 'topic', 'borttaget');
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    const { error } = await failed;
    expect(error.status).to.equal(422);
    await element.updateComplete;
    expect(text(element, '#topic-error')).to.equal('Ämnet finns inte längre. Välj ett annat ämne.');
    expect(query(element, '#topic').getAttribute('aria-invalid')).to.equal('true');
    expect(active(element)?.id).to.equal('topic');
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Hur söker jag boendeparkering?',
    );
  });

  it('is busy while sending and sends once however often it is submitted', async () => {
    const gate = deferred();
    const client = wrapClient(gata(), { beforeSubmit: gate.promise });
    const element = await loaded(await renderForm({ client }));
    const before = await countCases(server);
    await fillValid(element);
    const submitting = oneEvent<KcSubmitEvent>(element, 'kc-submit');
    await submit(element);
    expect((await submitting).message.topic).to.equal('parkering');
    await element.updateComplete;
    expect(element.matches(':state(submitting)')).to.be.true;
    const button = query(element, '[part~="submit-button"]');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent?.trim()).to.equal('Skickar …');
    expect(text(element, '[part~="status"]')).to.equal('Skickar …');
    await expect(element).to.be.accessible();
    await submit(element);
    await submit(element);
    const submitted = oneEvent(element, 'kc-submitted');
    gate.open();
    await submitted;
    expect(client.submits).to.equal(1);
    expect(await countCases(server)).to.equal(before + 1);
  });

  it('keeps its busy spinner still when the person asks for reduced motion', async () => {
    const spinning = async (reduce: boolean) => {
      await emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
      const gate = deferred();
      const element = await loaded(
        await renderForm({ client: wrapClient(gata(), { beforeSubmit: gate.promise }) }),
      );
      await fillValid(element);
      await submit(element);
      const style = getComputedStyle(query(element, '.spinner'));
      const result = {
        iterations: style.animationIterationCount,
        seconds: Number.parseFloat(style.animationDuration),
      };
      const submitted = oneEvent(element, 'kc-submitted');
      gate.open();
      await submitted;
      return result;
    };
    try {
      expect((await spinning(false)).iterations).to.equal('infinite');
      const reduced = await spinning(true);
      expect(reduced.iterations).to.equal('1');
      expect(reduced.seconds).to.be.below(0.001);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('does not send when kc-submit is cancelled', async () => {
    const client = wrapClient(gata());
    const element = await loaded(await renderForm({ client }));
    await fillValid(element);
    element.addEventListener('kc-submit', (event) => event.preventDefault());
    await submit(element);
    expect(client.submits).to.equal(0);
    expect(element.matches(':state(ready)')).to.be.true;
  });

  it('keeps the text and says why when sending fails, and sends on a later try', async () => {
    // The server refuses the department (a configuration error): a permanent failure.
    const wrong = createClient({ endpoint: server.url, department: 'finns-inte', outbox: false });
    const client = wrapClient(gata(), { cases: wrong.cases });
    const element = await loaded(await renderForm({ client }));
    await fillValid(element, 'Lampan på Storgatan 3 är trasig.');
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    expect((await failed).error.code).to.equal('validation_failed');
    await element.updateComplete;
    expect(element.matches(':state(failed)')).to.be.true;
    expect(query(element, '[part~="alert"]').getAttribute('role')).to.equal('alert');
    expect(text(element, '[part~="alert"]')).to.contain(
      'Formuläret fungerar inte på den här sidan',
    );
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Lampan på Storgatan 3 är trasig.',
    );
    await expect(element).to.be.accessible();

    element.client = gata();
    await element.updateComplete;
    await loaded(element);
    const submitted = oneEvent(element, 'kc-submitted');
    await submit(element);
    await submitted;
  });

  it('sends the same message again under the same key, so a lost answer makes one case', async () => {
    const before = await countCases(server);
    const keys: string[] = [];
    let loseNextAnswer = true;
    // The request reaches the real server, which stores the case; the answer is lost on the way back.
    const lossyFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.method !== 'POST') return response;
      keys.push(request.headers.get('idempotency-key') ?? '');
      if (!loseNextAnswer) return response;
      loseNextAnswer = false;
      throw new TypeError('Failed to fetch');
    };
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      fetch: lossyFetch,
      retry: 0,
      outbox: false,
    });
    const element = await loaded(await renderForm({ client }));
    await fillValid(element, 'Gatlampan vid Möllevångstorget blinkar.');
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    expect((await failed).error.code).to.equal('network_error');
    await element.updateComplete;
    expect(element.matches(':state(failed)')).to.be.true;

    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await submit(element);
    await submitted;
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
    expect(await countCases(server)).to.equal(before + 1);
  });

  it('warns when the message seems to hold a personal identity number', async () => {
    const element = await loaded(await renderForm());
    await fill(element, 'message', 'Hej');
    expect(text(element, '[part~="warning"]')).to.equal('');
    await fill(element, 'message', `Mitt personnummer är ${PERSONAL_IDENTITY_NUMBER}.`);
    expect(text(element, '[part~="warning"]')).to.contain('personnummer');
    expect(query(element, '#message').getAttribute('aria-describedby')).to.contain(
      'message-warning',
    );
    expect(query(element, '[part~="warning"]').getAttribute('aria-live')).to.equal('polite');
    expect(text(element, '[part~="notice"]')).to.contain('allmän handling');
  });

  it('counts characters and announces what is left near the limit', async () => {
    const element = await loaded(await renderForm());
    await fill(element, 'message', 'Hej');
    expect(text(element, '[part~="character-count"]')).to.equal(
      `3 av ${MESSAGE_MAX_LENGTH} tecken`,
    );
    await fill(element, 'message', 'a'.repeat(MESSAGE_MAX_LENGTH - 10));
    expect(text(element, '[part~="character-count"]')).to.equal('Du har 10 tecken kvar.');
    await waitUntil(
      () => text(element, '[aria-live="polite"].visually-hidden') === 'Du har 10 tecken kvar.',
      'the count is announced once typing pauses',
      { timeout: 5000 },
    );
  });

  it('keeps a message offline while the server is down and delivers it exactly once when it is back', async function () {
    this.timeout(40_000);
    const own = await startKontaktServer();
    try {
      const element = await fixture<KcContactForm>(
        html`<kc-contact-form endpoint=${own.url} department="gata"></kc-contact-form>`,
      );
      await loaded(element);
      await fillValid(element, 'Snön är inte röjd på Parkvägen.');
      await stopKontaktServer(own);

      const errors: KcErrorEvent[] = [];
      element.addEventListener('kc-error', (event) => errors.push(event));
      await submit(element);
      await waitUntil(() => element.matches(':state(offline)'), 'offline state not shown', {
        timeout: 15_000,
      });
      await element.updateComplete;
      expect(text(element, '[part~="status"] h2')).to.equal(
        'Sparat – skickas när du är online igen',
      );
      expect(query(element, '[part~="status"]').getAttribute('role')).to.equal('status');
      expect(active(element)?.id).to.equal('offline-heading');
      expect(errors).to.have.length(0);
      await expect(element).to.be.accessible();

      await restartKontaktServer(own);
      const delivered = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
      window.dispatchEvent(new Event('online'));
      const { receipt } = await delivered;
      await element.updateComplete;
      expect(element.matches(':state(submitted)')).to.be.true;
      expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
      expect(active(element)?.getAttribute('part')).to.equal('receipt-heading');

      // Nothing is left to send: coming online again or flushing sends no second copy.
      const client = createClient({ endpoint: own.url, department: 'gata' });
      await client.outbox.flush();
      expect(await client.outbox.pending()).to.have.length(0);
      expect(await countCases(own)).to.equal(1);
    } finally {
      await stopKontaktServer(own);
    }
  });

  it('says so and gives the text back when a message kept offline expires unsent', async function () {
    this.timeout(20_000);
    // Topics come from the real server; messages go to a port where nothing listens.
    const unreachable = createClient({
      endpoint: 'http://127.0.0.1:9',
      department: 'gata',
      retry: 0,
      outbox: memoryStore(),
      outboxMaxAge: 1_000,
    });
    const client = {
      ...wrapClient(gata(), { cases: unreachable.cases }),
      outbox: unreachable.outbox,
    };
    const element = await loaded(await renderForm({ client }));
    await fillValid(element, 'Papperskorgen vid busshållplatsen är trasig.');
    await submit(element);
    await waitUntil(() => element.matches(':state(offline)'), 'offline state not shown', {
      timeout: 10_000,
    });
    const failed = await oneEvent<KcErrorEvent>(element, 'kc-error');
    expect(failed.error.code).to.equal('expired');
    await element.updateComplete;
    expect(element.matches(':state(failed)')).to.be.true;
    expect(text(element, '[part~="alert"]')).to.contain('kunde inte skickas på flera dagar');
    expect(query<HTMLTextAreaElement>(element, '#message').value).to.equal(
      'Papperskorgen vid busshållplatsen är trasig.',
    );
    await expect(element).to.be.accessible();
  });

  it('switches from Swedish to English when lang changes, errors and topics included', async () => {
    const element = await loaded(await renderForm());
    await submit(element);
    expect(text(element, 'label[for="topic"]')).to.equal('Vad gäller din fråga?');
    element.lang = 'en';
    await waitUntil(() => text(element, 'label[for="topic"]') === 'What is your question about?');
    expect(text(element, '#topic-error')).to.equal('Choose what your question is about.');
    expect(text(element, '[part~="submit-button"]')).to.equal('Send');
    const options = [...query<HTMLSelectElement>(element, '#topic').options].map((o) =>
      o.text.trim(),
    );
    expect(options).to.include('Parking and resident parking');
    expect(query<HTMLSelectElement>(element, '#answerLanguage').value).to.equal('en');
  });

  it('is laid out right to left in Arabic and accessible', async () => {
    const element = await loaded(await renderForm({ lang: 'ar' }));
    expect(query(element, '[part~="base"]').getAttribute('dir')).to.equal('rtl');
    expect(text(element, '[part~="submit-button"]')).to.equal('إرسال');
    await expect(element).to.be.accessible();
  });

  it('reflows at 320 px without horizontal scrolling, errors shown', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await loaded(await renderForm());
    await fill(
      element,
      'message',
      `${'Långtextutanmellanslag'.repeat(20)} ${PERSONAL_IDENTITY_NUMBER}`,
    );
    await choose(element, 'answerChannel-visit');
    await choose(element, 'needs-interpreter');
    await submit(element);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const control of shadow(element).querySelectorAll<HTMLElement>('[part~="input"]')) {
      expect(control.getBoundingClientRect().right).to.be.at.most(320);
    }
  });

  it('exposes its documented states to page CSS', async () => {
    const element = await loaded(await renderForm());
    const style = document.createElement('style');
    style.textContent = 'kc-contact-form:state(ready) { outline: 1px solid rgb(255, 0, 0); }';
    document.head.append(style);
    try {
      expect(getComputedStyle(element).outlineColor).to.equal('rgb(255, 0, 0)');
    } finally {
      style.remove();
    }
  });
});

// --- drafts ----------------------------------------------------------------------------------

describe('<kc-contact-form> drafts', () => {
  const draftKey = (department = 'gata', endpoint = server.url) =>
    `kontakt-draft:${endpoint}:${department}:${location.pathname}`;
  const storedDraft = (department?: string) => {
    const text = sessionStorage.getItem(draftKey(department));
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  };
  const value = (element: KcContactForm, id: string) =>
    query<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(element, `#${id}`).value;
  const checked = (element: KcContactForm, id: string) =>
    query<HTMLInputElement>(element, `#${id}`).checked;
  const hasClearButton = (element: KcContactForm) =>
    shadow(element).querySelector('[part~="clear-button"]') !== null;

  /** What a reload does to the draft: the page is hidden, then everything is gone. */
  function reload(): void {
    window.dispatchEvent(new Event('pagehide'));
    fixtureCleanup();
  }

  it('stores nothing until the person types, then keeps a draft in sessionStorage once typing pauses', async () => {
    const localBefore = localStorage.length;
    const element = await loaded(await renderForm());
    expect(sessionStorage.length, 'rendering and loading store nothing').to.equal(0);

    await fill(element, 'message', 'Hur söker jag');
    expect(storedDraft(), 'written once typing pauses, not on every key').to.equal(null);
    await waitUntil(() => storedDraft() !== null, 'the draft was not written', { timeout: 5000 });
    expect(storedDraft()?.message).to.equal('Hur söker jag');
    expect(Object.keys(sessionStorage)).to.deep.equal([draftKey()]);
    expect(localStorage.length, 'nothing in localStorage').to.equal(localBefore);
  });

  it('fills in the draft after a reload, says so, and empties form and draft on request', async () => {
    const first = await loaded(await renderForm());
    await fill(first, 'topic', 'gatubelysning');
    await fill(first, 'message', 'Lampan på Storgatan 3 är trasig.');
    await choose(first, 'answerChannel-phone');
    await fill(first, 'phone', '070-123 45 67');
    await choose(first, 'needs-interpreter');
    await fill(first, 'interpreterLanguage', 'somaliska');
    window.dispatchEvent(new Event('pagehide'));
    expect(storedDraft()?.interpreterLanguage, 'written when the page is hidden').to.equal(
      'somaliska',
    );
    reload();

    const element = await loaded(await renderForm());
    expect(value(element, 'topic')).to.equal('gatubelysning');
    expect(value(element, 'message')).to.equal('Lampan på Storgatan 3 är trasig.');
    expect(checked(element, 'answerChannel-phone')).to.be.true;
    expect(value(element, 'phone')).to.equal('070-123 45 67');
    expect(checked(element, 'needs-interpreter')).to.be.true;
    expect(value(element, 'interpreterLanguage')).to.equal('somaliska');
    expect(text(element, '[part~="status"]')).to.equal('Vi har fyllt i det du skrev tidigare.');
    expect(text(element, '[part~="clear-button"]')).to.equal('Töm formuläret');
    expect(active(element)?.id ?? 'nothing', 'a restored draft does not take focus').to.equal(
      'nothing',
    );
    await expect(element).to.be.accessible();

    query(element, '[part~="clear-button"]').click();
    await element.updateComplete;
    expect(value(element, 'topic')).to.equal('');
    expect(value(element, 'message')).to.equal('');
    expect(checked(element, 'answerChannel-phone')).to.be.false;
    expect(storedDraft()).to.equal(null);
    expect(hasClearButton(element)).to.be.false;
    expect(text(element, '[part~="status"]')).to.equal('Formuläret är tömt.');
    expect(active(element)?.id).to.equal('topic');

    reload();
    const after = await loaded(await renderForm());
    expect(value(after, 'message')).to.equal('');
    expect(text(after, '[part~="status"]')).to.equal('');
    expect(hasClearButton(after)).to.be.false;
  });

  it('says in English that the draft was filled in, on an English page', async () => {
    await fill(await loaded(await renderForm({ lang: 'en' })), 'message', 'Where do I park?');
    reload();
    const element = await loaded(await renderForm({ lang: 'en' }));
    expect(value(element, 'message')).to.equal('Where do I park?');
    expect(text(element, '[part~="status"]')).to.equal('We have filled in what you wrote earlier.');
    expect(text(element, '[part~="clear-button"]')).to.equal('Clear the form');
  });

  it('keeps the drafts of forms for different departments on one page apart', async () => {
    // Two fixtures: both forms on this one page.
    const renderBoth = async () =>
      [
        await loaded(await renderForm({ department: 'gata' })),
        await loaded(await renderForm({ department: 'skola' })),
      ] as const;
    const [, skolaBefore] = await renderBoth();
    await fill(skolaBefore, 'message', 'Hur ansöker jag om skolskjuts?');
    reload();
    expect(storedDraft('skola')?.message).to.equal('Hur ansöker jag om skolskjuts?');
    expect(storedDraft('gata')).to.equal(null);

    const [gataForm, skolaForm] = await renderBoth();
    expect(value(skolaForm, 'message')).to.equal('Hur ansöker jag om skolskjuts?');
    expect(value(gataForm, 'message')).to.equal('');
    expect(hasClearButton(gataForm)).to.be.false;
  });

  it('forgets the draft once the receipt is shown, and on reset()', async () => {
    const element = await loaded(await renderForm());
    await fillValid(element);
    await waitUntil(() => storedDraft() !== null, 'the draft was not written', { timeout: 5000 });
    const submitted = oneEvent(element, 'kc-submitted');
    await submit(element);
    await submitted;
    expect(storedDraft()).to.equal(null);
    reload();
    expect(storedDraft(), 'nothing is written after the receipt').to.equal(null);

    const again = await loaded(await renderForm());
    expect(value(again, 'message')).to.equal('');
    expect(checked(again, 'answerChannel-email')).to.be.false;
    await fill(again, 'message', 'En fråga till');
    window.dispatchEvent(new Event('pagehide'));
    expect(storedDraft()).not.to.equal(null);
    again.reset();
    expect(storedDraft()).to.equal(null);
  });

  it('keeps working when storage is full or disabled', async () => {
    const { getItem, setItem } = Storage.prototype;
    let refused = 0;
    Storage.prototype.getItem = () => {
      refused++;
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const element = await loaded(await renderForm());
      await fillValid(element);
      window.dispatchEvent(new Event('pagehide'));
      expect(refused, 'storage was tried, and refused, for reading and writing').to.equal(2);
      const submitted = oneEvent(element, 'kc-submitted');
      await submit(element);
      await submitted;
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    }
  });
});

// --- messages kept offline across a reload ---------------------------------------------------

describe('<kc-contact-form> after a reload with a message kept offline', () => {
  /** A client whose submissions can never leave the browser: everything stays in its outbox. */
  function offlineClient(store: OutboxStore, department = 'gata') {
    return createClient({
      endpoint: server.url,
      department,
      outbox: store,
      retry: 0,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
  }
  /** The outbox, with every look into it recorded, so a test knows when the form has looked. */
  function watched(outbox: Outbox): { outbox: Outbox; looks: Promise<unknown>[] } {
    const looks: Promise<unknown>[] = [];
    const watchedOutbox: Outbox = {
      pending() {
        const look = outbox.pending();
        looks.push(look);
        return look;
      },
      flush: () => outbox.flush(),
      addEventListener: outbox.addEventListener.bind(outbox),
      removeEventListener: outbox.removeEventListener.bind(outbox),
      dispatchEvent: outbox.dispatchEvent.bind(outbox),
    };
    return { outbox: watchedOutbox, looks };
  }
  const message = {
    topic: 'parkering',
    message: 'Hur söker jag boendeparkering?',
    answerChannel: 'email',
    email: 'anna.svensson@example.se',
  } as const;

  async function keep(client: KontaktClient, widget: string): Promise<void> {
    const error = await client.cases.submit(message, { widget }).catch((e: unknown) => e);
    expect((error as { queued?: unknown }).queued, 'the message was kept').to.exist;
  }

  it('shows only its own department and widget’s messages as waiting', async () => {
    const store = memoryStore();
    const offline = offlineClient(store);
    await keep(offline, 'kc-fault-report');
    await keep(offlineClient(store, 'skola'), 'kc-contact-form');
    const { outbox, looks } = watched(offline.outbox);
    const element = await loaded(await renderForm({ client: { ...wrapClient(gata()), outbox } }));
    expect(looks, 'the form looked into the outbox').to.have.length(1);
    await looks[0];
    await element.updateComplete;
    expect(element.matches(':state(ready)')).to.be.true;
    fixtureCleanup();

    await keep(offline, 'kc-contact-form');
    const reloaded = await renderForm({
      client: { ...wrapClient(gata()), outbox: offline.outbox },
    });
    await waitUntil(() => reloaded.matches(':state(offline)'), 'its own message is not shown');
    expect(text(reloaded, '[part~="status"] h2')).to.equal(
      'Sparat – skickas när du är online igen',
    );
  });

  it('shows the waiting message again after a reload, then its receipt, and makes one case', async function () {
    this.timeout(40_000);
    const own = await startKontaktServer();
    try {
      const render = () =>
        fixture<KcContactForm>(
          html`<kc-contact-form endpoint=${own.url} department="gata"></kc-contact-form>`,
        );
      const first = await loaded(await render());
      await fillValid(first, 'Gatlampan på Kungsgatan är trasig.');
      await stopKontaktServer(own);
      await submit(first);
      await waitUntil(() => first.matches(':state(offline)'), 'offline state not shown', {
        timeout: 15_000,
      });
      fixtureCleanup();

      const element = await render();
      await waitUntil(() => element.matches(':state(offline)'), 'the waiting message is not shown');
      await element.updateComplete;
      expect(text(element, '[part~="status"] h2')).to.equal(
        'Sparat – skickas när du är online igen',
      );
      expect(active(element)?.id ?? 'nothing', 'a page that loads keeps focus').to.equal('nothing');
      await expect(element).to.be.accessible();

      await restartKontaktServer(own);
      const delivered = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
      query(element, '[part~="send-now-button"]').click();
      const { receipt } = await delivered;
      await element.updateComplete;
      expect(element.matches(':state(submitted)')).to.be.true;
      expect(text(element, '[part~="reference"]')).to.equal(receipt.reference);
      expect(await countCases(own)).to.equal(1);
      const client = createClient({ endpoint: own.url, department: 'gata' });
      expect(await client.outbox.pending()).to.have.length(0);
      expect(sessionStorage.length, 'the draft went with the receipt').to.equal(0);
    } finally {
      await stopKontaktServer(own);
    }
  });
});
