// Photos with a message, for a department that takes them (gata here: at most 2): the field,
// adding and removing by keyboard, refusals, sending them (the case has them, scaled and without
// metadata), a draft with photos over a reload, offline, Arabic and a narrow screen.
import { createClient } from '@kontakt/core';
import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { KcErrorEvent } from '../../events/error.js';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import {
  active,
  fillValid,
  gata,
  loaded,
  query,
  renderForm,
  server,
  setUpContactFormTests,
  shadow,
  submit,
  text,
  wrapClient,
} from '../../test-support/contact-form-fixture.js';
import {
  countCases,
  restartKontaktServer,
  stopKontaktServer,
} from '../../test-support/kontakt-server.js';
import { pickFiles, picture } from '../../test-support/photo-files.js';
import type { KcContactForm } from './contact-form.js';

setUpContactFormTests('packages/widgets/src/test-support/contact-form-photos-departments.json');

/**
 * The form once used, with its photos field: the field's chunk loads with the submit path, for
 * a department that takes photos.
 */
async function usedForm(options: Parameters<typeof renderForm>[0] = {}): Promise<KcContactForm> {
  const element = await loaded(await renderForm(options));
  await waitUntil(() => shadow(element).querySelector('#photos'), 'the photos field did not show', {
    timeout: 10_000,
  });
  return element;
}

/** Picks `files` in the photos field, as the file picker does. */
async function pick(element: KcContactForm, ...files: File[]): Promise<void> {
  pickFiles(query<HTMLInputElement>(element, '#photos'), files);
  await element.updateComplete;
}

const photos = (element: KcContactForm) => [
  ...shadow(element).querySelectorAll<HTMLElement>('[part~="photo"]'),
];
const ready = (element: KcContactForm, count: number) =>
  waitUntil(
    () => shadow(element).querySelectorAll('[part~="photo"] img').length === count,
    `${count} photo(s) never showed`,
    { timeout: 15_000 },
  );

