// The demo as `npm start` serves it: the department pages, the script-tag bundle and the server on
// one origin, under the strict Content-Security-Policy (Trusted Types required) the server sends
// with HTML. A person fills the form in a real Chromium and gets a receipt for one stored case.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jpegWithMetadata } from '@kontakt/server/test-support';
import { build } from 'esbuild';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../packages/server/src/index.js';
import { startServer } from '../../packages/server/src/index.js';
import { svSimple as trackerSimple } from '../../packages/widgets/src/components/status-tracker/status-tracker.texts.sv-simple.js';
import { svSimple } from '../../packages/widgets/src/i18n/sv-simple.js';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const at = (path: string) => join(root, path);

let server: RunningServer;
/** The admin API key of this run (the server gets its hash), to publish notices as the contact center does. */
const ADMIN_KEY = `kk_${randomBytes(20).toString('hex')}`;
let browser: Browser;
const temporary: string[] = [];

/** A directory of this run's, removed at the end. */
async function temporaryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-demo-'));
  temporary.push(dir);
  return dir;
}

/** Bundles the widget for a script tag, from source, as the widgets' build does for `dist/cdn`. */
async function bundleWidgets(): Promise<string> {
  const outdir = await mkdtemp(join(tmpdir(), 'kontakt-cdn-'));
  temporary.push(outdir);
  await build({
    // Every script-tag bundle the widgets' build makes: one per file in src/cdn.
    entryPoints: Object.fromEntries(
      (await readdir(at('packages/widgets/src/cdn')))
        .filter((file) => file.endsWith('.ts'))
        .map((file) => [file.replace(/\.ts$/, ''), at(`packages/widgets/src/cdn/${file}`)]),
    ),
    bundle: true,
    format: 'esm',
    // The element, the submit path and languages other than Swedish are chunks loaded on demand,
    // as in the rollup build.
    splitting: true,
    minify: true,
    conditions: ['@kontakt/source'],
    tsconfig: at('scripts/wtr/tsconfig.esbuild.json'),
    outdir,
    logLevel: 'error',
  });
  return outdir;
}

/** A department's own web server, on another origin than the contact center: one page, `/`. */
let departmentSite: { url: string; page: { csp: string; body: string }; close: () => void };

function startDepartmentSite(): Promise<typeof departmentSite> {
  const page = { csp: '', body: '' };
  const site = createServer((_, response) => {
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.csp,
    });
    response.end(page.body);
  });
  return new Promise((resolve) => {
    site.listen(0, '127.0.0.1', () => {
      const { port } = site.address() as AddressInfo;
      // `localhost` is a secure context (as https is) and another origin than 127.0.0.1.
      resolve({ url: `http://localhost:${port}`, page, close: () => site.close() });
    });
  });
}

beforeAll(async () => {
  departmentSite = await startDepartmentSite();
  const config = JSON.parse(await readFile(at('examples/demo/departments.json'), 'utf8'));
  config.departments[0].allowedOrigins.push(departmentSite.url);
  const dataDir = await mkdtemp(join(tmpdir(), 'kontakt-demo-'));
  temporary.push(dataDir);
  server = await startServer({
    departments: config.departments,
    // The chat's own hours, as `npm start` gives them (else it follows each department's).
    chat: config.chat,
    dataDir,
    port: 0,
    logLevel: 'silent',
    adminApiKeys: [
      { id: 'demo-test', hash: `sha256:${createHash('sha256').update(ADMIN_KEY).digest('hex')}` },
    ],
    serve: [
      { path: '/cdn/', dir: await bundleWidgets() },
      { path: '/', dir: at('examples/demo/public') },
    ],
  });
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: chromeArgs(),
  });
}, 60_000);

