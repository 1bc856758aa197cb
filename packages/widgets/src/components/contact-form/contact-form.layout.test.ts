// Languages and layout: switching language, right to left, and reflow on a narrow screen.
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import {
  choose,
  fill,
  loaded,
  PERSONAL_IDENTITY_NUMBER,
  query,
  renderForm,
  setUpContactFormTests,
  shadow,
  submit,
  text,
} from '../../test-support/contact-form-fixture.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests();

describe('<kc-contact-form>', () => {
  it('switches from Swedish to English when lang changes, errors and topics included', async () => {
    const element = await loaded(await renderForm());
    await submit(element);
    expect(text(element, 'label[for="topic"]')).to.equal('Vad gäller din fråga?');
    element.lang = 'en';
    await waitUntil(() => text(element, 'label[for="topic"]') === 'What is your question about?');
    expect(text(element, '#topic-error')).to.equal('Choose what your question is about.');
    expect(text(element, '[part~="submit-button"]')).to.equal('Send');
    const options = [...query<HTMLSelectElement>(element, '#topic').options].map((o) =>
      o.text.trim(),
    );
    expect(options).to.include('Parking and resident parking');
    expect(query<HTMLSelectElement>(element, '#answerLanguage').value).to.equal('en');
  });

  it('is laid out right to left in Arabic and accessible', async () => {
    const element = await loaded(await renderForm({ lang: 'ar' }));
    expect(query(element, '[part~="base"]').getAttribute('dir')).to.equal('rtl');
    expect(text(element, '[part~="submit-button"]')).to.equal('إرسال');
    await expect(element).to.be.accessible();
  });

  it('marks the topics the department has not translated as Swedish, and only those', async () => {
    // The fixture's department names its topics in Swedish and English.
    const topics = (element: KcContactForm) =>
      [...query<HTMLSelectElement>(element, '#topic').options]
        .filter((option) => option.value)
        .map((option) => [option.text, option.closest('[lang]')?.getAttribute('lang')]);
    const finnish = await loaded(await renderForm({ lang: 'fi' }));
    await waitUntil(() => text(finnish, 'label[for="topic"]') === 'Mitä kysymyksesi koskee?');
    expect(topics(finnish)).to.deep.include(['Parkering och boendeparkering', 'sv']);
    expect(topics(finnish).every(([, lang]) => lang === 'sv')).to.be.true;
    // The form's own first option is Finnish.
    expect(
      query<HTMLSelectElement>(finnish, '#topic')
        .options[0]?.closest('[lang]')
        ?.getAttribute('lang'),
    ).to.equal('fi');
    await expect(finnish).to.be.accessible();
    finnish.remove();

    const english = await loaded(await renderForm({ lang: 'en' }));
    await waitUntil(() => text(english, 'label[for="topic"]') === 'What is your question about?');
    expect(topics(english)).to.deep.include(['Parking and resident parking', 'en']);
    expect(topics(english).every(([, lang]) => lang === 'en')).to.be.true;
  });

  it('reflows at 320 px without horizontal scrolling, errors shown', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await loaded(await renderForm());
    await fill(
      element,
      'message',
      `${'Långtextutanmellanslag'.repeat(20)} ${PERSONAL_IDENTITY_NUMBER}`,
    );
    await choose(element, 'answerChannel-visit');
    await choose(element, 'needs-interpreter');
    await submit(element);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const control of shadow(element).querySelectorAll<HTMLElement>('[part~="input"]')) {
      expect(control.getBoundingClientRect().right).to.be.at.most(320);
    }
  });
});
