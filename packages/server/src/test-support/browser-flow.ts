/**
 * Parts for end-to-end tests in a real Chromium (puppeteer-core): the console and the widgets
 * bundled from source, a department's own web site on another origin, and small helpers that
 * reach into shadow roots, wait on conditions, move focus by keyboard and run axe-core.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from '../../../../scripts/find-chrome.mjs';
import { TEST_PASSWORD } from './agents.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const at = (path: string) => join(root, path);
const TSCONFIG = at('scripts/wtr/tsconfig.esbuild.json');

/**
 * Bundles the console from source into `dir` as `--console-dir` expects it (`index.html` and
 * `assets/`). esbuild rather than the package's rollup build: a test needs today's source in a
 * second, and `dist/` may be stale while the console is being worked on. The page is the one
 * `scripts/console-html.mjs` writes: a module script under `/console/assets/`, nothing inline.
 */
export async function bundleConsole(dir: string): Promise<string> {
  await build({
    entryPoints: { console: at('packages/console/src/main.ts') },
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    conditions: ['@kontakt/source', 'browser'],
    tsconfig: TSCONFIG,
    outdir: join(dir, 'assets'),
    logLevel: 'error',
  });
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Kontaktcenter</title>
    <script type="module" src="/console/assets/console.js"></script>
  </head>
  <body><kc-console></kc-console></body>
</html>
`,
  );
  return dir;
}

/** Bundles the script-tag widgets into `dir`, as the widgets' build does for `dist/cdn`. */
export async function bundleWidgets(dir: string): Promise<string> {
  await build({
    entryPoints: { 'contact-form': at('packages/widgets/src/cdn/contact-form.ts') },
    bundle: true,
    format: 'esm',
    splitting: true,
    minify: true,
    conditions: ['@kontakt/source'],
    tsconfig: TSCONFIG,
    outdir: dir,
    logLevel: 'error',
  });
  return dir;
}

export interface DepartmentSite {
  /** `http://localhost:<port>`: another origin (and site) than the server's `127.0.0.1`. */
  url: string;
  close(): Promise<void>;
}

/**
 * A department's own web site on loopback, serving one page (`html`) at every path under a
 * strict Content-Security-Policy that lets in the contact center's script and API only.
 * `server` is asked per request: the site starts first, so the server can allow its origin.
 */
export function startDepartmentSite(html: (server: string) => string, server: () => string) {
  const site = createServer((_, response) => {
    const csp = [
      "default-src 'self'",
      `script-src ${server()}`,
      `connect-src ${server()}`,
      "require-trusted-types-for 'script'",
      'trusted-types lit-html',
    ].join('; ');
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
    });
    response.end(html(server()));
  });
  return new Promise<DepartmentSite>((resolve) => {
    site.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://localhost:${(site.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            site.closeAllConnections();
            site.close(() => done());
          }),
      });
    });
  });
}

/** A headless Chromium as the other browser tests start it. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({ executablePath: findChrome(), headless: true, args: chromeArgs() });
}

/** A person's own browser (cookies and storage apart from everyone else's) with one page. */
export interface Person {
  context: BrowserContext;
  page: Page;
  /** Script errors, console errors and CSP violations seen on the page. */
  problems: string[];
}

/**
 * A new person in `browser`: a context of their own and a page in it, whose script errors, CSP
 * violations and console errors are collected in `problems` — except console errors matching
 * `expected`: Chromium logs every refused request and lost connection as one, and those a test
 * provokes are its point (it checks them where they happen).
 */
export async function person(browser: Browser, expected: RegExp): Promise<Person> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation(text: string): void }).reportViolation;
      report(`CSP: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return { context, page, problems };
}

/**
 * A new person (see `person`) with `url` open. A fresh page's first navigation can lose its frame
 * ("Navigating frame was detached") when Chromium is starved — `npm test` runs two browsers and
 * the node tests on two cores —, before anything of the page ran: a second page then opens it,
 * and a second failure fails.
 */
export async function personOn(browser: Browser, url: string, expected: RegExp): Promise<Person> {
  const first = await person(browser, expected);
  try {
    await first.page.goto(url);
    return first;
  } catch (error) {
    if (!/detached/i.test(String(error))) throw error;
    await first.context.close().catch(() => undefined);
  }
  const second = await person(browser, expected);
  await second.page.goto(url);
  return second;
}

/**
 * Polls `check` until it returns something other than `undefined`, `null` or `false`, and
 * resolves with that. Conditions, never fixed sleeps: the machine may be slow.
 */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeout = 20_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) {
      throw new Error(
        `Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of every element matching a puppeteer selector (`>>>` pierces shadow roots). */
export async function textsOf(page: Page, selector: string): Promise<string[]> {
  const handles = await page.$$(selector);
  const texts = await Promise.all(
    handles.map((handle) => handle.evaluate((element) => element.textContent ?? '')),
  );
  await Promise.all(handles.map((handle) => handle.dispose()));
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Waits until an element matching `selector` (`>>>` pierces shadow roots) is there. */
export const shown = (page: Page, selector: string) =>
  until(`${selector} to be shown`, () => page.$(selector));

/** Focuses the element (through shadow roots) and presses `key`, as a keyboard user would. */
export async function pressOn(page: Page, selector: string, key: 'Enter' | 'Space' = 'Enter') {
  const handle = await shown(page, selector);
  await handle.focus();
  await page.keyboard.press(key);
  await handle.dispose();
}

/** Moves focus to the element (through shadow roots), as Tab would. */
export async function focusOn(page: Page, selector: string) {
  const handle = await shown(page, selector);
  await handle.focus();
  await handle.dispose();
}

/** The focused element, looked up through shadow roots: its id, tag, text and href. */
export function focusedElement(page: Page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return {
      id: active?.id ?? '',
      tag: active?.tagName.toLowerCase() ?? '',
      text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: active?.getAttribute('href') ?? '',
    };
  });
}

