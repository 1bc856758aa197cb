import type { ErrorCode } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AccountConfig } from '../auth/accounts.js';
import { agentOf } from '../auth/accounts.js';
import type { AccountLookup } from '../auth/oidc/claims.js';
import { agentFromClaims, agentIdOf } from '../auth/oidc/claims.js';
import type { SignInFailure } from '../auth/oidc/failure-page.js';
import { FAILURE_STATUS, failureDetail, failurePage } from '../auth/oidc/failure-page.js';
import type { OidcSettings } from '../auth/oidc/oidc-options.js';
import type { RelyingParty } from '../auth/oidc/relying-party.js';
import { createRelyingParty, SignInError } from '../auth/oidc/relying-party.js';
import { safeReturnTo } from '../auth/oidc/return-to.js';
import type { Transaction } from '../auth/oidc/transaction.js';
import {
  createTransactionSealer,
  createUsedStates,
  TRANSACTION_COOKIE,
  TRANSACTION_PATH,
  TRANSACTION_TTL_MS,
} from '../auth/oidc/transaction.js';
import { isHttps, startSession } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../http/http-error.js';

/**
 * `/v1/agent/oidc`: sign-in at the municipality's identity provider, by the authorization code
 * flow with PKCE. `GET /login?returnTo=/console/…` sends the browser to the provider;
 * `GET /callback` checks the answer, maps the user to an agent, starts the session and sends
 * the browser back to `returnTo`. Every way it can fail ends on a page that says so (or a
 * problem document for clients that ask for JSON), with nobody signed in.
 */
export function agentOidcRoutes(
  ctx: AppContext,
  settings: OidcSettings,
  relyingParty: RelyingParty = createRelyingParty(settings, ctx.logger),
): Hono<AppEnv> {
  const accounts = accountLookup(ctx.auth.accounts);
  const sealer = createTransactionSealer(settings.clientSecret);
  const usedStates = createUsedStates(ctx.now);
  const routes = new Hono<AppEnv>();

  routes.get('/login', async (c) => {
    const returnTo = safeReturnTo(c.req.query('returnTo'));
    if (!returnTo) return refuse(c, 'bad_return_to');
    const redirectUri = settings.redirectUri ?? derivedRedirectUri(c, ctx);
    let begun: Awaited<ReturnType<RelyingParty['begin']>>;
    try {
      begun = await relyingParty.begin(redirectUri);
    } catch (error) {
      if (error instanceof SignInError) return refuse(c, 'unavailable');
      throw error;
    }
    const transaction: Transaction = {
      ...begun.checks,
      returnTo,
      redirectUri,
      expiresAt: ctx.now().getTime() + TRANSACTION_TTL_MS,
    };
    setCookie(c, TRANSACTION_COOKIE, sealer.seal(transaction), {
      path: TRANSACTION_PATH,
      httpOnly: true,
      // Lax, not Strict: the provider sends the browser back with a cross-site navigation.
      sameSite: 'Lax',
      secure: new URL(redirectUri).protocol === 'https:',
      maxAge: TRANSACTION_TTL_MS / 1000,
    });
    c.header('Cache-Control', 'no-store');
    return c.redirect(begun.url.href, 302);
  });

  routes.get('/callback', async (c) => {
    c.header('Cache-Control', 'no-store');
    const sealed = getCookie(c, TRANSACTION_COOKIE);
    // One attempt per transaction, whatever happens next.
    deleteCookie(c, TRANSACTION_COOKIE, { path: TRANSACTION_PATH });
    const transaction = sealed ? sealer.open(sealed) : undefined;
    const query = new URL(c.req.url).searchParams;
    if (!transaction || transaction.expiresAt <= ctx.now().getTime()) {
      return refuse(c, query.get('error') === 'access_denied' ? 'cancelled' : 'not_completed');
    }
    if (query.get('state') !== transaction.state) return refuse(c, 'not_completed');
    if (!usedStates.claim(transaction.state, transaction.expiresAt)) {
      ctx.logger.warn('OpenID callback replayed; refused');
      return refuse(c, 'not_completed');
    }

    // The URL the provider redirected to, as registered: the server may sit behind a proxy.
    const callbackUrl = new URL(transaction.redirectUri);
    callbackUrl.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      claims = await relyingParty.finish(callbackUrl, transaction);
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      const { failure } = error;
      ctx.logger.warn({ err: error.cause, failure }, 'OpenID sign-in failed');
      if (failure.kind === 'provider_error') return refuse(c, 'cancelled');
      return refuse(c, failure.kind === 'unavailable' ? 'unavailable' : 'not_completed');
    }

    const mapped = agentFromClaims(claims, settings, accounts);
    if (!mapped.ok) {
      ctx.logger.warn({ reason: mapped.reason, subject: mapped.subject }, 'OpenID user refused');
      await ctx.store.write('appendAuditEntry', {
        agentId: mapped.subject ? agentIdOf(mapped.subject) : 'unknown',
        action: 'session.sign_in_failed',
        detail: { provider: 'oidc', reason: mapped.reason },
        at: ctx.now(),
      });
      return refuse(c, 'no_access');
    }
    await startSession(c, ctx, mapped.agent, { provider: 'oidc' });
    ctx.logger.info(
      { agent: mapped.agent.id, role: mapped.agent.role },
      'agent signed in with OpenID',
    );
    return c.redirect(transaction.returnTo, 303);
  });

  return routes;
}

/**
 * The callback URL of the server the sign-in started at, `https:` when the request came over
 * https (also through a trusted proxy that ended TLS). Set `redirectUri` when the host the
 * browser uses is not the one requests arrive with.
 */
function derivedRedirectUri(c: Context<AppEnv>, ctx: AppContext): string {
  const url = new URL(`${TRANSACTION_PATH}/callback`, c.req.url);
  if (isHttps(c, ctx.auth)) url.protocol = 'https:';
  return url.href;
}

/**
 * Ends a sign-in that failed: the page for browsers (they arrive by redirect), a problem
 * document for clients that ask for JSON.
 */
function refuse(c: Context<AppEnv>, failure: SignInFailure): Response {
  const status = FAILURE_STATUS[failure];
  c.header('Cache-Control', 'no-store');
  if ((c.req.header('Accept') ?? '').includes('text/html')) {
    return c.html(failurePage(failure), status);
  }
  // Answered here, not thrown: the response must keep the cookie this request deleted.
  const body = problemBody(status, PROBLEM_CODES[status], {
    detail: failureDetail(failure),
    instance: `urn:kontakt:request:${c.get('requestId')}`,
    ...(failure === 'bad_return_to'
      ? { errors: [{ field: 'returnTo', pointer: '/returnTo', code: 'invalid_format' }] }
      : {}),
  });
  return c.body(JSON.stringify(body), status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

const PROBLEM_CODES = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  503: 'service_unavailable',
} as const satisfies Record<(typeof FAILURE_STATUS)[SignInFailure], ErrorCode>;

/** The lookup over the configured local accounts. */
export function accountLookup(accounts: readonly AccountConfig[]): AccountLookup {
  const find = (match: (account: AccountConfig) => boolean) => {
    const account = accounts.find(match);
    return account && agentOf(account);
  };
  return {
    byEmail: (email) => find((account) => account.email.toLowerCase() === email.toLowerCase()),
    byId: (id) => find((account) => account.id.toLowerCase() === id.toLowerCase()),
  };
}
