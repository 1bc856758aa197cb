import { SignInSchema } from '@kontakt/core/agent';
import { Hono } from 'hono';
import { agentOf, findAccount } from '../auth/accounts.js';
import { checkSameOrigin } from '../auth/csrf.js';
import { verifyDummyPassword, verifyPassword } from '../auth/passwords.js';
import { requireAgent } from '../auth/require-agent.js';
import { endSession, startSession } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { parse } from '../http/validation.js';
import { rateLimitKey } from '../middleware/client-address.js';

/** Sessions are personal: no cache anywhere may keep an answer. */
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `/v1/agent/session`: sign in with a local account (`POST`), who am I (`GET`), sign out
 * (`DELETE`). OpenID Connect sign-in ends in the same kind of session (`startSession`).
 */
export function agentSessionRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/', async (c) => {
    // No session yet, so no token: a sign-in from another site (login CSRF) is refused by origin.
    checkSameOrigin(c);
    const { username, password } = parse(SignInSchema, await readJsonBody(c, ctx.bodyLimit));
    const account = findAccount(ctx.auth.accounts, username);
    // Unknown names are counted like accounts, so a 429 tells nothing about which exist.
    const key = account?.id ?? username.trim().toLowerCase();
    const client = rateLimitKey(c.get('clientAddress'));
    const now = ctx.now();
    const wait = ctx.auth.signInLimiter.retryAfter(key, client, now.getTime());
    if (wait > 0) {
      const seconds = String(Math.ceil(wait / 1000));
      throw new ProblemError(429, 'rate_limited', {
        detail: `Too many failed sign-ins; try again in ${seconds} s.`,
        headers: { 'Retry-After': seconds },
      });
    }
    const valid = account
      ? await verifyPassword(password, account.passwordHash)
      : await verifyDummyPassword(password, ctx.auth.accounts[0]?.passwordHash);
    if (!account || !valid) {
      ctx.auth.signInLimiter.fail(key, client, now.getTime());
      // The typed name is not recorded: people type their password into it by mistake.
      await ctx.store.write('appendAuditEntry', {
        agentId: account?.id ?? 'unknown',
        action: 'session.sign_in_failed',
        detail: { reason: account ? 'wrong_password' : 'unknown_account' },
        at: now,
      });
      throw new ProblemError(401, 'invalid_credentials', {
        detail: 'The user name or password is wrong.',
      });
    }
    ctx.auth.signInLimiter.succeed(key);
    const session = await startSession(c, ctx, agentOf(account), { provider: 'local' });
    return c.json(session, 200, NO_STORE);
  });

  routes.get('/', requireAgent(ctx), (c) => c.json(c.get('agentSession').session, 200, NO_STORE));

  routes.delete('/', requireAgent(ctx), async (c) => {
    await endSession(c, ctx, c.get('agentSession'));
    return c.body(null, 204, NO_STORE);
  });

  return routes;
}
