import type { Context } from 'hono';

/**
 * Sets (or appends to) a header of the response, also after the handler has returned it — what
 * middleware does after `await next()`.
 *
 * Hono's `c.header()` on a finished response builds a new `Response` around the old one's body,
 * once per header. On @hono/node-server that turns its light response (a string body it writes
 * at once) into a web stream it must then read in chunks: with the five middlewares that add
 * headers, most of a small request's CPU time. Our responses' headers can be changed in place;
 * one whose headers are immutable (a fetched response passed on) falls back to `c.header()`.
 */
export function setHeader(
  c: Context,
  name: string,
  value: string,
  options: { append?: boolean } = {},
): void {
  if (c.finalized) {
    try {
      if (options.append) c.res.headers.append(name, value);
      else c.res.headers.set(name, value);
      return;
    } catch {
      // Immutable headers: let Hono copy the response.
    }
  }
  c.header(name, value, options);
}
