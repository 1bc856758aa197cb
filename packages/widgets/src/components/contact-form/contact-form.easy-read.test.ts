// Easy-read Swedish (lang="sv-simple"): every word of the form, its errors and its receipt in
// easy-read Swedish, marked Swedish; by keyboard alone, axe-clean in each state.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import { sv } from '../../i18n/sv.js';
import { svSimple } from '../../i18n/sv-simple.js';
import {
  active,
  loaded,
  query,
  renderForm,
  setUpContactFormTests,
  tabTo,
  text,
  typeValidQuestion,
} from '../../test-support/contact-form-fixture.js';

setUpContactFormTests();

const cf = svSimple.contactForm;

describe('<kc-contact-form> in easy-read Swedish', () => {
  it('says everything in easy-read Swedish for lang="sv-simple", marked Swedish', async () => {
    const element = await loaded(await renderForm({ lang: 'sv-simple' }));
    expect(text(element, '#public-record')).to.equal(cf.publicRecord);
    expect(cf.publicRecord).not.to.equal(sv.contactForm.publicRecord);
    expect(text(element, '#message-hint')).to.equal(cf.messageHint);
    // The texts are Swedish: screen readers keep the Swedish voice, dates are Swedish dates.
    expect(query(element, '[part~="base"]').getAttribute('lang')).to.equal('sv');
    await expect(element).to.be.accessible();

    // The same element on a page in plain Swedish speaks plain Swedish again.
    element.lang = 'sv';
    await waitUntil(() => text(element, '#public-record') === sv.contactForm.publicRecord);
  });

  it('takes a question by keyboard alone, its errors and receipt in easy-read Swedish', async () => {
    const element = await loaded(await renderForm({ lang: 'sv-simple' }));
    await tabTo(element, 'submit-button');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    const summary = query(element, '[part~="error-summary"]');
    expect(text(element, '[part~="error-summary"] h2')).to.equal(cf.errorSummary(3));
    expect(text(element, '[part~="error-summary"] a')).to.equal(cf.fieldErrors.required.topic);
    // Its styles came with the submit path (they are not in the first render).
    expect(getComputedStyle(summary).borderTopWidth).to.equal('3px');
    await expect(element).to.be.accessible();

    expect(active(element)?.id).to.equal('topic', 'focus moves to the first error');
    await typeValidQuestion(element);
    await tabTo(element, 'submit-button');
    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    await element.updateComplete;

    expect(active(element)?.getAttribute('part')).to.equal('receipt-heading');
    expect(text(element, '[part~="receipt-heading"]')).to.equal(cf.receiptHeading);
    expect(cf.receiptHeading).not.to.equal(sv.contactForm.receiptHeading);
    expect(getComputedStyle(query(element, '[part~="receipt"]')).paddingTop).not.to.equal('0px');
    await expect(element).to.be.accessible();
  });
});
