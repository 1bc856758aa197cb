// Location by the device's position and the geocoder, and open reports nearby that the person can
// follow instead of filing a duplicate.
import { createClient } from '@kontakt/core';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import {
  active,
  fill,
  loaded,
  next,
  onStep,
  query,
  renderReport,
  server,
  setUpFaultReportTests,
  TRACKER,
  tabTo,
  text,
} from '../../test-support/fault-report-fixture.js';
import { countCases } from '../../test-support/kontakt-server.js';
import type { KcFaultReport } from './fault-report.js';

setUpFaultReportTests();

/** The device's position, at the only edge that cannot run here (no GPS in a test browser). */
function devicePosition(
  answer: { lat: number; lon: number; accuracy: number } | { code: 1 | 2 | 3 },
): () => void {
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation');
  const geolocation = {
    getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback) {
      setTimeout(() => {
        if ('code' in answer) {
          fail({
            code: answer.code,
            message: '',
            PERMISSION_DENIED: 1,
            POSITION_UNAVAILABLE: 2,
            TIMEOUT: 3,
          });
        } else {
          ok({
            coords: { latitude: answer.lat, longitude: answer.lon, accuracy: answer.accuracy },
            timestamp: Date.now(),
          } as GeolocationPosition);
        }
      }, 10);
    },
  };
  Object.defineProperty(Navigator.prototype, 'geolocation', {
    configurable: true,
    get: () => geolocation,
  });
  return () => {
    if (original) Object.defineProperty(Navigator.prototype, 'geolocation', original);
  };
}

async function toLocation(element: KcFaultReport): Promise<void> {
  query<HTMLInputElement>(element, '#category-hal-i-gata').click();
  await element.updateComplete;
  await next(element, 'Var är felet?');
}

