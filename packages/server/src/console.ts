/**
 * Serves the agent console's built files (`@kontakt/console`'s `dist`) at `/console`: the
 * hashed scripts under `/console/assets/`, cached for good, and the app's `index.html` for every
 * other path under `/console/`, so deep links (`/console/cases/KC-…`) and reloads work. The
 * server reads the files by path and never imports the console's code.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Department } from '@kontakt/core/schemas';
import type { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv } from './env.js';
import { faultSettingsOf } from './faults/settings.js';
import { ProblemError } from './http/http-error.js';
import { setHeader } from './http/response-headers.js';

/** The URL path the console lives under. */
export const CONSOLE_PATH = '/console';

/**
 * The origins the departments' fault maps take their tiles from: the console's pages may show
 * images from these (a fault case's place on the map), and from no other host.
 */
export function mapTileOrigins(departments: Iterable<Department>): string[] {
  const origins = new Set<string>();
  for (const department of departments) {
    const tileUrl = faultSettingsOf(department)?.map?.tileUrl;
    if (!tileUrl) continue;
    try {
      origins.add(new URL(tileUrl.replace(/\{[a-z]+\}/g, '0')).origin);
    } catch {
      // The configuration was checked at start; a URL that still does not parse adds nothing.
    }
  }
  return [...origins];
}

/** Rollup names every script with a content hash: such a name never points at other bytes. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(?:js|css|map)$/;

/**
 * The `dist` directory of the installed `@kontakt/console` package, if it is installed and
 * built; `undefined` otherwise (the server then runs without a console).
 */
export function defaultConsoleDir(): string | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('@kontakt/console/package.json');
    const dir = join(dirname(manifest), 'dist');
    return isConsoleDir(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** True when `dir` holds a built console (its `index.html`). */
export function isConsoleDir(dir: string): boolean {
  const page = join(dir, 'index.html');
  return existsSync(page) && statSync(page).isFile();
}

/**
 * Mounts the console at `/console`. The page gets the server's strict Content-Security-Policy
 * (`script-src 'self'`, Trusted Types required, `lit-html` the only policy) from the security
 * headers every HTML response gets; the console is built to run under it.
 */
export function mountConsole(app: Hono<AppEnv>, dir: string): void {
  const root = resolve(dir);
  const assets = `${CONSOLE_PATH}/assets`;
  app.get(CONSOLE_PATH, (c) => c.redirect(`${CONSOLE_PATH}/`, 301));
  app.use(`${assets}/*`, async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 304) {
      setHeader(
        c,
        'Cache-Control',
        HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    }
  });
  app.use(`${assets}/*`, etag());
  app.use(
    `${assets}/*`,
    serveStatic({ root, rewriteRequestPath: (path) => path.slice(CONSOLE_PATH.length) }),
  );
  // A script that is not there is a 404, not the page: the browser would try to run HTML.
  app.get(`${assets}/*`, (c) => {
    throw new ProblemError(404, 'not_found', { detail: `Nothing at ${c.req.path}.` });
  });
  app.use(`${CONSOLE_PATH}/*`, etag());
  app.get(`${CONSOLE_PATH}/*`, async (c) => {
    // Read on each request: a rebuilt console is served without a restart (the page is small).
    const page = await readFile(join(root, 'index.html'), 'utf8');
    return c.html(page, 200, { 'Cache-Control': 'no-cache' });
  });
}
