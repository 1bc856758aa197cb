/**
 * Chat end to end (issue 10, point 6) across two `kontakt-server` instances on one PostgreSQL, in
 * a real Chromium, the citizen's instance killed mid-chat:
 *
 * 1. a citizen on the department's own site (another origin, strict CSP with Trusted Types)
 *    opens the built `<kc-chat-bubble>` by keyboard and starts a chat; their page reaches the
 *    API through a load balancer on loopback, which sends them to instance A;
 * 2. an agent whose console is on instance B sees the chat arrive in the queue live and takes it
 *    by keyboard; messages go both ways live;
 * 3. instance A is killed (SIGKILL: no goodbye) and the agent writes while the citizen is cut
 *    off; once the load balancer's health check has taken A out, the bubble reconnects through
 *    it to B and shows every message exactly once, in order, and its lost-connection notice goes;
 *    the agent sees their answers read;
 * 4. the citizen answers (through B now) and the agent sees it once;
 * 5. the citizen ends the chat: a case in B's inbox whose transcript has every message once, in
 *    order.
 *
 * axe-core runs on each bubble state passed through. PostgreSQL only: the embedded store is one
 * process's. `npm run build` first: the test embeds the widgets as they ship.
 */
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAccounts } from './test-support/agents.js';
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
import { ALWAYS_OPEN, gata, skola } from './test-support/departments.js';
import type { Instance } from './test-support/instances.js';
import { startInstance, stopInstance } from './test-support/instances.js';
import type { TestDatabase } from './test-support/store.js';
import { createTestDatabase, storeUnderTest } from './test-support/store.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The built script-tag files of the widgets (`npm run build`), as a department embeds them. */
const CDN = join(root, 'packages/widgets/dist/cdn');
const PAGE = '/parkering/boendeparkering';
const QUESTION = 'Hej! Hur söker jag boendeparkering?';
const ANSWER = 'Du söker i e-tjänsten Boendeparkering.';
const DETAIL = 'Jag bor på Storgatan 5 och har en bil.';
/** Written by the agent while the citizen's instance is dead and they have no connection. */
const WHILE_CUT = ['Handläggningstiden är två veckor.', 'Beslutet kommer med posten.'];
const AFTER = 'Tack, då vet jag!';
/** Every message of the chat, in the order it was said. */
const ALL = [QUESTION, ANSWER, DETAIL, ...WHILE_CUT, AFTER];
/**
 * Console errors that are not problems: the requests that met the dead instance before the load
 * balancer took it out, and the streams it dropped, are logged by Chromium; they are the point.
 */
const EXPECTED_ERRORS = /ERR_|status of 40[134]/;

/** One request the load balancer handled: where it sent it (`''`: nowhere, it failed). */
interface Routed {
  method: string;
  path: string;
  backend: string;
  /** The `Last-Event-ID` it carried (an event stream resumed), if any. */
  lastEventId: string | undefined;
}

/**
 * The citizen's way to the API, as a municipality's load balancer: every request goes to the first
 * backend in rotation. A backend that dies is not noticed at once: requests sent to it fail (the
 * client's connection is dropped, as a layer-4 balancer passes on a refused connection), until a
 * health check (`check()`, run when the test says, as it would run on its own interval) takes it
 * out of rotation; the next one then gets the traffic.
 */
interface LoadBalancer {
  url: string;
  /** The backends, in order of preference. */
  route(backends: string[]): void;
  /** The health check: probes each backend's `/healthz` and keeps those that answer. */
  check(): Promise<void>;
  /** Every request so far, with where it went. */
  routed: Routed[];
  close(): Promise<void>;
}

