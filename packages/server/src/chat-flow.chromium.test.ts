/**
 * Chat end to end (issue 10) in a real Chromium against one real server (the store under test:
 * embedded in the `node` project, PostgreSQL in `postgres`), a browser context per person:
 *
 * 1. a citizen on the department's own site (another origin, strict CSP with Trusted Types)
 *    finds `<kc-chat-bubble>` (the built script-tag file, `dist/cdn/chat-bubble.js`), opens it
 *    and starts a chat by keyboard, and waits first in the queue;
 * 2. an agent in `/console/chat` sees it arrive live and takes it by keyboard; messages go both
 *    ways live;
 * 3. the citizen's event stream is cut (its connections dropped and refused for a while) while
 *    the agent writes, and resumes from `Last-Event-ID`: the message arrives once, nothing lost
 *    or repeated;
 * 4. the agent hands the chat over to a colleague, who answers in it;
 * 5. the citizen ends the chat ("Avsluta"); it is a case in the inbox, whose case view holds the
 *    transcript.
 *
 * The citizen works the bubble by keyboard only and reads what its panel shows and announces.
 * The citizen reaches the API through a small proxy on loopback, so the test can cut the stream
 * as a network would. axe-core runs on each console state and each bubble state the flow passes
 * through. `npm run build` first: the test embeds the widgets as they ship.
 */
