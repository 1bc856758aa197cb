// A later message's photos on the case view's timeline against a real server (embedded store):
// the sender answers with photos (`POST /v1/cases/{reference}/messages`), and the timeline shows
// them under that message's text as the first message's are shown — thumbnails from the agent
// photo route, each named and linked full size, in both languages; nothing for a later message
// without photos; axe-clean.
import { expect, waitUntil } from '@open-wc/testing';
import type { KcConsole } from '../app/console.js';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  cleanupConsoles,
  deepQuery,
  endpointOf,
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

const FIRST = 'Vilken skola får mitt barn?';

/** A message without photos to `skola` (which takes photos with messages); its receipt. */
const sendCase = () => sendSkolaMessage(server, FIRST);

/** The sender adds to the case as the status tracker does, with `photos` uploaded first. */
async function addMessage(
  receipt: { reference: string; receiptToken: string },
  text: string,
  photos: string[],
): Promise<void> {
  const response = await fetch(`${endpointOf(server)}/v1/cases/${receipt.reference}/messages`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${receipt.receiptToken}`,
    },
    body: JSON.stringify({ text, photos }),
  });
  expect(response.status).to.equal(201);
}

/** The case view's timeline entry that shows `text`, once the view has rendered it. */
function entryWith(element: KcConsole, text: string): HTMLLIElement | undefined {
  const root = deepQuery(element, 'kc-case-view')?.shadowRoot;
  const entries = root?.querySelectorAll<HTMLLIElement>('ol.timeline li') ?? [];
  return [...entries].find((entry) => entry.querySelector('.text')?.textContent === text);
}

async function openEntry(reference: string, text: string): Promise<KcConsole> {
  const element = await renderConsole(server, `/cases/${reference}`);
  await signedIn(element, 'anna');
  expect(heading(element)).to.equal(`Ärende ${reference}`);
  await waitUntil(() => entryWith(element, text), 'the later message did not show', {
    timeout: 10_000,
  });
  return element;
}

/** The entry's photos: each image with its link. */
const photosOf = photoLinks;

describe("a later message's photos", () => {
  it('shows them on its timeline entry, under its text, named and in order, axe-clean', async () => {
    const receipt = await sendCase();
    const ids = await uploadPhotos(server, 'skola', 2, '#0d47a1');
    const text = 'Här är beskedet från skolan.';
    await addMessage(receipt, text, ids);
    const element = await openEntry(receipt.reference, text);
    const entry = entryWith(element, text) as HTMLLIElement;

    const said = entry.querySelector('.text') as HTMLElement;
    const photos = entry.querySelector('.photos') as HTMLElement;
    expect(said.compareDocumentPosition(photos) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(entry.querySelector('h3')?.textContent?.trim()).to.equal('Foton');
    const shown = photosOf(entry);
    expect(shown.map(({ image }) => image.alt)).to.deep.equal(['Foto 1 av 2', 'Foto 2 av 2']);
    expect(shown.map(({ link }) => link.title)).to.deep.equal([
      'Öppna foto 1 av 2 i full storlek',
      'Öppna foto 2 av 2 i full storlek',
    ]);
    shown.forEach(({ image, link }, index) => {
      expect(link.href).to.equal(image.src);
      expect(link.href).to.contain(`/v1/agent/cases/${receipt.reference}/photos/${ids[index]}`);
    });
    for (const { image } of shown) {
      await waitUntil(() => image.complete && image.naturalWidth === 64, 'a photo did not load', {
        timeout: 10_000,
      });
    }
    // The first message had none: its section shows no photos.
    const first = deepQuery(element, 'kc-case-view')?.shadowRoot?.querySelector(
      'section[aria-labelledby="message-heading"]',
    );
    expect(first?.textContent).to.contain(FIRST);
    expect(first?.querySelector('.photos')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('speaks English when the console does', async () => {
    const receipt = await sendCase();
    const text = 'A photo of the letter.';
    await addMessage(receipt, text, await uploadPhotos(server, 'skola', 1));
    const element = await openEntry(receipt.reference, text);
    element.setAttribute('lang', 'en');
    await waitUntil(
      () => photosOf(entryWith(element, text))[0]?.image.alt === 'Photo 1 of 1',
      'no English alt',
    );
    const entry = entryWith(element, text);
    expect(photosOf(entry)[0]?.link.title).to.equal('Open photo 1 of 1 full size');
    expect(entry?.querySelector('h3')?.textContent?.trim()).to.equal('Photos');
  });

  it('shows no photo heading or list on a later message without photos', async () => {
    const receipt = await sendCase();
    const text = 'Inga bilder den här gången.';
    await addMessage(receipt, text, []);
    const element = await openEntry(receipt.reference, text);
    const entry = entryWith(element, text) as HTMLLIElement;
    expect(entry.querySelector('h3')).to.equal(null);
    expect(photosOf(entry)).to.have.length(0);
  });
});
