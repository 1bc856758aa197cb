import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import type { FixedJson } from '../http/conditional.js';
import { fixedJson, ifNoneMatchMatches } from '../http/conditional.js';
import { departmentNotFound } from '../http/department-param.js';

/**
 * Departments are public configuration that changes only when the server restarts, and every
 * widget asks for its department before it can offer topics, so the answer is made to be cached:
 * - `max-age=300`: the next page a person opens on the same site gets it from the browser's cache
 *   without a request, while a changed configuration still reaches every page within 5 minutes.
 * - `stale-while-revalidate=86400`: for a day after that, the cached copy is used at once and the
 *   browser asks again in the background (usually a `304` without a body, thanks to the `ETag`),
 *   so a first render never waits for the network. The cost: after a restart with new settings,
 *   a page may show the old topics once more; a topic removed meanwhile is then refused by
 *   `POST /v1/cases` with a field error the form shows.
 * - `public`: it is the same for everyone (shared caches key it by `Origin`, see `Vary`).
 */
export const DEPARTMENTS_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400';

/** `GET /v1/departments` and `GET /v1/departments/:id`, with `ETag` and `304 Not Modified`. */
export function departmentsRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const list = fixedJson({ departments: [...ctx.departments.values()] });
  const byId = new Map([...ctx.departments].map(([id, department]) => [id, fixedJson(department)]));
  routes.get('/', (c) => cacheable(c, list));
  routes.get('/:id', (c) => {
    const department = byId.get(c.req.param('id'));
    if (!department) {
      throw departmentNotFound(c.req.param('id'));
    }
    return cacheable(c, department);
  });
  return routes;
}

/**
 * The body with its validators, or `304` without it when the client's copy is current. The `304`
 * carries the same `ETag`, `Cache-Control` and `Vary`, and the CORS middleware adds its headers to
 * it as to the `200`, which a browser needs to revalidate a cross-origin copy. `ETag` is not
 * exposed to scripts: the browser's cache revalidates by itself, nothing in the SDK reads it.
 */
export function cacheable(c: Context<AppEnv>, { body, etag }: FixedJson): Response {
  c.header('ETag', etag);
  c.header('Cache-Control', DEPARTMENTS_CACHE_CONTROL);
  // The CORS headers differ by Origin: a cache must not hand one origin's answer to another.
  c.header('Vary', 'Origin');
  if (ifNoneMatchMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}
