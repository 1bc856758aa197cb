// The shared widget behaviour, and how the form loads. Sending, validation, offline
// messages, drafts and layout have files of their own beside this one.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { KcErrorEvent } from '../../events/error.js';
import {
  deferred,
  gata,
  loaded,
  query,
  renderForm,
  setUpContactFormTests,
  shadow,
  text,
  wrapClient,
} from '../../test-support/contact-form-fixture.js';
import { runWidgetBaseTests } from '../../test-support/widget-base-tests.js';
import type { KcContactForm } from './contact-form.js';

const SOURCE = 'packages/widgets/src/components/contact-form/contact-form.ts';

setUpContactFormTests();

// --- shared widget behaviour -----------------------------------------------------------------

runWidgetBaseTests<KcContactForm>('kc-contact-form', {
  source: SOURCE,
  render: async (container) => loaded(await renderForm({}, container)),
  text: (element) => text(element, 'label[for="topic"]'),
  partsInOtherStates: [
    'error',
    'error-summary',
    'alert',
    'retry-button',
    'send-now-button',
    'receipt',
    'receipt-heading',
    'reference',
    'new-message-button',
    'tracker-link',
    'clear-button',
    'fallback',
    // Rendered for a department that takes photos with messages (contact-form.photos.test.ts).
    'photos',
    'photo',
    'photo-button',
    'remove-photo-button',
    'problem',
  ],
});

// --- the form --------------------------------------------------------------------------------

describe('<kc-contact-form>', () => {
  it('shows the form at once, with topics that say they are loading until they arrive', async () => {
    const gate = deferred();
    const element = await renderForm({ client: wrapClient(gata(), { beforeGet: gate.promise }) });
    const topics = () =>
      [...query<HTMLSelectElement>(element, '#topic').options].map((o) => o.text.trim());
    expect(shadow(element).querySelector('form')).to.exist;
    expect(topics()).to.deep.equal(['Hämtar ämnen …']);
    expect(element.matches(':state(loading)')).to.be.true;
    await expect(element).to.be.accessible();
    gate.open();
    await loaded(element);
    expect(element.matches(':state(ready)')).to.be.true;
    expect(topics()).to.deep.equal([
      'Välj ämne',
      'Parkering och boendeparkering',
      'Gatubelysning',
      'Snöröjning och halkbekämpning',
      'Något annat',
    ]);
  });

  it('says when the form cannot be loaded and loads it again on retry', async () => {
    const errorEvent = oneEvent<KcErrorEvent>(document, 'kc-error');
    const element = await renderForm({ department: 'finns-inte' });
    const error = await errorEvent;
    expect(error.error.code).to.equal('department_not_found');
    await waitUntil(() => element.matches(':state(load-error)'));
    expect(text(element, '[role="alert"] [part~="error"]')).to.contain(
      'Formuläret kunde inte hämtas',
    );
    await expect(element).to.be.accessible();
    element.department = 'gata';
    await loaded(element);
    expect(element.matches(':state(ready)')).to.be.true;
  });

  it('retries loading with the retry button once the server is reachable', async () => {
    let fail = true;
    const real = gata();
    const client = wrapClient(real);
    client.departments.get = async (id, options) => {
      if (fail) throw new Error('offline');
      return real.departments.get(id, options);
    };
    const element = await renderForm({ client });
    await waitUntil(() => shadow(element).querySelector('[part~="retry-button"]'));
    fail = false;
    query(element, '[part~="retry-button"]').click();
    await loaded(element);
  });

  it('exposes its documented states to page CSS', async () => {
    const element = await loaded(await renderForm());
    const style = document.createElement('style');
    style.textContent = 'kc-contact-form:state(ready) { outline: 1px solid rgb(255, 0, 0); }';
    document.head.append(style);
    try {
      expect(getComputedStyle(element).outlineColor).to.equal('rgb(255, 0, 0)');
    } finally {
      style.remove();
    }
  });
});
