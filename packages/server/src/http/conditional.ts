import { createHash } from 'node:crypto';

/** A JSON body fixed for the server's lifetime, with the strong `ETag` of its exact bytes. */
export interface FixedJson {
  body: string;
  etag: string;
}

/** Serialises `value` once; the `ETag` is a SHA-256 of the UTF-8 body, so equal bodies match. */
export function fixedJson(value: unknown): FixedJson {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
}

/**
 * Does an `If-None-Match` header match `etag`: `*`, or a list of entity tags one of which equals
 * it by the weak comparison of RFC 9110 §8.8.3.2 (a `W/` prefix on either side is ignored), the
 * one that section 13.1.2 prescribes for `If-None-Match`.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  const wanted = opaque(etag);
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => opaque(tag) === wanted);
}
