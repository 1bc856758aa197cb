// The shared widget behaviour, and what the notice shows: which notices, in which order, when,
// and what the page's own content does. Announcements, hiding and layout have files of their own.
// A test source stands in for the server here (see notice.live.test.ts for the real one).
import { KontaktError } from '@kontakt/core';
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import type { KcErrorEvent } from '../../events/error.js';
import type { KcNoticeChangeEvent } from '../../events/notice-change.js';
import { tokensText } from '../../styles/tokens.text.js';
import {
  makeNotice,
  renderNotice,
  shadow,
  testSource,
  titles,
} from '../../test-support/notice-fixture.js';
import { runWidgetBaseTests } from '../../test-support/widget-base-tests.js';
import type { KcNotice } from './notice.js';
import { styles } from './notice.styles.js';

const SOURCE = 'packages/widgets/src/components/notice/notice.ts';

const inFuture = (ms: number) => new Date(Date.now() + ms).toISOString();
const inPast = (ms: number) => new Date(Date.now() - ms).toISOString();

/** One notice of each severity, so every part is there. */
const oneOfEach = () => [
  makeNotice({ severity: 'info', title: 'Ny återvinningscentral' }),
  makeNotice({ severity: 'warning', title: 'Vägarbete på Storgatan' }),
  makeNotice({ severity: 'danger', title: 'Vattenläcka' }),
];

const shownNow = (element: KcNotice) =>
  waitUntil(() => element.matches(':state(shown)'), 'no notice shown');

afterEach(() => {
  fixtureCleanup();
  localStorage.clear();
});

// --- shared widget behaviour -----------------------------------------------------------------

runWidgetBaseTests<KcNotice>('kc-notice', {
  source: SOURCE,
  render: async (container) => {
    const element = await renderNotice({ source: testSource(oneOfEach()).source }, container);
    await shownNow(element);
    return element;
  },
  text: (element) =>
    shadow(element).querySelector('[part~="hide-button"]')?.firstChild?.textContent ?? '',
  partsInOtherStates: ['fallback'],
});

// --- what it shows ---------------------------------------------------------------------------

