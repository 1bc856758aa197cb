// client.photos.upload against the real reference server (in-process, random port): in Node the
// upload goes through ky and fetch; errors arrive as the SDK's typed errors.
import { readFileSync } from 'node:fs';
import type { TestServer } from '@kontakt/server/test-support';
import { startTestServer } from '@kontakt/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { isKontaktError } from '../errors/KontaktError.js';
import { isNetworkError } from '../errors/NetworkError.js';

const jpeg = readFileSync(
  new URL('../../../server/src/photos/fixtures/photo.jpg', import.meta.url),
);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const client = (endpoint = server.url) =>
  createClient({ endpoint, department: 'gata', outbox: false, retry: 0 });

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('resolved');
};

describe('client.photos.upload', () => {
  it('uploads a photo and resolves with its id, sniffed type and size, telling the progress', async () => {
    const progress: Array<[number, number]> = [];
    const photo = await client().photos.upload(new Blob([jpeg], { type: 'image/jpeg' }), {
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(photo).toMatchObject({ type: 'image/jpeg', width: 64, height: 48, bytes: jpeg.length });
    expect(progress).toEqual([
      [0, jpeg.length],
      [jpeg.length, jpeg.length],
    ]);
  });

  it('sends a blob without a type as an image and lets the server decide what it is', async () => {
    const photo = await client().photos.upload(new Blob([jpeg]));
    expect(photo.type).toBe('image/jpeg');
  });

  it('rejects what is not a photo with the server’s unsupported_media_type', async () => {
    const error = await rejection(
      client().photos.upload(new Blob(['Lampan är trasig'], { type: 'image/jpeg' })),
    );
    expect(isKontaktError(error) && error.code).toBe('unsupported_media_type');
    expect(isKontaktError(error) && error.status).toBe(415);
  });

  it('refuses a blob that says it is not an image before sending it', async () => {
    const error = await rejection(client().photos.upload(new Blob(['x'], { type: 'text/plain' })));
    expect(isKontaktError(error) && error.code).toBe('unsupported_media_type');
    expect(isKontaktError(error) && error.status).toBeUndefined();
  });

  it('rejects a photo over the department’s limit with payload_too_large', async () => {
    const error = await rejection(
      client().photos.upload(new Blob([new Uint8Array(2_000_001)], { type: 'image/jpeg' })),
    );
    expect(isKontaktError(error) && error.code).toBe('payload_too_large');
  });

  it('rejects with a NetworkError when the server cannot be reached', async () => {
    const error = await rejection(
      client('http://127.0.0.1:9').photos.upload(new Blob([jpeg], { type: 'image/jpeg' })),
    );
    expect(isNetworkError(error)).toBe(true);
  });

  it('rejects with aborted when the caller cancels', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(
      client().photos.upload(new Blob([jpeg], { type: 'image/jpeg' }), {
        signal: controller.signal,
      }),
    );
    expect(isKontaktError(error) && error.code).toBe('aborted');
  });
});
