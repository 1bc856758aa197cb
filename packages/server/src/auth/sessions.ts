import { createHash } from 'node:crypto';
import type { Agent, AgentSession } from '@kontakt/core/agent';
import { AgentSchema } from '@kontakt/core/agent';
import type { Context } from 'hono';
import { deleteCookie, generateCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../http/http-error.js';
import { randomToken } from '../random-token.js';
import { agentOf } from './accounts.js';
import { csrfTokenOf } from './csrf.js';
import type { SessionRecord } from './operations.js';
import type { AgentAuth } from './settings.js';

/**
 * Over https the cookie is `__Host-` prefixed: browsers then take it only with `Secure`,
 * `Path=/` and no `Domain`, so no other host of the domain can set or shadow it. Over plain http
 * (the embedded default on a laptop, tests) browsers refuse that prefix, hence a plain name.
 */
const SECURE_COOKIE = '__Host-kontakt_session';
const PLAIN_COOKIE = 'kontakt_session';

/** The idle expiry is written again only after this long, not on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Where a session came from: a local account (`local`) or the identity provider (`oidc`). */
export type SessionProvider = 'local' | 'oidc';

/** A session found for a request: who, and what the session endpoint shows. */
export interface ResolvedSession {
  agent: Agent;
  /** The id from the cookie (the CSRF token derives from it). */
  id: string;
  idHash: string;
  session: AgentSession;
}

/** Did the request reach us (or the trusted proxy in front) over https? */
export function isHttps(c: Context, auth: Pick<AgentAuth, 'trustForwardedProto'>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!auth.trustForwardedProto) return false;
  // The proxy nearest to us appends last.
  const proto = c.req.header('X-Forwarded-Proto')?.split(',').at(-1)?.trim().toLowerCase();
  return proto === 'https';
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * Signs `agent` in: stores a new session (only the hash of its id), audits the sign-in, and
 * sets the cookie. A session the request already had is ended first, so a cookie planted
 * before sign-in never becomes a signed-in one. Returns what `GET /v1/agent/session` shows.
 *
 * `SameSite=Strict`: the cookie is only ever needed by the console's own requests to the API,
 * all same-origin; the console's pages are public files that need no cookie, so a link from
 * elsewhere loses nothing when it arrives without one, and no other site can make the browser
 * send it at all.
 */
export async function startSession(
  c: Context<AppEnv>,
  ctx: AppContext,
  agent: Agent,
  options: { provider: SessionProvider; detail?: Record<string, unknown> },
): Promise<AgentSession> {
  const previous = readCookie(c, ctx.auth);
  if (previous) await ctx.store.write('deleteAgentSession', hashId(previous));
  const now = ctx.now();
  const id = randomToken(32);
  const { idleMs, absoluteMs } = ctx.auth.session;
  const expiresAt = new Date(now.getTime() + absoluteMs).toISOString();
  const idleExpiresAt = new Date(now.getTime() + Math.min(idleMs, absoluteMs)).toISOString();
  const record: SessionRecord = {
    idHash: hashId(id),
    agentId: agent.id,
    provider: options.provider,
    agent: JSON.stringify(agent),
    createdAt: now.toISOString(),
    expiresAt,
    idleExpiresAt,
  };
  await ctx.store.write('createAgentSession', record, {
    agentId: agent.id,
    action: 'session.signed_in',
    detail: { provider: options.provider, ...options.detail },
    at: now,
  });
  const secure = isHttps(c, ctx.auth);
  setCookie(c, secure ? SECURE_COOKIE : PLAIN_COOKIE, id, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure,
    // The browser may drop it at the absolute expiry; the server decides either way.
    maxAge: Math.floor(absoluteMs / 1000),
  });
  return { agent, csrfToken: csrfTokenOf(id), expiresAt, idleExpiresAt };
}

/**
 * The request's session, or the reason it has none that is valid (no cookie, unknown, expired,
 * or its local account is gone). An expired session is deleted. Use
 * moves the idle expiry on, written at most once a minute.
 */