describe('<kc-contact-form> photos', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('offers photos once the form is used, only for a department that takes them', async () => {
    const element = await renderForm();
    await waitUntil(() => shadow(element).querySelector('#topic option:not([value=""])'));
    // The first render carries no photos field: it comes with the submit path.
    expect(shadow(element).querySelector('#photos')).to.equal(null);
    await loaded(element);
    await waitUntil(() => shadow(element).querySelector('#photos'), 'no photos field');
    expect(text(element, 'label[for="photos"]')).to.equal('Lägg till bild');
    expect(text(element, '#photos-hint')).to.contain('upp till 2 bilder');
    expect(query(element, '#photos').getAttribute('aria-describedby')).to.equal('photos-hint');
    await expect(element).to.be.accessible();

    fixtureCleanup();
    const skola = await loaded(await renderForm({ department: 'skola' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shadow(skola).querySelector('#photos')).to.equal(null);
  });

  it('adds photos with their numbers, removes one with the keyboard, and says so', async () => {
    const element = await usedForm();
    await pick(element, await picture('brev.png'), await picture('skarm.png', 800, 600, '#a26'));
    await ready(element, 2);
    const alts = photos(element).map((li) => li.querySelector('img')?.alt);
    expect(alts).to.deep.equal(['Bild 1 av 2', 'Bild 2 av 2']);
    expect(text(element, '[role="status"].visually-hidden')).to.equal(
      'Bild 2 av 2 har lagts till.',
    );
    // Full: the button gives way to a sentence saying so.
    expect(shadow(element).querySelector('input#photos')).to.equal(null);
    expect(text(element, '#photos')).to.contain('2 bilder, så många som går');
    await expect(element).to.be.accessible();

    const remove = query(element, '[part~="photo"]:first-child [part~="remove-photo-button"]');
    expect(remove.textContent?.trim()).to.equal('Ta bort bild 1 av 2');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await element.updateComplete;

    expect(photos(element).map((li) => li.querySelector('img')?.alt)).to.deep.equal([
      'Bild 1 av 1',
    ]);
    // The button is back, and has focus: the person can add another at once.
    expect(active(element)?.id).to.equal('photos');
    expect(text(element, '[role="status"].visually-hidden')).to.equal('Bilden är borttagen.');
  });

  it('is reached with the keyboard after the message, its button showing where focus is', async () => {
    const element = await usedForm();
    query(element, '#message').focus();
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('photos');
    // The input itself is invisible: its label, drawn as the button, carries the focus ring.
    const button = getComputedStyle(query(element, '[part~="photo-button"]'));
    expect(button.outlineStyle).to.equal('solid');
    expect(Number.parseFloat(button.outlineWidth)).to.be.at.least(2);
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.id).to.equal('answerChannel-email');
  });

  it('says why a file cannot be sent, sends nothing of it, and lets it be removed', async () => {
    const element = await usedForm();
    const pdf = new File(['%PDF-1.7 not a picture'], 'beslut.pdf', { type: 'application/pdf' });
    await pick(element, pdf);
    await waitUntil(() => shadow(element).querySelector('[part~="problem"]'), 'no problem shown', {
      timeout: 10_000,
    });
    expect(text(element, '[part~="problem"]')).to.equal(
      'Den sortens fil kan inte skickas. Välj en JPEG-, PNG- eller WebP-bild.',
    );
    expect(text(element, '[role="status"].visually-hidden')).to.equal(
      'Den sortens fil kan inte skickas. Välj en JPEG-, PNG- eller WebP-bild.',
    );
    const parts = ['photos', 'photo', 'problem', 'remove-photo-button', 'photo-button'];
    for (const part of parts)
      expect(shadow(element).querySelector(`[part~="${part}"]`), part).to.exist;
    // A refused file does not count: both photos can still be added.
    await pick(element, await picture('a.png'), await picture('b.png'));
    await ready(element, 2);
    expect(photos(element)).to.have.length(3);
    await expect(element).to.be.accessible();
  });

  it('sends the message with its photos, scaled down, which the sender can open with the receipt', async () => {
    const uploads: Array<{ id: string; width: number; height: number }> = [];
    let sent: { message: { photos: string[] } } | undefined;
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      // Records what the SDK sends and gets (a given fetch also uploads with fetch, not XHR).
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.url.endsWith('/v1/cases')) sent = await request.clone().json();
        const response = await fetch(request);
        if (request.url.includes('/v1/photos')) uploads.push(await response.clone().json());
        return response;
      },
    });
    const element = await usedForm({ client });
    const before = await countCases(server);
    await fillValid(element, 'Jag fick det här brevet om min parkering. Vad betyder det?');
    await pick(element, await picture('brev.png', 3000, 2000));
    await ready(element, 1);

    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await submit(element);
    const { receipt } = await submitted;

    expect(await countCases(server)).to.equal(before + 1);
    expect(uploads.map(({ width, height }) => [width, height])).to.deep.equal([[1600, 1067]]);
    expect(sent?.message.photos).to.deep.equal(uploads.map(({ id }) => id));
    const response = await fetch(
      `${server.url}/v1/cases/${receipt.reference}/photos/${uploads[0]?.id}`,
      {
        headers: { Authorization: `Bearer ${receipt.receiptToken}` },
      },
    );
    expect(response.status).to.equal(200);
    expect(response.headers.get('Content-Type')).to.equal('image/jpeg');
    // Sent, the photos are gone: a new message starts without them.
    await element.updateComplete;
    query(element, '[part~="new-message-button"]').click();
    await element.updateComplete;
    await waitUntil(() => shadow(element).querySelector('input#photos'), 'no photos field');
    expect(photos(element)).to.have.length(0);
  });

  it('shows the server refusing photos on the field, and moves focus there', async () => {
    // The page was given more room than the server allows (a department's settings changed).
    const client = wrapClient(gata(), {
      department: (department) => ({
        ...department,
        messagePhotos: { maxCount: 3, maxEdge: 1600, maxBytes: 2_000_000 },
      }),
    });
    const element = await usedForm({ client });
    await fillValid(element);
    await pick(element, await picture('a.png'), await picture('b.png'), await picture('c.png'));
    await ready(element, 3);
    const failed = oneEvent<KcErrorEvent>(element, 'kc-error');
    await submit(element);
    const { error } = await failed;
    await element.updateComplete;

    expect(error.status).to.equal(422);
    expect(text(element, '#photos-error')).to.equal('Du kan bifoga högst 2 bilder. Ta bort någon.');
    expect(text(element, '[part~="error-summary"] a')).to.equal(
      'Du kan bifoga högst 2 bilder. Ta bort någon.',
    );
    expect(active(element)?.id).to.equal('photos');
    // One removed, it goes through, with the same text.
    query(element, '[part~="photo"]:first-child [part~="remove-photo-button"]').click();
    await element.updateComplete;
    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    await submit(element);
    await submitted;
  });

  it('keeps the photos with the draft over a reload', async () => {
    const first = await usedForm();
    await fillValid(first);
    await pick(first, await picture('brev.png'));
    await ready(first, 1);
    first.flushDraft();
    fixtureCleanup();

    const again = await loaded(await renderForm());
    await ready(again, 1);
    expect(query<HTMLTextAreaElement>(again, '#message').value).to.equal(
      'Hur söker jag boendeparkering?',
    );
    expect(query<HTMLImageElement>(again, '[part~="photo"] img').alt).to.equal('Bild 1 av 1');
    // Cleared, the photo goes too.
    query(again, '[part~="clear-button"]').click();
    await again.updateComplete;
    expect(photos(again)).to.have.length(0);
  });

  it('keeps a message with its photos while the server is down, and sends them with it later', async function () {
    this.timeout(60_000);
    const element = await usedForm();
    const before = await countCases(server);
    await fillValid(element);
    await pick(element, await picture('brev.png'));
    await ready(element, 1);
    await stopKontaktServer(server);
    try {
      await submit(element);
      await waitUntil(() => element.matches(':state(offline)'), 'not kept offline', {
        timeout: 30_000,
      });
    } finally {
      await restartKontaktServer(server);
    }
    const submitted = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
    query(element, '[part~="send-now-button"]').click();
    await submitted;
    expect(await countCases(server)).to.equal(before + 1);
  });

  it('is right to left in Arabic, and reflows at 320 px with photos', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await usedForm({ lang: 'ar' });
    expect(text(element, 'label[for="photos"]')).to.equal('أضف صورة');
    await pick(element, await picture('a.png'), await picture('b.png', 600, 2400));
    await ready(element, 2);
    expect(photos(element).map((li) => li.querySelector('img')?.alt)).to.deep.equal([
      'الصورة 1 من 2',
      'الصورة 2 من 2',
    ]);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const li of photos(element)) expect(li.getBoundingClientRect().right).to.be.at.most(320);
    await expect(element).to.be.accessible();
  });
});
