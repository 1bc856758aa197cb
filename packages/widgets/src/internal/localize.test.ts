import { expect, fixture, fixtureCleanup, html as testHtml, waitUntil } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { en } from '../i18n/en.js';
import { fi } from '../i18n/fi.js';
import { sv } from '../i18n/sv.js';
import type { KontaktTranslation, Translations } from '../i18n/translation.js';
import { LocalizeController } from './localize.js';

/** A language whose arrival the test decides, and how often it was asked for. */
function gated(texts: KontaktTranslation) {
  let open = () => {};
  let fail = (_error: Error) => {};
  const arrived = new Promise<KontaktTranslation>((resolve, reject) => {
    open = () => resolve(texts);
    fail = reject;
  });
  const language = {
    calls: 0,
    open,
    fail,
    load: () => {
      language.calls++;
      return arrived;
    },
  };
  return language;
}

let translations: Translations = { sv };

class LocalizedElement extends LitElement {
  readonly localize = new LocalizeController(this, translations);
  renders = 0;
  override render() {
    this.renders++;
    const { ready, locale, t } = this.localize;
    return html`<p lang=${locale}>${ready ? t.contactForm.submit : '…'}</p>`;
  }
}
customElements.define('kc-test-localized', LocalizedElement);

async function render(lang: string): Promise<LocalizedElement> {
  return fixture<LocalizedElement>(testHtml`<kc-test-localized lang=${lang}></kc-test-localized>`);
}
const shown = (element: LocalizedElement) =>
  element.shadowRoot?.querySelector('p')?.textContent ?? '';

describe('LocalizeController with languages loaded on demand', () => {
  afterEach(() => {
    fixtureCleanup();
  });

  it('is not ready until the language asked for has arrived, then shows it', async () => {
    const english = gated(en);
    translations = { sv, en: english.load };
    const element = await render('en-GB');
    expect(element.localize.ready).to.be.false;
    expect(element.localize.requested).to.equal('en');
    expect(shown(element)).to.equal('…');
    english.open();
    await waitUntil(() => shown(element) === 'Send', 'English never shown');
    expect(element.localize.locale).to.equal('en');
    expect(element.localize.formatLocale).to.equal('en-GB');
  });

  it('is ready at once in Swedish, and in a language loaded before, loading it once', async () => {
    const english = gated(en);
    translations = { sv, en: english.load };
    expect((await render('sv')).localize.ready).to.be.true;
    english.open();
    const first = await render('en');
    await waitUntil(() => first.localize.ready);
    const second = await render('en');
    expect(second.localize.ready, 'ready in its first update').to.be.true;
    expect(shown(second)).to.equal('Send');
    expect(english.calls).to.equal(1);
  });

  it('keeps speaking its language while another loads, and skips one asked for in between', async () => {
    const english = gated(en);
    const finnish = gated(fi);
    translations = { sv, en: english.load, fi: finnish.load };
    english.open();
    const element = await render('en');
    await waitUntil(() => shown(element) === 'Send');

    element.lang = 'fi';
    await waitUntil(() => finnish.calls === 1);
    await element.updateComplete;
    expect(shown(element), 'English until Finnish is there').to.equal('Send');
    expect(element.localize.locale).to.equal('en');

    element.lang = 'en';
    await element.updateComplete;
    finnish.open();
    await finnish.load();
    await element.updateComplete;
    expect(element.localize.locale, 'Finnish arrived too late to be shown').to.equal('en');
    expect(shown(element)).to.equal('Send');
  });

  it('falls back to Swedish when the language cannot be loaded', async () => {
    const english = gated(en);
    translations = { sv, en: english.load };
    const element = await render('en');
    english.fail(new TypeError('Failed to fetch dynamically imported module'));
    await waitUntil(() => element.localize.ready, 'never ready');
    expect(element.localize.locale).to.equal('sv');
    expect(shown(element)).to.equal('Skicka');
    expect(element.shadowRoot?.querySelector('p')?.getAttribute('lang')).to.equal('sv');
  });
});