describe('<kc-fault-report> nearby reports', () => {
  it('offers an open report of the same kind nearby and follows it instead, with a tracker link', async function () {
    this.timeout(30_000);
    // Someone reported the same pothole an hour ago.
    const client = createClient({ endpoint: server.url, department: 'gata' });
    const first = await client.faults.submit({
      category: 'hal-i-gata',
      description: 'Djupt hål vid övergångsstället.',
      location: { lat: 55.6001, lon: 13.0001 },
    });
    const cases = await countCases(server);
    const restore = devicePosition({ lat: 55.60012, lon: 13.00015, accuracy: 12 });
    try {
      const element = await renderReport();
      await toLocation(element);
      await tabTo(element, 'position');
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => text(element, '[part~="chosen"]').startsWith('Vald position'),
        'timed out',
        { timeout: 10_000 },
      );
      expect(text(element, '[part~="chosen"]')).to.equal('Vald position: 55.60012, 13.00015.');
      expect(text(element, '[part~="status"]')).to.equal(
        'Din position är vald, ungefär 12 meter noggrant.',
      );
      await tabTo(element, 'next');
      await sendKeys({ press: 'Enter' });

      await onStep(element, 'Redan anmält i närheten');
      expect(text(element, '[part~="status"]')).to.equal('1 anmälan i närheten.');
      expect(text(element, '[part~="nearby-report"] h3')).to.equal(first.reference);
      // How far it has come, so the person can judge whether following it is enough.
      expect(text(element, '[part~="nearby-report"]')).to.contain('Status: Mottaget');
      // Measured from the place chosen, which need not be where the person stands.
      expect(text(element, '[part~="nearby-report"] p')).to.match(
        /^\d+ meter från platsen du valde · /,
      );
      await expect(element).to.be.accessible();
      await tabTo(element, 'follow-email');
      await sendKeys({ type: 'anna@example.se' });
      await sendKeys({ press: 'Tab' });
      expect(active(element)?.getAttribute('part')).to.equal('follow-button');
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => element.matches(':state(followed)'), 'not followed', {
        timeout: 10_000,
      });
      await element.updateComplete;
      expect(active(element)?.id).to.equal('receipt-heading');
      expect(text(element, '#receipt-heading')).to.equal('Du följer nu ärendet');
      const href = query<HTMLAnchorElement>(element, '[part~="tracker-link"]').href;
      expect(href.startsWith(`${TRACKER}#reference=${first.reference}&token=`)).to.be.true;
      // The link opens the case for whoever holds it.
      const token = new URLSearchParams(new URL(href).hash.slice(1)).get('token') ?? '';
      const access = await client.cases.lookup(first.reference, { token });
      expect(access.case.reference).to.equal(first.reference);
      // No duplicate was filed.
      expect(await countCases(server)).to.equal(cases);
      await expect(element).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('goes on with its own report when it is about something else', async function () {
    this.timeout(30_000);
    const client = createClient({ endpoint: server.url, department: 'gata' });
    await client.faults.submit({
      category: 'hal-i-gata',
      description: 'Hål i asfalten.',
      location: { lat: 55.7001, lon: 13.1001 },
    });
    const restore = devicePosition({ lat: 55.70011, lon: 13.10012, accuracy: 20 });
    try {
      const element = await renderReport();
      await toLocation(element);
      query(element, '#position').click();
      await waitUntil(
        () => text(element, '[part~="chosen"]').startsWith('Vald position'),
        'timed out',
        { timeout: 10_000 },
      );
      await next(element, 'Redan anmält i närheten');
      query(element, '#something-else').click();
      await onStep(element, 'Foton');
      // Back and on again: the same place is not offered twice.
      query(element, '[part~="back-button"]').click();
      await onStep(element, 'Var är felet?');
      await next(element, 'Foton');
    } finally {
      restore();
    }
  });

  it('says why the position could not be had, and the address still works', async () => {
    const restore = devicePosition({ code: 1 });
    try {
      const element = await renderReport();
      await toLocation(element);
      query(element, '#position').click();
      await waitUntil(() => element.shadowRoot?.querySelector('[part~="problem"]'), 'timed out', {
        timeout: 10_000,
      });
      expect(text(element, '[part~="problem"]')).to.contain(
        'Webbplatsen får inte läsa din position',
      );
      await expect(element).to.be.accessible();
      await fill(element, 'address', 'Storgatan 12');
      await next(element, 'Foton');
    } finally {
      restore();
    }
  });

  it('searches the department geocoder and takes a place from the list', async () => {
    const element = await renderReport();
    await toLocation(element);
    await tabTo(element, 'address');
    await sendKeys({ type: 'Storgatan' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(element, '#search-status').endsWith('hittades.'), 'no answer', {
      timeout: 10_000,
    });
    expect(text(element, '#search-status')).to.equal('2 platser hittades.');
    await expect(element).to.be.accessible();
    await tabTo(element, 'result-0');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(active(element)?.id).to.equal('address');
    expect(text(element, '[part~="chosen"]')).to.equal('Vald plats: Storgatan 12, Malmö.');
  });

  it('names the place at the device position, through a client given from JavaScript', async () => {
    // The client's own fetch is used for the lookups (its retries, its headers), not the widget's.
    const asked: string[] = [];
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      fetch: (input, init) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    // 40 m from Storgatan 12, one of the department's places.
    const restore = devicePosition({ lat: 55.6062, lon: 13.0009, accuracy: 8 });
    try {
      const element = await fixture<KcFaultReport>(
        html`<kc-fault-report .client=${client} lang="sv"></kc-fault-report>`,
      );
      await loaded(element);
      await toLocation(element);
      query(element, '#position').click();
      await waitUntil(
        () => text(element, '[part~="chosen"]').endsWith('Nära Storgatan 12, Malmö.'),
        'the place at the position was not named',
        { timeout: 10_000 },
      );
      expect(text(element, '[part~="chosen"]')).to.equal(
        'Vald position: 55.60620, 13.00090. Nära Storgatan 12, Malmö.',
      );
      expect(asked).to.include('/v1/geocode/reverse');
      await tabTo(element, 'address');
      await sendKeys({ type: 'Storgatan' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(element, '#search-status').endsWith('hittades.'), 'no answer', {
        timeout: 10_000,
      });
      expect(asked).to.include('/v1/geocode');
      await expect(element).to.be.accessible();
    } finally {
      restore();
    }
  });
});
