import type { TemplateResult } from 'lit';
import { html } from 'lit';

/** The only schemes a link from data may have: the web and e-mail. */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * A URL from data (a citizen's page URL, an address someone typed) if it is safe to link to:
 * absolute, `http:`, `https:` or `mailto:`. `javascript:`, `data:`, `vbscript:`, relative paths
 * and anything that does not parse give `undefined`.
 */
export function safeUrl(text: string | null | undefined): URL | undefined {
  if (typeof text !== 'string') return undefined;
  // Browsers strip these before reading a scheme ("java\tscript:"); the URL parser does too, but
  // a URL whose text carries them is not one a person typed.
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return SAFE_PROTOCOLS.has(url.protocol) ? url : undefined;
}

/**
 * The one way the console turns text from data into a link: an `<a>` when `text` is a safe URL
 * (see `safeUrl`), opened in a new tab without the console as opener or referrer; otherwise the
 * text itself, shown as text. Either way the text goes through a Lit binding, never into markup.
 */
export function safeLink(text: string | null | undefined, label?: string): TemplateResult {
  const url = safeUrl(text);
  const shown = label ?? text ?? '';
  if (!url) return html`<span class="unlinked">${shown}</span>`;
  return html`<a href=${url.href} target="_blank" rel="noopener noreferrer nofollow">${shown}</a>`;
}

/** An address a person could have typed: no spaces, no `?`/`#`/`&` that would add headers to the mail. */
const PLAIN_ADDRESS = /^[^\s@?&#/\\]+@[^\s@?&#/\\]+$/;

/** A `mailto:` link for an e-mail address from data, through `safeLink`; anything odd stays text. */
export function mailtoLink(address: string | null | undefined): TemplateResult {
  if (!address || !PLAIN_ADDRESS.test(address)) return safeLink(undefined, address ?? '');
  return safeLink(`mailto:${address}`, address);
}