import { access, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/passwords.js';
import { TEST_PASSWORD, testAccounts } from './test-support/agents.js';
import type { DepartmentSite } from './test-support/browser-flow.js';
import {
  agentMessages,
  axeViolations,
  bundleConsole,
  CHAT_CONVERSATION,
  CHAT_VIEW,
  citizenSees,
  citizenUntil,
  consoleAnnounces,
  consoleHeading,
  focusedElement,
  focusOn,
  launchChromium,
  personOn,
  pressOn,
  signInToChat,
  startDepartmentSite,
  tabTo,
  tabToButton,
  textsOf,
  until,
} from './test-support/browser-flow.js';
import type { TestServer } from './test-support/departments.js';
import { ALWAYS_OPEN, gata, skola, startTestServer } from './test-support/departments.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const PAGE = '/parkering/boendeparkering';
const QUESTION = 'Hej! Hur söker jag boendeparkering?';
const DETAIL = 'Jag bor på Storgatan 5 och har en bil.';
const ANSWER = 'Du söker i e-tjänsten Boendeparkering.';
const DURING_CUT = 'Handläggningstiden är två veckor.';
const COLLEAGUE = 'Hej, jag heter Bertil och tar över. Behöver du något mer?';

/**
 * The citizen's way to the API: passes everything on to the server, and can cut the event
 * streams (drop them and refuse new ones with 503) until restored, as a lost network does.
 */
interface CuttableProxy {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

function startProxy(target: () => string): Promise<CuttableProxy> {
  let down = false;
  const streams = new Set<ServerResponse>();
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    // The preflight (the widget's stream request is not a simple one) goes through; the stream
    // itself is refused in a way the page may read (with CORS headers), as a gateway would.
    const isStream = incoming.method !== 'OPTIONS' && /\/stream(\?|$)/.test(incoming.url ?? '');
    if (isStream && down) {
      outgoing
        .writeHead(503, {
          'retry-after': '1',
          'access-control-allow-origin': incoming.headers.origin ?? '*',
          'access-control-allow-credentials': 'true',
          vary: 'Origin',
        })
        .end();
      return;
    }
    const upstream = request(
      `${target()}${incoming.url}`,
      { method: incoming.method, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        outgoing.flushHeaders();
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    outgoing.on('close', () => {
      streams.delete(outgoing);
      upstream.destroy();
    });
    if (isStream) streams.add(outgoing);
    incoming.pipe(upstream);
  };
  const server = createServer(forward);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        cut() {
          down = true;
          for (const response of streams) response.destroy();
        },
        restore() {
          down = false;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The built script-tag files of the widgets (`npm run build`), as a department embeds them. */
const CDN = join(root, 'packages/widgets/dist/cdn');

let server: TestServer;
let proxy: CuttableProxy;
let site: DepartmentSite;
let browser: Browser;
const temporary: string[] = [];

beforeAll(async () => {
  const scratch = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-chat-flow-'));
    temporary.push(dir);
    return dir;
  };
  await access(join(CDN, 'chat-bubble.js')).catch(() => {
    throw new Error(`${CDN}/chat-bubble.js is missing: run \`npm run build\` first`);
  });
  const consoleDir = await scratch().then(bundleConsole);
  proxy = await startProxy(() => server.url);
  site = await startDepartmentSite(
    (api) => `<!doctype html><html lang="sv"><head><meta charset="utf-8">
      <title>Boendeparkering – Fastighets- och gatukontoret</title>
      <script type="module" src="${api}/cdn/chat-bubble.js"></script></head>
      <body><main><h1>Boendeparkering</h1><p>Så söker du tillstånd att parkera där du bor.</p></main>
      <kc-chat-bubble endpoint="${api}" department="gata">
        <a href="tel:+46601910000">Ring kontaktcenter på 060-19 10 00</a>
      </kc-chat-bubble></body></html>`,
    () => proxy.url,
  );
  const accounts = await testAccounts();
  server = await startTestServer({
    departments: [
      {
        ...gata,
        allowedOrigins: [...(gata.allowedOrigins ?? []), site.url],
        openingHours: ALWAYS_OPEN,
      },
      skola,
    ],
    accounts: [
      ...accounts,
      {
        id: 'bertil',
        name: 'Bertil Agent',
        email: 'bertil@kommun.example.se',
        role: 'agent',
        passwordHash: await hashPassword(TEST_PASSWORD, { ln: 10, r: 8, p: 1 }),
      },
    ],
    consoleDir,
    serve: [{ path: '/cdn/', dir: CDN }],
  });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.close();
  await proxy?.close();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

/**
 * Console errors that are not problems: the cut streams' refusals (503) and lost connections are
 * logged by Chromium; they are the point.
 */
const EXPECTED_ERRORS = /503|ERR_|status of 40[134]/;

/** Signs in at `/console/chat` by keyboard and says they are available. */
const agentAtChat = (username: string) =>
  signInToChat(browser, server.url, username, EXPECTED_ERRORS);

async function expectAccessible(page: Page, view: string): Promise<void> {
  expect(await axeViolations(page), `axe on ${view}`).toEqual([]);
}

describe('chat, citizen and agents in their own browsers', () => {
  it('queue → take → both ways → stream cut and resumed → hand-over → close → the case with its transcript', async () => {
    const anna = await agentAtChat('anna');
    await expectAccessible(anna.page, 'the chat view, nothing waiting');

    // 1. The citizen opens the chat bubble on the department's page by keyboard, starts a chat
    //    with a first message, and waits first in line.
    const citizen = await personOn(browser, `${site.url}${PAGE}`, EXPECTED_ERRORS);
    await until('the bubble to know the chat is open', () =>
      citizen.page.$('kc-chat-bubble:state(open)'),
    );
    await expectAccessible(citizen.page, 'the chat bubble, closed');
    await tabTo(
      citizen.page,
      'the chat launcher',
      (f) => f.tag === 'button' && f.text.startsWith('Chatta med oss'),
    );
    await citizen.page.keyboard.press('Enter');
    await citizenUntil(citizen.page, 'the panel, its first field focused', (seen) => {
      return seen.open && seen.focused.id === 'start-name';
    });
    await expectAccessible(citizen.page, 'the chat panel, before the chat');
    await citizen.page.keyboard.type('Kim');
    await citizen.page.keyboard.press('Tab');
    expect((await citizenSees(citizen.page)).focused.id).toBe('start-message');
    await citizen.page.keyboard.type(QUESTION);
    await tabToButton(citizen.page, 'Starta chatten');
    await citizen.page.keyboard.press('Enter');
    const queued = await citizenUntil(citizen.page, 'the citizen in the queue', (seen) =>
      seen.status.startsWith('Du är nummer'),
    );
    expect(queued.status).toMatch(/^Du är nummer 1 i kön\./);
    expect(queued.messages.map((m) => m.text)).toContain(QUESTION);
    await expectAccessible(citizen.page, 'the chat panel, in the queue');

    // 2. The agent sees it arrive live, with the page it came from, and takes it by keyboard.
    await until('the chat in the queue', async () =>
      (await textsOf(anna.page, `${CHAT_VIEW} >>> ul.waiting li`)).some((row) =>
        row.includes(QUESTION),
      ),
    );
    const page = await anna.page.$eval(
      `${CHAT_VIEW} >>> ul.waiting a`,
      (link) => (link as HTMLAnchorElement).href,
    );
    expect(page).toBe(`${site.url}${PAGE}`);
    await expectAccessible(anna.page, 'the chat view, a chat waiting');
    await pressOn(anna.page, `${CHAT_VIEW} >>> button[aria-label="Ta chatten med Kim"]`);
    await until(
      'focus on the chat',
      async () => (await focusedElement(anna.page)).id === 'chat-heading',
    );
    expect((await focusedElement(anna.page)).text).toBe('Chatt med Kim');
    await citizenUntil(
      citizen.page,
      'the citizen to see the agent',
      (seen) => seen.status === 'Du chattar med Anna',
    );

    // Both ways, live: the agent answers, the panel announces it, the citizen answers back.
    await focusOn(anna.page, `${CHAT_CONVERSATION} >>> #reply`);
    await anna.page.keyboard.type(ANSWER);
    await anna.page.keyboard.press('Enter');
    const answered = await citizenUntil(
      citizen.page,
      'the answer announced to the citizen',
      (seen) => seen.announced.includes(ANSWER),
    );
    expect(answered.announced).toBe(`Anna: ${ANSWER}`);
    expect(answered.messages).toContainEqual({ role: 'agent', author: 'Anna', text: ANSWER });
    await expectAccessible(citizen.page, 'the chat panel, chatting');
    if ((await citizenSees(citizen.page)).focused.id !== 'composer-text') {
      await tabTo(citizen.page, 'the message box', (f) => f.id === 'composer-text');
    }
    await citizen.page.keyboard.type(DETAIL);
    await citizen.page.keyboard.press('Enter');
    await until('the message at the agent', async () =>
      (await agentMessages(anna.page)).includes(DETAIL),
    );
    await consoleAnnounces(anna.page, `Kim: ${DETAIL}`);
    await expectAccessible(anna.page, 'a chat in progress');

    // 3. The citizen's stream is cut while the agent writes; it resumes and nothing is lost or doubled.
    proxy.cut();
    await citizenUntil(citizen.page, 'the citizen told the connection is lost', (seen) =>
      seen.notice.startsWith('Anslutningen bröts'),
    );
    await expectAccessible(citizen.page, 'the chat panel, reconnecting');
    await focusOn(anna.page, `${CHAT_CONVERSATION} >>> #reply`);
    await anna.page.keyboard.type(DURING_CUT);
    await anna.page.keyboard.press('Enter');
    await until('the agent to see it stored', async () => {
      const states = await textsOf(anna.page, `${CHAT_CONVERSATION} >>> .message.agent .meta`);
      return (await agentMessages(anna.page)).includes(DURING_CUT) && !states.includes('Skickas …');
    });
    expect((await citizenSees(citizen.page)).messages.map((m) => m.text)).not.toContain(DURING_CUT);
    proxy.restore();
    const resumed = await citizenUntil(
      citizen.page,
      'the message after the stream resumed, and the notice gone',
      (seen) => seen.messages.some((m) => m.text === DURING_CUT) && seen.notice === '',
      40_000,
    );
    expect(resumed.messages.filter((m) => m.text === DURING_CUT)).toHaveLength(1);
    const texts = resumed.messages.map((m) => m.text);
    expect(new Set(texts).size, `each message once: ${texts.join(' | ')}`).toBe(texts.length);

    // 4. Hand-over to a colleague who is available, who answers in the chat.
    const bertil = await agentAtChat('bertil');
    await until('Bertil on the hand-over list', async () =>
      (await textsOf(anna.page, `${CHAT_CONVERSATION} >>> #handover-to option`)).includes(
        'Bertil Agent',
      ),
    );
    await focusOn(anna.page, `${CHAT_CONVERSATION} >>> #handover-to`);
    await tabTo(
      anna.page,
      'the hand-over button',
      (f) => f.tag === 'button' && f.text === 'Lämna över chatten',
    );
    await anna.page.keyboard.press('Enter');
    await until(
      'the hand-over said',
      async () =>
        (await focusedElement(anna.page)).text === 'Chatten är överlämnad till Bertil Agent.',
    );
    await until('the chat in Bertil’s list', async () =>
      (await textsOf(bertil.page, `${CHAT_VIEW} >>> .open-chat`)).some((text) =>
        text.startsWith('Kim'),
      ),
    );
    await pressOn(bertil.page, `${CHAT_VIEW} >>> .open-chat`);
    await until('Bertil in the chat', async () =>
      (await agentMessages(bertil.page)).includes(DURING_CUT),
    );
    await focusOn(bertil.page, `${CHAT_CONVERSATION} >>> #reply`);
    await bertil.page.keyboard.type(COLLEAGUE);
    await bertil.page.keyboard.press('Enter');
    await citizenUntil(citizen.page, 'the colleague at the citizen', (seen) =>
      seen.messages.some((m) => m.text === COLLEAGUE && m.author === 'Bertil'),
    );
    await expectAccessible(bertil.page, 'a chat taken over');

    // 5. The citizen ends it by keyboard ("Avsluta"): a case, in the inbox, with the transcript.
    await tabToButton(citizen.page, 'Avsluta chatten');
    await citizen.page.keyboard.press('Enter');
    await citizenUntil(citizen.page, 'the question whether to end', (seen) => {
      return seen.focused.id === 'end-heading';
    });
    await expectAccessible(citizen.page, 'the chat panel, asked to end');
    await tabToButton(citizen.page, 'Avsluta');
    await citizen.page.keyboard.press('Enter');
    const ended = await citizenUntil(
      citizen.page,
      'the chat ended, with its reference',
      (seen) => seen.focused.id === 'ended-heading',
    );
    const receipt = (await textsOf(citizen.page, 'kc-chat-bubble >>> .receipt'))[0] ?? '';
    const reference = /ärende (KC-[\w-]+)\./.exec(receipt)?.[1];
    expect(reference, receipt).toMatch(/^KC-/);
    expect(ended.open).toBe(true);
    await expectAccessible(citizen.page, 'the chat panel, ended');
    await until('the end at the agent', async () =>
      (await textsOf(bertil.page, `${CHAT_CONVERSATION} >>> .outcome`)).some((text) =>
        text.includes(`Sparad som ärende ${reference}`),
      ),
    );
    await pressOn(bertil.page, 'kc-console >>> nav a[href="/console/"]');
    // Ended chats are resolved cases: the inbox shows them with every status, found by reference.
    await focusOn(bertil.page, 'kc-console >>> kc-inbox-view >>> #filter-status');
    await bertil.page.keyboard.press('ArrowDown');
    await focusOn(bertil.page, 'kc-console >>> kc-inbox-view >>> #filter-q');
    await bertil.page.keyboard.type(reference as string);
    await bertil.page.keyboard.press('Enter');
    await until('the case in the inbox', async () =>
      (await textsOf(bertil.page, 'kc-console >>> kc-inbox-view >>> tbody tr')).some(
        (row) => row.includes(reference as string) && row.includes('Chatt'),
      ),
    );
    await pressOn(
      bertil.page,
      `kc-console >>> kc-inbox-view >>> a[href="/console/cases/${reference}"]`,
    );
    await until(
      'the case view',
      async () => (await consoleHeading(bertil.page)) === `Ärende ${reference}`,
    );
    const lines = await until('the transcript', async () => {
      const found = await textsOf(
        bertil.page,
        'kc-console >>> kc-case-view >>> kc-chat-transcript >>> li',
      );
      return found.length > 0 ? found : undefined;
    });
    const transcript = lines.join('\n');
    for (const text of [QUESTION, DETAIL, ANSWER, DURING_CUT, COLLEAGUE]) {
      expect(transcript).toContain(text);
    }
    expect(lines.filter((line) => line.includes(DURING_CUT))).toHaveLength(1);
    await expectAccessible(bertil.page, 'the chat case');

    for (const who of [citizen, anna, bertil]) expect(who.problems).toEqual([]);
    await Promise.all([citizen, anna, bertil].map((who) => who.context.close()));
  }, 180_000);
});
