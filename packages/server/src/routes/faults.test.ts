import { createHash } from 'node:crypto';
import {
  FaultCatalogSchema,
  NearbyReportListSchema,
  ProblemSchema,
  ReceiptSchema,
} from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../photos/metadata-fixtures.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer, validFaultSubmission } from '../test-support/departments.js';

let server: TestServer;
// Thursday before Easter 2027, 03:00 in Stockholm: fault reports come at any hour.
const now = new Date('2027-03-25T02:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => now, rateLimit: { windowMs: 60_000, max: 1000 } });
});
afterAll(() => server.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return ProblemSchema.parse(await response.json());
}

describe('GET /v1/departments/:id/faults', () => {
  it('answers the catalog, cacheable, without the geocoder settings', async () => {
    const response = await fetch(`${server.url}/v1/departments/gata/faults`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const catalog = FaultCatalogSchema.parse(JSON.parse(text));
    expect(catalog.department).toBe('gata');
    expect(catalog.geocoder).toBe(true);
    expect(catalog.categories.map((c) => c.id)).toEqual(['gatubelysning', 'hal-i-gata', 'klotter']);
    expect(text).not.toContain('Stortorget');
    expect(response.headers.get('Cache-Control')).toContain('max-age=300');
    const etag = response.headers.get('ETag') ?? '';
    const again = await fetch(`${server.url}/v1/departments/gata/faults`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('says clearly that a department takes no fault reports, and that an unknown one is not there', async () => {
    const none = await fetch(`${server.url}/v1/departments/skola/faults`);
    expect(none.status).toBe(404);
    expect(await problemOf(none)).toMatchObject({ code: 'not_found' });
    const unknown = await fetch(`${server.url}/v1/departments/nope/faults`);
    expect((await problemOf(unknown)).code).toBe('department_not_found');
  });
});

describe('POST /v1/faults', () => {
  it('stores the report as a fault_report case with its fault row and answers a receipt', async () => {
    const response = await post(validFaultSubmission());
    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const receipt = ReceiptSchema.parse(await response.json());
    const { row, fault, events } = await server.database.inspect(async (db) => ({
      row: await db
        .selectFrom('cases')
        .selectAll()
        .where('reference', '=', receipt.reference)
        .executeTakeFirstOrThrow(),
      fault: await db
        .selectFrom('fault_reports')
        .selectAll()
        .where('case_reference', '=', receipt.reference)
        .executeTakeFirstOrThrow(),
      events: await db.selectFrom('events').select(['stream', 'type', 'data']).execute(),
    }));
    expect(row).toMatchObject({
      channel: 'fault_report',
      topic: 'gatubelysning',
      widget: 'kc-fault-report',
      status: 'received',
      receipt_token_hash: createHash('sha256').update(receipt.receiptToken).digest('hex'),
    });
    expect(JSON.parse(row.message)).toMatchObject({
      message: 'Lampan utanför nummer 12 är släckt.',
      name: 'Anna Andersson',
      email: 'anna.andersson@example.se',
    });
    // The inbox search finds it by the sender and the description.
    expect(row.search_text).toContain('anna andersson');
    expect(row.search_text).toContain('släckt');
    expect(fault).toMatchObject({
      department: 'gata',
      category: 'gatubelysning',
      address: 'Södergatan 12',
      photo_count: 0,
    });
    expect(Number(fault.lat)).toBeCloseTo(55.6035, 6);
    expect(Number(fault.accuracy)).toBe(12);
    expect(JSON.parse(fault.answers)).toEqual({
      hur: 'slackt',
      stolpnummer: 'B-1234',
      antal: 2,
      var: ['gata'],
    });
    expect(events).toContainEqual({
      stream: 'inbox',
      type: 'case.created',
      data: JSON.stringify({ reference: receipt.reference }),
    });
  });

  it('takes an anonymous report with only an address and keeps no contact details', async () => {
    const response = await post(
      validFaultSubmission({
        category: 'klotter',
        answers: {},
        location: { address: 'Gångtunneln vid Södervärn' },
        contact: undefined,
        anonymous: true,
      }),
    );
    expect(response.status).toBe(201);
    const { reference } = ReceiptSchema.parse(await response.json());
    const { row, fault } = await server.database.inspect(async (db) => ({
      row: await db
        .selectFrom('cases')
        .select('message')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow(),
      fault: await db
        .selectFrom('fault_reports')
        .selectAll()
        .where('case_reference', '=', reference)
        .executeTakeFirstOrThrow(),
    }));
    const message = JSON.parse(row.message) as Record<string, unknown>;
    expect(message.email).toBeUndefined();
    expect(message.name).toBeUndefined();
    expect(fault).toMatchObject({ lat: null, lon: null, anonymous: 1 });
  });

  it('answers a repeat with the same key with the first receipt, and makes one case', async () => {
    const key = 'fault-key-1';
    const first = await post(validFaultSubmission(), { 'Idempotency-Key': key });
    const second = await post(validFaultSubmission(), { 'Idempotency-Key': key });
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    const a = ReceiptSchema.parse(await first.json());
    const b = ReceiptSchema.parse(await second.json());
    expect(b).toEqual(a);
    const reused = await post(validFaultSubmission({ description: 'Annat' }), {
      'Idempotency-Key': key,
    });
    expect((await problemOf(reused)).code).toBe('idempotency_key_reused');
  });

  it('refuses answers that do not fit the questions, each at answers.<code>', async () => {
    const response = await post(
      validFaultSubmission({
        answers: { stolpnummer: 'B-1', antal: 'många', sedan: 'i tisdags', var: ['tak'], x: 'y' },
      }),
    );
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'report.answers.hur', code: 'required' }),
        expect.objectContaining({ field: 'report.answers.antal', code: 'invalid_format' }),
        expect.objectContaining({ field: 'report.answers.sedan', code: 'invalid_format' }),
        expect.objectContaining({ field: 'report.answers.var', code: 'not_a_choice' }),
        expect.objectContaining({ field: 'report.answers.x', code: 'unknown_attribute' }),
      ]),
    );
    expect(problem.errors).toHaveLength(5);
  });

  it('refuses an unknown category, a department without fault reports, and a location of nothing', async () => {
    const unknown = await problemOf(await post(validFaultSubmission({ category: 'ufo' })));
    expect(unknown.errors).toContainEqual(
      expect.objectContaining({ field: 'report.category', code: 'unknown_category' }),
    );
    const body = validFaultSubmission({ location: {} });
    body.origin.department = 'skola';
    const problem = await problemOf(await post(body));
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'origin.department', code: 'invalid_option' }),
        expect.objectContaining({ field: 'report.location.address', code: 'required' }),
      ]),
    );
  });

  it('attaches uploaded photos to the case, and refuses photos that are unknown or taken', async () => {
    const upload = async (department = 'gata') => {
      const response = await fetch(`${server.url}/v1/photos?department=${department}`, {
        method: 'POST',
        headers: { 'Content-Type': 'image/jpeg' },
        body: fixture('photo.jpg') as Uint8Array<ArrayBuffer>,
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const [a, b] = [await upload(), await upload()];
    const response = await post(validFaultSubmission({ photos: [a, b] }));
    expect(response.status).toBe(201);
    const { reference } = ReceiptSchema.parse(await response.json());
    const { fault, photos } = await server.database.inspect(async (db) => ({
      fault: await db
        .selectFrom('fault_reports')
        .select(['photos', 'photo_count'])
        .where('case_reference', '=', reference)
        .executeTakeFirstOrThrow(),
      photos: await db
        .selectFrom('photos')
        .select(['id', 'position', 'expires_at'])
        .where('case_reference', '=', reference)
        .orderBy('position')
        .execute(),
    }));
    expect(fault).toEqual({ photos: JSON.stringify([a, b]), photo_count: 2 });
    expect(photos).toEqual([
      { id: a, position: 0, expires_at: null },
      { id: b, position: 1, expires_at: null },
    ]);

    const unknown = 'A'.repeat(22);
    const refused = await problemOf(await post(validFaultSubmission({ photos: [a, unknown] })));
    expect(refused.errors).toEqual([
      expect.objectContaining({ field: 'report.photos.0', code: 'unknown_photo' }),
      expect.objectContaining({ field: 'report.photos.1', code: 'unknown_photo' }),
    ]);
  });

  it('refuses more photos than the department takes, naming its maximum however many are sent', async () => {
    const catalog = FaultCatalogSchema.parse(
      await (await fetch(`${server.url}/v1/departments/gata/faults`)).json(),
    );
    const maximum = catalog.photos.maxCount;
    const ids = (count: number) =>
      Array.from({ length: count }, (_, i) => `${String(i).padStart(4, '0')}${'A'.repeat(18)}`);
    // One over the department's maximum, and over the most any department may take (10): the
    // answer names the department's own either way.
    for (const count of [maximum + 1, 11]) {
      const problem = await problemOf(await post(validFaultSubmission({ photos: ids(count) })));
      expect(problem.errors).toEqual([
        {
          field: 'report.photos',
          pointer: '/report/photos',
          code: 'too_long',
          params: { maximum },
        },
      ]);
    }
  });

  it('refuses a page of another site', async () => {
    const response = await post(validFaultSubmission(), { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });
});

describe('GET /v1/faults/nearby', () => {
  const nearby = (query: Record<string, string>) =>
    fetch(`${server.url}/v1/faults/nearby?${new URLSearchParams(query)}`);

  it('lists open reports of the category within the radius, nearest first, rounded, no personal data', async () => {
    // 40 m north and 120 m south of the point; one 400 m away; one of another category.
    const at = (lat: number, category = 'gatubelysning') =>
      post(
        validFaultSubmission({
          category,
          answers: category === 'gatubelysning' ? { hur: 'blinkar' } : {},
          location: { lat, lon: 14.1 },
        }),
      ).then(async (r) => ReceiptSchema.parse(await r.json()).reference);
    const near = await at(55.70036);
    const farther = await at(55.69892);
    await at(55.7036);
    await at(55.7, 'klotter');
    const response = await nearby({
      department: 'gata',
      category: 'gatubelysning',
      lat: '55.7',
      lon: '14.1',
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const list = NearbyReportListSchema.parse(JSON.parse(text));
    expect(list.radiusMeters).toBe(150);
    expect(list.reports.map((r) => r.reference)).toEqual([near, farther]);
    expect(list.reports[0]).toMatchObject({
      status: 'received',
      distanceMeters: 40,
      location: { lat: 55.7004, lon: 14.1 },
    });
    expect(text).not.toContain('Anna');
  });

  it('names the wrong parameters', async () => {
    const response = await nearby({ department: 'skola', category: 'x', lat: 'north', lon: '13' });
    const problem = await problemOf(response);
    expect(problem.errors).toContainEqual(expect.objectContaining({ field: 'lat' }));
    const unknown = await problemOf(
      await nearby({ department: 'gata', category: 'ufo', lat: '55', lon: '13' }),
    );
    expect(unknown.errors).toContainEqual(
      expect.objectContaining({ field: 'category', code: 'unknown_category' }),
    );
  });
});
