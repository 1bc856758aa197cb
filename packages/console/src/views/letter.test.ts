// A reply by letter printed from the console, against a real server: the link on the case's
// timeline, the letter in the language the citizen asked for (Arabic right to left), the
// address where a window envelope has its window on paper, by keyboard only, at 320 px, axe.

import type { ContactMessageInput } from '@kontakt/core';
import { expect, waitUntil } from '@open-wc/testing';
import {
  emulateMedia,
  executeServerCommand,
  sendKeys,
  setViewport,
} from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announces,
  cleanupConsoles,
  focused,
  goTo,
  heading,
  inView,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
  submitCase,
} from '../test-support/console-fixture.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await stopServer(server);
});
afterEach(async () => {
  await emulateMedia({ media: 'screen' });
  await setViewport({ width: 800, height: 600 });
  await cleanupConsoles();
});

const LETTER: Partial<ContactMessageInput> = {
  message: 'Jag har ingen e-post. Skicka svaret hem till mig.',
  answerChannel: 'letter',
  email: undefined,
  name: 'Karin Holm',
  postalAddress: { street: 'c/o Holm, Storgatan 1 lgh 1102', postalCode: '21122', city: 'Malmö' },
};

const ANSWER = 'Hej Karin!\n\nDu kan söka boendeparkering på vår webbplats eller hos oss.';

/** Opens the case signed in as Anna and answers it by letter through the reply form. */
async function answeredByLetter(reference: string, text = ANSWER): Promise<KcConsole> {
  const element = await renderConsole(server, `/cases/${reference}`);
  await signedIn(element, 'anna');
  await waitUntil(() => inView(element, 'kc-case-view', '#reply-text') !== null, 'no case', {
    timeout: 10_000,
  });
  expect(inView<HTMLSelectElement>(element, 'kc-case-view', '#reply-via')?.value).to.equal(
    'letter',
  );
  (inView(element, 'kc-case-view', '#reply-text') as HTMLTextAreaElement).value = text;
  inView<HTMLButtonElement>(
    element,
    'kc-case-view',
    'form[aria-labelledby="reply-legend"] button[type="submit"]',
  )?.click();
  await waitUntil(() => announces(element, 'Svaret är registrerat.'), 'not answered', {
    timeout: 10_000,
  });
  return element;
}

const sheet = (element: KcConsole) => inView(element, 'kc-letter-view', 'article.sheet');
const letterShown = (element: KcConsole) =>
  waitUntil(() => sheet(element) !== null, 'no letter', { timeout: 10_000 });
