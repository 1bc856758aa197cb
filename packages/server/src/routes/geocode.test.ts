import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  GeocodeResultListSchema,
  ProblemSchema,
  ReverseGeocodeSchema,
} from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reverseUrl } from '../faults/geocoder.js';
import type { TestServer } from '../test-support/departments.js';
import { gata, skola, startTestServer } from '../test-support/departments.js';

let server: TestServer;
let nominatim: Server;
let nominatimUrl: string;
const asked: string[] = [];

beforeAll(async () => {
  // A Nominatim-compatible peer on loopback: answers Storgatan, hangs for "långsam", 500 for "fel".
  // Its reverse: Storgatan 1 at any point, nothing at latitude 0, 500 at latitude 1.
  nominatim = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/reverse') {
      const lat = url.searchParams.get('lat');
      asked.push(
        `reverse ${lat} ${url.searchParams.get('lon')} ${url.searchParams.get('format')} ${url.searchParams.get('addressdetails')}`,
      );
      if (lat === '1') {
        response.writeHead(500).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(
        JSON.stringify(
          lat === '0'
            ? { error: 'Unable to geocode' }
            : {
                display_name:
                  '1, Storgatan, Centrum, Umeå, Umeå kommun, Västerbottens län, 903 26, Sverige',
                lat: '63.8258',
                lon: '20.2630',
                place_id: 2,
                address: { house_number: '1', road: 'Storgatan', suburb: 'Centrum', city: 'Umeå' },
              },
        ),
      );
      return;
    }
    const q = url.searchParams.get('q') ?? '';
    asked.push(
      `${q} ${url.searchParams.get('format')} ${url.searchParams.get('addressdetails')} ${request.headers['user-agent']}`,
    );
    if (q === 'långsam') return;
    if (q === 'fel') {
      response.writeHead(500).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify([
        // As Nominatim names it, with its parts: said "Storgatan, Umeå".
        {
          display_name: 'Storgatan, Centrum, Umeå, Umeå kommun, Västerbottens län, Sverige',
          lat: '63.8258',
          lon: '20.2630',
          place_id: 1,
          address: { road: 'Storgatan', suburb: 'Centrum', city: 'Umeå', country: 'Sverige' },
        },
        // Without its parts: its display name as it is.
        { display_name: 'Storgatan, Luleå', lat: '65.5848', lon: '22.1547' },
        // A park with a name and no street.
        {
          display_name: 'Stadsparken, Centrum, Skellefteå, Sverige',
          lat: '64.7507',
          lon: '20.9528',
          name: 'Stadsparken',
          address: { park: 'Stadsparken', town: 'Skellefteå' },
        },
      ]),
    );
  });
  await new Promise<void>((resolve) => nominatim.listen(0, '127.0.0.1', resolve));
  nominatimUrl = `http://127.0.0.1:${(nominatim.address() as AddressInfo).port}/search`;
  const park = {
    ...skola,
    id: 'park',
    faults: {
      categories: [{ id: 'lekplats', name: { sv: 'Lekplats' } }],
      geocoder: { kind: 'nominatim', url: nominatimUrl, timeoutMs: 300 },
    },
  };
  server = await startTestServer({
    departments: [gata, skola, park],
    rateLimit: { windowMs: 60_000, max: 1000 },
  });
});
afterAll(async () => {
  await server.close();
  nominatim.closeAllConnections();
  await new Promise((resolve) => nominatim.close(resolve));
});

const geocode = (department: string, q: string) =>
  fetch(`${server.url}/v1/geocode?${new URLSearchParams({ department, q })}`);

