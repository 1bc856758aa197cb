import { createClient, isKontaktError } from '@kontakt/core';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TestServer } from '../../test-support/kontakt-server.js';
import { stopKontaktServer } from '../../test-support/kontakt-server.js';
import {
  blobContains,
  exifBlock,
  halves,
  PLANTED,
  pixelAt,
  toBlob,
  withExif,
} from './exif-fixtures.js';
import type { ReadyPhoto } from './prepare-photo.js';
import { preparePhoto } from './prepare-photo.js';

const settings = { maxEdge: 1600, maxBytes: 2_000_000 };

async function ready(file: Blob, options = settings): Promise<ReadyPhoto> {
  const prepared = await preparePhoto(file, options);
  if (!prepared.ok) throw new Error(`refused: ${prepared.problem}`);
  return prepared;
}

const isRed = ([r, g, b]: number[]) => (r ?? 0) > 200 && (g ?? 0) < 60 && (b ?? 0) < 60;
const isBlue = ([r, g, b]: number[]) => (r ?? 0) < 60 && (g ?? 0) < 60 && (b ?? 0) > 200;

/** A photo-like picture: noise that JPEG cannot squeeze much. */
function noisy(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d');
  const image = context.createImageData(width, height);
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 2654435761) >>> 24;
  context.putImageData(image, 0, 0);
  return canvas;
}

describe('preparePhoto', () => {
  it('re-encodes a JPEG with GPS Exif as a JPEG without any of it', async () => {
    const input = await withExif(await toBlob(halves(400, 300), 'image/jpeg', 0.9), exifBlock());
    for (const planted of PLANTED) expect(await blobContains(input, planted)).to.equal(true);
    const photo = await ready(input);
    expect(photo).to.include({ type: 'image/jpeg', width: 400, height: 300 });
    expect(photo.blob.type).to.equal('image/jpeg');
    for (const planted of PLANTED) expect(await blobContains(photo.blob, planted)).to.equal(false);
  });

  it('turns a photo the camera stored on its side (Exif orientation 6) upright', async () => {
    // Stored 80 × 40, left half red; orientation 6 means "rotate 90° clockwise to show it".
    const input = await withExif(await toBlob(halves(80, 40), 'image/jpeg', 0.95), exifBlock(6));
    const photo = await ready(input);
    expect([photo.width, photo.height]).to.deep.equal([40, 80]);
    // Upright, the red half is on top; the new file needs no rotation to be shown so.
    expect(isRed(await pixelAt(photo.blob, 20, 10))).to.equal(true);
    expect(isBlue(await pixelAt(photo.blob, 20, 70))).to.equal(true);
    expect(await blobContains(photo.blob, 'Exif')).to.equal(false);
  });

  it('scales a huge PNG (24 megapixels) down to the longest side allowed', async () => {
    const input = await toBlob(halves(6000, 4000), 'image/png');
    const photo = await ready(input, { maxEdge: 1200, maxBytes: 500_000 });
    expect([photo.width, photo.height]).to.deep.equal([1200, 800]);
    expect(photo.blob.size).to.be.at.most(500_000);
    expect(isRed(await pixelAt(photo.blob, 10, 400))).to.equal(true);
  });

  it('lowers the quality, then the size, until the photo fits the byte limit', async () => {
    const input = await toBlob(noisy(1600, 1200), 'image/png');
    const photo = await ready(input, { maxEdge: 1600, maxBytes: 60_000 });
    expect(photo.blob.size).to.be.at.most(60_000);
    expect(photo.width).to.be.at.most(1600);
    expect(photo.width / photo.height).to.be.closeTo(4 / 3, 0.01);
  });

  it('keeps a small photo at its own size', async () => {
    const photo = await ready(await toBlob(halves(64, 48), 'image/webp'));
    expect([photo.width, photo.height]).to.deep.equal([64, 48]);
  });

  it('refuses a HEIC photo this browser cannot decode as heic_unsupported', async () => {
    const heic = new Blob(
      [Uint8Array.of(0, 0, 0, 24), 'ftypheic', new Uint8Array(12), 'mif1heic'],
      {
        type: 'image/heic',
      },
    );
    expect(await preparePhoto(heic, settings)).to.deep.equal({
      ok: false,
      problem: 'heic_unsupported',
    });
  });

  it('refuses a text file named like a photo as not_an_image', async () => {
    const text = new File(['Lampan på Storgatan 3 är trasig.'], 'lampa.jpg', {
      type: 'image/jpeg',
    });
    expect(await preparePhoto(text, settings)).to.deep.equal({
      ok: false,
      problem: 'not_an_image',
    });
  });

  it('refuses a damaged JPEG as decode_failed', async () => {
    const bytes = new Uint8Array(await (await toBlob(halves(64, 48), 'image/jpeg')).arrayBuffer());
    const broken = new Blob([bytes.subarray(0, 200)], { type: 'image/jpeg' });
    expect(await preparePhoto(broken, settings)).to.deep.equal({
      ok: false,
      problem: 'decode_failed',
    });
  });

  it('refuses a picture declaring 20,000 × 20,000 pixels before decoding it', async () => {
    const png = new Uint8Array(await (await toBlob(halves(64, 48), 'image/png')).arrayBuffer());
    const view = new DataView(png.buffer);
    view.setUint32(16, 20_000);
    view.setUint32(20, 20_000);
    expect(await preparePhoto(new Blob([png]), settings)).to.deep.equal({
      ok: false,
      problem: 'too_large',
    });
  });
});