function startLoadBalancer(): Promise<LoadBalancer> {
  let backends: string[] = [];
  const routed: Routed[] = [];
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const backend = backends[0] ?? '';
    const entry: Routed = {
      method: incoming.method ?? '',
      path: incoming.url ?? '',
      backend,
      lastEventId: incoming.headers['last-event-id'] as string | undefined,
    };
    routed.push(entry);
    if (!backend) {
      entry.backend = '';
      outgoing.destroy();
      return;
    }
    let answered = false;
    const upstream = request(
      `${backend}${incoming.url}`,
      { method: incoming.method, headers: incoming.headers },
      (response) => {
        answered = true;
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        outgoing.flushHeaders();
        response.pipe(outgoing);
        // A backend killed mid-answer (an open event stream): the client's connection breaks too.
        response.on('error', () => outgoing.destroy());
        response.on('close', () => {
          if (!response.complete) outgoing.destroy();
        });
      },
    );
    upstream.on('error', () => {
      // Refused or reset before an answer: the request reached no backend.
      if (!answered) entry.backend = '';
      outgoing.destroy();
    });
    outgoing.on('close', () => upstream.destroy());
    incoming.pipe(upstream);
  };
  const server = createServer(forward);
  const alive = async (backend: string) => {
    try {
      const response = await fetch(`${backend}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      return response.ok;
    } catch {
      return false;
    }
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        route(list) {
          backends = [...list];
        },
        async check() {
          const answers = await Promise.all(backends.map(alive));
          backends = backends.filter((_, index) => answers[index]);
        },
        routed,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

describe.skipIf(storeUnderTest !== 'postgres')(
  'chat across two instances on PostgreSQL, the citizen’s killed mid-chat',
  () => {
    let database: TestDatabase;
    let balancer: LoadBalancer;
    let site: DepartmentSite;
    let browser: Browser;
    /** The citizen's instance (through the load balancer), killed mid-chat. */
    let a: Instance;
    /** The agent's instance, and the citizen's after A is gone. */
    let b: Instance;
    const temporary: string[] = [];

    beforeAll(async () => {
      const scratch = async () => {
        const dir = await mkdtemp(join(tmpdir(), 'kontakt-chat-instances-'));
        temporary.push(dir);
        return dir;
      };
      await access(join(CDN, 'chat-bubble.js')).catch(() => {
        throw new Error(`${CDN}/chat-bubble.js is missing: run \`npm run build\` first`);
      });
      balancer = await startLoadBalancer();
      site = await startDepartmentSite(
        (api) => `<!doctype html><html lang="sv"><head><meta charset="utf-8">
          <title>Boendeparkering – Fastighets- och gatukontoret</title>
          <script type="module" src="${api}/cdn/chat-bubble.js"></script></head>
          <body><main><h1>Boendeparkering</h1><p>Så söker du tillstånd att parkera där du bor.</p></main>
          <kc-chat-bubble endpoint="${api}" department="gata">
            <a href="tel:+46601910000">Ring kontaktcenter på 060-19 10 00</a>
          </kc-chat-bubble></body></html>`,
        () => balancer.url,
      );
      let dir: string;
      let consoleDir: string;
      let accounts: Awaited<ReturnType<typeof testAccounts>>;
      [dir, consoleDir, accounts, database] = await Promise.all([
        scratch(),
        scratch().then(bundleConsole),
        testAccounts(),
        createTestDatabase(),
      ]);
      const config = join(dir, 'config.json');
      const departments = [
        {
          ...gata,
          allowedOrigins: [...(gata.allowedOrigins ?? []), site.url],
          openingHours: ALWAYS_OPEN,
        },
        skola,
      ];
      await writeFile(config, JSON.stringify({ departments, accounts }));
      const args = ['--console-dir', consoleDir, '--serve', `/cdn/=${CDN}`];
      [a, b, browser] = await Promise.all([
        startInstance(database, config, args),
        startInstance(database, config, args),
        launchChromium(),
      ]);
      balancer.route([a.url, b.url]);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await Promise.all(
        [a, b].filter(Boolean).map((instance) => stopInstance(instance, 'SIGKILL')),
      );
      await site?.close();
      await balancer?.close();
      await database?.remove();
      for (const dir of temporary) await rm(dir, { recursive: true, force: true });
    });

    async function expectAccessible(page: Page, view: string): Promise<void> {
      expect(await axeViolations(page), `axe on ${view}`).toEqual([]);
    }

    /** Where the load balancer sent the citizen's event streams, in order. */
    const streams = () =>
      balancer.routed.filter((r) => r.method === 'GET' && /\/stream(\?|$)/.test(r.path));

    it('queue → take on B → both ways → A killed, the agent writes → the bubble on B, every message once, in order → close → the case in B’s inbox', async () => {
      // 1. The agent signs in on B while the citizen opens the department's page (through the
      //    load balancer: A) and starts a chat by keyboard.
      const [anna, citizen] = await Promise.all([
        signInToChat(browser, b.url, 'anna', EXPECTED_ERRORS),
        personOn(browser, `${site.url}${PAGE}`, EXPECTED_ERRORS),
      ]);
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
      await citizen.page.keyboard.type(QUESTION);
      await tabToButton(citizen.page, 'Starta chatten');
      await citizen.page.keyboard.press('Enter');
      const queued = await citizenUntil(citizen.page, 'the citizen in the queue', (seen) =>
        seen.status.startsWith('Du är nummer'),
      );
      expect(queued.status).toMatch(/^Du är nummer 1 i kön\./);
      await expectAccessible(citizen.page, 'the chat panel, in the queue');
      const started = balancer.routed.filter((r) => r.method === 'POST');
      expect(started.length).toBeGreaterThan(0);
      expect(new Set(started.map((r) => r.backend))).toEqual(new Set([a.url]));

      // 2. On B, the chat arrives in the queue live (started on A: across instances), and the
      //    agent takes it by keyboard.
      await until(
        'the chat in the queue on B',
        async () =>
          (await textsOf(anna.page, `${CHAT_VIEW} >>> ul.waiting li`)).some((row) =>
            row.includes(QUESTION),
          ),
        40_000,
      );
      await pressOn(anna.page, `${CHAT_VIEW} >>> button[aria-label="Ta chatten med Kim"]`);
      await until(
        'focus on the chat',
        async () => (await focusedElement(anna.page)).id === 'chat-heading',
      );
      await citizenUntil(
        citizen.page,
        'the citizen to see the agent',
        (seen) => seen.status === 'Du chattar med Anna',
        40_000,
      );

      // Both ways, live, between the instances.
      await focusOn(anna.page, `${CHAT_CONVERSATION} >>> #reply`);
      await anna.page.keyboard.type(ANSWER);
      await anna.page.keyboard.press('Enter');
      await citizenUntil(
        citizen.page,
        'the answer announced to the citizen',
        (seen) => seen.announced.includes(ANSWER),
        40_000,
      );
      await expectAccessible(citizen.page, 'the chat panel, chatting');
      if ((await citizenSees(citizen.page)).focused.id !== 'composer-text') {
        await tabTo(citizen.page, 'the message box', (f) => f.id === 'composer-text');
      }
      await citizen.page.keyboard.type(DETAIL);
      await citizen.page.keyboard.press('Enter');
      await until(
        'the message at the agent',
        async () => (await agentMessages(anna.page)).includes(DETAIL),
        40_000,
      );
      const streamsOnA = streams();
      expect(streamsOnA.length).toBeGreaterThan(0);
      expect(new Set(streamsOnA.map((r) => r.backend))).toEqual(new Set([a.url]));

      // 3. A dies without a goodbye. The citizen's stream breaks; the agent writes twice while
      //    the citizen is cut off (the load balancer still sends them to the dead A).
      await stopInstance(a, 'SIGKILL');
      await citizenUntil(
        citizen.page,
        'the citizen told the connection is lost',
        (seen) => seen.notice.startsWith('Anslutningen bröts'),
        40_000,
      );
      await expectAccessible(citizen.page, 'the chat panel, reconnecting');
      for (const text of WHILE_CUT) {
        await focusOn(anna.page, `${CHAT_CONVERSATION} >>> #reply`);
        await anna.page.keyboard.type(text);
        await anna.page.keyboard.press('Enter');
      }
      await until('the agent to see both stored', async () => {
        const texts = await agentMessages(anna.page);
        const states = await textsOf(anna.page, `${CHAT_CONVERSATION} >>> .message.agent .meta`);
        return WHILE_CUT.every((text) => texts.includes(text)) && !states.includes('Skickas …');
      });
      const cut = await citizenSees(citizen.page);
      expect(cut.messages.map((m) => m.text)).not.toContain(WHILE_CUT[0]);
      expect(cut.notice).toMatch(/^Anslutningen bröts/);

      // The health check takes A out: the bubble's next try reaches B and resumes from the last
      // event it had (its waits double while connecting fails: give it room).
      await balancer.check();
      const resumed = await citizenUntil(
        citizen.page,
        'the messages written while cut off, and the notice gone',
        (seen) => seen.messages.some((m) => m.text === WHILE_CUT[1]) && seen.notice === '',
        60_000,
      );
      // The streams since A died that reached a backend all went to B, the first resuming after
      // the last event the bubble had from A.
      const streamsOnB = streams()
        .slice(streamsOnA.length)
        .filter((r) => r.backend !== '');
      expect(new Set(streamsOnB.map((r) => r.backend))).toEqual(new Set([b.url]));
      expect(streamsOnB[0]?.lastEventId).toMatch(/^\d+$/);
      const said = (messages: { role: string; text: string }[]) =>
        messages.filter((m) => m.role !== 'system').map((m) => m.text);
      expect(said(resumed.messages), 'each message once, in order').toEqual(ALL.slice(0, -1));

      // The open panel marks them read, through B: the agent sees each of their answers read.
      await until('the answers read by the citizen', async () => {
        const states = await textsOf(
          anna.page,
          `${CHAT_CONVERSATION} >>> .message.agent .meta:last-child`,
        );
        return states.length === 3 && states.every((state) => state === 'Läst');
      });

      // 4. The citizen answers, through the load balancer to B; the agent sees it once.
      if ((await citizenSees(citizen.page)).focused.id !== 'composer-text') {
        await tabTo(citizen.page, 'the message box', (f) => f.id === 'composer-text');
      }
      await citizen.page.keyboard.type(AFTER);
      await citizen.page.keyboard.press('Enter');
      await until(
        'the answer at the agent',
        async () => (await agentMessages(anna.page)).includes(AFTER),
        40_000,
      );
      await consoleAnnounces(anna.page, `Kim: ${AFTER}`);
      const posted = balancer.routed.filter((r) => r.method === 'POST').at(-1);
      expect(posted?.backend).toBe(b.url);
      const agentSaid = await textsOf(
        anna.page,
        `${CHAT_CONVERSATION} >>> .messages li:not(.system) .text`,
      );
      expect(agentSaid, 'the agent: each message once, in order').toEqual(ALL);
      await citizenUntil(citizen.page, 'the answer in the panel', (seen) =>
        seen.messages.some((m) => m.text === AFTER),
      );
      expect(said((await citizenSees(citizen.page)).messages)).toEqual(ALL);

      // 5. The citizen ends it by keyboard: a case in B's inbox with the whole transcript.
      await tabToButton(citizen.page, 'Avsluta chatten');
      await citizen.page.keyboard.press('Enter');
      await citizenUntil(
        citizen.page,
        'the question whether to end',
        (seen) => seen.focused.id === 'end-heading',
      );
      await expectAccessible(citizen.page, 'the chat panel, asked to end');
      await tabToButton(citizen.page, 'Avsluta');
      await citizen.page.keyboard.press('Enter');
      await citizenUntil(
        citizen.page,
        'the chat ended, with its reference',
        (seen) => seen.focused.id === 'ended-heading',
      );
      const receipt = (await textsOf(citizen.page, 'kc-chat-bubble >>> .receipt'))[0] ?? '';
      const reference = /ärende (KC-[\w-]+)\./.exec(receipt)?.[1] as string;
      expect(reference, receipt).toMatch(/^KC-/);
      await expectAccessible(citizen.page, 'the chat panel, ended');

      await until('the end at the agent', async () =>
        (await textsOf(anna.page, `${CHAT_CONVERSATION} >>> .outcome`)).some((text) =>
          text.includes(`Sparad som ärende ${reference}`),
        ),
      );
      await pressOn(anna.page, 'kc-console >>> nav a[href="/console/"]');
      // Ended chats are resolved cases: the inbox shows them with every status, found by reference.
      await focusOn(anna.page, 'kc-console >>> kc-inbox-view >>> #filter-status');
      await anna.page.keyboard.press('ArrowDown');
      await focusOn(anna.page, 'kc-console >>> kc-inbox-view >>> #filter-q');
      await anna.page.keyboard.type(reference);
      await anna.page.keyboard.press('Enter');
      await until('the case in the inbox', async () =>
        (await textsOf(anna.page, 'kc-console >>> kc-inbox-view >>> tbody tr')).some(
          (row) => row.includes(reference) && row.includes('Chatt'),
        ),
      );
      await pressOn(
        anna.page,
        `kc-console >>> kc-inbox-view >>> a[href="/console/cases/${reference}"]`,
      );
      const lines = await until('the transcript', async () => {
        const found = await textsOf(
          anna.page,
          'kc-console >>> kc-case-view >>> kc-chat-transcript >>> li',
        );
        return found.length > 0 ? found : undefined;
      });
      const inTranscript = lines.flatMap((line) => ALL.filter((text) => line.includes(text)));
      expect(
        inTranscript,
        `the transcript, each message once, in order:\n${lines.join('\n')}`,
      ).toEqual(ALL);

      expect(citizen.problems).toEqual([]);
      expect(anna.problems).toEqual([]);
      await Promise.all([citizen, anna].map((who) => who.context.close()));
    }, 240_000);
  },
);