describe('GET /v1/geocode', () => {
  it("searches the department's own places by any part of their words, best first", async () => {
    const response = await geocode('gata', 'söder');
    expect(response.status).toBe(200);
    const { results } = GeocodeResultListSchema.parse(await response.json());
    expect(results.map((r) => r.label)).toEqual(['Södergatan, Malmö']);
    const gatan = GeocodeResultListSchema.parse(await (await geocode('gata', 'gatan')).json());
    expect(gatan.results.map((r) => r.label)).toEqual([
      'Södergatan, Malmö',
      'Södra Förstadsgatan, Malmö',
    ]);
    const nothing = GeocodeResultListSchema.parse(await (await geocode('gata', 'Kiruna')).json());
    expect(nothing.results).toEqual([]);
  });

  it('asks a Nominatim-compatible service, naming itself, and reuses its answer for a while', async () => {
    asked.length = 0;
    const first = GeocodeResultListSchema.parse(await (await geocode('park', 'Storgatan')).json());
    expect(first.results[0]).toEqual({ label: 'Storgatan, Umeå', lat: 63.8258, lon: 20.263 });
    expect(first.results.map((result) => result.label)).toEqual([
      'Storgatan, Umeå',
      'Storgatan, Luleå',
      'Stadsparken, Skellefteå',
    ]);
    await geocode('park', 'storgatan ');
    expect(asked).toEqual(['Storgatan jsonv2 1 kontakt-server (fault reports)']);
  });

  it('answers 502 geocoder_failed when the service fails or does not answer in time', async () => {
    for (const q of ['fel', 'långsam']) {
      const response = await geocode('park', q);
      expect(response.status).toBe(502);
      expect(ProblemSchema.parse(await response.json()).code).toBe('geocoder_failed');
    }
  });

  it('says a department has no geocoder, and names a query too short', async () => {
    const none = await geocode('skola', 'Storgatan');
    expect(none.status).toBe(404);
    expect(ProblemSchema.parse(await none.json()).code).toBe('geocoder_not_configured');
    const short = ProblemSchema.parse(await (await geocode('gata', 's')).json());
    expect(short.errors).toEqual([expect.objectContaining({ field: 'q', code: 'too_short' })]);
  });
});

const reverse = (department: string, lat: string, lon: string) =>
  fetch(`${server.url}/v1/geocode/reverse?${new URLSearchParams({ department, lat, lon })}`);

describe('GET /v1/geocode/reverse', () => {
  it("names the nearest of the department's own places, only within 250 m", async () => {
    const response = await reverse('gata', '55.6036', '13.0012');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const { place } = ReverseGeocodeSchema.parse(await response.json());
    expect(place).toEqual({
      label: 'Södergatan, Malmö',
      lat: 55.6035,
      lon: 13.0011,
      distanceMeters: 13,
    });
    // Between Södergatan (57 m) and Stortorget (181 m): the nearer one.
    const between = ReverseGeocodeSchema.parse(
      await (await reverse('gata', '55.604', '13.0013')).json(),
    );
    expect(between.place?.label).toBe('Södergatan, Malmö');
    const far = ReverseGeocodeSchema.parse(await (await reverse('gata', '55.58', '13.0')).json());
    expect(far.place).toBeNull();
  });

  it('asks a Nominatim-compatible service for the point rounded to about ten metres, once', async () => {
    asked.length = 0;
    const first = ReverseGeocodeSchema.parse(
      await (await reverse('park', '63.825812345', '20.263049')).json(),
    );
    // The distance is from the person's own point to the address.
    expect(first.place).toEqual({
      label: 'Storgatan 1, Umeå',
      lat: 63.8258,
      lon: 20.263,
      distanceMeters: 3,
    });
    await reverse('park', '63.82579', '20.26301');
    expect(asked).toEqual(['reverse 63.8258 20.263 jsonv2 1']);
    const nothing = ReverseGeocodeSchema.parse(await (await reverse('park', '0', '0')).json());
    expect(nothing.place).toBeNull();
  });

  it('answers 502 when the service fails, 404 without a geocoder, 422 for a point that is none', async () => {
    const failed = await reverse('park', '1', '1');
    expect(failed.status).toBe(502);
    expect(ProblemSchema.parse(await failed.json()).code).toBe('geocoder_failed');
    const none = await reverse('skola', '55.6', '13.0');
    expect(none.status).toBe(404);
    expect(ProblemSchema.parse(await none.json()).code).toBe('geocoder_not_configured');
    const wrong = await reverse('gata', 'north', '200');
    expect(wrong.status).toBe(422);
    expect(ProblemSchema.parse(await wrong.json()).errors).toEqual([
      expect.objectContaining({ field: 'lat', code: 'invalid_format' }),
      expect.objectContaining({ field: 'lon', code: 'invalid_format' }),
    ]);
  });
});

describe('reverseUrl', () => {
  it('finds the reverse endpoint beside the search, keeping its query (a key)', () => {
    const reverseOf = (search: string) => reverseUrl(search).href;
    expect(reverseOf('https://geo.example.se/search')).toBe('https://geo.example.se/reverse');
    expect(reverseOf('https://geo.example.se/nominatim/search.php?key=k1')).toBe(
      'https://geo.example.se/nominatim/reverse.php?key=k1',
    );
    expect(reverseOf('https://geo.example.se/v1/?key=k2')).toBe(
      'https://geo.example.se/v1/reverse?key=k2',
    );
  });
});
