import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './store/store.js';
import type { TestServer } from './test-support/departments.js';
import { startTestServer, validSubmission } from './test-support/departments.js';
import { createTestDatabase } from './test-support/store.js';

let server: TestServer;
let site: string;
beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'kontakt-site-'));
  await mkdir(join(site, 'gata'));
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Demo</title>');
  await writeFile(join(site, 'gata', 'index.html'), '<!doctype html><title>Gata</title>');
  await writeFile(join(site, 'app.js'), 'console.log(1);');
  await mkdir(join(site, 'chunks'));
  await writeFile(join(site, 'chunks', 'lit-CFzMQpLl.js'), 'export const lit = 1;');
  await writeFile(
    join(site, 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  server = await startTestServer({
    serve: [
      { path: '/', dir: site },
      { path: '/bundles', dir: join(site, 'gata') },
    ],
  });
});
afterAll(async () => {
  await server.close();
  await rm(site, { recursive: true, force: true });
});

async function problemOf(response: Response) {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  return ProblemSchema.parse(await response.json());
}

describe('app', () => {
  it('answers GET /v1/health', async () => {
    const response = await fetch(`${server.url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Request-Id')).toMatch(/^[\w-]{8,}$/);
  });

  it('answers unknown routes with 404 not_found as problem+json', async () => {
    const response = await fetch(`${server.url}/v1/nothing-here`);
    expect(response.status).toBe(404);
    const problem = await problemOf(response);
    expect(problem.code).toBe('not_found');
    expect(problem.instance).toMatch(/^urn:kontakt:request:/);
  });

  it('answers a wrong method with 405 and Allow', async () => {
    const response = await fetch(`${server.url}/v1/cases`);
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('POST, OPTIONS');
    expect((await problemOf(response)).code).toBe('method_not_allowed');
    const remove = await fetch(`${server.url}/v1/departments/gata`, { method: 'DELETE' });
    expect(remove.status).toBe(405);
    expect(remove.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });

  it('answers an allowed method on a path no route has with 404, not 405', async () => {
    // `/v1/agent/cases/{reference}/{action}` takes POST, but not for an action that is not there.
    const response = await fetch(`${server.url}/v1/agent/cases/KC-0000-0001/explode`, {
      method: 'POST',
    });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).code).toBe('not_found');
  });

  it('serves the script-tag files so that pages on other origins can load them as modules', async () => {
    const starter = await fetch(`${server.url}/app.js`, {
      headers: { Origin: 'https://gata.example.se' },
    });
    expect(starter.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(starter.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    // The starter is revalidated (a release reaches every page); hashed chunks never change.
    expect(starter.headers.get('Cache-Control')).toBe('no-cache');
    const again = await fetch(`${server.url}/app.js`, {
      headers: { 'If-None-Match': starter.headers.get('ETag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const chunk = await fetch(`${server.url}/chunks/lit-CFzMQpLl.js`);
    expect(chunk.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${server.url}/chunks/nothing-AAAAAAAA.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('serves static files with nosniff and a strict CSP on HTML', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Demo</title>');
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`connect-src 'self' ${server.url}`);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    // Lit's policy is the only one allowed: the widgets need no other.
    expect(csp).toContain('trusted-types lit-html');
    expect(csp).not.toContain('unsafe');

    const script = await fetch(`${server.url}/app.js`);
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(script.headers.get('Content-Security-Policy')).toBeNull();
  });

  it('puts the CSP on served SVG too, which runs scripts when opened directly', async () => {
    const svg = await fetch(`${server.url}/logo.svg`);
    expect(svg.headers.get('Content-Type')).toMatch(/^image\/svg\+xml/);
    expect(svg.headers.get('Content-Security-Policy')).toContain("script-src 'self';");
  });

  it('puts security headers and a request id on error answers too', async () => {
    const response = await fetch(`${server.url}/v1/departments/hamn`);
    expect(response.status).toBe(404);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    const problem = await problemOf(response);
    expect(problem.instance).toBe(`urn:kontakt:request:${response.headers.get('X-Request-Id')}`);
  });

  it('serves a directory under a path prefix and redirects the bare prefix', async () => {
    const bare = await fetch(`${server.url}/bundles`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('Location')).toBe('/bundles/');
    expect(await (await fetch(`${server.url}/bundles/`)).text()).toContain('<title>Gata</title>');
  });

  it('does not serve files outside the directory', async () => {
    const response = await fetch(`${server.url}/%2e%2e/%2e%2e/etc/passwd`);
    expect(response.status).toBe(404);
  });

  it('answers an unexpected failure with 500 internal_error and no stack trace', async () => {
    const database = await createTestDatabase();
    const real = await database.open();
    const store: Store = {
      ...real,
      createCase: () => Promise.reject(new Error('disk on fire at /srv/secret.ts:12')),
    };
    const broken = await startTestServer({ database, store });
    try {
      const response = await fetch(`${broken.url}/v1/cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(validSubmission()),
      });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toContain('disk on fire');
      expect(ProblemSchema.parse(JSON.parse(text)).code).toBe('internal_error');
    } finally {
      await broken.close();
      await database.remove();
    }
  });
});
