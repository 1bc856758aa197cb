/**
 * The contact center's whole flow, end to end in a real Chromium against one real server (the
 * store under test: embedded in the `node` project, PostgreSQL in `postgres`) and a real SMTP
 * server on loopback, with a browser context per person:
 *
 * 1. a citizen on a department's own site (another origin) sends a question with `<kc-contact-form>`;
 * 2. an agent, signed in to `/console` by keyboard, sees it arrive in the inbox without a reload,
 *    opens it and answers by e-mail: the SMTP peer receives a plain-text mail to the citizen with
 *    the reference in the subject, and the case shows it sent (and a mail the SMTP server
 *    refuses, failed with its answer);
 * 3. the agent forwards it to `skola`; that department's specialist sees it arrive live, while a
 *    specialist of `gata` (the department the question came from) neither sees it nor may open it;
 * 4. the agent tags the reason for contact with the page that caused it, and the dashboard lists
 *    that page under avoidable demand;
 * 5. in the browser, the agent API refuses a change without the CSRF token, a hostile site's
 *    cross-site form post, the citizen's receipt token, and the session once it has expired.
 *
 * axe-core runs on every console view the flow passes through.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, HTTPResponse, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/passwords.js';
import type { SmtpPeer } from './mail/test-support/smtp-peer.js';
import { startSmtpPeer } from './mail/test-support/smtp-peer.js';
import type { TestSession } from './test-support/agents.js';
import { signIn, TEST_PASSWORD, testAccounts } from './test-support/agents.js';
import type { AxeViolation, DepartmentSite, Person } from './test-support/browser-flow.js';
import {
  axeViolations,
  bundleConsole,
  bundleWidgets,
  consoleAnnounces,
  consoleHeading,
  focusedElement,
  launchChromium,
  personOn,
  shown,
  startDepartmentSite,
  tabTo,
  textsOf,
  until,
} from './test-support/browser-flow.js';
import type { TestServer } from './test-support/departments.js';
import { gata, skola, startTestServer } from './test-support/departments.js';

const CITIZEN_EMAIL = 'kim.nilsson@example.se';
const QUESTION = 'Gatlampan utanför Storgatan 12 har varit släckt i en vecka.\nVem lagar den?';
const ANSWER = 'Tack! Vi har skickat en felanmälan till gatubelysningen. Den lagas inom fem dagar.';
const FORWARD_REASON = 'Lampan står på skolgården: skolan äger den.';

let peer: SmtpPeer;
let site: DepartmentSite;
let server: TestServer;
let browser: Browser;
const temporary: string[] = [];
/** The server's clock runs this far ahead of the real one (to let sessions expire). */
let clockAhead = 0;

