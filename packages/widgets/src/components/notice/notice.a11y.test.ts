// Accessibility beyond axe: what screen readers hear and when, focus that is never taken, hiding
// by keyboard (and what is stored), reflow at 320 px, reduced motion.
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import {
  hideButtons,
  makeNotice,
  renderNotice,
  said,
  shadow,
  testSource,
  titles,
} from '../../test-support/notice-fixture.js';
import { HIDDEN_KEY } from './notice.hidden.js';

afterEach(async () => {
  fixtureCleanup();
  localStorage.clear();
  await setViewport({ width: 800, height: 600 });
  await emulateMedia({ reducedMotion: 'no-preference' });
});

/** A button on the page before the widget, where keyboard tests start. */
function pageButton(): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = 'Sök';
  document.body.prepend(button);
  return button;
}

describe('<kc-notice> for screen readers', () => {
  it('has live regions from the start: polite for most notices, an alert for danger', async () => {
    const element = await renderNotice();
    const polite = shadow(element).querySelector('[role="status"]');
    const alert = shadow(element).querySelector('[role="alert"]');
    expect(polite?.getAttribute('aria-live')).to.equal('polite');
    expect(alert?.getAttribute('aria-live')).to.equal('assertive');
    expect(said(element, 'status')).to.equal('');
    expect(said(element, 'alert')).to.equal('');
  });

  it('reads out a danger notice when the page opens, but not the others already there', async () => {
    const element = await renderNotice({
      source: testSource([
        makeNotice({ severity: 'danger', title: 'Kokningsrekommendation' }),
        makeNotice({ severity: 'info', title: 'Ny öppettid' }),
      ]).source,
    });
    await waitUntil(() => element.matches(':state(shown)'));
    expect(said(element, 'alert')).to.contain('Kokningsrekommendation');
    expect(said(element, 'status')).to.equal('');
  });

  it('reads out notices that arrive while the page is open, without moving focus', async () => {
    const test = testSource([]);
    const element = await renderNotice({ source: test.source });
    await waitUntil(() => element.matches(':state(none)'));
    const search = pageButton();
    try {
      search.focus();
      test.send([
        makeNotice({ severity: 'warning', title: 'Vägarbete', text: 'Omväg via Parkgatan.' }),
      ]);
      await waitUntil(() => said(element, 'status') !== '', 'not announced');
      expect(said(element, 'status')).to.equal(
        'Nytt meddelande: Varning: Vägarbete. Omväg via Parkgatan.',
      );
      expect(said(element, 'alert')).to.equal('');

      const danger = makeNotice({
        severity: 'danger',
        title: 'Vattenläcka',
        text: 'Undvik området.',
      });
      test.send([...element.notices, danger]);
      await waitUntil(() => said(element, 'alert') !== '', 'danger not announced as an alert');
      expect(said(element, 'alert')).to.equal(
        'Nytt meddelande: Viktigt meddelande: Vattenläcka. Undvik området.',
      );
      expect(document.activeElement).to.equal(search);
    } finally {
      search.remove();
    }
  });

  it('reads out a notice again when it is changed, in the element’s language', async () => {
    const notice = makeNotice({ title: 'Störning' });
    const test = testSource([notice]);
    const element = await renderNotice({ source: test.source, lang: 'en' });
    await waitUntil(() => element.matches(':state(shown)'));
    test.send([{ ...notice, updatedAt: new Date().toISOString() }]);
    await waitUntil(() => said(element, 'status') !== '');
    expect(said(element, 'status')).to.equal(
      'Updated notice: Information: Störning (en). Vattnet är avstängt till kl. 15. (en)',
    );
  });
});

