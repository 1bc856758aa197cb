import type { AgentRole } from '@kontakt/core/agent';
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../http/http-error.js';
import { checkCsrf, isSafeMethod } from './csrf.js';
import { resolveSession, unauthorized } from './sessions.js';

/** Options of `requireAgent`. */
export interface RequireAgentOptions {
  /**
   * Roles let through; default every role. An admin is an agent too: `['agent']` lets admins
   * through as well.
   */
  roles?: readonly AgentRole[];
}

/**
 * Lets a request through only with a valid agent session: sets `c.get('agent')` (and
 * `c.get('agentSession')`), answers `401 unauthorized` without one (a citizen's receipt token or
 * an admin API key is no session), `403 csrf_failed` for a state-changing request (POST, PUT,
 * PATCH, DELETE) without the session's CSRF token or from another origin, and `403 forbidden` for
 * a role not in `roles`. All before the handler reads the body or changes anything.
 *
 * @example
 * routes.use(requireAgent(ctx));                       // every signed-in person
 * routes.post('/notices', requireAgent(ctx, { roles: ['admin'] }), handler);
 */
export function requireAgent(
  ctx: AppContext,
  options: RequireAgentOptions = {},
): MiddlewareHandler<AppEnv> {
  const roles = options.roles ? new Set<AgentRole>(options.roles) : undefined;
  if (roles?.has('agent')) roles.add('admin');
  return async (c, next) => {
    const resolved = await resolveSession(c, ctx);
    if ('reason' in resolved) throw unauthorized(c, ctx.auth, resolved.reason);
    if (!isSafeMethod(c.req.method)) checkCsrf(c, resolved.id);
    if (roles && !roles.has(resolved.agent.role)) {
      throw new ProblemError(403, 'forbidden', {
        detail: `This needs the role ${[...roles].join(' or ')}.`,
      });
    }
    c.set('agent', resolved.agent);
    c.set('agentSession', resolved);
    await next();
  };
}
