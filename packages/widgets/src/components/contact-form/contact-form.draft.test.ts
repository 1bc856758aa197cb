// Drafts: kept in sessionStorage while the person writes, filled in after a reload, forgotten
// on a receipt or on request.
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
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
  text,
} from '../../test-support/contact-form-fixture.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests();

// --- drafts ----------------------------------------------------------------------------------

describe('<kc-contact-form> drafts', () => {
  const draftKey = (department = 'gata', endpoint = server.url) =>
    `kontakt-draft:${endpoint}:${department}:${location.pathname}`;
  const storedDraft = (department?: string) => {
    const text = sessionStorage.getItem(draftKey(department));
    return text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  };
  const value = (element: KcContactForm, id: string) =>
    query<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(element, `#${id}`).value;
  const checked = (element: KcContactForm, id: string) =>
    query<HTMLInputElement>(element, `#${id}`).checked;
  const hasClearButton = (element: KcContactForm) =>
    shadow(element).querySelector('[part~="clear-button"]') !== null;

  /** What a reload does to the draft: the page is hidden, then everything is gone. */
  function reload(): void {
    window.dispatchEvent(new Event('pagehide'));
    fixtureCleanup();
  }

  it('stores nothing until the person types, then keeps a draft in sessionStorage once typing pauses', async () => {
    const localBefore = localStorage.length;
    const element = await loaded(await renderForm());
    expect(sessionStorage.length, 'rendering and loading store nothing').to.equal(0);

    await fill(element, 'message', 'Hur söker jag');
    expect(storedDraft(), 'written once typing pauses, not on every key').to.equal(null);
    await waitUntil(() => storedDraft() !== null, 'the draft was not written', { timeout: 5000 });
    expect(storedDraft()?.message).to.equal('Hur söker jag');
    expect(Object.keys(sessionStorage)).to.deep.equal([draftKey()]);
    expect(localStorage.length, 'nothing in localStorage').to.equal(localBefore);
  });

  it('fills in the draft after a reload, says so, and empties form and draft on request', async () => {
    const first = await loaded(await renderForm());
    await fill(first, 'topic', 'gatubelysning');
    await fill(first, 'message', 'Lampan på Storgatan 3 är trasig.');
    await choose(first, 'answerChannel-phone');
    await fill(first, 'phone', '070-123 45 67');
    await choose(first, 'needs-interpreter');
    await fill(first, 'interpreterLanguage', 'somaliska');
    window.dispatchEvent(new Event('pagehide'));
    expect(storedDraft()?.interpreterLanguage, 'written when the page is hidden').to.equal(
      'somaliska',
    );
    reload();

    const element = await loaded(await renderForm());
    expect(value(element, 'topic')).to.equal('gatubelysning');
    expect(value(element, 'message')).to.equal('Lampan på Storgatan 3 är trasig.');
    expect(checked(element, 'answerChannel-phone')).to.be.true;
    expect(value(element, 'phone')).to.equal('070-123 45 67');
    expect(checked(element, 'needs-interpreter')).to.be.true;
    expect(value(element, 'interpreterLanguage')).to.equal('somaliska');
    expect(text(element, '[part~="status"]')).to.equal('Vi har fyllt i det du skrev tidigare.');
    expect(text(element, '[part~="clear-button"]')).to.equal('Töm formuläret');
    expect(active(element)?.id ?? 'nothing', 'a restored draft does not take focus').to.equal(
      'nothing',
    );
    await expect(element).to.be.accessible();

    query(element, '[part~="clear-button"]').click();
    await element.updateComplete;
    expect(value(element, 'topic')).to.equal('');
    expect(value(element, 'message')).to.equal('');
    expect(checked(element, 'answerChannel-phone')).to.be.false;
    expect(storedDraft()).to.equal(null);
    expect(hasClearButton(element)).to.be.false;
    expect(text(element, '[part~="status"]')).to.equal('Formuläret är tömt.');
    expect(active(element)?.id).to.equal('topic');

    reload();
    const after = await loaded(await renderForm());
    expect(value(after, 'message')).to.equal('');
    expect(text(after, '[part~="status"]')).to.equal('');
    expect(hasClearButton(after)).to.be.false;
  });

  it('says in English that the draft was filled in, on an English page', async () => {
    await fill(await loaded(await renderForm({ lang: 'en' })), 'message', 'Where do I park?');
    reload();
    const element = await loaded(await renderForm({ lang: 'en' }));
    expect(value(element, 'message')).to.equal('Where do I park?');
    expect(text(element, '[part~="status"]')).to.equal('We have filled in what you wrote earlier.');
    expect(text(element, '[part~="clear-button"]')).to.equal('Clear the form');
  });

  it('keeps the drafts of forms for different departments on one page apart', async () => {
    // Two fixtures: both forms on this one page.
    const renderBoth = async () =>
      [
        await loaded(await renderForm({ department: 'gata' })),
        await loaded(await renderForm({ department: 'skola' })),
      ] as const;
    const [, skolaBefore] = await renderBoth();
    await fill(skolaBefore, 'message', 'Hur ansöker jag om skolskjuts?');
    reload();
    expect(storedDraft('skola')?.message).to.equal('Hur ansöker jag om skolskjuts?');
    expect(storedDraft('gata')).to.equal(null);

    const [gataForm, skolaForm] = await renderBoth();
    expect(value(skolaForm, 'message')).to.equal('Hur ansöker jag om skolskjuts?');
    expect(value(gataForm, 'message')).to.equal('');
    expect(hasClearButton(gataForm)).to.be.false;
  });

  it('forgets the draft once the receipt is shown, and on reset()', async () => {
    const element = await loaded(await renderForm());
    await fillValid(element);
    await waitUntil(() => storedDraft() !== null, 'the draft was not written', { timeout: 5000 });
    const submitted = oneEvent(element, 'kc-submitted');
    await submit(element);
    await submitted;
    expect(storedDraft()).to.equal(null);
    reload();
    expect(storedDraft(), 'nothing is written after the receipt').to.equal(null);

    const again = await loaded(await renderForm());
    expect(value(again, 'message')).to.equal('');
    expect(checked(again, 'answerChannel-email')).to.be.false;
    await fill(again, 'message', 'En fråga till');
    window.dispatchEvent(new Event('pagehide'));
    expect(storedDraft()).not.to.equal(null);
    again.reset();
    expect(storedDraft()).to.equal(null);
  });

  it('keeps working when storage is full or disabled', async () => {
    const { getItem, setItem } = Storage.prototype;
    let refused = 0;
    Storage.prototype.getItem = () => {
      refused++;
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.setItem = () => {
      refused++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const element = await loaded(await renderForm());
      await fillValid(element);
      window.dispatchEvent(new Event('pagehide'));
      expect(refused, 'storage was tried, and refused, for reading and writing').to.equal(2);
      const submitted = oneEvent(element, 'kc-submitted');
      await submit(element);
      await submitted;
    } finally {
      Storage.prototype.getItem = getItem;
      Storage.prototype.setItem = setItem;
    }
  });
});
