// The shared widget behaviour, how the report loads, and its layout: languages, right to left,
// 320 px. Steps, sending, offline, the map and nearby reports have files of their own.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  fill,
  heading,
  loaded,
  next,
  query,
  renderReport,
  setUpFaultReportTests,
  shadow,
  text,
} from '../../test-support/fault-report-fixture.js';
import { runWidgetBaseTests } from '../../test-support/widget-base-tests.js';
import type { KcFaultReport } from './fault-report.js';
import { LATER, svFirst } from './fault-report.texts.js';

const SOURCE = 'packages/widgets/src/components/fault-report/fault-report.ts';

setUpFaultReportTests();

describe('<kc-fault-report> loading', () => {
  it('renders its first step with no later step, client, schemas or map loaded before use', async () => {
    const element = await renderReport();
    expect(element.matches(':state(ready)')).to.be.true;
    const scripts = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) =>
        /fault-report\.(deferred|later|flow|steps|texts\.sv|map|photos)|leaflet/.test(name),
      );
    expect(scripts).to.deep.equal([]);
  });

  it('shows the page own content and a retry when the catalog cannot be had', async () => {
    const element = await loaded(
      await fixture<KcFaultReport>(
        html`<kc-fault-report endpoint="http://127.0.0.1:9" department="gata"><p>Ring 040-34 10 00</p></kc-fault-report>`,
      ),
    );
    expect(element.matches(':state(load-error)')).to.be.true;
    const slot = query<HTMLSlotElement>(element, '[part~="fallback"] slot');
    expect(slot.assignedElements()[0]?.textContent).to.equal('Ring 040-34 10 00');
    expect(text(element, '[part~="retry-button"]')).to.equal('Försök igen');
    await expect(element).to.be.accessible();
  });

  it('shows the page own content when it is not configured', async () => {
    const element = await fixture<KcFaultReport>(
      html`<kc-fault-report><p>Ring 040-34 10 00</p></kc-fault-report>`,
    );
    await waitUntil(() => element.matches(':state(load-error)'), 'timed out', { timeout: 10_000 });
    expect(shadow(element).querySelector('[part~="retry-button"]')).to.equal(null);
  });
});

describe('<kc-fault-report> category search', () => {
  it('shows the whole list, and says so, when nothing matches: there is always a choice', async () => {
    const element = await renderReport();
    const choices = () => shadow(element).querySelectorAll('input[name="category"]').length;
    const all = choices();
    await fill(element, 'category-search', 'lampa');
    expect(choices()).to.equal(1);
    await fill(element, 'category-search', 'xyzzy');
    expect(text(element, '#category-count')).to.equal(svFirst.category.noMatch);
    expect(choices()).to.equal(all);
    await expect(element).to.be.accessible();
  });
});

