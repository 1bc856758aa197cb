// client.faults against the real reference server: the catalog, nearby reports, sending a report,
// and a report kept in the outbox while the server is down and sent exactly once when it is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jpegWithMetadata } from '@kontakt/server/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import type { KontaktError } from '../errors/KontaktError.js';
import type { NetworkError } from '../errors/NetworkError.js';
import { isNetworkError } from '../errors/NetworkError.js';
import type { ValidationError } from '../errors/ValidationError.js';
import type { OutboxDeliveredEvent } from '../outbox/events.js';
import { memoryStore } from '../outbox/memory-store.js';
import type { FaultOutboxEntry } from '../outbox/types.js';
import type { FaultReportInput, Receipt } from '../schemas/index.js';
import { ReceiptSchema } from '../schemas/index.js';
import { afterThisTest, cleanUp, server } from '../test-support/real-servers.js';

const PAGE = 'https://gata.example.se/felanmalan';
const report: FaultReportInput = {
  category: 'gatubelysning',
  description: 'Lampan utanför Södergatan 12 är släckt.',
  answers: { hur: 'slackt', antal: 1 },
  location: { lat: 55.6035, lon: 13.0011 },
  anonymous: true,
};

afterEach(cleanUp);

const clientFor = (endpoint: string, extra: Partial<Parameters<typeof createClient>[0]> = {}) =>
  createClient({
    endpoint,
    department: 'gata',
    pageUrl: () => PAGE,
    retry: { limit: 1, delay: () => 10 },
    outbox: memoryStore(),
    ...extra,
  });

