/**
 * The endpoint as every part of the SDK keys it: an absolute http(s) URL without a trailing
 * slash, resolved against the page. Light on purpose: widgets use it in their first frame (for
 * the department request and draft keys) before the client is loaded.
 *
 * @throws {TypeError} When `endpoint` is not an http(s) URL.
 * @since 0.2.0
 */
export function normalizeEndpoint(endpoint: string | URL): string {
  const base = globalThis.location?.href;
  const url = URL.canParse(String(endpoint), base) ? new URL(String(endpoint), base) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new TypeError(`Invalid endpoint: ${JSON.stringify(String(endpoint))}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
