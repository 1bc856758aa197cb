import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from './test-support/departments.js';
import { startTestServer } from './test-support/departments.js';

let dir: string;
let server: TestServer | undefined;
const PAGE = '<!doctype html><html lang="sv"><title>Kontaktcenter</title><kc-console></kc-console>';
const SCRIPT = 'console-AbCdEf12.js';

beforeAll(async () => {
  // A console as its build leaves it: the page and hashed scripts.
  dir = await mkdtemp(join(tmpdir(), 'kontakt-console-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), PAGE);
  await writeFile(join(dir, 'assets', SCRIPT), 'export {};');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const get = (path: string, init?: RequestInit) =>
  fetch(`${server?.url}${path}`, { redirect: 'manual', ...init });

describe('the agent console at /console', () => {
  it('answers every path under /console with the app page, under the strict CSP', async () => {
    server = await startTestServer({ consoleDir: dir });
    for (const path of ['/console/', '/console/cases/KC-7F3K-9QXM', '/console/notices']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("require-trusted-types-for 'script'");
      expect(csp).toContain('trusted-types lit-html');
      expect(await response.text()).toBe(PAGE);
    }
  });

  it('redirects /console to /console/ so the page has one address', async () => {
    server = await startTestServer({ consoleDir: dir });
    const response = await get('/console');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/console/');
  });

  it('serves hashed scripts cached for good, and a missing one as a 404, not the page', async () => {
    server = await startTestServer({ consoleDir: dir });
    const script = await get(`/console/assets/${SCRIPT}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = script.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get(`/console/assets/${SCRIPT}`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(again.status).toBe(304);

    const missing = await get('/console/assets/gone-12345678.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('refuses paths that climb out of the console directory', async () => {
    server = await startTestServer({ consoleDir: dir });
    const response = await get('/console/assets/..%2f..%2fetc%2fpasswd');
    expect(response.status).toBe(404);
  });

  it('has no console when told so, and refuses a directory without a built console', async () => {
    server = await startTestServer({ consoleDir: false });
    expect((await get('/console/')).status).toBe(404);
    await server.close();
    server = undefined;
    await expect(startTestServer({ consoleDir: join(dir, 'assets') })).rejects.toThrow(
      /consoleDir/,
    );
  });
});