export async function resolveSession(
  c: Context<AppEnv>,
  ctx: AppContext,
): Promise<ResolvedSession | { reason: string }> {
  const id = readCookie(c, ctx.auth);
  if (!id) return { reason: 'Sign in first: there is no session.' };
  const idHash = hashId(id);
  const record = await ctx.store.read('findAgentSession', idHash);
  if (!record) return { reason: 'The session has ended; sign in again.' };
  const now = ctx.now();
  if (now.toISOString() >= record.expiresAt || now.toISOString() >= record.idleExpiresAt) {
    await ctx.store.write('deleteAgentSession', idHash);
    return { reason: 'The session has expired; sign in again.' };
  }
  const agent = currentAgent(ctx, record);
  if (!agent) {
    await ctx.store.write('deleteAgentSession', idHash);
    return { reason: 'The account no longer exists.' };
  }
  let idleExpiresAt = record.idleExpiresAt;
  const { idleMs } = ctx.auth.session;
  const lastSeen = Date.parse(record.idleExpiresAt) - idleMs;
  const moved = Math.min(now.getTime() + idleMs, Date.parse(record.expiresAt));
  // Once the idle expiry has reached the absolute one there is nothing left to move.
  if (now.getTime() - lastSeen >= TOUCH_EVERY_MS && moved > Date.parse(record.idleExpiresAt)) {
    idleExpiresAt = new Date(moved).toISOString();
    await ctx.store.write('touchAgentSession', idHash, idleExpiresAt);
  }
  return {
    agent,
    id,
    idHash,
    session: { agent, csrfToken: csrfTokenOf(id), expiresAt: record.expiresAt, idleExpiresAt },
  };
}

/**
 * Who a session is now: a local account as the configuration says today (a changed role or
 * removed account takes effect at once), an OpenID Connect session as it was at sign-in.
 */
function currentAgent(ctx: AppContext, record: SessionRecord): Agent | undefined {
  if (record.provider === 'local') {
    const account = ctx.auth.accounts.find((candidate) => candidate.id === record.agentId);
    return account ? agentOf(account) : undefined;
  }
  const parsed = AgentSchema.safeParse(JSON.parse(record.agent));
  return parsed.success ? parsed.data : undefined;
}

/** Signs out: deletes the session, audits it, and clears the cookie. */
export async function endSession(
  c: Context<AppEnv>,
  ctx: AppContext,
  session: ResolvedSession,
): Promise<void> {
  await ctx.store.write('deleteAgentSession', session.idHash, {
    agentId: session.agent.id,
    action: 'session.signed_out',
    at: ctx.now(),
  });
  clearSessionCookie(c, ctx);
}

/** Tells the browser to drop the cookie (sign-out). */
export function clearSessionCookie(c: Context<AppEnv>, ctx: AppContext): void {
  const secure = isHttps(c, ctx.auth);
  deleteCookie(c, secure ? SECURE_COOKIE : PLAIN_COOKIE, { path: '/', secure });
}

/**
 * The `Set-Cookie` that drops a cookie naming no valid session, for an error answer (those are
 * built apart from the context's headers); `undefined` when the request sent none.
 */
export function clearingHeader(c: Context, auth: AgentAuth): Record<string, string> {
  const secure = isHttps(c, auth);
  const name = secure ? SECURE_COOKIE : PLAIN_COOKIE;
  if (getCookie(c, name) === undefined) return {};
  return { 'Set-Cookie': generateCookie(name, '', { path: '/', secure, maxAge: 0 }) };
}

/**
 * A request of the agent API that carries a session cookie (sign-in itself excepted): the
 * per-address rate limit of the public API skips these, since a contact center's agents often
 * share one address. An invalid cookie gets no further than one indexed lookup and a 401.
 */
export function isSignedInAgentRequest(c: Context, auth: AgentAuth): boolean {
  const path = c.req.path;
  if (!path.startsWith('/v1/agent/')) return false;
  if (path === '/v1/agent/session' && c.req.method === 'POST') return false;
  return hasSessionCookie(c, auth);
}

/** Does the request carry a session cookie at all (valid or not)? */
export function hasSessionCookie(c: Context, auth: AgentAuth): boolean {
  return getCookie(c, isHttps(c, auth) ? SECURE_COOKIE : PLAIN_COOKIE) !== undefined;
}

function readCookie(c: Context, auth: AgentAuth): string | undefined {
  const value = getCookie(c, isHttps(c, auth) ? SECURE_COOKIE : PLAIN_COOKIE);
  // 32 random bytes in base64url; anything else is not ours and not worth a query.
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

/** The 401 every agent endpoint answers without a valid session (dropping a stale cookie). */
export function unauthorized(c: Context, auth: AgentAuth, detail: string): ProblemError {
  return new ProblemError(401, 'unauthorized', {
    detail,
    headers: { 'WWW-Authenticate': 'Cookie realm="kontakt agent"', ...clearingHeader(c, auth) },
  });
}
