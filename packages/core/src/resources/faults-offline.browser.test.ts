// A fault report made while the server is down, with two photos, in a real Chromium: kept in the
// IndexedDB outbox with the photos as Blobs, sent when the server is back, stored exactly once with
// both photos, which its sender can then open with the receipt token.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createClient } from '../client.js';
import type { NetworkError } from '../errors/NetworkError.js';
import type { OutboxDeliveredEvent } from '../outbox/events.js';
import { indexedDBStore } from '../outbox/indexeddb-store.js';
import type { Receipt } from '../schemas/index.js';

interface Server {
  id: string;
  url: string;
}

const start = () =>
  executeServerCommand<Server, { origin: string; config: string }>('kontakt-server-start', {
    origin: location.origin,
    config: 'examples/demo/departments.json',
  });
const command = <T>(name: string, server: Server) =>
  executeServerCommand<T, { id: string }>(name, { id: server.id });

/** A small JPEG drawn on a canvas (what the widget sends after scaling and re-encoding). */
async function photo(colour: string): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.fillStyle = colour;
  context.fillRect(0, 0, 64, 48);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob as Blob), 'image/jpeg'));
}

describe('client.faults offline', () => {
  it('keeps a report with its photos while the server is down and stores it once, photos intact', async function () {
    this.timeout(60_000);
    const server = await start();
    await command('kontakt-server-stop', server);
    const store = indexedDBStore({ name: `kontakt-outbox-faults-${Date.now()}` });
    const client = createClient({
      endpoint: server.url,
      department: 'gata',
      retry: { limit: 0 },
      outbox: store,
    });
    const photos = [await photo('#c00'), await photo('#00c')];

    const error = (await client.faults
      .submit(
        {
          category: 'gatubelysning',
          description: 'Lampan vid Södergatan 12 är släckt.',
          answers: { hur: 'slackt' },
          location: { lat: 55.6036, lon: 13.0011 },
          anonymous: true,
        },
        { photos, widget: 'kc-fault-report' },
      )
      .catch((e: unknown) => e)) as NetworkError;
    expect(error.queued?.id).to.be.a('string');
    const [kept] = await client.outbox.pending();
    expect(kept?.kind).to.equal('fault');
    const keptPhotos = kept?.kind === 'fault' ? (kept.photos ?? []) : [];
    expect(keptPhotos.map((blob) => blob.size)).to.deep.equal(photos.map((blob) => blob.size));

    await command('kontakt-server-restart', server);
    const delivered = new Promise<OutboxDeliveredEvent>((resolve) =>
      client.outbox.addEventListener('delivered', (event) =>
        resolve(event as OutboxDeliveredEvent),
      ),
    );
    await client.outbox.flush();
    const { entry, receipt } = (await delivered) as OutboxDeliveredEvent & { receipt: Receipt };
    await client.outbox.flush();
    expect(await client.outbox.pending()).to.deep.equal([]);
    await waitUntil(
      async () =>
        (await command<{ count: number }>('kontakt-server-count-cases', server)).count === 1,
    );

    // Both photos arrived with the report, in order, and open with the receipt token.
    const ids = entry.kind === 'fault' ? entry.submission.report.photos : [];
    expect(ids).to.have.length(2);
    for (const id of ids) {
      const response = await fetch(`${server.url}/v1/cases/${receipt.reference}/photos/${id}`, {
        headers: { Authorization: `Bearer ${receipt.receiptToken}` },
      });
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.equal('image/jpeg');
      const bitmap = await createImageBitmap(await response.blob());
      expect([bitmap.width, bitmap.height]).to.deep.equal([64, 48]);
    }
    await command('kontakt-server-stop', server);
  });
});