afterAll(async () => {
  departmentSite?.close();
  await browser?.close();
  await server?.close();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/** Waits until the form's topics from the server are in (the form itself shows at once). */
async function waitForTopics(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .querySelector('kc-contact-form')
        ?.shadowRoot?.querySelector('#topic option:not([value=""])'),
    { polling: 100, timeout: 15_000 },
  );
}

/** Fills in and sends a question the way a person does; resolves with the receipt's reference. */
async function sendQuestion(page: Page, topic: string, message: string): Promise<string> {
  await page.select('kc-contact-form >>> #topic', topic);
  await page.type('kc-contact-form >>> #message', message);
  await page.click('kc-contact-form >>> #answerChannel-email');
  await page.type('kc-contact-form >>> #email', 'kim.nilsson@example.se');
  await page.click('kc-contact-form >>> [part~="submit-button"]');
  // Polled: changes inside a shadow root do not wake puppeteer's document-level observer.
  const reference = await page.waitForFunction(
    () =>
      document
        .querySelector('kc-contact-form')
        ?.shadowRoot?.querySelector('[part~="reference"]')
        ?.textContent?.trim(),
    { polling: 100, timeout: 15_000 },
  );
  return String(await reference.jsonValue());
}

/** Opens a page, recording CSP violations, script errors and console errors. */
async function open(
  path: string,
  ready: (page: Page) => Promise<void> = waitForTopics,
): Promise<{ page: Page; problems: string[]; departmentRequests: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  const departmentRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/v1/departments/')) departmentRequests.push(request.url());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.exposeFunction('reportViolation', (violation: string) => problems.push(violation));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
      report(`CSP: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.headers()['content-security-policy']).toContain(
    "require-trusted-types-for 'script'; trusted-types lit-html",
  );
  await ready(page);
  return { page, problems, departmentRequests };
}

describe('the demo department pages', () => {
  it('take a question to a receipt under a strict CSP with Trusted Types, storing one case', async () => {
    const { page, problems } = await open('/');
    const reference = await sendQuestion(
      page,
      'gatubelysning',
      'Gatlampan utanför Storgatan 12 är släckt.',
    );
    expect(reference).toMatch(/^KC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await server.countCases()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ask for their department once: the starter’s early request is the one the form uses', async () => {
    const { page, problems, departmentRequests } = await open('/skola.html');
    expect(departmentRequests).toEqual([`${server.url}/v1/departments/skola`]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('take a question with a photo on the school page: previewed under the strict CSP, sent with it', async () => {
    const { page, problems } = await open('/skola.html?bilder');
    const before = await server.countCases();
    const file = join(await temporaryDir(), 'brev.jpg');
    await writeFile(file, jpegWithMetadata());
    // The field comes with the submit path, loaded when the person starts to use the form.
    await page.focus('kc-contact-form >>> #topic');
    // Polled: changes inside a shadow root do not wake puppeteer's document-level observer.
    await page.waitForFunction(
      () => document.querySelector('kc-contact-form')?.shadowRoot?.querySelector('input#photos'),
      { polling: 100, timeout: 15_000 },
    );
    const input = await page.$('kc-contact-form >>> input#photos');
    await (input as ElementHandle<HTMLInputElement>).uploadFile(file);
    await page.waitForFunction(
      () => {
        const img = document
          .querySelector('kc-contact-form')
          ?.shadowRoot?.querySelector<HTMLImageElement>('[part~="photo"] img');
        return img?.complete && img.naturalWidth > 0;
      },
      { polling: 100, timeout: 15_000 },
    );
    const sent = page.waitForRequest((request) => request.url().endsWith('/v1/cases'));
    await sendQuestion(page, 'skolskjuts', 'Jag fick det här brevet om skolskjutsen. Vad gäller?');
    const { message } = JSON.parse((await (await sent).fetchPostData()) ?? '{}') as {
      message: { photos: string[] };
    };
    expect(message.photos).toHaveLength(1);
    expect(await server.countCases()).toBe(before + 1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('configure every widget of the school page with the one <kc-provider> around them', async () => {
    const { page, problems } = await open('/skola.html?provider', async (each) => {
      await waitForTopics(each);
      await noticeAndChatStarted(each);
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('show the form and the chat in easy-read Swedish on the easy-read page, the notice too', async () => {
    const { page, problems } = await open('/lattlast.html');
    const hint = await page.$eval('kc-contact-form >>> #message-hint', (element) =>
      element.textContent?.trim(),
    );
    expect(hint).toBe(svSimple.contactForm.messageHint);
    await noticeAndChatStarted(page);
    // The chat says its hours in easy-read Swedish (the demo's contact center: weekdays 08-17).
    const hours = await page.$eval('kc-chat-bubble >>> [part~="hours"]', (element) =>
      element.textContent?.trim(),
    );
    expect(hours).toMatch(/^Chatten är (öppen|stängd)/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('show the form in English on the English page', async () => {
    const { page, problems } = await open('/en.html');
    const label = await page.$eval('kc-contact-form >>> label[for="message"]', (element) =>
      element.textContent?.trim(),
    );
    expect(label).toBe('Your question');
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** Waits until the page's notice has read its notices and its chat bubble its hours. */
function noticeAndChatStarted(page: Page): Promise<unknown> {
  return page.waitForFunction(
    () =>
      document.querySelector('kc-notice')?.matches(':state(none), :state(shown)') &&
      document.querySelector('kc-chat-bubble')?.matches(':state(open), :state(closed)'),
    { polling: 100, timeout: 15_000 },
  );
}

/**
 * A page of a host site with its own Content-Security-Policy, served in place of `path` on the
 * demo origin (the widget's script and the API stay the real server's).
 */
async function openHostPage(csp: string): Promise<{ page: Page; errors: string[]; url: string }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.evaluateOnNewDocument(() => {
    window.addEventListener('unhandledrejection', (event) => {
      throw new Error(`unhandled rejection: ${String(event.reason)}`);
    });
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() !== `${server.url}/host-page.html`) {
      void request.continue();
      return;
    }
    void request.respond({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
      body: hostPage(),
    });
  });
  return { page, errors, url: `${server.url}/host-page.html` };
}

/** A department's page that embeds the form with one tag, a phone number inside it. */
const hostPage = () => `<!doctype html><html lang="sv"><head><title>Kontakta oss</title>
  <script type="module" src="${server.url}/cdn/contact-form.js"></script></head>
  <body><main><h1>Kontakta oss</h1>
  <kc-contact-form endpoint="${server.url}" department="gata">
    <p id="fallback">Ring kontaktcenter på 040-628 04 00.</p>
  </kc-contact-form></main></body></html>`;

const HOST_CSP = "default-src 'self'; require-trusted-types-for 'script'";

describe('a host page’s Content-Security-Policy', () => {
  it("without Lit's policy (trusted-types 'none') keeps the page's own content, throwing nothing", async () => {
    const { page, errors, url } = await openHostPage(`${HOST_CSP}; trusted-types 'none'`);
    const warned = new Promise<string>((resolve) =>
      page.on('console', (message) => {
        if (message.type() === 'warn' && message.text().includes('[kontakt]')) {
          resolve(message.text());
        }
      }),
    );
    await page.goto(url);
    expect(await warned).toContain("must allow 'lit-html'");
    const state = await page.evaluate(() => ({
      defined: customElements.get('kc-contact-form') !== undefined,
      fallbackShown: document.querySelector('#fallback')?.checkVisibility() ?? false,
    }));
    expect(state).toEqual({ defined: false, fallbackShown: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('allowing lit-html runs the widget, and hides the page’s content behind the form', async () => {
    const { page, errors, url } = await openHostPage(`${HOST_CSP}; trusted-types lit-html`);
    await page.goto(url);
    await waitForTopics(page);
    const fallbackShown = await page.$eval('#fallback', (element) => element.checkVisibility());
    expect(fallbackShown).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a department site on another origin', () => {
  it('loads the script-tag bundle from the contact center and takes a question to a receipt', async () => {
    const csp = [
      "default-src 'self'",
      `script-src ${server.url}`,
      `connect-src ${server.url}`,
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    Object.assign(departmentSite.page, { csp, body: hostPage() });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(departmentSite.url);
    await waitForTopics(page);
    const reference = await sendQuestion(page, 'parkering', 'Hur söker jag boendeparkering?');
    expect(reference).toMatch(/^KC-/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** Publishes a notice through the admin API, as the contact center's staff do. */
async function publishNotice(
  title: string,
  departments: 'all' | string[],
): Promise<{ id: string }> {
  const text = (value: string) => ({ sv: value, en: value, fi: value, ar: value });
  const response = await fetch(`${server.url}/v1/admin/notices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: text(title),
      text: text('Vattnet är avstängt till kl. 15.'),
      severity: 'danger',
      departments,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string };
}

/** The titles `<kc-notice>` on `page` shows, polled (shadow DOM changes do not wake puppeteer). */
async function waitForNoticeTitles(page: Page, count: number): Promise<string[]> {
  const handle = await page.waitForFunction(
    (wanted: number) => {
      const titles = [
        ...(document.querySelector('kc-notice')?.shadowRoot?.querySelectorAll('[part~="title"]') ??
          []),
      ].map((title) => title.lastChild?.textContent ?? '');
      return titles.length === wanted ? titles : undefined;
    },
    { polling: 100, timeout: 15_000 },
    count,
  );
  return (await handle.jsonValue()) as string[];
}

describe('the chat bubble on the demo pages', () => {
  it('is on every page, with the contact center’s phone number inside', async () => {
    const pages = (await readdir(at('examples/demo/public'))).filter((file) =>
      file.endsWith('.html'),
    );
    for (const file of pages) {
      const body = await readFile(at(`examples/demo/public/${file}`), 'utf8');
      expect(body, file).toContain('<script type="module" src="/cdn/chat-bubble.js"></script>');
      // Configured by its own attributes or by a <kc-provider> around it.
      expect(body, file).toMatch(
        /<kc-chat-bubble endpoint="\/" department="[a-z]+">\s*\S[^<]*<a href="tel:|<kc-provider endpoint="\/" department="[a-z]+">[\s\S]*<kc-chat-bubble>\s*\S[^<]*<a href="tel:[\s\S]*<\/kc-provider>/,
      );
    }
  });

  it('says whether the chat is open and opens its panel under the strict CSP', async () => {
    // A query of its own: the notice test opens /bygglov.html afresh (not from the cache).
    const { page, problems } = await open('/bygglov.html?chatt', async (each) => {
      await each.waitForFunction(
        () => document.querySelector('kc-chat-bubble')?.matches(':state(open), :state(closed)'),
        { polling: 100 },
      );
    });
    const hours = await page.$eval('kc-chat-bubble >>> [part~="hours"]', (element) =>
      element.textContent?.trim(),
    );
    // What the server says now, by the demo's chat hours (a day before a holiday closes early):
    // open until when, or closed and when it opens.
    const availability = (await (
      await fetch(`${server.url}/v1/chat/availability?department=bygglov`)
    ).json()) as { open: boolean; closesAt?: string; opensAt?: string };
    const clock = (iso: string | undefined) =>
      new Date(iso ?? NaN)
        .toLocaleTimeString('en-GB', {
          timeZone: 'Europe/Stockholm',
          hour: '2-digit',
          minute: '2-digit',
        })
        .replace(':', '.');
    if (availability.open) {
      expect(hours).toBe(
        availability.closesAt
          ? `Öppet i dag till ${clock(availability.closesAt)}`
          : 'Öppet dygnet runt',
      );
    } else
      expect(hours).toMatch(new RegExp(`^Stängt\\. Vi öppnar .+ ${clock(availability.opensAt)}$`));
    await page.click('kc-chat-bubble >>> [part~="launcher-button"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('kc-chat-bubble')
          ?.shadowRoot?.querySelector('dialog[open] h3, dialog[open] #start-message'),
      { polling: 100 },
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the notices on the demo pages', () => {
  it('are on every page', async () => {
    const pages = (await readdir(at('examples/demo/public'))).filter((file) =>
      file.endsWith('.html'),
    );
    for (const file of pages) {
      const body = await readFile(at(`examples/demo/public/${file}`), 'utf8');
      expect(body, file).toContain('<script type="module" src="/cdn/notice.js"></script>');
      expect(body, file).toMatch(
        /<kc-notice endpoint="\/" department="[a-z]+">|<kc-provider endpoint="\/" department="[a-z]+">[\s\S]*<kc-notice>[\s\S]*<\/kc-provider>/,
      );
    }
  });

  it('show nothing without a notice, and a published notice live, under the strict CSP', async () => {
    const { page, problems } = await open('/bygglov.html');
    await page.waitForFunction(() => document.querySelector('kc-notice')?.matches(':state(none)'), {
      polling: 100,
      timeout: 15_000,
    });
    const height = await page.$eval(
      'kc-notice',
      (element) => element.getBoundingClientRect().height,
    );
    expect(height).toBe(0);
    const notice = await publishNotice('Vattenläcka vid stadshuset', ['bygglov']);
    expect(await waitForNoticeTitles(page, 1)).toEqual(['Vattenläcka vid stadshuset']);
    const withdrawn = await fetch(`${server.url}/v1/admin/notices/${notice.id}/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(withdrawn.status).toBe(200);
    await waitForNoticeTitles(page, 0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the status tracker page', () => {
  /** Follows the receipt's link to the tracker's page: resolves with the status label it shows. */
  async function followReceipt(page: Page, tracker: string): Promise<string> {
    await Promise.all([
      page.waitForNavigation(),
      page.click('kc-contact-form >>> [part~="tracker-link"]'),
    ]);
    expect(new URL(page.url()).pathname).toBe(tracker);
    const label = await page.waitForFunction(
      () =>
        document
          .querySelector('kc-status-tracker')
          ?.shadowRoot?.querySelector('[part~="status-label"]')
          ?.textContent?.trim(),
      { polling: 100, timeout: 15_000 },
    );
    return String(await label.jsonValue());
  }

  it('opens from a contact form receipt’s link and shows the case, token out of the address, under the strict CSP', async () => {
    // A query of its own: the page is in this browser's cache from an earlier test, without headers.
    const { page, problems } = await open('/skola.html?fraga');
    const reference = await sendQuestion(page, 'skolskjuts', 'Hur ansöker jag om skolskjuts?');
    expect(await followReceipt(page, '/arende.html')).toBe('Mottaget');
    const shown = await page.$eval('kc-status-tracker >>> [part~="reference"]', (element) =>
      element.textContent?.trim(),
    );
    expect(shown).toBe(reference);
    // The token opened the case and left the address bar; the reference stays.
    expect(new URL(page.url()).hash).toBe(`#reference=${reference}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps a question sent from the easy-read page in easy-read Swedish: its tracker too', async () => {
    const { page, problems } = await open('/lattlast.html?fraga');
    await sendQuestion(page, 'parkering', 'Hur söker jag boendeparkering?');
    const received = await followReceipt(page, '/lattlast-arende.html');
    expect(received).toBe(trackerSimple.statuses?.received.label);
    expect(received).not.toBe('Mottaget');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the fault report page', () => {
  /** Clicks a control in the fault report's shadow root and waits for the step `name`. */
  async function step(page: Page, selector: string, name: string): Promise<void> {
    await page.click(`kc-fault-report >>> ${selector}`);
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('kc-fault-report')
          ?.shadowRoot?.querySelector('#step-heading')
          ?.textContent?.trim()
          .endsWith(expected),
      { polling: 100, timeout: 15_000 },
      name,
    );
  }

  it('takes a fault report without the map to a receipt whose link opens the tracker, under the strict CSP', async () => {
    const { page, problems } = await open('/felanmalan.html', async (opened) => {
      await opened.waitForFunction(
        () =>
          document
            .querySelector('kc-fault-report')
            ?.shadowRoot?.querySelector('#category-gatubelysning'),
        { polling: 100, timeout: 15_000 },
      );
    });
    await page.click('kc-fault-report >>> #category-gang-och-cykelvag');
    await step(page, '#next', 'Var är felet?');
    await page.type('kc-fault-report >>> #address', 'Vid busshållplatsen Stortorget');
    await step(page, '#next', 'Foton');
    await step(page, '#next', 'Beskriv felet');
    await page.type('kc-fault-report >>> #description', 'Ett djupt hål i cykelbanan.');
    await step(page, '#next', 'Kontaktuppgifter');
    await step(page, '#next', 'Kontrollera dina svar');
    await page.click('kc-fault-report >>> #next');
    const reference = await page.waitForFunction(
      () =>
        document
          .querySelector('kc-fault-report')
          ?.shadowRoot?.querySelector('[part~="reference"]')
          ?.textContent?.trim(),
      { polling: 100, timeout: 15_000 },
    );
    await Promise.all([
      page.waitForNavigation(),
      page.click('kc-fault-report >>> [part~="tracker-link"]'),
    ]);
    expect(new URL(page.url()).pathname).toBe('/arende.html');
    const shown = await page.waitForFunction(
      () =>
        document
          .querySelector('kc-status-tracker')
          ?.shadowRoot?.querySelector('[part~="reference"]')
          ?.textContent?.trim(),
      { polling: 100, timeout: 15_000 },
    );
    expect(await shown.jsonValue()).toBe(await reference.jsonValue());
    expect(problems).toEqual([]);
    await page.close();
  });
});
