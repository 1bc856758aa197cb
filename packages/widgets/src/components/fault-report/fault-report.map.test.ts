// The map step against local tiles: loaded only when asked for, a pin by keyboard and by pointer,
// the chosen point told in text.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { html } from 'lit';
import type { TestServer } from '../../test-support/kontakt-server.js';
import { stopKontaktServer } from '../../test-support/kontakt-server.js';
import '../../define/fault-report.js';
import {
  active,
  loaded,
  onStep,
  query,
  shadow,
  tabTo,
  text,
} from '../../test-support/fault-report-fixture.js';
import type { KcFaultReport } from './fault-report.js';

const server: TestServer = { id: '', url: '' };

before(async () => {
  const { config } = await executeServerCommand<{ config: string }, undefined>(
    'fault-report-map-config',
  );
  Object.assign(
    server,
    await executeServerCommand<TestServer, { origin: string; config: string }>(
      'kontakt-server-start',
      { origin: location.origin, config },
    ),
  );
});
after(async () => {
  if (server.id) await stopKontaktServer(server);
});
beforeEach(() => {
  sessionStorage.clear();
});

async function atLocation(): Promise<KcFaultReport> {
  const element = await loaded(
    await fixture<KcFaultReport>(
      html`<kc-fault-report endpoint=${server.url} department="gata" lang="sv"></kc-fault-report>`,
    ),
  );
  query<HTMLInputElement>(element, '#category-hal-i-gata').click();
  await element.updateComplete;
  query(element, '#next').click();
  await onStep(element, 'Var är felet?');
  return element;
}

const tilesLoaded = (element: KcFaultReport) =>
  [...shadow(element).querySelectorAll<HTMLImageElement>('img.leaflet-tile')].filter(
    (img) => img.complete && img.naturalWidth === 256 && img.src.startsWith(location.origin),
  ).length;

describe('<kc-fault-report> map', () => {
  it('loads the map only when asked for, with the department tiles, and places the pin by keyboard', async () => {
    const element = await atLocation();
    expect(shadow(element).querySelector('.leaflet-container')).to.equal(null);
    expect(text(element, '[part~="chosen"]')).to.equal('Ingen plats vald än.');

    await tabTo(element, 'open-map');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => tilesLoaded(element) > 0, 'no tile loaded', { timeout: 10_000 });
    expect(active(element)?.id).to.equal('map');
    expect(query(element, '#map').getAttribute('aria-describedby')).to.equal(
      'map-instructions chosen-place',
    );
    expect(text(element, '[part~="attribution"]')).to.equal('© Testkartan');

    // Enter on the map puts the pin in the middle; the point is told in text.
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(text(element, '[part~="chosen"]')).to.equal('Vald punkt på kartan: 55.60500, 13.00000.');
    // A moment later the department's geocoder names the place there (107 m away), for those who
    // cannot see the pin; the text is a polite live region, so it is read out.
    await waitUntil(
      () => text(element, '[part~="chosen"]').endsWith('Nära Storgatan 12, Malmö.'),
      'the place at the point was not named',
      { timeout: 10_000 },
    );
    expect(text(element, '[part~="chosen"]')).to.equal(
      'Vald punkt på kartan: 55.60500, 13.00000. Nära Storgatan 12, Malmö.',
    );
    expect(query(element, '#chosen-place').getAttribute('aria-live')).to.equal('polite');
    // The map's own keys pan it; on the pin, the arrow keys move the pin.
    await sendKeys({ press: 'Tab' });
    expect(active(element)?.getAttribute('aria-label')).to.equal('Nål vid felet');
    // Its focus ring is the page's focus colour, as every other stop's.
    element.style.setProperty('--kc-color-focus', 'rgb(0, 100, 0)');
    expect(getComputedStyle(active(element) as Element).outlineColor).to.equal('rgb(0, 100, 0)');
    element.style.removeProperty('--kc-color-focus');
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    const moved = text(element, '[part~="chosen"]');
    expect(moved).to.match(/^Vald punkt på kartan: 55\.60500, 13\.000\d\d\.( Nära .*)?$/);
    expect(moved).not.to.contain('55.60500, 13.00000.');
    await expect(element).to.be.accessible();

    // Going on carries the point to the report.
    await tabTo(element, 'next');
    await sendKeys({ press: 'Enter' });
    await onStep(element, 'Foton');
  });

  it('places the pin where the map is clicked', async () => {
    const element = await atLocation();
    query(element, '#open-map').click();
    await waitUntil(() => tilesLoaded(element) > 0, 'no tile loaded', { timeout: 10_000 });
    const box = query(element, '#map').getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + box.width / 4), Math.round(box.top + box.height / 4)],
    });
    await element.updateComplete;
    const chosen = text(element, '[part~="chosen"]');
    const [lat, lon] = (chosen.match(/([\d.]+), ([\d.]+)\.$/) ?? []).slice(1).map(Number);
    // Up and to the left of the middle: north and west of the start.
    expect(lat).to.be.greaterThan(55.605);
    expect(lon).to.be.lessThan(13.0);
  });

  it('does not animate zooms or fades when the person asks for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const element = await atLocation();
      query(element, '#open-map').click();
      await waitUntil(() => tilesLoaded(element) > 0, 'no tile loaded', { timeout: 10_000 });
      expect(shadow(element).querySelector('.leaflet-fade-anim')).to.equal(null);
      expect(query(element, '#map').classList.contains('leaflet-zoom-anim')).to.be.false;
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
