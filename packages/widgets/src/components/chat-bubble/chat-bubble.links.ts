import type { TemplateResult } from 'lit';
import { html } from 'lit';

/** A web address as people paste it into a chat: up to the next space or bracket. */
const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"'()[\]{}]+/gi;
/** Punctuation that ends a sentence rather than the address ("se https://x.se."). */
const TRAILING = /[.,;:!?]+$/;

/** One piece of a message: text, or a web address that is safe to link to. */
export type TextPiece = { text: string; href?: undefined } | { text: string; href: string };

/**
 * A URL from a message if it is one to link to: absolute `http:` or `https:`, with a host, and no
 * control characters. Anything else (`javascript:`, `data:`, text that only looks like a URL)
 * stays text.
 */
export function safeHref(text: string): string | undefined {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return undefined;
  return url.href;
}

/** Splits a message into text and the web addresses in it. */
export function splitLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const found = match[0].replace(TRAILING, '');
    const href = safeHref(found);
    if (!href) continue;
    const start = match.index;
    if (start > at) pieces.push({ text: text.slice(at, start) });
    pieces.push({ text: found, href });
    at = start + found.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/**
 * A message's text as Lit renders it: text as text, safe web addresses as links that open in a new
 * tab without this page as opener or referrer. Never markup from data.
 */
export function linkedText(text: string): (TemplateResult | string)[] {
  return splitLinks(text).map((piece) =>
    piece.href
      ? html`<a href=${piece.href} target="_blank" rel="noopener noreferrer">${piece.text}</a>`
      : piece.text,
  );
}
