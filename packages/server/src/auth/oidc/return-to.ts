/**
 * Where the browser goes after signing in: only a path of the console on this server. Anything
 * else (another origin, `//evil.example`, `/\evil.example`, a path outside `/console`, `..` that
 * climbs out of it) is refused, so the sign-in link cannot be used as an open redirect.
 */

/** Where sign-in leads when no `returnTo` is given. */
export const DEFAULT_RETURN_TO = '/console/';

/** The normalised console path for `returnTo`, or `undefined` when it may not be used. */
export function safeReturnTo(returnTo: string | undefined): string | undefined {
  if (returnTo === undefined || returnTo === '') return DEFAULT_RETURN_TO;
  // Browsers read `\` as `/` and drop tabs and newlines, which turns `/\t/evil` into `//evil`.
  if (!returnTo.startsWith('/') || [...returnTo].some(isUnsafe)) return undefined;
  if (returnTo.startsWith('//')) return undefined;
  const base = 'http://kontakt.invalid';
  let url: URL;
  try {
    url = new URL(returnTo, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  // Checked after normalising, so `/console/../v1/…` and `/console/%2e%2e/` do not slip out.
  if (url.pathname !== '/console' && !url.pathname.startsWith('/console/')) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** A backslash or a control character. */
function isUnsafe(character: string): boolean {
  const code = character.charCodeAt(0);
  return character === '\\' || code < 0x20 || code === 0x7f;
}
