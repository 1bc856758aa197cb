import { createHash } from 'node:crypto';
import { createClient } from '@kontakt/core';
import { DepartmentSchema, ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('GET /v1/departments', () => {
  it('lists every department with defaults filled in', async () => {
    const response = await fetch(`${server.url}/v1/departments`);
    expect(response.status).toBe(200);
    const { departments } = (await response.json()) as { departments: unknown[] };
    const parsed = departments.map((d) => DepartmentSchema.parse(d));
    expect(parsed.map((d) => d.id)).toEqual(['gata', 'skola']);
    expect(parsed[0]?.openingHours).toMatchObject({
      timeZone: 'Europe/Stockholm',
      closedOnPublicHolidays: true,
    });
  });

  it('gives one department by id', async () => {
    const response = await fetch(`${server.url}/v1/departments/skola`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toContain('max-age');
    const department = DepartmentSchema.parse(await response.json());
    expect(department.name.sv).toBe('Grundskoleförvaltningen');
    expect(department.categories.map((c) => c.id)).toContain('skolskjuts');
  });

  it('answers 404 department_not_found for an unknown id', async () => {
    const response = await fetch(`${server.url}/v1/departments/hamn`);
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(ProblemSchema.parse(await response.json()).code).toBe('department_not_found');
  });
});

describe('caching of departments', () => {
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(`${server.url}${path}`, { method, headers });

  it.each(['/v1/departments', '/v1/departments/gata'])(
    '%s has a strong ETag of its exact body, Cache-Control and Vary: Origin',
    async (path) => {
      const response = await get(path);
      const body = Buffer.from(await response.arrayBuffer());
      const etag = response.headers.get('ETag');

      expect(etag).toBe(`"${createHash('sha256').update(body).digest('base64url')}"`);
      expect(response.headers.get('Cache-Control')).toBe(
        'public, max-age=300, stale-while-revalidate=86400',
      );
      expect(response.headers.get('Vary')).toBe('Origin');
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    },
  );

  it('gives each department and the list an ETag of its own, the same on every request', async () => {
    const etags = await Promise.all(
      ['/v1/departments', '/v1/departments/gata', '/v1/departments/skola'].map(async (path) =>
        (await get(path)).headers.get('ETag'),
      ),
    );
    expect(new Set(etags).size).toBe(3);
    expect((await get('/v1/departments/gata')).headers.get('ETag')).toBe(etags[1]);
  });

  it('answers 304 without a body, with the same validators, when the copy is current', async () => {
    const first = await get('/v1/departments/gata');
    const etag = first.headers.get('ETag') ?? '';
    const response = await get('/v1/departments/gata', { 'If-None-Match': etag });

    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(response.headers.get('ETag')).toBe(etag);
    expect(response.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
    expect(response.headers.get('Vary')).toBe('Origin');
    expect(response.headers.get('Content-Length')).toBeNull();
  });

  it('compares weakly and accepts a list of tags or *', async () => {
    const etag = (await get('/v1/departments')).headers.get('ETag') ?? '';
    for (const ifNoneMatch of [
      `W/${etag}`,
      `"other", ${etag}`,
      `W/"other",W/${etag}`,
      '*',
      ' * ',
    ]) {
      const response = await get('/v1/departments', { 'If-None-Match': ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(304);
    }
  });

  it('sends the body again when the copy is of another version', async () => {
    const gata = (await get('/v1/departments/gata')).headers.get('ETag') ?? '';
    for (const ifNoneMatch of ['"stale"', `${gata.slice(0, -2)}"`, gata.slice(1, -1)]) {
      const response = await get('/v1/departments/gata', { 'If-None-Match': ifNoneMatch });
      expect(response.status, ifNoneMatch).toBe(200);
    }
    const skola = await get('/v1/departments/skola', { 'If-None-Match': gata });
    expect(skola.status).toBe(200);
    expect(DepartmentSchema.parse(await skola.json()).id).toBe('skola');
  });

  it('answers HEAD with the same validators, and 304 to a conditional HEAD', async () => {
    const get200 = await get('/v1/departments/gata');
    const head = await get('/v1/departments/gata', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe(get200.headers.get('ETag'));
    const conditional = await get(
      '/v1/departments/gata',
      { 'If-None-Match': get200.headers.get('ETag') ?? '' },
      'HEAD',
    );
    expect(conditional.status).toBe(304);
  });

  it('still answers 404 for an unknown department whatever the client has', async () => {
    const response = await get('/v1/departments/hamn', { 'If-None-Match': '*' });
    expect(response.status).toBe(404);
    expect(response.headers.get('ETag')).toBeNull();
  });
});

describe('departments read from a page on another origin', () => {
  const origin = 'https://skola.example.se';

  it('gets CORS headers on the 304 too, so the browser can revalidate its copy', async () => {
    const first = await fetch(`${server.url}/v1/departments/skola`, {
      headers: { Origin: origin },
    });
    const response = await fetch(`${server.url}/v1/departments/skola`, {
      headers: { Origin: origin, 'If-None-Match': first.headers.get('ETag') ?? '' },
    });

    expect(response.status).toBe(304);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(response.headers.get('Vary')).toBe('Origin');
    expect(response.headers.get('ETag')).toBe(first.headers.get('ETag'));
  });

  it('does not expose ETag to scripts: only the browser cache uses it', async () => {
    const response = await fetch(`${server.url}/v1/departments/skola`, {
      headers: { Origin: origin },
    });
    const exposed = response.headers.get('Access-Control-Expose-Headers')?.toLowerCase() ?? '';
    expect(exposed).not.toContain('etag');
  });

  it('is a CORS simple request from the SDK: a GET with safelisted headers only, no preflight', async () => {
    const sent: Request[] = [];
    const client = createClient({
      endpoint: server.url,
      department: 'skola',
      outbox: false,
      fetch: (input, init) => {
        const request = new Request(input, init);
        sent.push(request.clone());
        return fetch(request);
      },
    });
    await client.departments.get();
    await client.departments.list();

    expect(sent.map((request) => request.method)).toEqual(['GET', 'GET']);
    for (const request of sent) {
      expect([...request.headers.keys()]).toEqual(['accept']);
      expect(request.headers.get('accept')).toBe('application/json');
    }
  });
});