describe('<kc-fault-report> languages and layout', () => {
  it('is laid out right to left in Arabic, in Arabic, and accessible', async () => {
    const element = await renderReport({ lang: 'ar' });
    await waitUntil(() => text(element, '#step-heading').includes('ما هو العطل؟'), 'timed out', {
      timeout: 10_000,
    });
    expect(query(element, '[part~="base"]').getAttribute('dir')).to.equal('rtl');
    expect(query(element, '[part~="base"]').getAttribute('lang')).to.equal('ar');
    expect(text(element, '[part~="next-button"]')).to.equal('متابعة');
    await expect(element).to.be.accessible();
  });

  it('speaks easy-read Swedish for lang="sv-simple", marked Swedish, errors included', async () => {
    // Its texts as the element loads them (a static import would load them before the test that
    // checks nothing later is loaded before use).
    const svSimple = await LATER['sv-simple']();
    const element = await renderReport({ lang: 'sv-simple' });
    await waitUntil(
      () => text(element, '#step-heading').endsWith(svSimple.steps.category),
      'not easy-read Swedish',
      { timeout: 10_000 },
    );
    expect(svSimple.steps.category).not.to.equal(svFirst.steps.category);
    expect(query(element, '[part~="base"]').getAttribute('lang')).to.equal('sv');
    expect(query(element, '[part~="base"]').getAttribute('dir')).to.equal('ltr');
    await expect(element).to.be.accessible();
    query(element, '#next').click();
    await waitUntil(() => text(element, '[part~="error-summary"] a'), 'no error summary', {
      timeout: 10_000,
    });
    expect(text(element, '[part~="error-summary"] a')).to.equal(svSimple.errors.category);
    await expect(element).to.be.accessible();
  });

  it('marks a department text it has no translation for as Swedish, in every step and error', async () => {
    // The fixture's department writes Swedish and English: a Finnish page shows its Swedish.
    const element = await renderReport({ lang: 'fi' });
    await waitUntil(() => heading(element).endsWith('Mitä vika koskee?'), 'not Finnish', {
      timeout: 10_000,
    });
    /** The element `selector` names, with its nearest language: what a screen reader reads it in. */
    const language = (selector: string) => {
      const found = query(element, selector);
      return {
        text: found.textContent?.replace(/\s+/g, ' ').trim(),
        lang: found.closest('[lang]')?.getAttribute('lang'),
        dir: found.closest('[dir]')?.getAttribute('dir'),
      };
    };
    expect(language('label[for="category-gatubelysning"] [lang]')).to.deep.equal({
      text: 'Gatubelysning',
      lang: 'sv',
      dir: 'ltr',
    });
    expect(language('#group-gata-och-trafik [lang]').text).to.equal('Gata och trafik');
    // The report's own words stay Finnish.
    expect(language('legend').lang).to.equal('fi');
    await expect(element).to.be.accessible();

    query<HTMLInputElement>(element, '#category-gatubelysning').click();
    await next(element, 'Viasta');
    expect(language('fieldset legend [lang]')).to.deep.equal({
      text: 'Lyser lampan inte alls, eller blinkar den?',
      lang: 'sv',
      dir: 'ltr',
    });
    expect(language('label[for="answer-hur-slackt"] [lang]').text).to.equal('Helt släckt');
    expect(language('label[for="answer-stolpnummer"] [lang]').text).to.equal('Stolpnummer');
    query(element, '#next').click();
    await waitUntil(() => text(element, '[part~="error-summary"] a'), 'no error summary', {
      timeout: 10_000,
    });
    // An error naming the question: the sentence Finnish, the question in it Swedish.
    const link = query(element, '[part~="error-summary"] a');
    expect(link.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      'Vastaa kysymykseen: Lyser lampan inte alls, eller blinkar den?',
    );
    expect(link.querySelector('[lang="sv"]')?.textContent).to.equal(
      'Lyser lampan inte alls, eller blinkar den?',
    );
    expect(link.closest('[lang]:not([lang="sv"])')?.getAttribute('lang')).to.equal('fi');
    await expect(element).to.be.accessible();

    query<HTMLInputElement>(element, '#answer-hur-slackt').click();
    query<HTMLInputElement>(element, '#answer-var-gata').click();
    query<HTMLInputElement>(element, '#answer-var-park').click();
    await element.updateComplete;
    await next(element, 'Missä vika on?');
    await fill(element, 'address', 'Utanför Storgatan 12');
    await next(element, 'Valokuvat');
    await next(element, 'Kuvaile vikaa');
    await fill(element, 'description', 'Lampan är släckt.');
    await next(element, 'Yhteystiedot');
    await next(element, 'Tarkista vastauksesi');
    const rows = [...shadow(element).querySelectorAll('[part~="summary"] > div')].map((row) =>
      [...row.querySelectorAll('dt, dd:first-of-type')].map((cell) =>
        [...cell.querySelectorAll('[lang="sv"]')].map((part) => part.textContent),
      ),
    );
    expect(rows.slice(0, 6)).to.deep.equal([
      [[], ['Gatubelysning']],
      [['Lyser lampan inte alls, eller blinkar den?'], ['Helt släckt']],
      [['Stolpnummer'], []],
      [['Hur många lampor?'], []],
      [['Sedan när?'], []],
      [['Var sitter lampan?'], ['Vid gata', 'I park']],
    ]);
    expect(text(element, '[part~="summary"] > div:nth-child(6) dd')).to.contain('Vid gata, I park');
    await expect(element).to.be.accessible();
  });

  it('marks nothing as Swedish where the department has translated its texts', async () => {
    const element = await renderReport({ lang: 'en' });
    await waitUntil(() => heading(element).endsWith('What is the fault?'), 'not English', {
      timeout: 10_000,
    });
    expect(text(element, 'label[for="category-gatubelysning"]')).to.equal('Street light');
    expect(shadow(element).querySelectorAll('[lang="sv"]').length).to.equal(0);
  });

  it('switches language when lang changes, errors included', async () => {
    const element = await renderReport();
    query(element, '#next').click();
    // The step's checks load with the later steps, at the first use.
    await waitUntil(() => text(element, '[part~="error-summary"] a'), 'no error summary', {
      timeout: 10_000,
    });
    expect(text(element, '[part~="error-summary"] a')).to.equal('Välj vad felet gäller.');
    element.lang = 'en';
    await waitUntil(
      () => text(element, '#step-heading').endsWith('What is the fault?'),
      'timed out',
      { timeout: 10_000 },
    );
    query(element, '#next').click();
    await waitUntil(
      () => text(element, '[part~="error-summary"] a').startsWith('Choose'),
      'timed out',
      { timeout: 10_000 },
    );
    expect(text(element, '[part~="error-summary"] a')).to.equal('Choose what the fault is about.');
  });

  it('reflows at 320 px without horizontal scrolling, on every step', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const element = await renderReport();
      const fits = () => {
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        for (const control of shadow(element).querySelectorAll<HTMLElement>(
          '[part~="input"], button',
        )) {
          expect(control.getBoundingClientRect().right).to.be.at.most(320);
        }
      };
      fits();
      query<HTMLInputElement>(element, '#category-gatubelysning').click();
      await element.updateComplete;
      await next(element, 'Om felet');
      query<HTMLInputElement>(element, '#answer-hur-slackt').click();
      await element.updateComplete;
      fits();
      await next(element, 'Var är felet?');
      await fill(element, 'address', 'Långtextutanmellanslag'.repeat(10));
      fits();
      await next(element, 'Foton');
      fits();
      await next(element, 'Beskriv felet');
      await fill(element, 'description', 'Långtextutanmellanslag'.repeat(20));
      await next(element, 'Kontaktuppgifter');
      query<HTMLInputElement>(element, '#anonymous-no').click();
      await element.updateComplete;
      fits();
      await fill(element, 'email', 'anna.svensson@example.se');
      await next(element, 'Kontrollera dina svar');
      fits();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

// Last: the base tests use the widget by keyboard (forced colours), which loads its later
// steps, and the loading tests above check that nothing is loaded before use.
runWidgetBaseTests<KcFaultReport>('kc-fault-report', {
  source: SOURCE,
  render: (container) => renderReport({ lang: '' }, container),
  text: (element) => text(element, '#step-heading'),
  partsInOtherStates: [
    'error',
    'error-summary',
    'chosen',
    'position-button',
    'search-button',
    'map-button',
    'map',
    'attribution',
    'problem',
    'nearby-report',
    'follow-button',
    'something-else-button',
    'photo',
    'remove-photo-button',
    'character-count',
    'warning',
    'summary',
    'change-button',
    'progress',
    'notice',
    'back-button',
    'alert',
    'fallback',
    'retry-button',
    'receipt',
    'receipt-heading',
    'reference',
    'tracker-link',
    'send-now-button',
    'new-report-button',
  ],
});
