import { ReceiptSchema, UploadedPhotoSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../photos/metadata-fixtures.js';
import type { TestDatabase, TestServer } from '../test-support/index.js';
import { createTestDatabase, startTestServer, storeUnderTest } from '../test-support/index.js';

/*
 * Photos live in the database, not on an instance's disk: behind a load balancer, a photo
 * uploaded through one instance is attached and served by another. PostgreSQL only (the embedded
 * store belongs to one process).
 */
describe.skipIf(storeUnderTest !== 'postgres')('photos across instances', () => {
  let database: TestDatabase;
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await startTestServer({ database });
    second = await startTestServer({ database });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.remove();
  });

  it('is uploaded through one instance, named by a report sent to another and served by either', async () => {
    const uploaded = await fetch(`${first.url}/v1/photos?department=gata`, {
      method: 'POST',
      headers: { 'Content-Type': 'image/png' },
      body: fixture('photo.png') as Uint8Array<ArrayBuffer>,
    });
    const photo = UploadedPhotoSchema.parse(await uploaded.json());
    const sent = await fetch(`${second.url}/v1/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        origin: {
          department: 'gata',
          pageUrl: 'https://gata.example.se/',
          widget: 'kc-fault-report',
        },
        report: {
          category: 'gatubelysning',
          description: 'Lampan är släckt.',
          answers: { hur: 'slackt' },
          location: { address: 'Storgatan 3' },
          photos: [photo.id],
        },
      }),
    });
    expect(sent.status).toBe(201);
    const receipt = ReceiptSchema.parse(await sent.json());
    for (const instance of [first, second]) {
      const served = await fetch(
        `${instance.url}/v1/cases/${receipt.reference}/photos/${photo.id}`,
        {
          headers: { Authorization: `Bearer ${receipt.receiptToken}` },
        },
      );
      expect(served.status).toBe(200);
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(fixture('photo.png'));
    }
  });
});
