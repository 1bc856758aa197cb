/*
 * What the tracker reads and keeps without the contract's schemas: the receipt link's fragment,
 * the access token kept for a reload, and which answer an error deserves. Free of zod and ky, so
 * the first frame can open a case from a link while the rest loads.
 */
import type { KontaktError } from '@kontakt/core';
import type { PublicCase } from '@kontakt/core/schemas';

/**
 * True when `next` is an older copy of the case than `shown`, by when it changed and then by its
 * timeline (the rule `cases.watch()` uses for its replayed events). The tracker has two sources,
 * the watch and the reply to the person's own answer: a read that left before the answer can
 * arrive after its reply, and must not show the question again.
 */
export function isOlderCase(next: PublicCase, shown: PublicCase): boolean {
  const at = Date.parse(next.updatedAt);
  const before = Date.parse(shown.updatedAt);
  return at < before || (at === before && next.timeline.length < shown.timeline.length);
}

/** How long the tracker waits; an object so that tests can shorten it. */
export const TIMING = {
  /** A dropped connection is said only once it has lasted this long (most heal within seconds). */
  reconnectNoticeMs: 8_000,
};

/** A case to open: from the receipt link, the `reference`/`token` attributes, or a token kept. */
export interface CaseKey {
  readonly reference: string;
  /** The receipt token (from a link) or an access token (kept from an earlier lookup). */
  readonly token: string;
}

/** The shape of a reference and a token, checked by hand (the schemas check what is sent). */
const REFERENCE = /^KC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export const looksLikeReference = (value: string): boolean => REFERENCE.test(value);
export const looksLikeToken = (value: string): boolean => TOKEN.test(value);

/** `#reference=KC-…&token=…` as the receipts link to the tracker page; `undefined` if not one. */
export function readLink(
  hash: string,
): { reference: string; token: string | undefined } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const reference = params.get('reference')?.trim().toUpperCase() ?? '';
  if (!looksLikeReference(reference)) return undefined;
  const token = params.get('token') ?? '';
  return { reference, token: looksLikeToken(token) ? token : undefined };
}

/**
 * The address without the link's token, keeping the reference (harmless on its own) so a reload
 * finds the token kept in `sessionStorage`. `undefined` when the address has no token to remove.
 */
export function withoutToken(href: string): string | undefined {
  const url = new URL(href);
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (!params.has('token')) return undefined;
  params.delete('token');
  const rest = params.toString();
  url.hash = rest ? `#${rest}` : '';
  // An empty fragment still leaves a bare `#`: drop it too.
  return rest ? url.href : url.href.replace(/#$/, '');
}

const storageKey = (endpoint: string, reference: string) =>
  `kontakt:status-tracker:${endpoint}:${reference}`;

/**
 * The access token kept for `reference` in this tab (it ends with the tab, like the receipt link's
 * fragment it replaces), or `undefined`. Storage that fails (private mode, blocked) is ignored.
 */
export function keptToken(endpoint: string, reference: string): string | undefined {
  try {
    const token = sessionStorage.getItem(storageKey(endpoint, reference)) ?? '';
    return looksLikeToken(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

export function keepToken(endpoint: string, reference: string, token: string): void {
  try {
    sessionStorage.setItem(storageKey(endpoint, reference), token);
  } catch {
    // Without storage a reload shows the form again: the person can still use the e-mail way.
  }
}

export function forgetToken(endpoint: string, reference: string): void {
  try {
    sessionStorage.removeItem(storageKey(endpoint, reference));
  } catch {
    // Nothing was kept then.
  }
}

/** The answers a failed lookup can get. */
export type LookupFailure =
  | { kind: 'not-found' }
  | { kind: 'rate-limited'; retryAt: Date | undefined }
  | { kind: 'offline' }
  | { kind: 'unexpected' };

/**
 * Which answer an error gets. An unknown reference, a wrong e-mail address and a wrong or expired
 * token are one answer (the server sends the same for all; so do we, whatever code it used).
 */
/** `retryAfter` is in milliseconds, as the SDK reads `Retry-After`. */
export function toLookupFailure(error: KontaktError, now = Date.now()): LookupFailure {
  switch (error.code) {
    case 'case_not_found':
    case 'not_found':
    case 'unauthorized':
    case 'validation_failed':
      return { kind: 'not-found' };
    case 'rate_limited':
      return {
        kind: 'rate-limited',
        retryAt: error.retryAfter === undefined ? undefined : new Date(now + error.retryAfter),
      };
    case 'network_error':
    case 'timeout':
      return { kind: 'offline' };
    default:
      return error.status === 404 || error.status === 401 || error.status === 403
        ? { kind: 'not-found' }
        : { kind: 'unexpected' };
  }
}
