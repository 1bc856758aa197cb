import type { Context } from 'hono';
import { setHeader } from './response-headers.js';

/**
 * Adds `names` to the response's `Vary` header, once each: a route and the CORS middleware may
 * both say that an answer depends on `Origin`.
 */
export function vary(c: Context, ...names: string[]): void {
  const current = c.res.headers.get('Vary');
  if (current?.trim() === '*') return;
  const listed = new Set(
    (current ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const missing = names.filter((name) => !listed.has(name.toLowerCase()));
  if (missing.length > 0) setHeader(c, 'Vary', [current, ...missing].filter(Boolean).join(', '));
}
