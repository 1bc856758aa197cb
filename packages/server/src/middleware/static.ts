import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { StaticMount } from '../context.js';
import type { AppEnv } from '../env.js';

/**
 * Serves a directory under a URL path. `/demo` redirects to `/demo/` so relative links in its
 * `index.html` resolve inside the directory.
 */
export function mountStatic(app: Hono<AppEnv>, mount: StaticMount): void {
  const prefix = mount.path.replace(/\/+$/, '');
  const root = resolve(mount.dir);
  if (prefix !== '') app.get(prefix, (c) => c.redirect(`${prefix}/`, 301));
  app.use(
    `${prefix}/*`,
    serveStatic({ root, rewriteRequestPath: (path) => path.slice(prefix.length) || '/' }),
  );
}
