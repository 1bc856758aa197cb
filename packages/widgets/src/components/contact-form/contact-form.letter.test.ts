// An answer by letter, for people without e-mail: the name and postal address asked for as on an
// envelope, by keyboard, checked, kept with the draft, sent only with that channel, in Arabic too.
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import {
  active,
  choose,
  fill,
  fillValid,
  loaded,
  query,
  renderForm,
  server,
  setUpContactFormTests,
  shadow,
  submit,
  tabTo,
  text,
} from '../../test-support/contact-form-fixture.js';
import { storedMessage } from '../../test-support/kontakt-server.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests();

const ADDRESS = ['name', 'street', 'postalCode', 'city'];

const addressShown = (element: KcContactForm) =>
  shadow(element).querySelector('fieldset.address #street') !== null;

async function fillAddress(element: KcContactForm): Promise<void> {
  await fill(element, 'name', 'Karin Holm');
  await fill(element, 'street', 'Storgatan 1 lgh 1102');
  await fill(element, 'postalCode', '21122');
  await fill(element, 'city', 'Malmö');
}

describe('<kc-contact-form> answer by letter', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('asks for the name and postal address as on an envelope, by keyboard, and sends them', async () => {
    const element = await renderForm();
    await waitUntil(() => shadow(element).querySelector('#topic option:not([value=""])'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Jag har ingen e-post. Hur söker jag boendeparkering?' });
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('answerChannel-email');
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowDown' });
    expect(active(element)?.id).to.equal('answerChannel-letter');
    expect(query<HTMLInputElement>(element, '#answerChannel-letter').checked).to.be.true;
    expect(
      text(element, 'label[for="answerChannel-letter"], #answerChannel-letter + span'),
    ).to.equal('Med brev på posten');
    await waitUntil(() => addressShown(element), 'the address fields did not show');

    const group = query(element, 'fieldset.address');
    expect(text(element, 'fieldset.address > legend')).to.equal('Vart ska vi skicka brevet?');
    expect([...group.querySelectorAll('input')].map((input) => input.id)).to.deep.equal(ADDRESS);
    const attributes = ADDRESS.map((id) => {
      const input = query<HTMLInputElement>(element, `#${id}`);
      return [id, input.autocomplete, input.getAttribute('aria-required')];
    });
    expect(attributes).to.deep.equal([
      ['name', 'name', 'true'],
      ['street', 'address-line1', 'true'],
      ['postalCode', 'postal-code', 'true'],
      ['city', 'address-level2', 'true'],
    ]);
    expect(query(element, '#postalCode').getAttribute('inputmode')).to.equal('numeric');
    expect(text(element, '#street-hint')).to.equal(
      'Gata och nummer, och lägenhetsnummer om du har ett.',
    );
    // The name is no longer optional: a letter needs someone to go to.
    expect(shadow(element).querySelectorAll('#name')).to.have.length(1);
    expect(text(element, 'label[for="name"]')).to.equal('Namn');
    await expect(element).to.be.accessible();

    for (const [id, typed] of [
      ['name', 'Karin Holm'],
      ['street', 'Storgatan 1 lgh 1102'],
      ['postalCode', '21122'],
      ['city', 'Malmö'],
    ]) {
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.id).to.equal(id);
      await sendKeys({ type: typed as string });
    }
    await tabTo(element, 'submit-button');
    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await sendKeys({ press: 'Enter' });
    const { receipt } = await submitted;

    const stored = await storedMessage(server, receipt.reference);
    expect(stored).to.include({ answerChannel: 'letter', name: 'Karin Holm' });
    expect(stored?.postalAddress).to.deep.equal({
      street: 'Storgatan 1 lgh 1102',
      postalCode: '211 22',
      city: 'Malmö',
    });
    expect(stored).not.to.have.property('email');
  });

  it('names each part of the address that is missing or wrong, and links to it', async () => {
    const element = await loaded(await renderForm());
    await fillValid(element);
    await choose(element, 'answerChannel-letter');
    await fill(element, 'postalCode', '0211');
    await submit(element);

    expect(text(element, '#name-error')).to.equal(
      'Skriv ditt namn så att brevet kommer fram till dig.',
    );
    expect(text(element, '#street-error')).to.equal('Skriv gatuadressen.');
    expect(text(element, '#postalCode-error')).to.equal(
      'Skriv postnumret med fem siffror, till exempel 211 22.',
    );
    expect(text(element, '#city-error')).to.equal('Skriv orten.');
    const links = [...query(element, '[part~="error-summary"]').querySelectorAll('a')];
    expect(links.map((link) => link.textContent?.trim())).to.deep.equal([
      'Skriv ditt namn så att brevet kommer fram till dig.',
      'Skriv gatuadressen.',
      'Skriv postnumret med fem siffror, till exempel 211 22.',
      'Skriv orten.',
    ]);
    expect(active(element)?.id).to.equal('name', 'focus moves to the first error');
    for (const id of ADDRESS) {
      const input = query(element, `#${id}`);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')?.split(' ')).to.include(`${id}-error`);
      // The danger border shows on text inputs too (it used to lose to their own border rule).
      expect(getComputedStyle(input).borderInlineStartWidth).to.equal('5px');
    }
    links[2]?.click();
    expect(active(element)?.id).to.equal('postalCode');
    await expect(element).to.be.accessible();
  });

  it('sends no address with another channel, even one typed before switching', async () => {
    const element = await loaded(await renderForm());
    await fillValid(element);
    await choose(element, 'answerChannel-letter');
    await fillAddress(element);
    await choose(element, 'answerChannel-email');
    expect(addressShown(element)).to.be.false;
    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await submit(element);
    const { receipt } = await submitted;

    const stored = await storedMessage(server, receipt.reference);
    expect(stored).to.include({ answerChannel: 'email', email: 'anna.svensson@example.se' });
    expect(stored).not.to.have.property('postalAddress');
    // The name typed for the letter is the form's name field, sent as with any channel.
    expect(stored).to.include({ name: 'Karin Holm' });
  });

  it('fills in a letter’s address from the draft after a reload, without waiting to be used', async () => {
    const first = await loaded(await renderForm());
    await fillValid(first);
    await choose(first, 'answerChannel-letter');
    await fillAddress(first);
    window.dispatchEvent(new Event('pagehide'));
    fixtureCleanup();

    const element = await renderForm();
    // No focus, press or input: the restored draft itself brings the fields that show it.
    await waitUntil(() => addressShown(element), 'the restored address did not show');
    const value = (id: string) => query<HTMLInputElement>(element, `#${id}`).value;
    expect(ADDRESS.map(value)).to.deep.equal([
      'Karin Holm',
      'Storgatan 1 lgh 1102',
      '21122',
      'Malmö',
    ]);
    expect(query<HTMLInputElement>(element, '#answerChannel-letter').checked).to.be.true;
    query(element, '[part~="clear-button"]').click();
    await element.updateComplete;
  });

  it('asks for the address in Arabic, right to left, at 320 px without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await loaded(await renderForm({ lang: 'ar' }));
    await choose(element, 'answerChannel-letter');
    await waitUntil(() => addressShown(element));

    expect(text(element, 'fieldset.address > legend')).to.equal('إلى أين نرسل الرسالة؟');
    expect(text(element, 'label[for="postalCode"]')).to.equal('الرمز البريدي');
    expect(getComputedStyle(query(element, '#street')).direction).to.equal('rtl');
    expect(query(element, '#postalCode').getAttribute('dir')).to.equal('ltr');
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const id of ADDRESS) {
      expect(query(element, `#${id}`).getBoundingClientRect().right).to.be.at.most(320);
    }
    await expect(element).to.be.accessible();
  });
});
