import { createHash, timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER } from '@kontakt/core/agent';
import type { Context } from 'hono';
import { ProblemError } from '../http/http-error.js';
import { isSameOrigin } from '../middleware/cors.js';

/**
 * The session's CSRF token: derived from the session id (which only the cookie holds), so it
 * needs no storage, differs per session, and cannot be made without the cookie. A page of another
 * site can send the cookie along but can read neither the cookie nor our answers, so it cannot
 * know the token.
 */
export function csrfTokenOf(sessionId: string): string {
  return createHash('sha256').update(`kontakt csrf\0${sessionId}`).digest('base64url');
}

/** Methods that change nothing and so need no token. */
export const isSafeMethod = (method: string) =>
  method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/**
 * Refuses a request that a browser sent from another site: `Sec-Fetch-Site` other than
 * `same-origin`, or an `Origin` that is not ours. Clients that are not browsers send neither
 * and are judged by the token alone.
 */
export function checkSameOrigin(c: Context): void {
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined && site !== 'same-origin') {
    throw csrfFailed(`A request from another site (Sec-Fetch-Site: ${site}) is refused.`);
  }
  const origin = c.req.header('Origin');
  if (origin !== undefined && !isSameOrigin(c, origin)) {
    throw csrfFailed('A request from another origin is refused.');
  }
}

/** Refuses a state-changing request without the session's token in `X-CSRF-Token`. */
export function checkCsrf(c: Context, sessionId: string): void {
  checkSameOrigin(c);
  const sent = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
  const expected = Buffer.from(csrfTokenOf(sessionId));
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    throw csrfFailed(
      sent.length === 0
        ? `Send the session's CSRF token in ${CSRF_HEADER} (GET /v1/agent/session gives it).`
        : `The ${CSRF_HEADER} header does not match the session.`,
    );
  }
}

const csrfFailed = (detail: string) => new ProblemError(403, 'csrf_failed', { detail });
