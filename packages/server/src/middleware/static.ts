import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import type { AppEnv } from '../env.js';
import { setHeader } from '../http/response-headers.js';

/** A directory of static files served under a URL path. */
export interface StaticMount {
  /** URL path prefix, e.g. `/` or `/demo`. */
  path: string;
  /** Directory on disk. */
  dir: string;
}

/** Rollup's chunk names end in a content hash (`chunks/lit-CFzMQpLl.js`): they never change. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(?:js|css|map)$/;

/**
 * Serves a directory under a URL path. `/demo` redirects to `/demo/` so relative links in its
 * `index.html` resolve inside the directory.
 */
export function mountStatic(app: Hono<AppEnv>, mount: StaticMount): void {
  const prefix = mount.path.replace(/\/+$/, '');
  const root = resolve(mount.dir);
  if (prefix !== '') app.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
  app.use(`${prefix}/*`, embeddable());
  // Validators for `no-cache`: a page revalidates the starter with a 304 instead of a download.
  app.use(`${prefix}/*`, etag());
  app.use(
    `${prefix}/*`,
    serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' }),
  );
}

/**
 * Headers that let other sites embed what is served: a department page on another origin loads the
 * script-tag bundle as a module script, which the browser fetches with CORS (without
 * `Access-Control-Allow-Origin` it refuses to run it), and a page with
 * `Cross-Origin-Embedder-Policy` needs `Cross-Origin-Resource-Policy`. These files are public and
 * sent without credentials, so `*` is right here; the API keeps its per-department origins.
 * Hashed chunks are cached for good; everything else is revalidated, so a new release of the
 * starter reaches every page at once.
 */
function embeddable(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200 && c.res.status !== 304) return;
    setHeader(c, 'Access-Control-Allow-Origin', '*');
    setHeader(c, 'Cross-Origin-Resource-Policy', 'cross-origin');
    setHeader(
      c,
      'Cache-Control',
      HASHED.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
  };
}