/** The lines of a block as laid out (innerText), without empty ones. */
const lines = (block: HTMLElement | null) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered lines are what is tested
  (block?.innerText ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const MM = 96 / 25.4;

describe('a printed letter', () => {
  it('opens from the reply on the timeline, with the letterhead, the address and the answer, axe-clean', async function () {
    this.timeout(40_000);
    const reference = await submitCase(server, LETTER);
    const element = await answeredByLetter(reference);
    const link = await waitUntil(
      () => inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link'),
      'no link to the letter',
    ).then(() => inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link'));
    expect(link?.textContent?.trim()).to.equal('Skriv ut brevet');
    expect(link?.getAttribute('href')).to.match(
      new RegExp(`^/console/cases/${reference}/letters/\\d+$`),
    );
    link?.click();
    await waitUntil(() => heading(element) === `Brev i ärende ${reference}`, 'no letter view');
    await letterShown(element);

    const letter = sheet(element) as HTMLElement;
    expect([letter.lang, letter.dir]).to.deep.equal(['sv', 'ltr']);
    expect(lines(inView(element, 'kc-letter-view', '.letterhead'))).to.deep.equal([
      'Malmö stad, Kontaktcenter',
      'Fastighets- och gatukontoret',
    ]);
    expect(lines(inView(element, 'kc-letter-view', '.contact'))).to.deep.equal([
      'Box 8100, 205 80 Malmö',
      'Telefon 040-34 10 00',
      'E-post kontaktcenter@malmo.se',
      'Webb https://malmo.se',
    ]);
    expect(lines(inView(element, 'kc-letter-view', '.window'))).to.deep.equal([
      'Avs. Malmö stad, Kontaktcenter, Box 8100, 205 80 Malmö',
      'Karin Holm',
      'c/o Holm, Storgatan 1 lgh 1102',
      '211 22 Malmö',
    ]);
    const meta = lines(inView(element, 'kc-letter-view', '.meta'));
    expect(meta[0]).to.equal('Datum');
    expect(meta[1]).to.equal(
      new Intl.DateTimeFormat('sv', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(
        new Date(),
      ),
    );
    expect(meta.slice(2)).to.deep.equal(['Ärende', reference]);
    // The answer as written: its lines and blank line kept, as text.
    expect(inView(element, 'kc-letter-view', '.body')?.textContent).to.equal(ANSWER);
    expect(lines(inView(element, 'kc-letter-view', '.closing'))).to.deep.equal([
      'Med vänliga hälsningar',
      'Anna Agent',
      'Malmö stad, Kontaktcenter',
    ]);
    expect(inView(element, 'kc-letter-view', '.warning')).to.equal(null);
    await expect(element).to.be.accessible();

    // The console in English: its own words change, the letter's stay in the citizen's language.
    element.setAttribute('lang', 'en');
    await waitUntil(() => heading(element) === `Letter in case ${reference}`, 'no English heading');
    expect(inView(element, 'kc-letter-view', '.toolbar button')?.textContent?.trim()).to.equal(
      'Print',
    );
    expect(lines(inView(element, 'kc-letter-view', '.closing'))[0]).to.equal(
      'Med vänliga hälsningar',
    );
    await expect(element).to.be.accessible();
  });

  it('on paper: the letter alone, the address where the window of a C5 or E65 envelope is', async function () {
    this.timeout(40_000);
    const reference = await submitCase(server, LETTER);
    // A long answer: it runs on past the first page, under the window, never into it.
    const element = await answeredByLetter(
      reference,
      `${ANSWER}\n\n${'Mer om parkering. '.repeat(300)}`,
    );
    const href = inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link')?.getAttribute(
      'href',
    );
    await goTo(element, (href ?? '').replace(/^\/console/, ''), `Brev i ärende ${reference}`);
    await letterShown(element);
    await emulateMedia({ media: 'print' });

    const shell = element.shadowRoot as ShadowRoot;
    for (const hidden of ['.banner', 'main > h1']) {
      expect(getComputedStyle(shell.querySelector(hidden) as Element).display, hidden).to.equal(
        'none',
      );
    }
    for (const hidden of ['.toolbar', '.howto']) {
      const block = inView(element, 'kc-letter-view', hidden) as HTMLElement;
      expect(getComputedStyle(block).display, hidden).to.equal('none');
    }
    // The sheet starts at the paper's edge; each block is placed from there, in millimetres.
    const paper = (sheet(element) as HTMLElement).getBoundingClientRect();
    expect(Math.round(paper.left)).to.equal(0);
    expect(Math.round(paper.width / MM)).to.equal(210);
    const place = (selector: string) => {
      const box = (
        inView(element, 'kc-letter-view', selector) as HTMLElement
      ).getBoundingClientRect();
      return {
        top: Math.round((box.top - paper.top) / MM),
        left: Math.round((box.left - paper.left) / MM),
        right: Math.round((box.right - paper.left) / MM),
        bottom: Math.round((box.bottom - paper.top) / MM),
      };
    };
    expect(place('.window')).to.deep.equal({ top: 45, left: 20, right: 110, bottom: 80 });
    expect(place('.letterhead').top).to.equal(15);
    expect(place('.meta')).to.include({ top: 45, right: 190 });
    expect(place('.body').top).to.equal(100);
    // No block runs into another, and all of them are on the sheet, inside its margins.
    const blocks = ['.letterhead', '.meta', '.contact', '.window', '.body'];
    for (const [index, one] of blocks.entries()) {
      const a = place(one);
      expect(a.left, one).to.be.at.least(20);
      expect(a.right, one).to.be.at.most(190);
      for (const other of blocks.slice(index + 1)) {
        const b = place(other);
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${one} and ${other}`).to.equal(true);
      }
    }
  });

  it('is in the language the citizen asked for: Arabic, right to left, the window still on the left', async function () {
    this.timeout(40_000);
    const reference = await submitCase(server, {
      ...LETTER,
      answerLanguage: 'ar',
      name: 'كريم حداد',
    });
    const element = await answeredByLetter(reference, 'مرحباً كريم،\nيمكنك التقديم عبر موقعنا.');
    inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link')?.click();
    await letterShown(element);
    const letter = sheet(element) as HTMLElement;
    expect([letter.lang, letter.dir]).to.deep.equal(['ar', 'rtl']);
    expect(lines(inView(element, 'kc-letter-view', '.letterhead'))[0]).to.equal(
      'مدينة مالمو، مركز خدمة العملاء',
    );
    expect(lines(inView(element, 'kc-letter-view', '.closing'))[0]).to.equal('مع أطيب التحيات');
    expect(lines(inView(element, 'kc-letter-view', '.meta'))[0]).to.equal('التاريخ');
    // The post reads the window: its return line stays Swedish, the name as written.
    expect(lines(inView(element, 'kc-letter-view', '.window')).slice(0, 2)).to.deep.equal([
      'Avs. Malmö stad, Kontaktcenter, Box 8100, 205 80 Malmö',
      'كريم حداد',
    ]);
    await expect(element).to.be.accessible();

    await emulateMedia({ media: 'print' });
    const paper = letter.getBoundingClientRect();
    const window = (
      inView(element, 'kc-letter-view', '.window') as HTMLElement
    ).getBoundingClientRect();
    expect(Math.round((window.left - paper.left) / MM)).to.equal(20);
    expect(Math.round((window.top - paper.top) / MM)).to.equal(45);
  });

  it('by keyboard only: from the case to the letter, and printed with Enter', async function () {
    this.timeout(40_000);
    const reference = await submitCase(server, LETTER);
    const element = await answeredByLetter(reference);
    const link = inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link');
    link?.focus();
    expect(focused()).to.equal(link);
    await sendKeys({ press: 'Enter' });
    await letterShown(element);
    // The view's heading has focus after the move, as with every view.
    expect(focused()?.localName).to.equal('h1');
    const printed: string[] = [];
    const print = window.print;
    // The browser's print dialog cannot run in a headless test: only that it is asked for is.
    window.print = () => printed.push(heading(element));
    try {
      await sendKeys({ press: 'Tab' });
      expect(focused()?.textContent?.trim()).to.equal('Skriv ut');
      await sendKeys({ press: 'Enter' });
      expect(printed).to.deep.equal([`Brev i ärende ${reference}`]);
      await sendKeys({ press: 'Tab' });
      expect(focused()?.textContent?.trim()).to.equal('Tillbaka till ärendet');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => heading(element) === `Ärende ${reference}`, 'not back at the case');
    } finally {
      window.print = print;
    }
  });

  it('reflows at 320 px without scrolling sideways', async function () {
    this.timeout(40_000);
    const reference = await submitCase(server, LETTER);
    const element = await answeredByLetter(reference);
    inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link')?.click();
    await letterShown(element);
    await setViewport({ width: 320, height: 640 });
    await waitUntil(() => document.documentElement.scrollWidth <= 320, 'scrolls sideways');
    await expect(element).to.be.accessible();
  });

  it('says so when the case has no such letter, with the way back', async () => {
    const reference = await submitCase(server, LETTER);
    const element = await renderConsole(server, `/cases/${reference}/letters/999`);
    await signedIn(element, 'anna');
    await waitUntil(
      () => inView(element, 'kc-letter-view', '[role="alert"]') !== null,
      'no message',
      { timeout: 10_000 },
    );
    expect(inView(element, 'kc-letter-view', '[role="alert"]')?.textContent).to.equal(
      'Ärendet har inget svar med brev med det numret.',
    );
    expect(
      allInView<HTMLAnchorElement>(element, 'kc-letter-view', 'a').map((a) =>
        a.getAttribute('href'),
      ),
    ).to.deep.equal([`/console/cases/${reference}`]);
    await expect(element).to.be.accessible();
  });
});

describe('a printed letter from a server without a letterhead', () => {
  let bare: TestServer;
  before(async () => {
    const { config } = await executeServerCommand<{ config: string }, { key: string }>(
      'console-config-without',
      { key: 'letterhead' },
    );
    bare = await startServer(config);
  });
  after(async () => {
    await stopServer(bare);
  });

  it('prints without a return address and says how to add one', async function () {
    this.timeout(40_000);
    const reference = await submitCase(bare, LETTER);
    const element = await renderConsole(bare, `/cases/${reference}`);
    await signedIn(element, 'anna');
    await waitUntil(() => inView(element, 'kc-case-view', '#reply-text') !== null, 'no case', {
      timeout: 10_000,
    });
    (inView(element, 'kc-case-view', '#reply-text') as HTMLTextAreaElement).value = ANSWER;
    inView<HTMLButtonElement>(
      element,
      'kc-case-view',
      'form[aria-labelledby="reply-legend"] button[type="submit"]',
    )?.click();
    await waitUntil(() => inView(element, 'kc-case-view', 'a.letter-link') !== null, 'no link', {
      timeout: 10_000,
    });
    inView<HTMLAnchorElement>(element, 'kc-case-view', 'a.letter-link')?.click();
    await letterShown(element);
    expect(inView(element, 'kc-letter-view', '.warning')?.textContent).to.contain(
      'Ingen avsändare är inställd',
    );
    expect(lines(inView(element, 'kc-letter-view', '.letterhead'))).to.deep.equal([
      'Fastighets- och gatukontoret',
    ]);
    expect(lines(inView(element, 'kc-letter-view', '.window'))).to.deep.equal([
      'Karin Holm',
      'c/o Holm, Storgatan 1 lgh 1102',
      '211 22 Malmö',
    ]);
    await expect(element).to.be.accessible();
  });
});

describe('the route of a letter', () => {
  it('is a case, "letters" and a positive number; anything else is not a letter', async () => {
    const { matchRoute, routePath } = await import('../router.js');
    expect(matchRoute('/cases/KC-7F3K-9QXM/letters/12')).to.deep.equal({
      name: 'letter',
      reference: 'KC-7F3K-9QXM',
      seq: 12,
    });
    for (const path of [
      '/cases/X/letters/0',
      '/cases/X/letters/-1',
      '/cases/X/letters/1e3',
      '/cases/X/letters',
    ]) {
      expect(matchRoute(path).name, path).to.equal('not-found');
    }
    expect(routePath({ name: 'letter', reference: 'KC-7F3K-9QXM', seq: 3 })).to.equal(
      '/cases/KC-7F3K-9QXM/letters/3',
    );
  });
});
