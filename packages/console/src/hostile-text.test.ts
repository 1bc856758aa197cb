// Whatever a citizen wrote is shown as text: markup, scripts, `javascript:` links, event-handler
// attributes, SVG and template tricks never run or render, and bidi overrides stay inside their
// own box. Every payload of the corpus goes in as a message, a name and an interpreter language,
// and as staff notes, and is rendered in the inbox and in its case view under an enforced
// Trusted Types policy (as the server's CSP sets for /console), with a trap for anything that runs.
import { expect, waitUntil } from '@open-wc/testing';
import type { KcConsole } from './app/console.js';
import type { TestServer } from './test-support/console-fixture.js';
import {
  allInView,
  cleanupConsoles,
  goTo,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
  submitCase,
} from './test-support/console-fixture.js';
import { XSS_PAYLOADS } from './test-support/naughty-strings.js';

/** What ran: every value written to `window.__pwned`. */
const ran: unknown[] = [];
/** Every Trusted Types (or other CSP) violation the page reported. */
const violations: string[] = [];
let server: TestServer;
const cases = new Map<string, string>();

const DANGEROUS =
  'script, img, svg, iframe, frame, object, embed, math, style, link, meta, form[action], input[autofocus], details[ontoggle]';

before(async function () {
  this.timeout(60_000);
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => undefined,
    set: (value: unknown) => ran.push(value),
  });
  document.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.violatedDirective}: ${event.sample}`),
  );
  // The console's page runs with `require-trusted-types-for 'script'; trusted-types lit-html`:
  // from here on a string reaching an HTML or script sink throws and is reported.
  const csp = document.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = "require-trusted-types-for 'script'; trusted-types lit-html";
  document.head.append(csp);

  server = await startServer();
  for (const payload of XSS_PAYLOADS) {
    // Answered by letter, so the envelope (street, town) carries it too.
    const reference = await submitCase(server, {
      message: payload,
      name: payload.slice(0, 100),
      needs: ['interpreter'],
      interpreterLanguage: payload.slice(0, 60),
      answerChannel: 'letter',
      postalAddress: {
        street: payload.slice(0, 120),
        postalCode: '211 22',
        city: payload.slice(0, 60),
      },
    });
    cases.set(reference, payload);
  }
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

/** Nothing in the view is markup from data: no dangerous element, no event-handler attribute, no odd link. */
function expectOnlyText(element: KcConsole, tag: string): void {
  expect(allInView(element, tag, DANGEROUS).map((node) => node.outerHTML)).to.deep.equal([]);
  const handlers = allInView(element, tag, '*').flatMap((node) =>
    [...node.attributes].filter((attribute) => attribute.name.startsWith('on')).map((a) => a.name),
  );
  expect(handlers).to.deep.equal([]);
  for (const link of allInView<HTMLAnchorElement>(element, tag, 'a[href]')) {
    expect(['http:', 'https:', 'mailto:']).to.include(new URL(link.href).protocol);
  }
}

describe('hostile text from citizens', () => {
  it('is tested with traps that work: Trusted Types enforced, a script that runs is seen', async () => {
    const probe = document.createElement('div');
    expect(() => {
      probe.innerHTML = '<b>markup</b>';
    }).to.throw(TypeError);
    await waitUntil(() => violations.length > 0, 'no violation reported');
    (window as unknown as { __pwned: string }).__pwned = 'probe';
    expect(ran).to.deep.equal(['probe']);
    ran.length = 0;
    violations.length = 0;
  });

  it('is listed in the inbox as text, and nothing runs', async function () {
    this.timeout(30_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    await waitUntil(
      () => allInView(element, 'kc-inbox-view', 'tbody tr').length >= cases.size,
      'the inbox did not list every case',
      { timeout: 10_000 },
    );
    const rows = allInView(element, 'kc-inbox-view', 'tbody tr');
    for (const [reference, payload] of cases) {
      const row = rows.find((each) => each.textContent?.includes(reference));
      expect(row?.textContent, reference).to.contain(payload.slice(0, 24));
    }
    expectOnlyText(element, 'kc-inbox-view');
    expect(ran).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
  });

  it('is shown in each case exactly as written, in staff notes too, and nothing runs', async function () {
    this.timeout(120_000);
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    for (const [reference, payload] of cases) {
      await element.client?.cases.note(reference, payload);
      await element.client?.cases.forward(reference, { department: 'skola', reason: payload });
      await goTo(element, `/cases/${reference}`, `Ärende ${reference}`);
      await waitUntil(
        () => inView(element, 'kc-case-view', '.message')?.textContent === payload,
        `${reference} does not show its message as written`,
        { timeout: 10_000 },
      );
      await waitUntil(
        () => allInView(element, 'kc-case-view', 'ol.timeline .text').length >= 2,
        'no notes',
      );
      const details = allInView(element, 'kc-case-view', 'dd').map((dd) => dd.textContent);
      expect(details).to.include(payload.slice(0, 100));
      const needs = inView(element, 'kc-case-view', 'section[aria-labelledby="needs-heading"] li');
      expect(needs?.textContent).to.equal(`Tolk på ${payload.slice(0, 60)}`);
      const envelope = allInView(element, 'kc-case-view', '.envelope div').map(
        (d) => d.textContent,
      );
      expect(envelope).to.deep.equal([
        payload.slice(0, 100),
        payload.slice(0, 120),
        `211 22 ${payload.slice(0, 60)}`,
      ]);
      const texts = allInView(element, 'kc-case-view', 'ol.timeline .text').map(
        (t) => t.textContent,
      );
      expect(texts.filter((text) => text === payload)).to.have.length(2);
      expectOnlyText(element, 'kc-case-view');
    }
    expect(ran).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
  });

  it('keeps a right-to-left override inside its own box', async () => {
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const [reference] = [...cases].find(([, payload]) => payload.includes('\u202E')) ?? [];
    await goTo(element, `/cases/${reference}`, `Ärende ${reference}`);
    await waitUntil(() => inView(element, 'kc-case-view', '.message') !== null);
    const message = inView(element, 'kc-case-view', '.message') as HTMLElement;
    expect(getComputedStyle(message).unicodeBidi).to.equal('plaintext');
    expect(message.getAttribute('dir')).to.equal('auto');
    for (const box of allInView(element, 'kc-case-view', 'dd, .envelope div')) {
      expect(getComputedStyle(box).unicodeBidi).to.equal('isolate');
    }
  });
});