/** A server whose gata takes fault reports (photos of at most 1200 px and 400 KB). */
const startFaultServer = () =>
  executeServerCommand<TestServer, { origin: string; config: string }>('kontakt-server-start', {
    origin: location.origin,
    config: 'packages/widgets/src/internal/photos/test-fixtures/departments.json',
  });

describe('a prepared photo on the wire', () => {
  let server: TestServer;
  before(async () => {
    server = await startFaultServer();
  });
  after(async () => {
    await stopKontaktServer(server);
  });

  it('uploads with progress, and the server stores it as the JPEG it is, with nothing to strip', async () => {
    const input = await withExif(await toBlob(noisy(800, 600), 'image/jpeg', 0.95), exifBlock(6));
    const photo = await ready(input, { maxEdge: 1200, maxBytes: 400_000 });
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const progress: number[] = [];
    const uploaded = await client.photos.upload(photo.blob, {
      onProgress: (loaded, total) => {
        expect(total).to.equal(photo.blob.size);
        progress.push(loaded);
      },
    });
    expect(uploaded).to.include({ type: 'image/jpeg', width: 600, height: 800 });
    // The server strips metadata too; the same size means there was none left to strip.
    expect(uploaded.bytes).to.equal(photo.blob.size);
    expect(progress[0]).to.equal(0);
    expect(progress.at(-1)).to.equal(photo.blob.size);
  });

  it('rejects what the server refuses with its typed error', async () => {
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const gif = new Blob(['GIF89a\x01\0\x01\0\0\0\0;'], { type: 'image/gif' });
    const error = await client.photos.upload(gif).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isKontaktError(error) && error.code).to.equal('unsupported_media_type');
    expect(isKontaktError(error) && error.status).to.equal(415);
  });

  it('cancels an upload when asked', async () => {
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const controller = new AbortController();
    const photo = await ready(await toBlob(noisy(1600, 1200), 'image/png'));
    const upload = client.photos.upload(photo.blob, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    const error = await upload.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isKontaktError(error) && error.code).to.equal('aborted');
  });
});

describe('a photo from the camera to the case', () => {
  let server: TestServer;
  before(async () => {
    server = await startFaultServer();
  });
  after(async () => {
    await stopKontaktServer(server);
  });

  const report = {
    category: 'gatubelysning',
    description: 'Lampan vid busshållplatsen är släckt.',
    location: { lat: 55.605, lon: 13.0038 },
  };

  it('reaches the case without its GPS position: processed, uploaded, named by the report, served', async () => {
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const { photos: limits } = await client.faults.catalog();
    const input = await withExif(await toBlob(noisy(1600, 1200), 'image/jpeg', 0.95), exifBlock(6));
    const photo = await ready(input, limits);
    expect([photo.width, photo.height]).to.deep.equal([900, 1200]);
    expect(photo.blob.size).to.be.at.most(400_000);
    const uploaded = await client.photos.upload(photo.blob);
    const receipt = await client.faults.submit({ ...report, photos: [uploaded.id] });

    const response = await fetch(
      `${server.url}/v1/cases/${receipt.reference}/photos/${uploaded.id}`,
      {
        headers: { Authorization: `Bearer ${receipt.receiptToken}` },
      },
    );
    expect(response.status).to.equal(200);
    const stored = await response.blob();
    expect(stored.type).to.equal('image/jpeg');
    expect(stored.size).to.equal(photo.blob.size);
    for (const planted of PLANTED) expect(await blobContains(stored, planted)).to.equal(false);
    const bitmap = await createImageBitmap(stored);
    expect([bitmap.width, bitmap.height]).to.deep.equal([900, 1200]);
  });

  it('is uploaded by faults.submit itself, with progress, and counted on the public case', async () => {
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const photos = await Promise.all(
      [halves(640, 480), halves(480, 640)].map(
        async (canvas) =>
          (await ready(await toBlob(canvas, 'image/png'), { maxEdge: 1200, maxBytes: 400_000 }))
            .blob,
      ),
    );
    const total = photos.reduce((sum, blob) => sum + blob.size, 0);
    const progress: number[] = [];
    const receipt = await client.faults.submit(report, {
      photos,
      onProgress: ({ loaded, total: of }) => {
        expect(of).to.equal(total);
        progress.push(loaded);
      },
    });
    expect(progress.at(-1)).to.equal(total);
    const { case: found } = await client.cases.lookup(receipt.reference, {
      token: receipt.receiptToken,
    });
    expect(found.fault?.photoCount).to.equal(2);
  });

  it('is refused by the server when it was uploaded for another report already', async () => {
    const client = createClient({ endpoint: server.url, department: 'gata', outbox: false });
    const photo = await ready(await toBlob(halves(64, 48), 'image/jpeg'));
    const uploaded = await client.photos.upload(photo.blob);
    await client.faults.submit({ ...report, photos: [uploaded.id] });
    const error = await client.faults.submit({ ...report, photos: [uploaded.id] }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isKontaktError(error) && error.fieldErrors[0]?.code).to.equal('unknown_photo');
  });
});
