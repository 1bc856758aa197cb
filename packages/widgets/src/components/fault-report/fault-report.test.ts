// The shared widget behaviour, how the report loads, and its layout: languages, right to left,
// 320 px. Steps, sending, offline, the map and nearby reports have files of their own.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  fill,
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
