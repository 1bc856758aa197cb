// The dashboard against a real server: cases sent by citizens through the public API, answered and
// tagged through the agent API, then shown as figures, charts and tables with CSV links; the
// period picker by keyboard and in the URL; empty, failed and refused states; sv and en; 320 px.
import { createAgentClient } from '@kontakt/core/agent';
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announced,
  announces,
  cleanupConsoles,
  deepQuery,
  endpointOf,
  focused,
  heading,
  inView,
  PASSWORD,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
  submitCase,
} from '../test-support/console-fixture.js';

const VIEW = 'kc-dashboard-view';
const HOSTILE_PAGE = 'https://gata.example.se/"><img src=x onerror=alert(1)>';

let server: TestServer;

before(async () => {
  server = await startServer();
  const first = await submitCase(server);
  const second = await submitCase(server, { message: 'Gatlampan är trasig.' });
  await submitCase(server, {}, 'skola');
  // Answered and tagged as a kommunvägledare would, through the agent API; then signed out, so
  // each test signs in through the console itself.
  const client = createAgentClient({ endpoint: endpointOf(server) });
  await client.session.signIn({ username: 'anna', password: PASSWORD });
  await client.cases.reply(first, { via: 'email', text: 'Du söker på e-tjänsten.' });
  await client.cases.tagReason(first, { reason: 'forstod-inte-informationen', page: HOSTILE_PAGE });
  await client.cases.tagReason(second, { reason: 'felanmalan' });
  // Finished, and how: the contact center solved one itself and pointed the other to self-service.
  await client.cases.setStatus(first, {
    status: 'resolved',
    closingReason: 'resolved_by_contact_center',
  });
  await client.cases.setStatus(second, {
    status: 'closed',
    closingReason: 'referred_to_self_service',
  });
  await client.session.signOut();
});
after(async () => {
  await stopServer(server);
});
afterEach(async () => {
  await cleanupConsoles();
  await setViewport({ width: 800, height: 600 });
});

const view = (element: KcConsole) => deepQuery(element, VIEW);
const texts = (element: KcConsole, selector: string) =>
  allInView(element, VIEW, selector).map((node) => node.textContent?.replace(/\s+/g, ' ').trim());
/** A table's body rows as `[header, …cells]` text. */
const tableRows = (element: KcConsole, section: string) =>
  allInView(element, VIEW, `section[aria-labelledby="${section}"] tbody tr`).map((row) =>
    [...row.children].map((cell) => cell.textContent?.trim()),
  );
const loaded = (element: KcConsole) =>
  waitUntil(() => inView(element, VIEW, 'section') !== null, 'the dashboard did not load', {
    timeout: 10_000,
  });

async function dashboardAs(username: string, path = '/dashboard'): Promise<KcConsole> {
  const element = await renderConsole(server, path);
  await signedIn(element, username);
  return element;
}

