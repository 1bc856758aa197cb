import type { Context, MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/http-error.js';
import { setHeader } from '../http/response-headers.js';
import { vary } from '../http/vary.js';

export const CORS_ALLOWED_HEADERS = [
  'Content-Type',
  'Idempotency-Key',
  'Accept-Language',
  // Event streams resume with it (`EventStream` can send it instead of the query parameter).
  'Last-Event-ID',
  // The admin API's API key.
  'Authorization',
];
export const CORS_EXPOSED_HEADERS = [
  'Idempotent-Replayed',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'X-Request-Id',
];
// DELETE: a follower on a department's page stops following a case (with its token).
const ALLOWED_METHODS = 'GET, HEAD, POST, DELETE, OPTIONS';
const PREFLIGHT_MAX_AGE = '600';

/** True when `origin` is the origin the request was sent to (a page served by this server). */
export function isSameOrigin(c: Context, origin: string): boolean {
  const host = c.req.header('Host');
  if (!host || !URL.canParse(origin)) return false;
  return new URL(origin).host === host.toLowerCase();
}

/**
 * CORS for the API. `isAllowed` says whether an origin may call the API at all (it is in some
 * department's `allowedOrigins`); per-department checks happen where the department is known.
 * A denied preflight is answered with `403 origin_not_allowed`; a denied simple request goes through
 * without CORS headers, so the browser keeps the answer from the page.
 */
export function cors(isAllowed: (origin: string, c: Context) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && isAllowed(origin, c);
    const preflight =
      c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method') !== undefined;
    if (origin !== undefined && preflight) return preflightResponse(c, origin, allowed);
    await next();
    // Also without an Origin: an answer without CORS headers must not be cached for a page.
    vary(c, 'Origin');
    if (origin !== undefined && allowed) {
      setHeader(c, 'Access-Control-Allow-Origin', origin);
      setHeader(c, 'Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(', '));
    }
    return undefined;
  };
}

function preflightResponse(c: Context, origin: string, allowed: boolean): Response {
  if (!allowed) {
    throw new ProblemError(403, 'origin_not_allowed', {
      detail: `The origin ${origin} is not allowed to call this API.`,
      headers: { Vary: 'Origin' },
    });
  }
  return c.body(null, 204, {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE,
    Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
  });
}