describe('<kc-notice> hiding a notice', () => {
  it('is done by keyboard alone, stores nothing before, and is remembered after', async () => {
    const notices = [
      makeNotice({ severity: 'danger', title: 'Först' }),
      makeNotice({ severity: 'info', title: 'Sedan' }),
    ];
    const element = await renderNotice({ source: testSource(notices).source });
    await waitUntil(() => element.matches(':state(shown)'));
    expect(localStorage.length, 'stored before the person hid one').to.equal(0);

    const search = pageButton();
    try {
      search.focus();
      await sendKeys({ press: 'Tab' });
      const [first, second] = hideButtons(element);
      expect(shadow(element).activeElement).to.equal(first);
      expect(first?.textContent).to.equal('Dölj: Först');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => titles(element).join() === 'Sedan', 'not hidden');
      // Focus goes to the next notice's button, not back to the top of the page.
      expect(shadow(element).activeElement).to.equal(second);
      expect(said(element, 'status')).to.equal('Meddelandet är dolt.');
      expect(JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '{}')).to.deep.equal({
        [notices[0]?.id ?? '']: notices[0]?.updatedAt,
      });

      await sendKeys({ press: 'Space' });
      await waitUntil(() => element.matches(':state(none)'), 'the last one not hidden by Space');
      // Focus stays in the widget, on the region it was in (WCAG 2.4.3), not on the page's body;
      // the region shows, empty, only while it has focus, and goes with it.
      const region = shadow(element).querySelector<HTMLElement>('[part~="notices"]');
      // (Booleans: chai would take minutes to describe an element in a failure.)
      expect(shadow(element).activeElement === region, 'focus on the region').to.be.true;
      expect(document.activeElement === element, 'focus in the widget').to.be.true;
      expect(region?.getAttribute('aria-label')).to.equal('Aktuella meddelanden');
      expect(region?.checkVisibility()).to.equal(true);
      await expect(element).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      expect(shadow(element).activeElement === null, 'focus left the widget').to.be.true;
      expect(region?.checkVisibility()).to.equal(false);
      expect(element.getBoundingClientRect().height).to.equal(0);
    } finally {
      search.remove();
    }
  });

  it('stays hidden on the next page, and shows again once the notice is changed', async () => {
    const notice = makeNotice({ title: 'Dold' });
    const first = await renderNotice({ source: testSource([notice]).source });
    await waitUntil(() => first.matches(':state(shown)'));
    hideButtons(first)[0]?.click();
    await waitUntil(() => first.matches(':state(none)'));
    fixtureCleanup();

    const test = testSource([notice]);
    const next = await renderNotice({ source: test.source });
    await waitUntil(() => next.matches(':state(none)'), 'hidden notice shown on the next page');
    test.send([{ ...notice, updatedAt: new Date().toISOString() }]);
    await waitUntil(() => titles(next).join() === 'Dold', 'a changed notice stays hidden');
  });

  it('keeps a focused hide button focused while other notices come and go', async () => {
    const staying = makeNotice({ severity: 'info', title: 'Kvar' });
    const test = testSource([staying]);
    const element = await renderNotice({ source: test.source });
    await waitUntil(() => element.matches(':state(shown)'));
    const button = hideButtons(element)[0];
    button?.focus();
    test.send([makeNotice({ severity: 'danger', title: 'Ny' }), staying]);
    await waitUntil(() => titles(element).join() === 'Ny,Kvar');
    expect(shadow(element).activeElement).to.equal(button);
    // It becomes the most serious one and moves to the top: still the same focused button.
    test.send([{ ...staying, severity: 'danger', updatedAt: new Date().toISOString() }]);
    await waitUntil(() => titles(element).join() === 'Kvar');
    expect(shadow(element).activeElement).to.equal(button);
  });
});

describe('<kc-notice> layout', () => {
  it('reflows at 320 px without horizontal scrolling, right to left too', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const lang of ['sv', 'ar']) {
      const element = await renderNotice({
        source: testSource([
          makeNotice({ severity: 'danger', title: 'Långtitelutanmellanslag'.repeat(6) }),
          makeNotice({ text: 'Ett mycket långt ord: '.repeat(3) + 'x'.repeat(200) }),
        ]).source,
        lang,
      });
      await waitUntil(() => element.matches(':state(shown)'));
      expect(document.documentElement.scrollWidth, lang).to.be.at.most(320);
      for (const part of shadow(element).querySelectorAll('[part]')) {
        const { left, right } = part.getBoundingClientRect();
        expect(left, `${lang} ${part.getAttribute('part')}`).to.be.at.least(0);
        expect(right, `${lang} ${part.getAttribute('part')}`).to.be.at.most(320);
      }
      await expect(element).to.be.accessible();
      fixtureCleanup();
    }
  });

  it('fades a new notice in only when the person has not asked for reduced motion', async () => {
    const test = testSource([]);
    const element = await renderNotice({ source: test.source });
    await waitUntil(() => element.matches(':state(none)'));
    await emulateMedia({ reducedMotion: 'reduce' });
    test.send([makeNotice()]);
    await waitUntil(() => element.matches(':state(shown)'));
    const notice = shadow(element).querySelector('[part~="notice"]') as HTMLElement;
    expect(getComputedStyle(notice).animationName).to.equal('none');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(notice).animationName).to.equal('arrive');
  });
});