describe('<kc-notice>', () => {
  it('shows nothing and takes no space when there is no notice, moving nothing on the page', async () => {
    const page = document.createElement('div');
    page.innerHTML = '<p>Före</p><kc-notice></kc-notice><p id="after">Efter</p>';
    document.body.append(page);
    try {
      const after = page.querySelector('#after') as HTMLElement;
      const top = after.getBoundingClientRect().top;
      const element = page.querySelector('kc-notice') as KcNotice;
      element.source = testSource([]).source;
      element.setAttribute('department', 'gata');
      element.setAttribute('endpoint', 'https://kontakt.example.se');
      await waitUntil(() => element.matches(':state(none)'), 'not known to be empty');
      expect(element.getBoundingClientRect().height).to.equal(0);
      expect(after.getBoundingClientRect().top).to.equal(top);
      expect(shadow(element).querySelector('[part~="notices"]')?.checkVisibility()).to.equal(false);
      await expect(element).to.be.accessible();
    } finally {
      page.remove();
    }
  });

  it('shows the active notices for its department, danger first, then warning, then info, newest first', async () => {
    const notices = [
      makeNotice({ severity: 'info', title: 'Äldre info', startsAt: inPast(7_200_000) }),
      makeNotice({ severity: 'info', title: 'Nyare info', startsAt: inPast(60_000) }),
      makeNotice({ severity: 'danger', title: 'Fara', departments: ['gata', 'skola'] }),
      makeNotice({ severity: 'warning', title: 'Varning' }),
      makeNotice({ severity: 'danger', title: 'Annan förvaltning', departments: ['skola'] }),
      makeNotice({ title: 'Senare', startsAt: inFuture(3_600_000) }),
      makeNotice({ title: 'Slut', startsAt: inPast(7_200_000), endsAt: inPast(60_000) }),
    ];
    const element = await renderNotice({ source: testSource(notices).source });
    await shownNow(element);
    expect(titles(element)).to.deep.equal(['Fara', 'Varning', 'Nyare info', 'Äldre info']);
    expect(element.notices.map((notice) => notice.title.sv)).to.deep.equal(titles(element));
    expect(element.matches(':state(danger)')).to.equal(true);
    const severity = shadow(element).querySelector('[part~="severity"]')?.textContent;
    expect(severity).to.equal('Viktigt meddelande: ');
    expect(shadow(element).querySelector('h2[part~="title"]')).to.exist;
    expect(shadow(element).querySelector('[part~="notices"]')?.getAttribute('aria-label')).to.equal(
      'Aktuella meddelanden',
    );
  });

  it('shows a notice from its start to its end, without a new message from the server', async () => {
    const notice = makeNotice({ title: 'Kort', startsAt: inFuture(400), endsAt: inFuture(900) });
    const element = await renderNotice({ source: testSource([notice]).source });
    await waitUntil(() => element.matches(':state(none)'));
    await waitUntil(() => titles(element).includes('Kort'), 'did not appear at its start');
    await waitUntil(() => element.matches(':state(none)'), 'did not go at its end');
    expect(titles(element)).to.deep.equal([]);
  });

  it('updates live: a new notice appears, a changed one changes, a withdrawn one goes', async () => {
    const test = testSource([]);
    const element = await renderNotice({ source: test.source });
    await waitUntil(() => element.matches(':state(none)'));
    const first = makeNotice({ title: 'Första' });
    test.send([first]);
    await waitUntil(() => titles(element).join() === 'Första');
    const changed = { ...first, title: { ...first.title, sv: 'Ändrad' }, updatedAt: inPast(0) };
    test.send([changed]);
    await waitUntil(() => titles(element).join() === 'Ändrad');
    test.send([]);
    await waitUntil(() => element.matches(':state(none)'));
  });

  it('tells the page what it shows with kc-notice-change', async () => {
    const test = testSource();
    const element = await renderNotice({ source: test.source });
    const notice = makeNotice({ title: 'Händelse' });
    const changed = oneEvent(element, 'kc-notice-change') as Promise<KcNoticeChangeEvent>;
    test.send([notice]);
    const event = await changed;
    expect(event.notices.map((each) => each.id)).to.deep.equal([notice.id]);
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('shows the title and text in its language, right to left in Arabic', async () => {
    const element = await renderNotice({
      source: testSource([makeNotice({ title: 'Titel', text: 'Text' })]).source,
      lang: 'ar',
    });
    await shownNow(element);
    const base = shadow(element).querySelector('[part~="base"]');
    expect(base?.getAttribute('dir')).to.equal('rtl');
    expect(base?.getAttribute('lang')).to.equal('ar');
    expect(titles(element)).to.deep.equal(['Titel (ar)']);
    expect(shadow(element).querySelector('[part~="text"]')?.textContent).to.equal('Text (ar)');
    element.lang = 'fi';
    await waitUntil(() => titles(element).join() === 'Titel (fi)', 'did not follow lang');
    expect(base?.getAttribute('dir')).to.equal('ltr');
  });

  it('on a page in another language, waits for its words: nothing in Swedish is shown, read out or told', async () => {
    const changes: string[] = [];
    const heard = (event: KcNoticeChangeEvent) =>
      changes.push(event.notices.map((n) => n.title.en).join());
    document.addEventListener('kc-notice-change', heard);
    const source = testSource([makeNotice({ severity: 'danger', title: 'Fara' })]);
    const element = await renderNotice({ source: source.source, lang: 'en' });
    await shownNow(element);
    const said = shadow(element).querySelector('[role="alert"]')?.textContent ?? '';
    expect(said).to.contain('Important message: Fara (en)');
    expect(shadow(element).querySelector('[part~="hide-button"]')?.textContent).to.match(/^Hide/);
    expect(shadow(element).textContent).not.to.match(/Dölj|Viktigt meddelande/);
    const region = shadow(element).querySelector('[part~="notices"]');
    expect(region?.getAttribute('aria-label')).to.equal('Current notices');
    expect(changes).to.deep.equal(['Fara (en)']);
    document.removeEventListener('kc-notice-change', heard);
  });

  it('uses the heading level the page asks for', async () => {
    const element = await renderNotice({ source: testSource([makeNotice()]).source });
    await shownNow(element);
    element.headingLevel = 3;
    await element.updateComplete;
    expect(shadow(element).querySelector('h3[part~="title"]')).to.exist;
    expect(shadow(element).querySelector('h2')).to.equal(null);
  });

  it('reads the shared tokens with their shared defaults, and only properties it declares', () => {
    const squeeze = (text = '') => text.replace(/\s+/g, ' ').trim();
    const defaults = (text: string) =>
      new Map(
        [...text.matchAll(/var\((--kc-[\w-]+),\s*([^()]*?)\)/g)].map(([, name, value]) => [
          name,
          squeeze(value),
        ]),
      );
    const shared = defaults(tokensText);
    const read = [...defaults(styles.cssText)].filter(([name]) => shared.has(name));
    expect(read.length).to.be.greaterThan(5);
    for (const [name, value] of read) expect(value, name).to.equal(shared.get(name));
    const declared = new Set(
      [...styles.cssText.matchAll(/(--_[\w-]+)\s*:/g)].map(([, name]) => name),
    );
    const used = [...styles.cssText.matchAll(/var\((--_[\w-]+)/g)].map(([, name]) => name);
    expect(used.filter((name) => !declared.has(name))).to.deep.equal([]);
  });
});

// --- the page's own content ------------------------------------------------------------------

describe('<kc-notice> the page’s own content', () => {
  const fallbackShown = (element: KcNotice) =>
    element.querySelector('#fallback')?.checkVisibility() ?? false;

  it('shows until the notices are known, then goes when there is none', async () => {
    const test = testSource();
    const element = await renderNotice({ source: test.source, fallback: true });
    expect(element.matches(':state(loading)')).to.equal(true);
    expect(fallbackShown(element)).to.equal(true);
    test.send([]);
    await waitUntil(() => element.matches(':state(none)'));
    expect(fallbackShown(element)).to.equal(false);
    expect(element.getBoundingClientRect().height).to.equal(0);
  });

  it('shows when the notices cannot be read on the first load, saying so once with kc-error', async () => {
    const test = testSource();
    const element = await renderNotice({ source: test.source, fallback: true });
    const errors: KcErrorEvent[] = [];
    element.addEventListener('kc-error', (event) => errors.push(event));
    const offline = new KontaktError('offline', { code: 'network_error' });
    test.fail(offline);
    test.fail(offline);
    await waitUntil(() => element.matches(':state(load-error)'));
    expect(fallbackShown(element)).to.equal(true);
    expect(errors.map((event) => event.error.code)).to.deep.equal(['network_error']);
    await expect(element).to.be.accessible();
    // Tried again in the background: once they can be read, the notices replace it.
    test.send([makeNotice({ title: 'Tillbaka' })]);
    await shownNow(element);
    expect(fallbackShown(element)).to.equal(false);
  });

  it('keeps the notices it has when following them fails later', async () => {
    const test = testSource([makeNotice({ title: 'Kvar' })]);
    const element = await renderNotice({ source: test.source, fallback: true });
    await shownNow(element);
    test.fail(new KontaktError('offline', { code: 'network_error' }));
    await element.updateComplete;
    expect(titles(element)).to.deep.equal(['Kvar']);
    expect(fallbackShown(element)).to.equal(false);
  });

  it('shows when the element is not configured, and says why', async () => {
    const errorEvent = oneEvent(document, 'kc-error') as Promise<KcErrorEvent>;
    const element = await renderNotice({ endpoint: '', fallback: true });
    expect((await errorEvent).error.code).to.equal('not_configured');
    expect(element.matches(':state(load-error)')).to.equal(true);
    expect(fallbackShown(element)).to.equal(true);
  });

  it('stops following when removed from the page and follows again when put back', async () => {
    const test = testSource([makeNotice()]);
    const element = await renderNotice({ source: test.source });
    await shownNow(element);
    const parent = element.parentElement as HTMLElement;
    element.remove();
    expect(test.closed).to.equal(1);
    parent.append(element);
    await element.updateComplete;
    expect(test.started).to.equal(2);
    expect(element.matches(':state(shown)')).to.equal(true);
  });

  it('renders nothing from the notice as HTML', async () => {
    const element = await renderNotice({
      source: testSource([makeNotice({ title: '<img src=x onerror=alert(1)>' })]).source,
    });
    await shownNow(element);
    expect(shadow(element).querySelector('img')).to.equal(null);
    expect(titles(element)).to.deep.equal(['<img src=x onerror=alert(1)>']);
  });
});