describe('<kc-dashboard-view>', () => {
  it("shows an agent this month's contacts, promises and breakdowns, every chart beside its table, axe-clean", async () => {
    const element = await dashboardAs('anna');
    expect(heading(element)).to.equal('Översikt');
    await loaded(element);
    await waitUntil(() => announced(element).includes('Översikten för'), 'not announced');

    expect(texts(element, '.figures dd')).to.include.members(['3', '2', '1']);
    const promises = texts(element, 'section[aria-labelledby="promises"] .figures div');
    expect(promises[0]).to.match(/^E-postfrågor besvarade inom två arbetsdagar 100\s%\s1 av 1/);
    // Nothing to count is "no data", never 0 %.
    expect(promises[1]).to.equal('Chattar besvarade direkt Inga uppgifter');
    // First-contact resolution: of the finished cases with a closing reason.
    expect(promises[2]).to.match(
      /^Lösta av kontaktcenter \(av ärendena med avslutsorsak\) 50\s%\s1 av 2$/,
    );
    expect(tableRows(element, 'table-closing-reasons')).to.have.deep.members([
      ['Löst av kontaktcenter', '1', '1'],
      ['Hänvisat till självservice', '1', '0'],
    ]);
    // Where the two finished cases spent their time: received, for a moment, and nowhere else.
    const times = tableRows(element, 'time-in-status');
    expect(times.map((row) => row[0])).to.deep.equal([
      'Inkommet',
      'Tilldelat',
      'Pågående',
      'Parkerat',
      'Väntar på invånaren',
      'Skickat vidare',
    ]);
    expect(times[0]?.slice(0, 2)).to.deep.equal(['Inkommet', '2']);
    expect(times[0]?.[2]).to.match(/^(0|< 1)\smin$/);
    expect(times[1]).to.deep.equal(['Tilldelat', '0', 'Inga uppgifter', 'Inga uppgifter']);

    // Departments and topics by their configured names (the ids stay in the CSV).
    await waitUntil(() => tableRows(element, 'table-departments')[0]?.[0] !== 'gata');
    expect(tableRows(element, 'table-departments')).to.deep.equal([
      ['Fastighets- och gatukontoret', '2', '1'],
      ['Grundskoleförvaltningen', '1', '0'],
    ]);
    expect(tableRows(element, 'table-topics').map((row) => row[0])).to.include(
      'Parkering och boendeparkering',
    );
    expect(tableRows(element, 'table-channels')).to.deep.equal([['Webbformulär', '3', '1']]);
    const reasons = tableRows(element, 'table-reasons').map((row) => row[0]);
    expect(reasons).to.include.members([
      'Förstod inte informationen eller beslutet',
      'Felanmälan',
      'Inte angivet',
    ]);
    // The citizen-controlled page is text (and a safe link), never markup.
    expect(tableRows(element, 'table-avoidable-pages')).to.deep.equal([
      [new URL(HOSTILE_PAGE).href, '1'],
    ]);
    expect(inView(element, VIEW, 'img')).to.equal(null);

    // Each chart is a picture of the table next to it, hidden from assistive technology.
    const charts = allInView(element, VIEW, '.bar-chart');
    expect(charts.length).to.be.greaterThan(5);
    for (const chart of charts) expect(chart.getAttribute('aria-hidden')).to.equal('true');
    for (const chart of charts) expect(chart.parentElement?.querySelector('table')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('offers every table as a CSV download named with the table and the period, which downloads', async () => {
    const element = await dashboardAs('anna');
    await loaded(element);
    const links = allInView<HTMLAnchorElement>(element, VIEW, 'a[download]');
    expect(links.map((link) => new URL(link.href).searchParams.get('table'))).to.deep.equal([
      'first-answer',
      'overdue',
      'departments',
      'avoidable-pages',
      'pages',
      'topics',
      'channels',
      'reasons',
      'closing-reasons',
      'status-times',
    ]);
    const departments = links.find((link) => link.href.includes('table=departments'));
    expect(departments?.textContent?.trim()).to.equal(
      'Ladda ner som CSV: Kontakter per förvaltning',
    );
    expect(departments?.download).to.match(
      /^kontakt-departments-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const response = await fetch(departments?.href ?? '');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/csv');
    expect(await response.text()).to.contain('gata');
  });

  it('chooses a period by keyboard only, keeps it in the URL, and says when it had no contacts', async () => {
    const element = await dashboardAs('anna');
    await loaded(element);
    const select = inView<HTMLSelectElement>(element, VIEW, '#period');
    select?.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => inView(element, VIEW, '#from') !== null, 'no custom dates');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.id).to.equal('from');
    // Typed as a person does, segment by segment, whatever order the browser's locale gives.
    for (const id of ['from', 'to'] as const) {
      const input = inView<HTMLInputElement>(element, VIEW, `#${id}`) as HTMLInputElement;
      input.focus();
      input.value = '';
      const target = id === 'from' ? '2020-01-01' : '2020-01-31';
      await typeDate(input, target);
      expect(input.value).to.equal(target);
    }
    // Tab goes through the date's own segments first, then on to the button.
    for (let i = 0; i < 4 && focused()?.tagName !== 'BUTTON'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.textContent?.trim()).to.equal('Visa');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => announces(element, 'Inga kontakter kom in under perioden.'),
      'empty not announced',
      { timeout: 10_000 },
    );
    expect(location.search).to.equal('?period=custom&from=2020-01-01&to=2020-01-31');
    expect(texts(element, '.period-shown')[0]).to.equal('1 jan. 2020 – 31 jan. 2020');
    await expect(element).to.be.accessible();

    // Reloaded from that URL, the same period.
    await cleanupConsoles();
    const again = await dashboardAs(
      'anna',
      '/dashboard?period=custom&from=2020-01-01&to=2020-01-31',
    );
    await waitUntil(() => texts(again, 'p').includes('Inga kontakter kom in under perioden.'));
    expect(inView<HTMLSelectElement>(again, VIEW, '#period')?.value).to.equal('custom');
    expect(inView<HTMLInputElement>(again, VIEW, '#from')?.value).to.equal('2020-01-01');
  });

  it('refuses a custom period that ends before it starts, next to the dates', async () => {
    const element = await dashboardAs('anna', '/dashboard?period=last-30-days');
    await loaded(element);
    const root = view(element)?.shadowRoot as ShadowRoot;
    const select = root.querySelector('#period') as HTMLSelectElement;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => root.querySelector('#from') !== null);
    (root.querySelector('#from') as HTMLInputElement).value = '2026-02-01';
    (root.querySelector('#to') as HTMLInputElement).value = '2026-01-01';
    (root.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => root.querySelector('#period-problem') !== null);
    expect(root.querySelector('#period-problem')?.textContent).to.equal(
      'Slutdatumet ligger före startdatumet.',
    );
    expect(root.querySelector('#to')?.getAttribute('aria-describedby')).to.equal('period-problem');
    expect(location.search).to.equal('?period=last-30-days');
  });

  it('refuses a specialist politely: no menu entry, and a deep link says why', async () => {
    const element = await dashboardAs('sven');
    expect(element.shadowRoot?.querySelector('nav')?.textContent).to.contain('Inkorg');
    expect(element.shadowRoot?.querySelector('nav')?.textContent).not.to.contain('Översikt');
    await waitUntil(
      () => announced(element).includes('Översikten är till för kommunvägledare'),
      'refusal not announced',
      { timeout: 10_000 },
    );
    expect(texts(element, 'p').join(' ')).to.contain('Som specialist ser du ärendena');
    await expect(element).to.be.accessible();
  });

  it('speaks English, names included, and reflows at 320 px with the bars under their labels', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await dashboardAs('anna');
    await loaded(element);
    (deepQuery(element, 'button[lang="en"]') as HTMLButtonElement).click();
    await waitUntil(() => heading(element) === 'Dashboard', 'not in English');
    await waitUntil(() => texts(element, 'h2').includes('Contacts by department'));
    const reasons = tableRows(element, 'table-reasons').map((row) => row[0]);
    expect(reasons).to.include('Did not understand the information or the decision');
    expect(tableRows(element, 'table-departments').map((row) => row[0])).to.include(
      'City Properties and Streets Department',
    );
    expect(texts(element, 'section[aria-labelledby="promises"] dd')).to.include('No data');

    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const row = inView(element, VIEW, '.bar-row') as HTMLElement;
    const label = row.querySelector('.bar-label')?.getBoundingClientRect();
    const bar = row.querySelector('.bar')?.getBoundingClientRect();
    expect(bar?.top).to.be.at.least(label?.bottom ?? Number.POSITIVE_INFINITY);
    await expect(element).to.be.accessible();
  });

  it('says politely when the dashboard cannot be loaded, keeps the period, and tries again', async () => {
    const element = await dashboardAs('anna', '/dashboard?period=this-year');
    await loaded(element);
    await executeServerCommand('kontakt-server-stop', { id: server.id });
    try {
      (inView(element, VIEW, 'button[type="submit"]') as HTMLButtonElement).click();
      await waitUntil(
        () => announces(element, 'Översikten kunde inte hämtas.'),
        'failure not announced',
        { timeout: 15_000 },
      );
      expect(inView<HTMLSelectElement>(element, VIEW, '#period')?.value).to.equal('this-year');
      await expect(element).to.be.accessible();
    } finally {
      server = await executeServerCommand('kontakt-server-restart', { id: server.id });
    }
    const retry = allInView<HTMLButtonElement>(element, VIEW, 'button').find(
      (button) => button.textContent?.trim() === 'Försök igen',
    );
    retry?.click();
    await loaded(element);
    expect(location.search).to.equal('?period=this-year');
  });
});

/**
 * Types a `YYYY-MM-DD` date into a native date input from the keyboard: each segment's digits in
 * the order the browser shows them (its locale decides), moving on with the right arrow.
 */
async function typeDate(input: HTMLInputElement, day: string): Promise<void> {
  const [year, month, date] = day.split('-') as [string, string, string];
  const order = new Intl.DateTimeFormat(navigator.language)
    .formatToParts(new Date(Date.UTC(2020, 0, 31)))
    .filter((part) => ['year', 'month', 'day'].includes(part.type))
    .map((part) => part.type);
  const digits = { year, month, day: date };
  for (const segment of order) {
    await sendKeys({ type: digits[segment as keyof typeof digits] });
  }
  input.dispatchEvent(new Event('change'));
}
