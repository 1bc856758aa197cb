import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { requireApiKey } from '../middleware/api-key.js';
import { requireAgent } from './require-agent.js';
import { hasSessionCookie } from './sessions.js';

/**
 * The admin API's door: an API key (`Authorization: Bearer …`, for scripts and other systems),
 * or an admin's session from the console (with its CSRF token on changes, as `requireAgent`
 * checks). A request with a key is judged by the key alone; one with a session cookie and no
 * key by the session; one with neither gets the API key's `401` challenge, as before sessions.
 */
export function requireApiKeyOrAdmin(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const byKey = requireApiKey(ctx.adminApiKeys);
  const bySession = requireAgent(ctx, { roles: ['admin'] });
  return (c, next) =>
    c.req.header('Authorization') === undefined && hasSessionCookie(c, ctx.auth)
      ? bySession(c, next)
      : byKey(c, next);
}
