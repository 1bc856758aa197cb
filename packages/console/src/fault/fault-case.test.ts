// A fault report in the console against a real server (embedded store): the case opens with its
// category, the answers in the questions' words, the place in text and on a map drawn from local
// tiles, and the photo loaded with the session cookie from the agent photo route; axe-clean.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  allInView,
  announces,
  cleanupConsoles,
  deepQuery,
  focused,
  heading,
  postPublic,
  renderConsole,
  signedIn,
  startServer,
  stopServer,
  uploadPhotos,
} from '../test-support/console-fixture.js';

let server: TestServer;

before(async () => {
  const { config } = await executeServerCommand<{ config: string }, undefined>(
    'console-fault-config',
  );
  server = await startServer(config);
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

/** A fault report as the widget sends it (a photo uploaded first); resolves with its reference. */
async function reportFault(report: Record<string, unknown>, photos = 0): Promise<string> {
  const ids = await uploadPhotos(server, 'gata', photos, '#b3261e');
  const receipt = (await postPublic(
    server,
    '/v1/faults',
    JSON.stringify({
      origin: {
        department: 'gata',
        pageUrl: 'https://gata.example.se/felanmalan',
        widget: 'fault-report',
      },
      report: { category: 'gatubelysning', photos: ids, ...report },
    }),
    'application/json',
  )) as { reference: string };
  return receipt.reference;
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

const section = (element: KcConsole) => {
  const view = deepQuery(element, 'kc-case-view');
  return view ? deepQuery(view, 'kc-fault-section') : null;
};
const inSection = <T extends Element = HTMLElement>(element: KcConsole, selector: string) => {
  const found = section(element);
  return found ? deepQuery<T>(found, selector) : null;
};

async function openCase(reference: string): Promise<KcConsole> {
  const element = await renderConsole(server, `/cases/${reference}`);
  await signedIn(element, 'anna');
  expect(heading(element)).to.equal(`Ärende ${reference}`);
  await waitUntil(
    () => inSection(element, '#fault-heading') !== null,
    'the fault section did not show',
    { timeout: 10_000 },
  );
  return element;
}

describe('a fault case', () => {
  it('shows category, answers, place, map and photo, axe-clean', async function () {
    this.timeout(40_000);
    const reference = await reportFault(
      {
        description: 'Lampan vid busshållplatsen är släckt.',
        answers: { hur: 'slackt', stolpnummer: 'GB-1234' },
        location: { lat: 55.6056, lon: 13.0018, accuracy: 12, address: 'Stortorget 1, Malmö' },
        contact: { name: 'Karin Persson', email: 'karin@example.se' },
      },
      1,
    );
    const element = await openCase(reference);
    const root = section(element)?.shadowRoot as ShadowRoot;
    // The category's and the choices' names from the catalog, not their ids.
    await waitUntil(() => root.textContent?.includes('Trasig gatubelysning'), 'no category name');
    const text = (root.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('Lyser lampan inte alls, eller blinkar den?');
    expect(text).to.contain('Helt släckt');
    expect(text).to.contain('Stolpnummer');
    expect(text).to.contain('GB-1234');
    // The place in text, always, besides the map.
    expect(text).to.contain('Stortorget 1, Malmö');
    expect(text).to.contain('55.60560, 13.00180');
    expect(text).to.contain('± 12 m');

    // The map from the local tiles, with the pin, named and described, usable by keyboard.
    await waitUntil(
      () => root.querySelectorAll('#fault-map img.leaflet-tile-loaded').length > 0,
      'no tile loaded',
      { timeout: 10_000 },
    );
    const map = root.querySelector('#fault-map') as HTMLElement;
    expect(map.getAttribute('aria-label')).to.equal('Karta över platsen');
    expect(map.getAttribute('aria-describedby')).to.equal('fault-map-help');
    expect(map.tabIndex).to.equal(0);
    const tile = root.querySelector('#fault-map img.leaflet-tile') as HTMLImageElement;
    expect(tile.src).to.contain('/packages/console/src/fault/test-tiles/tile.png');
    expect(root.querySelector('#fault-map [role="img"][aria-label="Den anmälda platsen"]')).to
      .exist;
    // By keyboard: the focused map zooms with + and - (Leaflet's keys), and the buttons beside it.
    const zoomed = (z: number) =>
      [...root.querySelectorAll<HTMLImageElement>('#fault-map img.leaflet-tile-loaded')].some(
        (each) => new URL(each.src).searchParams.get('z') === String(z),
      );
    expect(zoomed(17)).to.equal(true);
    map.focus();
    await sendKeys({ press: '-' });
    await waitUntil(() => zoomed(16), 'the map did not zoom out by keyboard', { timeout: 10_000 });
    // Leaflet takes no new zoom while one is animating: the button is pressed once it is done.
    await waitUntil(
      () => !root.querySelector('.leaflet-map-pane')?.classList.contains('leaflet-zoom-anim'),
      'still zooming',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const zoomOut = [...root.querySelectorAll<HTMLButtonElement>('.map-tools button')].find(
      (button) => button.textContent?.trim() === 'Zooma ut',
    ) as HTMLButtonElement;
    zoomOut.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => zoomed(15), 'the map did not zoom out by its button', {
      timeout: 10_000,
    });

    // The photo from the agent route with the session cookie, decoded, with its alt text.
    const image = root.querySelector('.photos img') as HTMLImageElement;
    expect(image.alt).to.equal('Foto 1 av 1');
    await waitUntil(() => image.complete && image.naturalWidth === 64, 'the photo did not load', {
      timeout: 10_000,
    });
    const link = image.closest('a') as HTMLAnchorElement;
    expect(link.href).to.equal(image.src);
    expect(link.href).to.contain(`/v1/agent/cases/${reference}/photos/`);

    // The contact details are the case view's own, as for every case.
    const view = deepQuery(element, 'kc-case-view') as HTMLElement;
    expect(deepQuery(view, 'a[href="mailto:karin@example.se"]')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('without a point shows the address and no map; anonymous says so', async () => {
    const reference = await reportFault({
      description: 'Lampan blinkar hela natten.',
      answers: { hur: 'blinkar' },
      location: { address: 'Södergatan 5, Malmö' },
      anonymous: true,
    });
    const element = await openCase(reference);
    const root = section(element)?.shadowRoot as ShadowRoot;
    await waitUntil(() => root.textContent?.includes('Blinkar'), 'no answer');
    const text = (root.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('Södergatan 5, Malmö');
    expect(text).to.contain('Anonym anmälan');
    expect(text).to.contain('Inga foton.');
    expect(root.querySelector('#fault-map')).to.equal(null);
    expect(allInView(element, 'kc-case-view', 'kc-fault-section')).to.have.length(1);
    await expect(element).to.be.accessible();
  });

  it('with a point and no address names the nearest known place, from the geocoder', async () => {
    // Chosen on the map, 13 m from Stortorget (the department's geocoder knows it).
    const reference = await reportFault({
      description: 'Lampan är trasig.',
      answers: { hur: 'slackt' },
      location: { lat: 55.6057, lon: 13.0019 },
      anonymous: true,
    });
    const element = await openCase(reference);
    const root = section(element)?.shadowRoot as ShadowRoot;
    await waitUntil(
      () => root.textContent?.includes('Närmaste kända plats'),
      'the place at the point was not named',
      { timeout: 10_000 },
    );
    const text = (root.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('55.60570, 13.00190');
    expect(text).to.contain('Närmaste kända plats Stortorget, Malmö (13 m från punkten)');
    await expect(element).to.be.accessible();
  });

  it('is marked a duplicate of a nearby report by keyboard, then says of which, axe-clean', async function () {
    this.timeout(60_000);
    const place = { lat: 55.6001, lon: 13.0101 };
    const original = await reportFault({
      description: 'Lampan är släckt.',
      answers: { hur: 'slackt' },
      location: place,
    });
    const duplicate = await reportFault({
      description: 'Mörkt vid övergångsstället.',
      answers: { hur: 'slackt' },
      location: { lat: place.lat + 0.0002, lon: place.lon },
    });
    const element = await openCase(duplicate);
    const view = deepQuery(element, 'kc-case-view') as HTMLElement;
    const root = view.shadowRoot as ShadowRoot;
    const pick = () =>
      deepQuery<HTMLButtonElement>(
        root.querySelector('kc-duplicate-suggestions') as HTMLElement,
        'button',
      );
    await waitUntil(() => pick() !== null, 'no suggestions', { timeout: 10_000 });
    const suggestions = root.querySelector('kc-duplicate-suggestions')?.shadowRoot?.textContent;
    expect(suggestions).to.contain(original);
    expect(suggestions).to.not.contain(`${duplicate},`);
    const candidate = root
      .querySelector('kc-duplicate-suggestions')
      ?.shadowRoot?.querySelector('a') as HTMLAnchorElement;
    expect(candidate.textContent).to.equal(original);
    expect(new URL(candidate.href).pathname).to.equal(`/console/cases/${original}`);
    await expect(element).to.be.accessible();

    // A wrong reference is said at the field, focus on it.
    const field = root.querySelector('#duplicate-of') as HTMLInputElement;
    field.focus();
    await sendKeys({ type: 'KC-nej' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === field && field.getAttribute('aria-invalid') === 'true');
    expect(root.querySelector('#duplicate-of-error')?.textContent).to.contain('KC-7F3K-9QXM');

    // The suggestion picked by keyboard fills the field; Enter asks to confirm; Enter confirms.
    for (let i = 0; i < 10 && focused() !== pick(); i++) await shiftTab();
    expect(focused()).to.equal(pick());
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused() === field, 'focus not back on the field');
    expect(field.value).to.equal(original);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => (focused() as HTMLElement | null)?.id === 'duplicate-yes', 'no confirm');
    expect(root.querySelector('#duplicate-confirm-text')?.textContent).to.contain(original);
    await expect(element).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => announces(element, `Markerat som dubblett av ${original}.`),
      'not announced',
      { timeout: 10_000 },
    );
    const link = root.querySelector('#duplicate-of-link') as HTMLAnchorElement;
    expect(link.textContent?.trim()).to.equal(original);
    expect(focused()).to.equal(link);
    expect(new URL(link.href).pathname).to.equal(`/console/cases/${original}`);
    expect(root.textContent).to.contain('Dubblett av');
    await expect(element).to.be.accessible();

    // The link opens the original.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(element) === `Ärende ${original}`, 'the original did not open');
  });

  it('refuses the case itself, at the field', async () => {
    const reference = await reportFault({
      description: 'Lampan blinkar.',
      answers: { hur: 'blinkar' },
      location: { address: 'Stortorget 2, Malmö' },
    });
    const element = await openCase(reference);
    const root = (deepQuery(element, 'kc-case-view') as HTMLElement).shadowRoot as ShadowRoot;
    const field = root.querySelector('#duplicate-of') as HTMLInputElement;
    field.focus();
    await sendKeys({ type: reference.toLowerCase().replaceAll('-', ' ') });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('#duplicate-of-error') !== null);
    expect(root.querySelector('#duplicate-of-error')?.textContent).to.contain('sig självt');
    expect(focused()).to.equal(field);
  });

  it('is listed in the inbox as a fault report with its category and place, axe-clean', async () => {
    const withAddress = await reportFault({
      description: 'Stolpen lutar och lampan är släckt.',
      answers: { hur: 'slackt' },
      location: { lat: 55.5975, lon: 13.0047, address: 'Södra Förstadsgatan 10, Malmö' },
    });
    const withPoint = await reportFault({
      description: 'Lampan blinkar vid lekplatsen.',
      answers: { hur: 'blinkar' },
      location: { lat: 55.59123, lon: 13.01234 },
    });
    const element = await renderConsole(server);
    await signedIn(element, 'anna');
    const row = (reference: string) =>
      (
        allInView(element, 'kc-inbox-view', 'tbody tr').find((each) =>
          each.textContent?.includes(reference),
        )?.textContent ?? ''
      ).replace(/\s+/g, ' ');
    await waitUntil(() => row(withAddress).includes('Trasig gatubelysning'), 'no category name', {
      timeout: 10_000,
    });
    expect(row(withAddress)).to.contain('Felanmälan');
    expect(row(withAddress)).to.contain('Plats: Södra Förstadsgatan 10, Malmö');
    expect(row(withAddress)).to.contain('Stolpen lutar');
    expect(row(withPoint)).to.contain('Trasig gatubelysning');
    expect(row(withPoint)).to.contain('Plats: 55.59123, 13.01234');
    await expect(element).to.be.accessible();
  });

  it('speaks English when the console does', async () => {
    const reference = await reportFault(
      {
        description: 'The light is out.',
        answers: { hur: 'slackt' },
        location: { address: 'Stortorget 3, Malmö' },
        anonymous: true,
        answerLanguage: 'en',
      },
      1,
    );
    const element = await openCase(reference);
    element.setAttribute('lang', 'en');
    const root = section(element)?.shadowRoot as ShadowRoot;
    await waitUntil(() => root.textContent?.includes('Broken street light'), 'no English name', {
      timeout: 10_000,
    });
    const text = (root.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).to.contain('Out or blinking?');
    expect(text).to.contain('Completely out');
    expect(text).to.contain('Anonymous report');
    expect((root.querySelector('.photos img') as HTMLImageElement).alt).to.equal('Photo 1 of 1');
    await expect(element).to.be.accessible();
  });
});
