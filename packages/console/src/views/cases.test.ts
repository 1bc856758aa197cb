// The inbox and a case against a real server: cases from citizens listed and arriving live,
// search, a case opened and worked (take, note, answer, status, forward), the forwarded case seen
// by that department's specialist and by no one else; by keyboard only; axe in each view.
import { createClient } from '@kontakt/core';
import { createAgentClient } from '@kontakt/core/agent';
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announces,
  cleanupConsoles,
  deepQuery,
  endpointOf,
  focused,
  goTo,
  heading,
  inView,
  PASSWORD,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
  submitCase,
} from '../test-support/console-fixture.js';

let server: TestServer;
let first: string;

before(async () => {
  server = await startServer();
  first = await submitCase(server, {
    message: 'Vår gata har inte plogats på tre dagar.\nKan ni komma i dag?',
    name: 'Karin Persson',
    needs: ['interpreter'],
    interpreterLanguage: 'finska',
  });
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

const rows = (element: KcConsole) =>
  allInView(element, 'kc-inbox-view', 'tbody tr').map((row) => row.textContent ?? '');
const inboxLoaded = (element: KcConsole) =>
  waitUntil(() => rows(element).length > 0, 'the inbox did not fill', { timeout: 10_000 });

/** Submits a form of the case view by clicking its button, and waits for what is announced. */
async function act(element: KcConsole, form: string, fill: Record<string, string>, said: string) {
  const view = deepQuery(element, 'kc-case-view') as HTMLElement;
  const root = view.shadowRoot as ShadowRoot;
  for (const [name, value] of Object.entries(fill)) {
    const field = root.querySelector<HTMLInputElement | HTMLSelectElement>(`#${form}-${name}`);
    if (!field) throw new Error(`No field ${form}-${name}`);
    if (field instanceof HTMLSelectElement) {
      // The departments arrive after the case: wait for the option.
      await waitUntil(() => [...field.options].some((option) => option.value === value));
    }
    field.value = value;
  }
  root
    .querySelector<HTMLButtonElement>(
      `form[aria-labelledby="${form}-legend"] button[type="submit"]`,
    )
    ?.click();
  await waitUntil(() => announces(element, said), `not announced: ${said}`, { timeout: 10_000 });
}

/** Forwards the open case as a person does: the preview first, then "Skicka vidare" in it. */
async function forwardCase(element: KcConsole, fill: Record<string, string>, said: string) {
  await act(element, 'forward', fill, '');
  await waitUntil(() => inView(element, 'kc-case-view', '#forward-yes') !== null, 'no preview');
  inView<HTMLButtonElement>(element, 'kc-case-view', '#forward-yes')?.click();
  await waitUntil(() => announces(element, said), `not announced: ${said}`, { timeout: 10_000 });
}

const timeline = (element: KcConsole) =>
  allInView(element, 'kc-case-view', 'ol.timeline li').map((item) =>
    (item.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

/** A new case from a citizen, opened by Anna: resolves once its status form is there. */
async function openNewCase(message: string): Promise<KcConsole> {
  const reference = await submitCase(server, { message });
  const element = await renderConsole(server, `/cases/${reference}`);
  await signedIn(element, 'anna');
  await waitUntil(() => inView(element, 'kc-case-view', '#status-status') !== null, 'no case', {
    timeout: 10_000,
  });
  return element;
}

/**
 * Picks `value` in select `#id` of the case view as a person does (its change event): the form
 * then asks what it needs (a status its date, a category its types).
 */
async function choose(element: KcConsole, id: string, value: string): Promise<void> {
  const select = inView<HTMLSelectElement>(element, 'kc-case-view', `#${id}`);
  if (!select) throw new Error(`No field ${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await (deepQuery(element, 'kc-case-view') as HTMLElement & { updateComplete: Promise<boolean> })
    .updateComplete;
}

/** The case's "Läge" section as one line of text. */
const caseState = (element: KcConsole) =>
  (
    inView(element, 'kc-case-view', 'section[aria-labelledby="state-heading"]')?.textContent ?? ''
  ).replace(/\s+/g, ' ');

describe('the inbox', () => {
  it('lists cases from citizens with who, what and the needs, axe-clean', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await inboxLoaded(element);
    const row = rows(element).find((text) => text.includes(first)) ?? '';
    expect(row).to.contain('Karin Persson');
    expect(row).to.contain('Vår gata har inte plogats');
    expect(row).to.contain('Tolk');
    expect(row).to.contain('Inkommet');
    // Words stay whole where they fit: no heading or status broken mid-word ("Statu|s").
    const cells = allInView(element, 'kc-inbox-view', 'thead th, tbody td:nth-child(6)');
    for (const cell of cells) {
      const word = (cell.textContent ?? '').trim();
      if (/\s/.test(word)) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      expect(lines.size, word).to.equal(1);
    }
    await expect(element).to.be.accessible();
  });

  it('shows a case that arrives while it is open, and says so politely', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await inboxLoaded(element);
    const reference = await submitCase(server, { message: 'Gatlampan på Storgatan 5 är trasig.' });
    await waitUntil(() => rows(element).some((text) => text.includes(reference)), 'not live', {
      timeout: 10_000,
    });
    await waitUntil(() => announces(element, 'Ett nytt ärende har kommit in.'));
    expect(rows(element)[0]).to.contain(reference);
  });

  it('lists oldest first when asked, the queue in turn, and a case that arrives comes last', async () => {
    const word = 'kovisning';
    const older = await submitCase(server, { message: `Fråga om ${word}: den första.` });
    const newer = await submitCase(server, { message: `Fråga om ${word}: den andra.` });
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await inboxLoaded(element);
    const view = deepQuery(element, 'kc-inbox-view') as HTMLElement;
    const order = deepQuery(view, '#filter-order') as HTMLSelectElement;
    expect([...order.options].map((option) => option.textContent?.trim())).to.deep.equal([
      'Nyast först',
      'Äldst först',
    ]);
    (deepQuery(view, '#filter-q') as HTMLInputElement).value = word;
    order.value = 'oldest';
    (deepQuery(view, 'form[role="search"] button[type="submit"]') as HTMLButtonElement).click();
    const references = () =>
      rows(element).map((row) => row.match(/KC-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0]);
    await waitUntil(
      () => references().join() === [older, newer].join(),
      `not oldest first: ${references().join()}`,
    );
    // Each open case says how long it has been in its status.
    expect(rows(element)[0]?.replace(/\s+/g, ' ')).to.match(/Inkommet i (< 1|\d+) min/);
    const latest = await submitCase(server, { message: `Fråga om ${word}: den tredje.` });
    await waitUntil(
      () => references().join() === [older, newer, latest].join(),
      `the new case not last: ${references().join()}`,
      { timeout: 10_000 },
    );
    await waitUntil(() => announces(element, 'Ett nytt ärende har kommit in.'));
    await expect(element).to.be.accessible();
  });

  it('filters by need and by topic', async () => {
    await submitCase(server, { message: 'Finns det plats på fritids?' }, 'skola');
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await inboxLoaded(element);
    const view = deepQuery(element, 'kc-inbox-view') as HTMLElement;
    const apply = () =>
      (deepQuery(view, 'form[role="search"] button[type="submit"]') as HTMLButtonElement).click();
    (deepQuery(view, '#filter-need') as HTMLSelectElement).value = 'interpreter';
    apply();
    await waitUntil(() => rows(element).length === 1 && rows(element)[0]?.includes(first));

    (deepQuery(view, '#filter-need') as HTMLSelectElement).value = '';
    const topic = deepQuery(view, '#filter-topic') as HTMLSelectElement;
    await waitUntil(() => [...topic.options].some((option) => option.value === 'skolval'));
    topic.value = 'skolval';
    apply();
    await waitUntil(
      () => rows(element).length > 0 && rows(element).every((row) => row.includes('Skolval')),
      'not only the topic asked for',
    );
    expect(rows(element).some((row) => row.includes(first))).to.equal(false);
  });

  it('finds a case by its reference', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await inboxLoaded(element);
    const view = deepQuery(element, 'kc-inbox-view') as HTMLElement;
    (deepQuery(view, '#filter-q') as HTMLInputElement).value = first;
    (deepQuery(view, 'form[role="search"] button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => rows(element).length === 1 && rows(element)[0]?.includes(first));
  });
});

describe('registering a call', () => {
  it('makes a case of a phone call, with the department and topic picked by name', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const view = deepQuery(element, 'kc-inbox-view') as HTMLElement;
    const root = view.shadowRoot as ShadowRoot;
    root.querySelector('details')?.setAttribute('open', '');
    const department = root.querySelector('#register-department') as HTMLSelectElement;
    await waitUntil(() => department.options.length > 1, 'no departments to pick');
    expect([...department.options].map((option) => option.textContent?.trim())).to.include(
      'Grundskoleförvaltningen',
    );
    (root.querySelector('#register-channel') as HTMLSelectElement).value = 'phone';
    department.value = 'skola';
    department.dispatchEvent(new Event('change'));
    const topic = root.querySelector('#register-topic') as HTMLSelectElement;
    await waitUntil(() => [...topic.options].some((option) => option.value === 'skolval'));
    topic.value = 'skolval';
    (root.querySelector('#register-notes') as HTMLTextAreaElement).value =
      'Frågade om skolval inför hösten; förklarade e-tjänsten.';
    (root.querySelector('details form button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => heading(element).startsWith('Ärende KC-'), 'not taken to the new case', {
      timeout: 10_000,
    });
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null);
    expect(inView(element, 'kc-case-view', '.message')?.textContent).to.equal(
      'Frågade om skolval inför hösten; förklarade e-tjänsten.',
    );
    expect(timeline(element)[0]).to.contain('Meddelande inkom (Telefon)');
  });
});

describe('at 320 px', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('the inbox and a case reflow without the page scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await inboxLoaded(element);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    // The table scrolls on its own, its words whole; a keyboard reaches and scrolls it.
    const table = inView(element, 'kc-inbox-view', '.table') as HTMLElement;
    expect(table.scrollWidth).to.be.above(table.clientWidth);
    expect(table.getAttribute('role')).to.equal('group');
    expect(table.getAttribute('aria-label')).to.equal(
      inView(element, 'kc-inbox-view', 'caption')?.textContent,
    );
    table.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => table.scrollLeft > 0, 'the keyboard did not scroll the table');
    await expect(element).to.be.accessible();
    await goTo(element, `/cases/${first}`, `Ärende ${first}`);
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await expect(element).to.be.accessible();
  });

  it('a case whose mail went to a long address reflows too', async () => {
    const address = 'karin.persson-lindqvist.stadsbyggnadskontoret@kommunen.example.se';
    const reference = await submitCase(server, { email: address });
    const agent = createAgentClient({ endpoint: endpointOf(server) });
    await agent.session.signIn({ username: 'anna', password: PASSWORD });
    await agent.cases.reply(reference, { via: 'email', text: 'Tack, vi återkommer.' });
    await agent.session.signOut();
    await setViewport({ width: 320, height: 640 });
    const element = await renderConsole(server, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(
      () =>
        (
          inView(element, 'kc-case-view', 'section[aria-labelledby="mails-heading"]')
            ?.textContent ?? ''
        ).includes(address),
      'no mail on the case',
    );
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

describe('a case', () => {
  it('shows the message as written, the needs, contact details and origin, axe-clean', async () => {
    const element = await renderConsole(server, `/cases/${first}`);
    await signedIn(element, 'anna');
    expect(heading(element)).to.equal(`Ärende ${first}`);
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null, 'no message', {
      timeout: 10_000,
    });
    expect(inView(element, 'kc-case-view', '.message')?.textContent).to.equal(
      'Vår gata har inte plogats på tre dagar.\nKan ni komma i dag?',
    );
    const view = deepQuery(element, 'kc-case-view') as HTMLElement;
    expect(deepQuery(view, 'ul')?.textContent).to.contain('Tolk på finska');
    expect(deepQuery(view, 'a[href^="mailto:"]')?.getAttribute('href')).to.equal(
      'mailto:anna.andersson@example.se',
    );
    expect(deepQuery(view, 'a[href="https://gata.example.se/sida"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('answered by letter: shows the envelope as text, line by line, and answers by letter, axe-clean', async function () {
    this.timeout(30_000);
    const reference = await submitCase(server, {
      message: 'Jag har ingen e-post. Skicka svaret hem till mig.',
      answerChannel: 'letter',
      answerLanguage: 'fi',
      email: undefined,
      name: 'Karin Holm',
      postalAddress: {
        street: 'c/o Holm, Storgatan 1 lgh 1102',
        postalCode: '21122',
        city: 'Malmö',
      },
    });
    const element = await renderConsole(server, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '.envelope') !== null, 'no envelope', {
      timeout: 10_000,
    });
    const envelope = inView(element, 'kc-case-view', '.envelope') as HTMLElement;
    expect(envelope.localName).to.equal('address');
    expect(inView(element, 'kc-case-view', '#letter-heading')?.textContent).to.equal(
      'Skicka svaret med brev till',
    );
    // One line each, so a selection of the block copies as the post wants it (innerText: as laid out).
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is tested
    expect(envelope.innerText.split('\n')).to.deep.equal([
      'Karin Holm',
      'c/o Holm, Storgatan 1 lgh 1102',
      '211 22 Malmö',
    ]);
    const contact = inView(element, 'kc-case-view', 'section[aria-labelledby="contact-heading"]');
    expect(contact?.textContent).to.contain('Vill ha svar via').and.contain('Brev');
    // The language by its name, not its code.
    expect(contact?.textContent?.replace(/\s+/g, ' ')).to.contain('Svarsspråk finska');
    expect(inView<HTMLSelectElement>(element, 'kc-case-view', '#reply-via')?.value).to.equal(
      'letter',
    );
    await expect(element).to.be.accessible();

    element.setAttribute('lang', 'en');
    await waitUntil(
      () =>
        inView(element, 'kc-case-view', '#letter-heading')?.textContent ===
        'Send the answer by letter to',
      'no English envelope heading',
    );
    expect(contact?.textContent).to.contain('Letter');
    expect(contact?.textContent?.replace(/\s+/g, ' ')).to.contain('Answer language Finnish');
    await expect(element).to.be.accessible();
  });

  it('shows what the citizen sent later on the timeline, as it arrives', async function () {
    this.timeout(30_000);
    const citizen = createClient({
      endpoint: endpointOf(server),
      department: 'gata',
      outbox: false,
      retry: 0,
      pageUrl: () => 'https://gata.example.se/sida',
    });
    const receipt = await citizen.cases.submit({
      topic: 'parkering',
      message: 'Hur söker jag boendeparkering?',
      answerChannel: 'email',
      email: 'anna.andersson@example.se',
    });
    const element = await renderConsole(server, `/cases/${receipt.reference}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null, 'no case', {
      timeout: 10_000,
    });
    await citizen.cases.addMessage(
      receipt.reference,
      { text: 'Jag glömde: bilen är en elbil.' },
      { accessToken: receipt.receiptToken },
    );
    await waitUntil(
      () =>
        timeline(element).some(
          (entry) =>
            entry.includes('Meddelande inkom (Webbformulär)') &&
            entry.includes('Jag glömde: bilen är en elbil.'),
        ),
      `not on the timeline: ${timeline(element).join(' | ')}`,
      { timeout: 10_000 },
    );
    // The first message stays where it was, above.
    expect(inView(element, 'kc-case-view', '.message')?.textContent).to.equal(
      'Hur söker jag boendeparkering?',
    );
    await expect(element).to.be.accessible();
  });

  it('shows no envelope for a case answered by e-mail, and offers to answer by e-mail', async () => {
    const element = await renderConsole(server, `/cases/${first}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '#reply-via') !== null, 'no case', {
      timeout: 10_000,
    });
    expect(inView(element, 'kc-case-view', '.envelope')).to.equal(null);
    expect(inView<HTMLSelectElement>(element, 'kc-case-view', '#reply-via')?.value).to.equal(
      'email',
    );
  });

  it('is worked: taken, noted, answered, given a status and forwarded, each on the timeline', async function () {
    this.timeout(40_000);
    const reference = await submitCase(server, { message: 'Vilken skola får mitt barn?' });
    const element = await renderConsole(server, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null, 'no case', {
      timeout: 10_000,
    });
    const view = deepQuery(element, 'kc-case-view') as HTMLElement;
    (
      deepQuery(view, 'section[aria-labelledby="actions-heading"] p button') as HTMLButtonElement
    ).click();
    await waitUntil(() => announces(element, 'Du har tagit ärendet.'));
    // Once it is theirs, "take" is no longer offered.
    await waitUntil(
      () => deepQuery(view, 'section[aria-labelledby="actions-heading"] p button') === null,
    );

    await act(element, 'note', { text: 'Ring skolan först.' }, 'Anteckningen är sparad.');
    await act(
      element,
      'reply',
      { via: 'phone', text: 'Ringde och förklarade skolvalet.' },
      'Svaret är registrerat.',
    );
    await act(
      element,
      'status',
      { status: 'in_progress', note: 'Vi tittar på det.' },
      'Status är nu Pågående.',
    );
    await forwardCase(
      element,
      { department: 'skola', reason: 'Gäller skolplacering.' },
      'Ärendet är skickat vidare till Grundskoleförvaltningen.',
    );

    const entries = timeline(element);
    expect(
      entries.some(
        (entry) => entry.includes('Intern anteckning') && entry.includes('Ring skolan först.'),
      ),
    ).to.equal(true);
    expect(entries.some((entry) => entry.includes('Samtal (anteckning)'))).to.equal(true);
    expect(
      entries.some((entry) => entry.includes('Skickat vidare till Grundskoleförvaltningen')),
    ).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it("shows a reply by e-mail as a mail and its delivery, and a colleague's note as it is written", async function () {
    this.timeout(30_000);
    const reference = await submitCase(server, { message: 'När töms soptunnan?' });
    const element = await renderConsole(server, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null, 'no case', {
      timeout: 10_000,
    });
    await act(
      element,
      'reply',
      { via: 'email', text: 'Soptunnan töms varannan tisdag.' },
      'Svaret är registrerat.',
    );
    // This test server sends no mail: the reply waits, and the case says so.
    const mail = inView(element, 'kc-case-view', 'section[aria-labelledby="mails-heading"] li');
    expect(mail?.textContent).to.contain(reference);
    expect(mail?.textContent).to.contain('anna.andersson@example.se');
    expect(mail?.textContent).to.match(/I kö|Skickas|Misslyckades/);

    // Someone else writes on the case: it shows without a reload.
    await element.client?.cases.note(reference, 'Kollegan har ringt upp.');
    await waitUntil(
      () => timeline(element).some((entry) => entry.includes('Kollegan har ringt upp.')),
      'a change by someone else did not show',
      { timeout: 10_000 },
    );
    await expect(element).to.be.accessible();
  });

  it("keeps the agent's own change when a read of the case from before it comes back after it", async function () {
    this.timeout(30_000);
    const element = await openNewCase('Kan ni flytta containern på Storgatan?');
    const reference = heading(element).replace('Ärende ', '');
    // The next read of this case is answered, then held, as a slow network holds it.
    const realFetch = window.fetch;
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = false;
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await realFetch(request);
      if (
        !held &&
        request.method === 'GET' &&
        new URL(request.url).pathname.endsWith(`/cases/${reference}`)
      ) {
        held = true;
        await released;
      }
      return response;
    };
    try {
      // The view reads the case again (as it does when a mail's delivery changes, which is no
      // new version of the case), and that read is held.
      const view = deepQuery(element, 'kc-case-view') as unknown as { load(): Promise<void> };
      void view.load();
      await waitUntil(() => held, 'the view did not read the case again');
      await act(element, 'status', { status: 'in_progress' }, 'Status är nu Pågående.');
      expect(caseState(element)).to.contain('Status Pågående');
      // Its own change's event has come and gone by now; then the older read comes back.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      release();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(caseState(element)).to.contain('Status Pågående');
    } finally {
      window.fetch = realFetch;
      release();
    }
  });

  it('says which language a public comment is in, the answer language asked for by default', async function () {
    this.timeout(30_000);
    const reference = await submitCase(server, {
      message: 'Can I park outside my house?',
      answerLanguage: 'en',
    });
    const element = await renderConsole(server, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(
      () => inView(element, 'kc-case-view', '#status-noteLanguage') !== null,
      'no case',
      { timeout: 10_000 },
    );
    const language = inView<HTMLSelectElement>(element, 'kc-case-view', '#status-noteLanguage');
    expect(language?.value).to.equal('en');
    expect(language?.selectedOptions[0]?.textContent?.trim()).to.equal('engelska');
    const publicChoice = inView<HTMLInputElement>(
      element,
      'kc-case-view',
      'input[name="visibility"][value="public"]',
    );
    if (!publicChoice) throw new Error('no public choice');
    publicChoice.checked = true;
    await act(
      element,
      'status',
      { status: 'in_progress', note: 'We are looking into it.' },
      'Status är nu Pågående.',
    );
    // The citizen's case carries the comment's language, for the tracker to mark it.
    const citizen = createClient({
      endpoint: endpointOf(server),
      department: 'gata',
      outbox: false,
    });
    const { case: seen } = await citizen.cases.lookup(reference, {
      email: 'anna.andersson@example.se',
    });
    expect(seen.timeline.at(-1)).to.include({
      note: 'We are looking into it.',
      noteLanguage: 'en',
    });
  });

  it('parks a case until a moment, says so, and shows it back by itself when that comes', async function () {
    this.timeout(30_000);
    const element = await openNewCase('Ring mig efter semestern.');
    // The moment is asked for only when the case is to be parked.
    expect(inView(element, 'kc-case-view', '#status-resumeAt')).to.equal(null);
    await choose(element, 'status-status', 'parked');
    const resumeAt = inView<HTMLInputElement>(
      element,
      'kc-case-view',
      '#status-resumeAt',
    ) as HTMLInputElement;
    expect(resumeAt.type).to.equal('datetime-local');
    // Waiting for the citizen may come back on a date too (a reminder); other statuses may not.
    await choose(element, 'status-status', 'waiting_for_citizen');
    expect(inView(element, 'kc-case-view', '#status-resumeAt')).not.to.equal(null);
    await choose(element, 'status-status', 'in_progress');
    expect(inView(element, 'kc-case-view', '#status-resumeAt')).to.equal(null);
    await choose(element, 'status-status', 'parked');
    expect(inView(element, 'kc-case-view', 'label[for="status-resumeAt"]')?.textContent).to.equal(
      'Återuppta (frivilligt)',
    );

    // A moment that has passed is refused next to the field, and focus goes there.
    await act(element, 'status', { status: 'parked', resumeAt: '2020-01-01T08:00' }, '');
    await waitUntil(() => inView(element, 'kc-case-view', '#status-resumeAt-error') !== null);
    expect(inView(element, 'kc-case-view', '#status-resumeAt-error')?.textContent).to.equal(
      'Välj en tidpunkt som inte har passerat.',
    );
    await waitUntil(() => focused()?.id === 'status-resumeAt', 'focus did not move to the field');
    await expect(element).to.be.accessible();

    // A few seconds ahead (the field takes seconds when given them).
    const soon = new Date(Date.now() + 4_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    const local = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}T${pad(
      soon.getHours(),
    )}:${pad(soon.getMinutes())}:${pad(soon.getSeconds())}`;
    await act(element, 'status', { status: 'parked', resumeAt: local }, 'Status är nu Parkerat.');
    expect(caseState(element)).to.contain('Parkerat').and.contain('Återupptas');
    expect(
      timeline(element).some((entry) => entry.includes('Status: Parkerat (intern), återupptas')),
    ).to.equal(true);

    // The server brings it back by itself; the view hears of it live.
    await waitUntil(
      () =>
        timeline(element).some((entry) =>
          entry.includes('Kom tillbaka av sig självt: status Pågående'),
        ),
      `not back: ${timeline(element).join(' | ')}`,
      { timeout: 15_000 },
    );
    await waitUntil(
      () => !caseState(element).includes('Återupptas'),
      'still says when it comes back',
    );
    expect(caseState(element)).to.contain('Pågående');
    await expect(element).to.be.accessible();
  });

  it('asks how a case was resolved when it is resolved or closed, and shows it until it is reopened', async function () {
    this.timeout(30_000);
    const element = await openNewCase('Hur ansöker jag om bygglov?');
    expect(inView(element, 'kc-case-view', '#status-closingReason')).to.equal(null);
    await choose(element, 'status-status', 'resolved');
    const reason = inView<HTMLSelectElement>(
      element,
      'kc-case-view',
      '#status-closingReason',
    ) as HTMLSelectElement;
    expect([...reason.options].map((option) => option.textContent?.trim())).to.deep.equal([
      'Välj hur ärendet löstes (frivilligt)',
      'Löst av kontaktcenter',
      'Kopplat samtal',
      'Hänvisat till självservice',
      'Vidarebefordrat till förvaltning',
    ]);
    await expect(element).to.be.accessible();
    await act(
      element,
      'status',
      { status: 'resolved', closingReason: 'referred_to_self_service' },
      'Status är nu Löst.',
    );
    expect(caseState(element)).to.contain('Avslutsorsak Hänvisat till självservice');
    expect(
      timeline(element).some((entry) =>
        entry.includes('Status: Löst (intern), avslutsorsak Hänvisat till självservice'),
      ),
    ).to.equal(true);
    // Reopened, it has no closing reason.
    await act(element, 'status', { status: 'in_progress' }, 'Status är nu Pågående.');
    expect(caseState(element)).not.to.contain('Avslutsorsak');
    expect(inView(element, 'kc-case-view', '#status-closingReason')).to.equal(null);
  });

  it('sets how urgent a case is, shows it on the case and in the inbox, and filters by it', async function () {
    this.timeout(30_000);
    const element = await openNewCase('Vattenläcka i källaren på skolan.');
    expect(caseState(element)).to.contain('Prioritet Medel');
    await act(element, 'priority', { priority: 'high' }, 'Prioriteten är nu Hög.');
    expect(caseState(element)).to.contain('Prioritet Hög');
    expect(timeline(element).some((entry) => entry.includes('Prioritet: Hög av Anna'))).to.equal(
      true,
    );
    const reference = heading(element).replace('Ärende ', '');
    await expect(element).to.be.accessible();

    // Only the urgent ones, marked as such.
    await goTo(element, '/', 'Inkorg');
    await inboxLoaded(element);
    const view = deepQuery(element, 'kc-inbox-view') as HTMLElement;
    (deepQuery(view, '#filter-priority') as HTMLSelectElement).value = 'high';
    (deepQuery(view, 'form[role="search"] button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(
      () => rows(element).length === 1 && rows(element)[0]?.includes(reference),
      `not only the urgent case: ${rows(element).join(' | ')}`,
    );
    expect(rows(element)[0]?.replace(/\s+/g, ' ')).to.contain('Prioritet: Hög');
    await expect(element).to.be.accessible();
  });

  it('shows how long the case has been in each status, the one it is in now until now', async function () {
    this.timeout(30_000);
    const element = await openNewCase('Hur lång tid tar ett bygglov?');
    const statusTimes = () =>
      allInView(
        element,
        'kc-case-view',
        'section[aria-labelledby="status-times-heading"] tbody tr',
      ).map((row) => (row.textContent ?? '').replace(/\s+/g, ' ').trim());
    await waitUntil(() => statusTimes().length === 1, 'no time in status');
    expect(statusTimes()[0]).to.match(/^Inkommet nu, sedan .+ (< 1|0) min 1$/);

    // Parked, back in progress, parked again: each status once in the table, in the order the
    // case first entered it, with how many times; only the last one is "now".
    await act(element, 'status', { status: 'parked' }, 'Status är nu Parkerat.');
    await act(element, 'status', { status: 'in_progress' }, 'Status är nu Pågående.');
    await act(element, 'status', { status: 'parked' }, 'Status är nu Parkerat.');
    await waitUntil(() => statusTimes().length === 3, `not three: ${statusTimes().join(' | ')}`);
    const [received, parked, inProgress] = statusTimes();
    expect(received).to.match(/^Inkommet (< 1|0) min 1$/);
    expect(parked).to.match(/^Parkerat nu, sedan .+ min 2$/);
    expect(inProgress).to.match(/^Pågående (< 1|0) min 1$/);
    const table = inView(element, 'kc-case-view', '[role="group"][aria-label="Tid per status"]');
    expect(table?.getAttribute('tabindex')).to.equal('0');
    await expect(element).to.be.accessible();
  });

  it("classifies a case in its department's three levels, says when that escalates, and filters the inbox by it", async function () {
    this.timeout(30_000);
    const element = await openNewCase('Bilar står på gångbanan utanför skolan varje morgon.');
    const options = (id: string) =>
      [...(inView<HTMLSelectElement>(element, 'kc-case-view', `#${id}`)?.options ?? [])].map(
        (option) => option.textContent?.trim(),
      );
    const escalationHint = () =>
      (
        inView(element, 'kc-case-view', 'form[aria-labelledby="classify-legend"] [role="status"]')
          ?.textContent ?? ''
      ).trim();
    await waitUntil(() => options('classify-path').length > 0, 'no classification offered');
    expect(caseState(element)).to.contain('Klassning Inte klassat');
    expect(options('classify-path')).to.deep.equal([
      'Ingen klassning',
      'Gata och trafik',
      'Park och natur',
    ]);
    // Each level is offered once the one above is chosen, and only where there is one.
    expect(inView(element, 'kc-case-view', '#classify-type')).to.equal(null);
    await choose(element, 'classify-path', 'gata-och-trafik');
    expect(options('classify-type')).to.deep.equal(['Ingen', 'Parkering', 'Trafiksäkerhet']);
    await choose(element, 'classify-type', 'trafiksakerhet');
    expect(inView(element, 'kc-case-view', '#classify-subtype')).to.equal(null);
    expect(escalationHint()).to.contain('Trafiksäkerhet');
    await choose(element, 'classify-type', 'parkering');
    expect(escalationHint()).to.equal('');
    await choose(element, 'classify-subtype', 'felparkering');
    await expect(element).to.be.accessible();
    await act(
      element,
      'classify',
      {},
      'Ärendet är klassat: Gata och trafik › Parkering › Felparkering.',
    );
    expect(caseState(element)).to.contain('Klassning Gata och trafik › Parkering › Felparkering');
    expect(
      timeline(element).some((entry) =>
        entry.includes('Klassat: Gata och trafik › Parkering › Felparkering av Anna'),
      ),
    ).to.equal(true);

    // Moved to a label that escalates: e-mailed on, and said so.
    await choose(element, 'classify-type', 'trafiksakerhet');
    await act(element, 'classify', {}, 'Ärendet är klassat: Gata och trafik › Trafiksäkerhet.');
    expect(
      timeline(element).some((entry) =>
        entry.includes('Klassat: Gata och trafik › Trafiksäkerhet, eskalerat med e-post'),
      ),
    ).to.equal(true);
    await waitUntil(
      () =>
        (
          inView(element, 'kc-case-view', 'section[aria-labelledby="mails-heading"]')
            ?.textContent ?? ''
        ).includes('trafiksakerhet@gata.example.se'),
      'no escalation mail on the case',
    );
    const reference = heading(element).replace('Ärende ', '');
    await expect(element).to.be.accessible();

    // The inbox finds it under its category, not under another.
    await goTo(element, '/', 'Inkorg');
    await inboxLoaded(element);
    const view = deepQuery(element, 'kc-inbox-view') as HTMLElement;
    const filter = (value: string) => {
      (deepQuery(view, '#filter-classification') as HTMLSelectElement).value = value;
      (deepQuery(view, 'form[role="search"] button[type="submit"]') as HTMLButtonElement).click();
    };
    filter('gata-och-trafik');
    await waitUntil(
      () => rows(element).length === 1 && rows(element)[0]?.includes(reference),
      `not only the classified case: ${rows(element).join(' | ')}`,
    );
    expect(rows(element)[0]?.replace(/\s+/g, ' ')).to.contain(
      'Klassning: Gata och trafik › Trafiksäkerhet',
    );
    filter('park');
    await waitUntil(() => rows(element).length === 0, 'a case under another category');
  });

  it('says what is wrong with an empty answer, next to it, and moves focus there', async () => {
    const element = await renderConsole(server, `/cases/${first}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '#reply-text') !== null, 'no case', {
      timeout: 10_000,
    });
    inView<HTMLButtonElement>(
      element,
      'kc-case-view',
      'form[aria-labelledby="reply-legend"] button[type="submit"]',
    )?.click();
    const text = () => inView(element, 'kc-case-view', '#reply-text');
    await waitUntil(() => text()?.getAttribute('aria-invalid') === 'true', 'no field error');
    expect(inView(element, 'kc-case-view', '#reply-text-error')?.textContent).to.equal(
      'Fyll i det här fältet.',
    );
    expect(text()?.getAttribute('aria-describedby')).to.equal('reply-text-error');
    expect(focused()).to.equal(text());
    await expect(element).to.be.accessible();
  });

  it('reminds the agent under the answer that the person asked for easy-read Swedish', async () => {
    const reference = await submitCase(server, { message: 'Hur gör jag?', needs: ['easy_read'] });
    const element = await renderConsole(server, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '#reply-text') !== null, 'no case', {
      timeout: 10_000,
    });
    const hint = inView(element, 'kc-case-view', '#reply-text-hint');
    expect(hint?.textContent).to.contain('lättläst svenska');
    expect(
      inView(element, 'kc-case-view', '#reply-text')?.getAttribute('aria-describedby'),
    ).to.equal('reply-text-hint');
    await expect(element).to.be.accessible();
  });

  it('forwards only after a preview of who will see what, which a change takes away', async function () {
    this.timeout(30_000);
    const element = await openNewCase('Mitt barn behöver skolskjuts från januari.');
    const preview = () =>
      (
        inView(element, 'kc-case-view', '[role="group"][aria-labelledby="forward-preview-heading"]')
          ?.textContent ?? ''
      ).replace(/\s+/g, ' ');
    const submitLabel = () =>
      inView(
        element,
        'kc-case-view',
        'form[aria-labelledby="forward-legend"] button[type="submit"]',
      )?.textContent?.trim();
    expect(submitLabel()).to.equal('Förhandsgranska');

    // Without a reason there is nothing to preview: said at the field, focus there.
    await act(element, 'forward', { department: 'skola', reason: '' }, '');
    await waitUntil(() => focused()?.id === 'forward-reason', 'focus did not move to the reason');
    expect(inView(element, 'kc-case-view', '#forward-reason-error')).not.to.equal(null);
    expect(preview()).to.equal('');

    await act(element, 'forward', { department: 'skola', reason: 'Gäller skolskjuts.' }, '');
    await waitUntil(() => focused()?.id === 'forward-yes', 'focus did not move to the preview');
    expect(preview()).to.contain('Så här skickas ärendet vidare');
    expect(preview()).to.contain('Till förvaltning Grundskoleförvaltningen');
    expect(preview()).to.contain(
      'Handläggarna på Grundskoleförvaltningen ser hela ärendet i sin inkorg',
    );
    expect(preview()).to.contain(
      'Invånaren Ser att ärendet är skickat vidare till Grundskoleförvaltningen, men inte varför.',
    );
    expect(preview()).to.contain('Varför (bara för förvaltningen) Gäller skolskjuts.');
    expect(inView(element, 'kc-case-view', '#forward-reason-error')).to.equal(null);
    await expect(element).to.be.accessible();

    // Changing what was previewed takes the preview away; so does "Ändra", back at the department.
    const reason = inView<HTMLTextAreaElement>(element, 'kc-case-view', '#forward-reason');
    reason?.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => preview() === '', 'the preview stayed after a change');
    expect(submitLabel()).to.equal('Förhandsgranska');
    await act(element, 'forward', { department: 'skola', reason: 'Gäller skolskjuts.' }, '');
    await waitUntil(() => focused()?.id === 'forward-yes', 'no preview');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.textContent?.trim()).to.equal('Ändra');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => focused()?.id === 'forward-department',
      'focus not back at the department',
    );
    expect(preview()).to.equal('');
    expect(timeline(element).some((entry) => entry.includes('Skickat vidare'))).to.equal(false);

    // Confirmed by keyboard: sent once, said, and focus back in the form.
    await act(element, 'forward', { department: 'skola', reason: 'Gäller skolskjuts.' }, '');
    await waitUntil(() => focused()?.id === 'forward-yes', 'no preview');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() =>
      announces(element, 'Ärendet är skickat vidare till Grundskoleförvaltningen.'),
    );
    await waitUntil(() => focused()?.id === 'forward-department', 'focus not back in the form');
    expect(caseState(element)).to.match(/Skickat vidare till\s?Grundskoleförvaltningen/);
    expect(
      timeline(element).filter((entry) => entry.includes('Skickat vidare till')).length,
    ).to.equal(1);
    expect(preview()).to.equal('');
  });

  it('is seen by the specialists of the department it was forwarded to, and by no one else', async function () {
    this.timeout(40_000);
    const forwarded = await submitCase(server, { message: 'Skolskjutsen kom inte i dag.' });
    const agent = await renderConsole(server, `/cases/${forwarded}`);
    await signedIn(agent, 'anna');
    await waitUntil(() => inView(agent, 'kc-case-view', '.message') !== null, 'no case', {
      timeout: 10_000,
    });
    await forwardCase(
      agent,
      { department: 'skola', reason: 'Skolskjuts.' },
      'Ärendet är skickat vidare till Grundskoleförvaltningen.',
    );
    await cleanupConsoles();

    const specialist = await renderConsole(server);
    await signedIn(specialist, 'sven');
    await inboxLoaded(specialist);
    const seen = rows(specialist);
    expect(seen.some((text) => text.includes(forwarded))).to.equal(true);
    expect(seen.some((text) => text.includes(first))).to.equal(false);
    await goTo(specialist, `/cases/${first}`, `Ärende ${first}`);
    await waitUntil(() => inView(specialist, 'kc-case-view', '[role="alert"]') !== null);
    expect(inView(specialist, 'kc-case-view', '[role="alert"]')?.textContent).to.contain(
      'har du inte tillgång',
    );
  });
});

describe('by keyboard only', () => {
  /** Presses Tab until `matches` holds for the focused element (at most `limit` times). */
  async function tabTo(matches: (element: Element | null) => boolean, limit = 60) {
    for (let i = 0; i < limit && !matches(focused()); i++) await sendKeys({ press: 'Tab' });
    expect(matches(focused()), `focus on ${focused()?.outerHTML.slice(0, 80)}`).to.equal(true);
  }

  it('signs in, opens a case from the inbox and writes a note', async function () {
    this.timeout(60_000);
    const element = await renderConsole(server);
    await tabTo((el) => el?.id === 'username');
    await sendKeys({ type: 'anna' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'konsol-test-lösenord' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(element) === 'Inkorg', 'not signed in', { timeout: 10_000 });
    expect(focused()?.tagName).to.equal('H1');
    await inboxLoaded(element);

    await tabTo((el) => el instanceof HTMLAnchorElement && el.textContent === first);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(element) === `Ärende ${first}`);
    expect(focused()?.tagName).to.equal('H1');
    await waitUntil(() => deepQuery(element, '#note-text') !== null, 'no case', {
      timeout: 10_000,
    });

    await tabTo((el) => el?.id === 'note-text');
    await sendKeys({ type: 'Skrivet med tangentbordet.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announces(element, 'Anteckningen är sparad.'));
    expect(
      timeline(element).some((entry) => entry.includes('Skrivet med tangentbordet.')),
    ).to.equal(true);
  });
});
