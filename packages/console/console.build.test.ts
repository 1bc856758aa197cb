// The console as it ships: built by its rollup config, served by the server at /console under
// the server's strict Content-Security-Policy (script-src 'self', Trusted Types required, Lit's
// policy the only one), driven in a real Chromium. Its views load as chunks under that policy,
// deep links answer with the app, and nothing is blocked or thrown on the way.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import type { TestServer } from '@kontakt/server/test-support';
import { startTestServer, TEST_PASSWORD, testAccounts } from '@kontakt/server/test-support';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import type { OutputOptions } from 'rollup';
import { rollup } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';
import config from './rollup.config.mjs';

let dist: string;
let server: TestServer;
let browser: Browser;

/** Builds the console with its own config into a temporary directory. */
async function build(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kontakt-console-dist-'));
  const bundle = await rollup({ ...config, onwarn: () => {} });
  try {
    await bundle.write({ ...(config.output as OutputOptions), dir, sourcemap: false });
  } finally {
    await bundle.close();
  }
  return dir;
}

beforeAll(async () => {
  dist = await build();
  server = await startTestServer({ consoleDir: dist, accounts: await testAccounts() });
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: chromeArgs(),
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** Opens a console URL, recording CSP violations, script errors, console errors and failed loads. */
async function open(path: string, page?: Page): Promise<{ page: Page; problems: string[] }> {
  const tab = page ?? (await browser.newPage());
  const problems: string[] = [];
  tab.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  tab.on('console', (message) => {
    // The browser logs every failed load as an error: those are checked below, by status.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  tab.on('response', (response) => {
    // 401: the console asks who is signed in before anyone is.
    if (response.status() >= 400 && response.status() !== 401) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  if (!page) {
    await tab.exposeFunction('reportViolation', (text: string) => problems.push(text));
    await tab.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { reportViolation(text: string): void })
          .reportViolation;
        report(`CSP: ${event.violatedDirective} blocked ${event.blockedURI} ${event.sample}`);
      });
    });
  }
  const response = await tab.goto(`${server.url}${path}`);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("require-trusted-types-for 'script'; trusted-types lit-html");
  return { page: tab, problems };
}

/** The text of the console's `<h1>` once it is `text`. */
async function heading(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document.querySelector('kc-console')?.shadowRoot?.querySelector('h1')?.textContent?.trim() ===
      expected,
    { polling: 100, timeout: 15_000 },
    text,
  );
}

/** Waits for `selector` inside the console's view `tag` (each its own shadow root). */
async function inView(page: Page, tag: string, selector: string): Promise<void> {
  await page.waitForFunction(
    (view, inside) =>
      document
        .querySelector('kc-console')
        ?.shadowRoot?.querySelector(view)
        ?.shadowRoot?.querySelector(inside) != null,
    { polling: 100, timeout: 15_000 },
    tag,
    selector,
  );
}

describe('the built console at /console', () => {
  it('writes an index.html that loads hashed scripts only', async () => {
    const page = await readFile(join(dist, 'index.html'), 'utf8');
    const scripts = [...page.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+)"/g)].map(
      ([, file]) => file,
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(file).toMatch(/^assets\/[\w-]+-[\w-]{8}\.js$/);
    expect(page).not.toMatch(/<script>|<style|style=/);
    const assets = await readdir(join(dist, 'assets'));
    expect(assets.some((file) => file.startsWith('notices-'))).toBe(true);
  });

  it('signs in, opens views as chunks and answers deep links, under the strict CSP', async () => {
    const { page, problems } = await open('/console/');
    await heading(page, 'Logga in');
    await page.type('>>> #username', 'alva');
    await page.type('>>> #password', TEST_PASSWORD);
    await page.click('>>> kc-sign-in >>> button[type="submit"]');
    await heading(page, 'Inkorg');

    await page.click('>>> nav a[href="/console/notices"]');
    await heading(page, 'Driftmeddelanden');
    await inView(page, 'kc-notices-view', '#title-sv');
    expect(page.url()).toBe(`${server.url}/console/notices`);

    // A reload of a deep link: the same page, the session kept in its cookie.
    await open('/console/audit', page);
    await heading(page, 'Händelselogg');
    await inView(page, 'kc-audit-view', 'tbody tr');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a fault case with its map and photo under the strict CSP, Trusted Types and all', async () => {
    // A photo as the fault form uploads it, then the report naming it.
    const uploaded = await fetch(`${server.url}/v1/photos?department=gata`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: new Blob([png(40, 30)], { type: 'image/png' }),
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const sent = await fetch(`${server.url}/v1/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        origin: {
          department: 'gata',
          pageUrl: 'https://gata.example.se/felanmalan',
          widget: 'kc-fault-report',
        },
        report: {
          category: 'gatubelysning',
          description: 'Lampan är släckt.',
          answers: { hur: 'slackt' },
          location: { lat: 55.6056, lon: 13.0018, address: 'Stortorget 1, Malmö' },
          photos: [id],
          anonymous: true,
        },
      }),
    });
    expect(sent.status).toBe(201);
    const { reference } = (await sent.json()) as { reference: string };

    const { page, problems } = await open(`/console/cases/${reference}`);
    const csp =
      (await fetch(`${server.url}/console/cases/${reference}`)).headers.get(
        'content-security-policy',
      ) ?? '';
    // The department's map tiles, and no other host, may be shown on the console's pages.
    expect(csp).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    // Signed in already when the test before left its session in this browser.
    const shown = await page.waitForFunction(
      (expected) => {
        const text = document
          .querySelector('kc-console')
          ?.shadowRoot?.querySelector('h1')
          ?.textContent?.trim();
        return text === 'Logga in' || text === expected ? text : false;
      },
      { polling: 100, timeout: 15_000 },
      `Ärende ${reference}`,
    );
    if ((await shown.jsonValue()) === 'Logga in') {
      await page.type('>>> #username', 'anna');
      await page.type('>>> #password', TEST_PASSWORD);
      await page.click('>>> kc-sign-in >>> button[type="submit"]');
    }
    await heading(page, `Ärende ${reference}`);
    // The fault section's chunk, then the map's (Leaflet) with its pin, and the photo decoded.
    await page.waitForFunction(
      () => {
        const section = document
          .querySelector('kc-console')
          ?.shadowRoot?.querySelector('kc-case-view')
          ?.shadowRoot?.querySelector('kc-fault-section')?.shadowRoot;
        const image = section?.querySelector<HTMLImageElement>('.photos img');
        return (
          section?.querySelector('#fault-map.leaflet-container .kc-pin') != null &&
          image?.complete === true &&
          image.naturalWidth === 40
        );
      },
      { polling: 100, timeout: 15_000 },
    );
    // Tiles the test machine cannot fetch fail as loads (allowed), never as CSP or script errors.
    expect(problems.filter((problem) => !problem.includes('tile.openstreetmap.org'))).toEqual([]);
    const other = await fetch(`${server.url}/`);
    expect(other.headers.get('content-security-policy') ?? '').not.toContain('openstreetmap');
    await page.close();
  }, 60_000);
});

/** A small RGB PNG, one colour. */
function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
