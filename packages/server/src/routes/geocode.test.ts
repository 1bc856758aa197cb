import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GeocodeResultListSchema, ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { gata, skola, startTestServer } from '../test-support/departments.js';

let server: TestServer;
let nominatim: Server;
let nominatimUrl: string;
const asked: string[] = [];

beforeAll(async () => {
  // A Nominatim-compatible peer on loopback: answers Storgatan, hangs for "långsam", 500 for "fel".
  nominatim = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const q = url.searchParams.get('q') ?? '';
    asked.push(`${q} ${url.searchParams.get('format')} ${request.headers['user-agent']}`);
    if (q === 'långsam') return;
    if (q === 'fel') {
      response.writeHead(500).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify([
        { display_name: 'Storgatan, Umeå', lat: '63.8258', lon: '20.2630', place_id: 1 },
        { display_name: 'Storgatan, Luleå', lat: '65.5848', lon: '22.1547' },
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
    await geocode('park', 'storgatan ');
    expect(asked).toEqual(['Storgatan jsonv2 kontakt-server (fault reports)']);
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
