// A contact message's photos in the case view against a real server (embedded store): shown
// under the message as a fault report's are — thumbnails loaded with the session cookie from the
// agent photo route, each named and linked full size, in both languages — and nothing for a
// message without photos; axe-clean.
import { expect, waitUntil } from '@open-wc/testing';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  cleanupConsoles,
  deepQuery,
  heading,
  photoLinks,
  renderConsole,
  sendSkolaMessage,
  signedIn,
  startServer,
  stopServer,
  uploadPhotos,
} from '../test-support/console-fixture.js';

let server: TestServer;

before(async () => {
  server = await startServer();
});
after(async () => {
  await stopServer(server);
});
afterEach(cleanupConsoles);

/**
 * A message to `skola` (which takes photos with messages) as the contact form sends it, its
 * photos uploaded first; resolves with its reference and the photos' ids.
 */
async function sendMessage(photos: number): Promise<{ reference: string; ids: string[] }> {
  const ids = await uploadPhotos(server, 'skola', photos, '#1b5e20');
  const text = 'Här är brevet om skolplaceringen som jag fick.';
  const { reference } = await sendSkolaMessage(server, text, ids);
  return { reference, ids };
}

/** The case view's shadow root, once the view's chunk has loaded and rendered it. */
const viewRoot = (element: KcConsole) => deepQuery(element, 'kc-case-view')?.shadowRoot ?? null;

/** The section with the citizen's message. */
const messageSection = (element: KcConsole) =>
  viewRoot(element)?.querySelector<HTMLElement>('section[aria-labelledby="message-heading"]') ??
  null;

async function openCase(reference: string): Promise<KcConsole> {
  const element = await renderConsole(server, `/cases/${reference}`);
  await signedIn(element, 'anna');
  expect(heading(element)).to.equal(`Ärende ${reference}`);
  await waitUntil(() => messageSection(element) !== null, 'the case did not show', {
    timeout: 10_000,
  });
  return element;
}

/** The message section's photos: each image with its link. */
const photosOf = (element: KcConsole) => photoLinks(messageSection(element));

describe("a contact message's photos", () => {
  it('shows them under the message, named and in order, from the agent route, axe-clean', async () => {
    const { reference, ids } = await sendMessage(2);
    const element = await openCase(reference);
    const section = messageSection(element) as HTMLElement;
    expect(section.querySelector('h3')?.textContent?.trim()).to.equal('Foton');
    const shown = photosOf(element);
    expect(shown.map(({ image }) => image.alt)).to.deep.equal(['Foto 1 av 2', 'Foto 2 av 2']);
    expect(shown.map(({ link }) => link.title)).to.deep.equal([
      'Öppna foto 1 av 2 i full storlek',
      'Öppna foto 2 av 2 i full storlek',
    ]);
    shown.forEach(({ image, link }, index) => {
      expect(link.href).to.equal(image.src);
      expect(link.href).to.contain(`/v1/agent/cases/${reference}/photos/${ids[index]}`);
    });
    // Loaded with the session cookie and decoded.
    for (const { image } of shown) {
      await waitUntil(() => image.complete && image.naturalWidth === 64, 'a photo did not load', {
        timeout: 10_000,
      });
    }
    await expect(element).to.be.accessible();
  });

  it('speaks English when the console does', async () => {
    const { reference } = await sendMessage(1);
    const element = await openCase(reference);
    element.setAttribute('lang', 'en');
    await waitUntil(() => photosOf(element)[0]?.image.alt === 'Photo 1 of 1', 'no English alt');
    const [shown] = photosOf(element);
    expect(shown?.link.title).to.equal('Open photo 1 of 1 full size');
    expect(messageSection(element)?.querySelector('h3')?.textContent?.trim()).to.equal('Photos');
  });

  it('shows no photo heading or list for a message without photos', async () => {
    const { reference } = await sendMessage(0);
    const element = await openCase(reference);
    const section = messageSection(element) as HTMLElement;
    expect(section.textContent).to.contain('Här är brevet om skolplaceringen');
    expect(section.querySelector('h3')).to.equal(null);
    expect(photosOf(element)).to.have.length(0);
  });
});