describe('client.faults', () => {
  it('reads the catalog once per client and offers its categories', async () => {
    const api = await server();
    let requests = 0;
    const counting: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const client = clientFor(api.url, { fetch: counting });
    const catalog = await client.faults.catalog();
    expect(catalog).toMatchObject({ department: 'gata', geocoder: true, nearbyRadiusMeters: 150 });
    const categories = await client.faults.categories();
    expect(categories.map((category) => category.id)).toContain('gatubelysning');
    expect(requests).toBe(1);
  });

  it('lets one caller stop waiting for the catalog without cancelling it for the others', async () => {
    const api = await server();
    const client = clientFor(api.url);
    const controller = new AbortController();
    const first = client.faults.catalog({ signal: controller.signal });
    const second = client.faults.catalog();
    controller.abort();
    const error = (await first.catch((e: unknown) => e)) as KontaktError;
    expect(error.code).toBe('aborted');
    expect((await second).department).toBe('gata');
  });

  it('sends a report and lists it as a nearby open report of its category', async () => {
    const api = await server();
    const client = clientFor(api.url);
    const receipt = await client.faults.submit(report, { widget: 'kc-fault-report' });
    expect(ReceiptSchema.safeParse(receipt).success).toBe(true);
    const nearby = await client.faults.nearby({
      lat: 55.60351,
      lon: 13.00112,
      category: 'gatubelysning',
    });
    expect(nearby.reports.map((r) => r.reference)).toEqual([receipt.reference]);
  });

  it("searches the department's geocoder and names the place at a point", async () => {
    const api = await server();
    const client = clientFor(api.url);
    const found = await client.faults.geocode('söder');
    expect(found.map((place) => place.label)).toEqual(['Södergatan, Malmö']);
    expect(await client.faults.placeAt({ lat: 55.6036, lon: 13.0012 })).toEqual({
      label: 'Södergatan, Malmö',
      lat: 55.6035,
      lon: 13.0011,
      distanceMeters: 13,
    });
    expect(await client.faults.placeAt({ lat: 55.58, lon: 13.0 })).toBeNull();
    // A department without a geocoder says so, in the error's code.
    const skola = clientFor(api.url, { department: 'skola' });
    const error = (await skola.faults
      .placeAt({ lat: 55.6, lon: 13 })
      .catch((e) => e)) as KontaktError;
    expect(error.code).toBe('geocoder_not_configured');
  });

  it('finds an invalid report before sending it, and reports the server’s field errors relative to the report', async () => {
    const api = await server();
    let requests = 0;
    const client = clientFor(api.url, {
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    const local = (await client.faults
      .submit({ ...report, location: {} })
      .catch((e: unknown) => e)) as ValidationError;
    expect(local.fieldErrors).toContainEqual(
      expect.objectContaining({ field: 'location.address', code: 'required' }),
    );
    expect(requests).toBe(0);
    const remote = (await client.faults
      .submit({ ...report, answers: { antal: 'två' } })
      .catch((e: unknown) => e)) as ValidationError;
    expect(remote.fieldErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'answers.hur',
          pointer: '/answers/hur',
          code: 'required',
        }),
        expect.objectContaining({ field: 'answers.antal', code: 'invalid_format' }),
      ]),
    );
  });

  it('keeps a report while the server is down and stores exactly one case once it is up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kontakt-sdk-fault-'));
    afterThisTest(() => rm(dataDir, { recursive: true, force: true }));
    const first = await server({ dataDir });
    const { port, url } = first;
    await first.close();

    const client = clientFor(url);
    const error = (await client.faults.submit(report).catch((e: unknown) => e)) as NetworkError;
    expect(isNetworkError(error)).toBe(true);
    const [kept] = await client.outbox.pending();
    expect(kept).toMatchObject({ id: error.queued?.id, kind: 'fault' });

    const again = await server({ dataDir, port });
    const delivered = new Promise<OutboxDeliveredEvent>((resolve) =>
      client.outbox.addEventListener('delivered', (e) => resolve(e as OutboxDeliveredEvent)),
    );
    await client.outbox.flush();
    await client.outbox.flush();
    const { receipt } = (await delivered) as OutboxDeliveredEvent & { receipt: Receipt };
    expect(await client.outbox.pending()).toEqual([]);
    expect(await again.countCases()).toBe(1);
    const rows = await again.database.inspect((db) =>
      db.selectFrom('fault_reports').select('case_reference').execute(),
    );
    expect(rows).toEqual([{ case_reference: receipt.reference }]);
  });

  it('sends a report kept longer than the server keeps its uploaded photo, with the photo uploaded again', async () => {
    // The server's clock, moved on to play "a day later".
    let later = 0;
    const api = await server({ now: () => new Date(Date.now() + later) });
    // The network drops the report itself, after its photo got through.
    let down = true;
    const dropping: typeof fetch = (input, init) =>
      down && urlOf(input).includes('/v1/faults')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetch(input, init);
    const client = clientFor(api.url, { fetch: dropping });
    const photo = new Blob([new Uint8Array(jpegWithMetadata())], { type: 'image/jpeg' });
    const error = await client.faults.submit(report, { photos: [photo] }).catch((e: unknown) => e);
    expect(isNetworkError(error) && error.queued).toBeTruthy();
    const [kept] = (await client.outbox.pending()) as [FaultOutboxEntry?];
    const [firstId = ''] = kept?.submission.report.photos ?? [];
    expect(kept?.uploaded?.[firstId]?.size).toBe(photo.size);

    later = 25 * 60 * 60_000;
    down = false;
    const delivered = new Promise<OutboxDeliveredEvent>((resolve) =>
      client.outbox.addEventListener('delivered', (e) => resolve(e as OutboxDeliveredEvent)),
    );
    await client.outbox.flush();
    const { receipt } = (await delivered) as OutboxDeliveredEvent & { receipt: Receipt };

    expect(await client.outbox.pending()).toEqual([]);
    expect(await api.countCases()).toBe(1);
    const attached = await api.database.inspect((db) =>
      db
        .selectFrom('photos')
        .select('id')
        .where('case_reference', '=', receipt.reference)
        .execute(),
    );
    expect(attached).toHaveLength(1);
    expect(attached[0]?.id).not.toBe(firstId);
  });
});

/** The URL a `fetch` is called for (ky passes a `Request`, not always this realm's). */
const urlOf = (input: Parameters<typeof fetch>[0]) =>
  typeof input === 'object' && 'url' in input ? input.url : String(input);
