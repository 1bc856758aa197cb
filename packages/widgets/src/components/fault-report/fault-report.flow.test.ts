// The whole report by keyboard alone and without the map, against a real server.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  active,
  fill,
  heading,
  next,
  onStep,
  query,
  renderReport,
  setUpFaultReportTests,
  tabTo,
  text,
  toPhotoStep,
} from '../../test-support/fault-report-fixture.js';

setUpFaultReportTests();

describe('<kc-fault-report> by keyboard, without the map', () => {
  it('walks every step to the review, with a text step indicator and focus on each heading', async () => {
    const element = await renderReport();
    expect(heading(element)).to.equal('Steg 1 av 6 Vad gäller felet?');
    await expect(element).to.be.accessible();

    // Category: search by a keyword, then pick with the arrow keys.
    await tabTo(element, 'category-search');
    await sendKeys({ type: 'lampa' });
    await element.updateComplete;
    expect(text(element, '#category-count')).to.equal('1 sorts fel passar.');
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('category-gatubelysning');
    await sendKeys({ press: 'Space' });
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });

    // The category's own questions, every Open311 type.
    await onStep(element, 'Om felet');
    expect(heading(element)).to.contain('Steg 2 av 7');
    await expect(element).to.be.accessible();
    // Going on without the required answer shows a summary linking to it.
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(text(element, '[part~="error-summary"]')).to.contain(
      'Svara på frågan: Lyser lampan inte alls, eller blinkar den?',
    );
    expect(active(element)?.id).to.equal('answer-hur-slackt');
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await tabTo(element, 'answer-stolpnummer');
    await sendKeys({ type: 'ST-1234' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2' });
    await tabTo(element, 'answer-var-gata');
    await sendKeys({ press: 'Space' });
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });

    // Location without the map: a description of the place is enough on its own.
    await onStep(element, 'Var är felet?');
    // The fault's place, not the person's: nothing of theirs is filled in.
    expect(query(element, '#address').getAttribute('autocomplete')).to.equal('off');
    await expect(element).to.be.accessible();
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(active(element)?.id).to.equal('address');
    expect(text(element, '[part~="error-summary"]')).to.contain('Ange var felet är');
    // The danger border shows on a text input too, not only its text.
    expect(getComputedStyle(query(element, '#address')).borderInlineStartWidth).to.equal('5px');
    await sendKeys({ type: 'Vid lekplatsen i Pildammsparken' });
    await element.updateComplete;
    expect(text(element, '#chosen-place')).to.equal('Vald plats: Vid lekplatsen i Pildammsparken.');
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });

    await onStep(element, 'Foton');
    await expect(element).to.be.accessible();
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });

    await onStep(element, 'Beskriv felet');
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('description');
    await sendKeys({ type: 'Lampan är släckt sedan i måndags.' });
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });

    await onStep(element, 'Kontaktuppgifter');
    await expect(element).to.be.accessible();
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });

    await onStep(element, 'Kontrollera dina svar');
    await expect(element).to.be.accessible();
    const summary = text(element, '[part~="summary"]');
    expect(summary).to.contain('Gatubelysning');
    expect(summary).to.contain('Helt släckt');
    expect(summary).to.contain('ST-1234');
    expect(summary).to.contain('Vald plats: Vid lekplatsen i Pildammsparken.');
    expect(summary).to.contain('Lampan är släckt sedan i måndags.');
    expect(summary).to.contain('Anonym anmälan');
    expect(text(element, '[part~="notice"]')).to.contain('allmän handling');

    // "Ändra" returns to the step, and from there straight back to the review.
    await tabTo(element, 'change-description');
    await sendKeys({ press: 'Enter' });
    await onStep(element, 'Beskriv felet');
    expect(query(element, '#next').textContent?.trim()).to.equal(
      'Spara och gå till sammanfattningen',
    );
    await tabTo(element, 'description');
    await sendKeys({ type: ' Stolpen lutar.' });
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });
    await onStep(element, 'Kontrollera dina svar');
    expect(text(element, '[part~="summary"]')).to.contain('Stolpen lutar.');
  });

  it('goes back without losing answers', async () => {
    const element = await renderReport();
    query<HTMLInputElement>(element, '#category-hal-i-gata').click();
    await element.updateComplete;
    query(element, '#next').click();
    await onStep(element, 'Var är felet?');
    query(element, '[part~="back-button"]').click();
    await onStep(element, 'Vad gäller felet?');
    expect(query<HTMLInputElement>(element, '#category-hal-i-gata').checked).to.be.true;
    expect(heading(element)).to.contain('Steg 1 av 6');
  });
});

describe('<kc-fault-report> description', () => {
  it('warns, politely, when the description seems to hold a personal identity number', async () => {
    const element = await renderReport();
    await toPhotoStep(element, 'Storgatan 12');
    await next(element, 'Beskriv felet');
    await fill(element, 'description', 'Jag heter Anna, 19811218-9876, och cyklade ner i hålet.');
    await waitUntil(() => text(element, '[part~="warning"]'), 'no warning', { timeout: 10_000 });
    expect(text(element, '[part~="warning"]')).to.contain('personnummer');
    expect(query(element, '[part~="warning"]').getAttribute('aria-live')).to.equal('polite');
    expect(query(element, '#description').getAttribute('aria-describedby')).to.contain(
      'description-warning',
    );
    expect(text(element, '[part~="character-count"]')).to.equal('55 av 4000 tecken');
    await expect(element).to.be.accessible();
  });
});