beforeAll(async () => {
  const scratch = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-flow-'));
    temporary.push(dir);
    return dir;
  };
  const [consoleDir, cdnDir] = await Promise.all([
    scratch().then(bundleConsole),
    scratch().then(bundleWidgets),
  ]);
  peer = await startSmtpPeer();
  site = await startDepartmentSite(
    (api) => `<!doctype html><html lang="sv"><head><meta charset="utf-8">
      <title>Gatubelysning – Fastighets- och gatukontoret</title>
      <script type="module" src="${api}/cdn/contact-form.js"></script></head>
      <body><main><h1>Gatubelysning</h1>
      <kc-contact-form endpoint="${api}" department="gata">
        <p>Ring kontaktcenter på 060-19 10 00.</p>
      </kc-contact-form></main></body></html>`,
    () => server.url,
  );
  const accounts = await testAccounts();
  server = await startTestServer({
    departments: [{ ...gata, allowedOrigins: [...(gata.allowedOrigins ?? []), site.url] }, skola],
    accounts: [
      ...accounts,
      // A specialist of the department the question came from: forwarding elsewhere hides it.
      {
        id: 'greta',
        name: 'Greta Gatuspecialist',
        email: 'greta@kommun.example.se',
        role: 'specialist',
        departments: ['gata'],
        passwordHash: await hashPassword(TEST_PASSWORD, { ln: 10, r: 8, p: 1 }),
      },
    ],
    mail: {
      from: { name: 'Kontaktcenter', address: 'kontaktcenter@sundsvall.example.se' },
      smtp: { host: peer.host, port: peer.port, security: 'none' },
    },
    consoleDir,
    serve: [{ path: '/cdn/', dir: cdnDir }],
    now: () => new Date(Date.now() + clockAhead),
  });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
  await peer?.close();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/**
 * Console errors that are not problems: a refused request is logged by Chromium as one; those the
 * test provokes are checked where they happen.
 */
const EXPECTED_ERRORS = /status of 40[134]/;

const inboxRows = (page: Page) => textsOf(page, 'kc-console >>> kc-inbox-view >>> tbody tr');

/** The inbox has been read (a table, or the line that says nothing matches). */
const inboxRead = (page: Page) =>
  until('the inbox to be read', async () => {
    const table = await page.$('kc-console >>> kc-inbox-view >>> table');
    const empty = (await textsOf(page, 'kc-console >>> kc-inbox-view >>> p')).includes(
      'Inga ärenden matchar.',
    );
    return table !== null || empty;
  });

/** A new person signed in at `/console/` through the sign-in view, by keyboard. */
async function signInToConsole(username: string, { axe = false } = {}): Promise<Person> {
  const who = await personOn(browser, `${server.url}/console/`, EXPECTED_ERRORS);
  const { page } = who;
  await shown(page, 'kc-console >>> #username');
  if (axe) await expectAccessible(page, 'the sign-in view');
  await tabTo(page, 'the user name field', (focused) => focused.id === 'username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  expect((await focusedElement(page)).id).toBe('password');
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await until('the inbox heading', async () => (await consoleHeading(page)) === 'Inkorg');
  await inboxRead(page);
  return who;
}

/** axe-core on the page as it is; the violations are reported by the test that asked. */
async function expectAccessible(page: Page, view: string): Promise<void> {
  const violations: AxeViolation[] = await axeViolations(page);
  expect(violations, `axe on ${view}`).toEqual([]);
}

/** Submits one of the case view's action forms by keyboard: Tab to its button, Enter. */
async function pressSubmit(page: Page, label: string): Promise<void> {
  await tabTo(page, `the "${label}" button`, (f) => f.tag === 'button' && f.text === label);
  await page.keyboard.press('Enter');
}

/** The case as `session` sees it over the API (status and body). */
async function caseAs(session: TestSession, reference: string) {
  const response = await fetch(`${server.url}/v1/agent/cases/${reference}`, {
    headers: session.headers,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let citizen: Person;
let agent: Person;
let sven: Person;
let greta: Person;
let reference = '';
let receiptToken = '';

describe('the contact center, end to end in Chromium', () => {
  it('an agent signs in at /console by keyboard and has the inbox open', async () => {
    agent = await signInToConsole('anna', { axe: true });
    expect(await textsOf(agent.page, 'kc-console >>> .who')).toEqual([
      expect.stringContaining('Anna Agent'),
    ]);
    await expectAccessible(agent.page, 'the inbox');
    // Set once now: still there at the end means the page was never reloaded.
    await agent.page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
  }, 60_000);

  it('a citizen sends a question from the department’s site, and it appears in the inbox live', async () => {
    citizen = await personOn(browser, `${site.url}/gatubelysning`, EXPECTED_ERRORS);
    const { page } = citizen;
    const receipt = new Promise<HTTPResponse>((resolve) =>
      page.on('response', (response) => {
        if (response.request().method() === 'POST' && response.url() === `${server.url}/v1/cases`) {
          resolve(response);
        }
      }),
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('kc-contact-form')
          ?.shadowRoot?.querySelector('#topic option:not([value=""])'),
      { polling: 100, timeout: 20_000 },
    );
    await page.select('kc-contact-form >>> #topic', 'gatubelysning');
    await page.type('kc-contact-form >>> #message', QUESTION);
    await page.click('kc-contact-form >>> #answerChannel-email');
    await page.type('kc-contact-form >>> #email', CITIZEN_EMAIL);
    await page.click('kc-contact-form >>> [part~="submit-button"]');
    reference = await until('the receipt', async () => {
      const [shown] = await textsOf(page, 'kc-contact-form >>> [part~="reference"]');
      return shown || undefined;
    });
    expect(reference).toMatch(/^KC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    ({ receiptToken } = (await (await receipt).json()) as { receiptToken: string });
    expect(citizen.problems).toEqual([]);

    // The agent's inbox, open since before the question was sent, shows it without a reload.
    await until('the new case in the agent’s inbox', async () =>
      (await inboxRows(agent.page)).find((row) => row.includes(reference)),
    );
    const row = (await inboxRows(agent.page)).find((text) => text.includes(reference)) ?? '';
    expect(row).toContain('Gatlampan utanför Storgatan 12');
    expect(row).toContain('Inkommet');
    await consoleAnnounces(agent.page, 'Ett nytt ärende har kommit in.');
    expect(await agent.page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await expectAccessible(agent.page, 'the inbox with a case');
  }, 60_000);

  it('the agent opens the case by keyboard and answers by e-mail: the citizen gets the mail, a refused one shows failed', async () => {
    const { page } = agent;
    await tabTo(page, 'the case’s link', (f) => f.tag === 'a' && f.text === reference);
    await page.keyboard.press('Enter');
    await until(
      'the case view',
      async () => (await consoleHeading(page)) === `Ärende ${reference}`,
    );
    await shown(page, 'kc-console >>> kc-case-view >>> .message');
    expect(await textsOf(page, 'kc-console >>> kc-case-view >>> .message')).toEqual([
      QUESTION.replace(/\s+/g, ' '),
    ]);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await expectAccessible(page, 'the case');

    // E-mail is the answer channel chosen by default for a citizen who gave an address.
    const via = await page.$eval('kc-console >>> #reply-via', (select) => {
      return (select as HTMLSelectElement).value;
    });
    expect(via).toBe('email');
    await tabTo(page, 'the answer field', (f) => f.id === 'reply-text');
    await page.keyboard.type(ANSWER);
    await pressSubmit(page, 'Skicka svaret');
    await consoleAnnounces(page, 'Svaret är registrerat.');

    const [mail] = await until('the mail at the SMTP server', () =>
      peer.received.length > 0 ? peer.received : undefined,
    );
    expect(mail?.recipients).toEqual([CITIZEN_EMAIL]);
    expect(mail?.parsed.to).toMatchObject({ value: [{ address: CITIZEN_EMAIL }] });
    expect(mail?.parsed.subject).toContain(reference);
    expect(mail?.parsed.text).toContain(ANSWER);
    expect(mail?.parsed.html).toBe(false);
    expect(mail?.parsed.headers.get('content-type')).toMatchObject({ value: 'text/plain' });

    // The case shows the mail as sent once the sender has told it (followed live).
    await until('the mail shown as sent', async () => {
      const [mails] = await textsOf(
        page,
        'kc-console >>> kc-case-view >>> section[aria-labelledby="mails-heading"]',
      );
      return mails?.includes('Skickat') && mails.includes(CITIZEN_EMAIL);
    });

    // A mail the receiving server refuses is never lost silently: the case shows it failed,
    // with the server's answer, while the agent has it open.
    peer.answer({ code: 550, text: '5.1.1 Mailbox unavailable' });
    await tabTo(page, 'the answer field', (f) => f.id === 'reply-text', { backwards: true });
    await page.keyboard.type('Ett svar till en adress som inte finns.');
    await pressSubmit(page, 'Skicka svaret');
    await until('the refused mail shown as failed', async () => {
      const [mails] = await textsOf(
        page,
        'kc-console >>> kc-case-view >>> section[aria-labelledby="mails-heading"]',
      );
      return mails?.includes('Misslyckades') && mails.includes('550 5.1.1 Mailbox unavailable');
    });
    expect(peer.received).toHaveLength(1);
    await expectAccessible(page, 'the case with a failed mail');

    // The agent sends it again (by keyboard), once the address works: it arrives, and the case
    // shows no failed mail any more.
    await tabTo(
      page,
      'the send-again button',
      (f) => f.tag === 'button' && f.text === 'Skicka igen',
      {
        backwards: true,
      },
    );
    await page.keyboard.press('Enter');
    await consoleAnnounces(page, 'E-postmeddelandet skickas igen.');
    const [again] = await peer.waitFor(2).then((all) => all.slice(1));
    expect(again?.recipients).toEqual([CITIZEN_EMAIL]);
    await until('the mail sent again shown as sent', async () => {
      const [mails] = await textsOf(
        page,
        'kc-console >>> kc-case-view >>> section[aria-labelledby="mails-heading"]',
      );
      return mails !== undefined && !mails.includes('Misslyckades');
    });
  }, 60_000);

  it('the agent forwards it to skola: their specialist sees it arrive, gata’s does not see it at all', async () => {
    sven = await signInToConsole('sven');
    greta = await signInToConsole('greta');
    expect((await inboxRows(sven.page)).some((row) => row.includes(reference))).toBe(false);

    const { page } = agent;
    await tabTo(page, 'the department to forward to', (f) => f.id === 'forward-department');
    // The console names departments: typing picks the option by its name, as a person would.
    await page.keyboard.type('Grundskol');
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).id).toBe('forward-reason');
    await page.keyboard.type(FORWARD_REASON);
    // A preview first says who will see what; focus is on its "Skicka vidare", which sends.
    await pressSubmit(page, 'Förhandsgranska');
    await until('focus on the preview’s "Skicka vidare"', async () => {
      const focused = await focusedElement(page);
      return focused.tag === 'button' && focused.text === 'Skicka vidare' ? focused : undefined;
    });
    await expectAccessible(page, 'the forward’s preview');
    await page.keyboard.press('Enter');
    await consoleAnnounces(page, 'Ärendet är skickat vidare till Grundskoleförvaltningen.');
    const state = await textsOf(
      page,
      'kc-console >>> kc-case-view >>> section[aria-labelledby="state-heading"]',
    );
    expect(state[0]).toMatch(/Skickat vidare till\s*Grundskoleförvaltningen/);
    await expectAccessible(page, 'the case after forwarding');

    // Sven's inbox was open before the forward: the case arrives there without a reload.
    const row = await until('the forwarded case in sven’s inbox', async () =>
      (await inboxRows(sven.page)).find((text) => text.includes(reference)),
    );
    expect(row).toContain('Fastighets- och gatukontoret → Grundskoleförvaltningen');
    await expectAccessible(sven.page, 'a specialist’s inbox');
    await tabTo(sven.page, 'the case’s link', (f) => f.tag === 'a' && f.text === reference);
    await sven.page.keyboard.press('Enter');
    await shown(sven.page, 'kc-console >>> kc-case-view >>> .message');
    const timeline = await textsOf(sven.page, 'kc-console >>> kc-case-view >>> ol.timeline li');
    expect(timeline.some((entry) => entry.includes(FORWARD_REASON))).toBe(true);
    await expectAccessible(sven.page, 'the case as a specialist');

    // Greta, a specialist of gata, where the question came from: not in her inbox, even read
    // afresh, and the case's own address is refused.
    await greta.page.reload();
    await inboxRead(greta.page);
    expect((await inboxRows(greta.page)).some((text) => text.includes(reference))).toBe(false);
    await greta.page.goto(`${server.url}/console/cases/${reference}`);
    const refused = await until('the refusal', async () => {
      const [alert] = await textsOf(greta.page, 'kc-console >>> kc-case-view >>> [role="alert"]');
      return alert;
    });
    expect(refused).toBe('Ärendet finns inte, eller så har du inte tillgång till det.');
    expect(await textsOf(greta.page, 'kc-console >>> kc-case-view >>> .message')).toEqual([]);
    await expectAccessible(greta.page, 'a refused case');
    const direct = await greta.page.evaluate(async (ref) => {
      const response = await fetch(`/v1/agent/cases/${ref}`);
      return { status: response.status, code: ((await response.json()) as { code?: string }).code };
    }, reference);
    expect(direct.status).toBe(404);

    for (const who of [agent, sven, greta]) expect(who.problems).toEqual([]);
  }, 90_000);

  it('the agent tags why the citizen got in touch, and the dashboard counts the page as avoidable demand', async () => {
    const { page } = agent;
    const unclear = `${site.url}/gatubelysning`;
    // Choosing from a list is the one step not done with keys: a select's keyboard behaviour
    // differs between platforms.
    await page.select('kc-console >>> #reason-reason', 'hittade-inte-information');
    await tabTo(page, 'the page that caused it', (f) => f.id === 'reason-page');
    await page.keyboard.type(unclear);
    await pressSubmit(page, 'Spara orsaken');
    await consoleAnnounces(page, 'Kontaktorsaken är satt: Hittade inte informationen på webben.');

    await tabTo(page, 'the dashboard link', (f) => f.tag === 'a' && f.text === 'Översikt', {
      backwards: true,
    });
    await page.keyboard.press('Enter');
    await until('the dashboard', async () => (await consoleHeading(page)) === 'Översikt');
    const avoidable = await until('the avoidable demand by page', async () => {
      const [table] = await textsOf(
        page,
        'kc-console >>> kc-dashboard-view >>> section[aria-labelledby="table-avoidable-pages"] table',
      );
      return table?.includes(unclear) ? table : undefined;
    });
    expect(avoidable).toContain(unclear);
    expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
    await expectAccessible(page, 'the dashboard');
  }, 60_000);

  it('refuses, in the browser, a change without the CSRF token and a hostile site’s form post', async () => {
    const anna = await signIn(server.url, 'anna');
    const before = await caseAs(anna, reference);
    // The signed-in console's own origin, its cookie sent, but no token.
    const tokenless = await agent.page.evaluate(async (ref) => {
      const response = await fetch(`/v1/agent/cases/${ref}/notes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'Utan token.' }),
      });
      return { status: response.status, code: ((await response.json()) as { code?: string }).code };
    }, reference);
    expect(tokenless).toEqual({ status: 403, code: 'csrf_failed' });

    // Another site, open in the agent's own browser, posts a form to the agent API.
    const hostile = await agent.context.newPage();
    const answered = new Promise<number>((resolve) =>
      hostile.on('response', (response) => {
        if (response.url().endsWith('/notes')) resolve(response.status());
      }),
    );
    await hostile.goto(`${site.url}/elak-sida`);
    await hostile.evaluate(
      async (api, ref) => {
        await fetch(`${api}/v1/agent/cases/${ref}/notes`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({ text: 'Från en annan webbplats.' }),
        });
      },
      server.url,
      reference,
    );
    // It reached the server and was refused there: SameSite=Strict kept the cookie home.
    expect(await answered).toBe(401);
    await hostile.close();
    const after = await caseAs(anna, reference);
    expect(after.body.version).toBe(before.body.version);
    expect(JSON.stringify(after.body.timeline)).not.toContain('annan webbplats');
  });

  it('refuses the citizen’s receipt token on the agent API', async () => {
    expect(receiptToken).not.toBe('');
    for (const path of [`/v1/agent/cases/${reference}`, '/v1/agent/cases']) {
      const response = await fetch(`${server.url}${path}`, {
        headers: { Authorization: `Bearer ${receiptToken}` },
      });
      expect(response.status, path).toBe(401);
    }
  });

  it('ends an expired session: the console notices and asks the agent to sign in again', async () => {
    const { page } = agent;
    await page.goto(`${server.url}/console/`);
    await inboxRead(page);
    // To the search field first: once the clock has moved, any request the console makes (its
    // live inbox reconnecting, on a busy machine) may meet the expired session and end the view.
    await tabTo(page, 'the search field', (f) => f.id === 'filter-q');
    clockAhead = 13 * 3_600_000; // past the 12-hour absolute expiry (and the idle one)
    // The next request the console makes (the search, by keyboard) meets the expired session.
    await page.keyboard.type(reference);
    await page.keyboard.press('Enter');
    await until('the sign-in form again', () => page.$('kc-console >>> #username'));
    expect(await textsOf(page, 'kc-console >>> .reason')).toEqual([
      'Du har loggats ut eftersom sessionen gick ut. Logga in igen för att fortsätta.',
    ]);
    expect(await textsOf(page, 'kc-console >>> kc-inbox-view')).toEqual([]);
    const session = await page.evaluate(async () => (await fetch('/v1/agent/session')).status);
    expect(session).toBe(401);
    await expectAccessible(page, 'the sign-in view after expiry');
  });
});
