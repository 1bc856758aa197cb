// Kept in the browser: a report sent offline goes once when the server is back, photos intact;
// a draft with its photos survives a reload.
import { createClient } from '@kontakt/core';
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { KcSubmittedEvent } from '../../events/submitted.js';
import {
  active,
  fillToReview,
  heading,
  loaded,
  phonePhoto,
  pickPhotos,
  query,
  renderReport,
  setUpFaultReportTests,
  shadow,
  startFaultServer,
  text,
  toPhotoStep,
} from '../../test-support/fault-report-fixture.js';
import {
  countCases,
  restartKontaktServer,
  stopKontaktServer,
} from '../../test-support/kontakt-server.js';
import { picture } from '../../test-support/photo-files.js';
import type { KcFaultReport } from './fault-report.js';

setUpFaultReportTests();

describe('<kc-fault-report> offline and drafts', () => {
  it('keeps a report made offline with its photos and sends it exactly once when the server is back', async function () {
    this.timeout(60_000);
    const own = await startFaultServer();
    try {
      const element = await loaded(
        await fixture<KcFaultReport>(
          html`<kc-fault-report endpoint=${own.url} department="gata"></kc-fault-report>`,
        ),
      );
      await fillToReview(element, { photos: [await phonePhoto(), await phonePhoto('b.jpg')] });
      await stopKontaktServer(own);
      query(element, '#next').click();
      await waitUntil(() => element.matches(':state(offline)'), 'not kept offline', {
        timeout: 20_000,
      });
      await element.updateComplete;
      expect(active(element)?.id).to.equal('offline-heading');
      expect(text(element, '#offline-heading')).to.equal('Din felanmälan är sparad');
      expect(text(element, '[part~="status"]')).to.equal('Din felanmälan är sparad');
      await expect(element).to.be.accessible();

      await restartKontaktServer(own);
      const delivered = oneEvent<KcSubmittedEvent>(element, 'kc-submitted');
      window.dispatchEvent(new Event('online'));
      const { receipt } = await delivered;
      await element.updateComplete;
      expect(element.matches(':state(submitted)')).to.be.true;
      expect(text(element, '[part~="status"]')).to.equal('Din sparade felanmälan är nu skickad.');

      // Once: nothing is left to send, one case, and both photos came with it.
      const client = createClient({ endpoint: own.url, department: 'gata' });
      await client.outbox.flush();
      expect(await client.outbox.pending()).to.have.length(0);
      expect(await countCases(own)).to.equal(1);
      const access = await client.cases.lookup(receipt.reference, { token: receipt.receiptToken });
      expect(access.case.fault?.photoCount).to.equal(2);
    } finally {
      await stopKontaktServer(own);
    }
  });

  it('stores nothing before the person starts, and restores answers and photos after a reload', async function () {
    this.timeout(30_000);
    let element = await renderReport();
    expect(sessionStorage.length).to.equal(0);
    await toPhotoStep(element, 'Vid busshållplatsen Storgatan');
    await pickPhotos(element, [await phonePhoto()]);
    await waitUntil(() => shadow(element).querySelector('[part~="photo"] img'), 'no photo', {
      timeout: 10_000,
    });
    expect(query(element, '[part~="photo"] img').getAttribute('alt')).to.equal('Foto 1 av 1');
    // The page goes away (a reload keeps sessionStorage and IndexedDB).
    window.dispatchEvent(new Event('pagehide'));
    fixtureCleanup();

    element = await renderReport();
    await waitUntil(() => shadow(element).querySelector('[part~="photo"] img'), 'photo not back', {
      timeout: 10_000,
    });
    expect(heading(element)).to.contain('Foton');
    expect(text(element, '[part~="status"]')).to.equal('Vi har fyllt i det du skrev tidigare.');
    expect(query(element, '[part~="photo"] img').getAttribute('alt')).to.equal('Foto 1 av 1');
    query(element, '[part~="back-button"]').click();
    await element.updateComplete;
    expect(query<HTMLInputElement>(element, '#address').value).to.equal(
      'Vid busshållplatsen Storgatan',
    );
  });
});

describe('<kc-fault-report> a photo removed while it is prepared', () => {
  it('stays removed: not in the list, not in the draft, not back after a reload', async function () {
    this.timeout(30_000);
    let element = await renderReport();
    await toPhotoStep(element, 'Storgatan');
    // A large photo takes a moment to prepare: it is removed before it is ready.
    await pickPhotos(element, [await picture('big.png', 4000, 3000)]);
    await waitUntil(
      () => shadow(element).querySelector('[part~="remove-photo-button"]') !== null,
      'not shown as preparing',
    );
    query(element, '[part~="remove-photo-button"]').click();
    await element.updateComplete;
    expect(shadow(element).querySelector('[part~="photo"]')).to.equal(null);
    // Then one that stays.
    await pickPhotos(element, [await phonePhoto('kept.jpg')]);
    await waitUntil(
      () => shadow(element).querySelector('[part~="photo"] img') !== null,
      'no photo',
      { timeout: 10_000 },
    );
    // Whatever was still being prepared has finished.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(shadow(element).querySelectorAll('[part~="photo"]').length).to.equal(1);
    window.dispatchEvent(new Event('pagehide'));
    fixtureCleanup();

    element = await renderReport();
    await waitUntil(
      () => shadow(element).querySelector('[part~="photo"] img') !== null,
      'photo not back',
      {
        timeout: 10_000,
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shadow(element).querySelectorAll('[part~="photo"]').length).to.equal(1);
  });
});

describe('<kc-fault-report> photo step', () => {
  it('numbers the previews, removes one, and refuses a file that is no photo in words', async () => {
    const element = await renderReport();
    await toPhotoStep(element, 'Storgatan');
    await pickPhotos(element, [await phonePhoto('a.jpg'), await phonePhoto('b.jpg')]);
    await waitUntil(
      () => shadow(element).querySelectorAll('[part~="photo"] img').length === 2,
      'the photos were not prepared',
      { timeout: 10_000 },
    );
    const alts = [...shadow(element).querySelectorAll('[part~="photo"] img')].map((img) =>
      img.getAttribute('alt'),
    );
    expect(alts).to.deep.equal(['Foto 1 av 2', 'Foto 2 av 2']);
    // The catalog allows two: the picker is gone and says why.
    expect(shadow(element).querySelector('#photo-take')).to.equal(null);
    await expect(element).to.be.accessible();
    query(element, '[part~="remove-photo-button"]').click();
    await element.updateComplete;
    expect(text(element, '[part~="status"]')).to.equal('Fotot är borttaget.');
    expect(active(element)?.id).to.equal('photo-take');
    expect(query(element, '[part~="photo"] img').getAttribute('alt')).to.equal('Foto 1 av 1');

    await pickPhotos(element, [
      new File(['%PDF-1.7 not a photo'], 'x.jpg', { type: 'image/jpeg' }),
    ]);
    await waitUntil(
      () => shadow(element).querySelector('[part~="photo"] [part~="problem"]'),
      'no refusal',
      { timeout: 10_000 },
    );
    expect(text(element, '[part~="photo"] [part~="problem"]')).to.contain(
      'Den sortens fil kan inte skickas.',
    );
  });
});
