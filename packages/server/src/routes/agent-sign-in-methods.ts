import type { SignInMethods } from '@kontakt/core/agent';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';

/**
 * `GET /v1/agent/sign-in-methods`: whether local accounts and OpenID Connect are configured, so
 * the console's sign-in view offers what works. Public: it says only what the sign-in page
 * would show anyway, never who has an account.
 */
export function agentSignInMethodsRoutes(ctx: AppContext): Hono<AppEnv> {
  const methods: SignInMethods = {
    local: ctx.auth.accounts.length > 0,
    oidc: ctx.oidc ? { loginUrl: '/v1/agent/oidc/login' } : null,
  };
  const routes = new Hono<AppEnv>();
  // Revalidated: it changes only with a restart, but then at once.
  routes.get('/', (c) => c.json(methods, 200, { 'Cache-Control': 'no-cache' }));
  return routes;
}