type Focused = Awaited<ReturnType<typeof focusedElement>>;

/**
 * Presses Tab (Shift+Tab with `backwards`) until `matches` holds for the focused element, at
 * most `limit` times.
 */
export async function tabTo(
  page: Page,
  what: string,
  matches: (focused: Focused) => boolean,
  { limit = 80, backwards = false } = {},
): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (matches(await focusedElement(page))) return;
    if (backwards) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (backwards) await page.keyboard.up('Shift');
  }
  throw new Error(`Tab never reached ${what} in ${limit} presses`);
}

/** The heading (`h1`) of the console's view. */
export const consoleHeading = async (page: Page) =>
  (await textsOf(page, 'kc-console >>> h1'))[0] ?? '';

/** Waits until the console's polite live region says `text`. */
export const consoleAnnounces = (page: Page, text: string) =>
  until(
    `"${text}" announced`,
    async () =>
      (await textsOf(page, 'kc-console >>> [role="status"][aria-live="polite"]'))[0] === text,
  );

/** The console's chat view (issue 10). */
export const CHAT_VIEW = 'kc-console >>> kc-chat-view';
/** The conversation open in the console's chat view. */
export const CHAT_CONVERSATION = `${CHAT_VIEW} >>> kc-chat-conversation`;

/** The texts of the messages in the agent's open conversation, in the order shown. */
export const agentMessages = (page: Page) =>
  textsOf(page, `${CHAT_CONVERSATION} >>> .messages li .text`);

/**
 * A new person (see `person`) signed in as `username` at `<server>/console/chat` by keyboard,
 * who has said they are available.
 */
export async function signInToChat(
  browser: Browser,
  server: string,
  username: string,
  expected: RegExp,
): Promise<Person> {
  const agent = await personOn(browser, `${server}/console/chat`, expected);
  const { page } = agent;
  await shown(page, 'kc-console >>> #username');
  await tabTo(page, 'the user name field', (focused) => focused.id === 'username');
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(TEST_PASSWORD);
  await page.keyboard.press('Enter');
  await until('the chat view', async () => (await consoleHeading(page)) === 'Chatt');
  await pressOn(page, `${CHAT_VIEW} >>> input[value="available"]`, 'Space');
  await until('available', () =>
    page.$eval(
      `${CHAT_VIEW} >>> input[value="available"]`,
      (input) => (input as HTMLInputElement).checked,
    ),
  );
  return agent;
}

/** What the citizen sees in `<kc-chat-bubble>` (its open shadow root), read as the page has it. */
export interface CitizenSees {
  /** The panel (a dialog) is open. */
  open: boolean;
  /** The line over the messages: the place in the queue, or who the citizen chats with. */
  status: string;
  /** The notice that the connection was lost, if shown. */
  notice: string;
  /** What the panel's polite live region says now. */
  announced: string;
  /** The messages in the panel, in the order shown. */
  messages: { role: string; author: string; text: string }[];
  /** The focused element inside the bubble: its id, tag and text. */
  focused: { id: string; tag: string; text: string };
}

/** What the citizen sees in the page's (first) `<kc-chat-bubble>` now. */
export const citizenSees = (page: Page): Promise<CitizenSees> =>
  page.evaluate(() => {
    const root = document.querySelector('kc-chat-bubble')?.shadowRoot;
    const text = (element: Element | null | undefined) =>
      (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const focused = root?.activeElement;
    return {
      open: root?.querySelector('dialog')?.open ?? false,
      status: text(root?.querySelector('[part~="queue"]')),
      notice: text(root?.querySelector('dialog .notice')),
      announced: text(root?.querySelector('dialog [role="status"][aria-live="polite"]')),
      messages: [...(root?.querySelectorAll('li[part~="message"]') ?? [])].map((item) => ({
        role: ['citizen', 'agent', 'system'].find((role) => item.classList.contains(role)) ?? '',
        author: text(item.querySelector('.author')),
        text: text(item.querySelector('.text')),
      })),
      focused: {
        id: focused?.id ?? '',
        tag: focused?.tagName.toLowerCase() ?? '',
        text: text(focused),
      },
    };
  });

/** Waits until what the citizen sees meets `check`, and returns it. */
export const citizenUntil = (
  page: Page,
  what: string,
  check: (seen: CitizenSees) => boolean,
  timeout?: number,
) =>
  until(
    what,
    async () => {
      const seen = await citizenSees(page);
      return check(seen) ? seen : undefined;
    },
    timeout,
  );

/** Tabs to the button that says `label` (in the bubble, or anywhere), as a keyboard user does. */
export const tabToButton = (page: Page, label: string) =>
  tabTo(page, `the "${label}" button`, (f) => f.tag === 'button' && f.text === label);

let axeSource: Promise<string> | undefined;

/** A violation axe-core found: the rule, its impact, and where. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules, through shadow roots) on the page as it is and
 * returns the violations. The script goes in through DevTools, so the page's CSP stays on.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(at('node_modules/axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(source);
  const { passes, violations } = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    const violations = result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
    return { passes: result.passes.length, violations };
  });
  // A run that checked nothing (axe kept out, an empty page) would pass every test.
  if (passes === 0) throw new Error('axe-core checked nothing on the page');
  return violations;
}
