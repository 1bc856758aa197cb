/*
 * The receipts' link to the status tracker, in a module of its own: the contact form and the
 * fault report import it, and it must not bring the tracker's own model into their first render.
 */
/**
 * The receipt's link to the status tracker page: `trackerUrl` (relative to the page, or absolute)
 * with `#reference=…&token=…`. In the fragment, the token never reaches a server's log or a
 * `Referer`. Only http(s) pages are linked to (the attribute is the host page's, but a
 * `javascript:` URL must never become a link); `undefined` for anything else.
 *
 * @example
 * receiptLink('/arende.html', receipt.reference, receipt.receiptToken, location.href)
 * // → 'https://gata.example.se/arende.html#reference=KC-7F3K-9QXM&token=…'
 */
export function receiptLink(
  trackerUrl: string,
  reference: string,
  token: string,
  base: string,
): string | undefined {
  let url: URL;
  try {
    url = new URL(trackerUrl, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = new URLSearchParams({ reference, token }).toString();
  return url.href;
}
