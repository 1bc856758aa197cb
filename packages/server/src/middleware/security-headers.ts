import type { MiddlewareHandler } from 'hono';
import { setHeader } from '../http/response-headers.js';

/** Served types a browser runs scripts in when opened directly; SVG can carry `<script>` too. */
const DOCUMENT_TYPES = ['text/html', 'image/svg+xml', 'application/xhtml+xml'];

/** What a document may load beyond the strict defaults. */
export interface SecurityHeadersOptions {
  /**
   * Origins a document at `path` may show images from besides its own (`img-src`), e.g. the map
   * tiles of the departments' fault maps on the console's pages. Exact origins, never wildcards.
   */
  imageSources?: (path: string) => readonly string[];
}

/**
 * Safe defaults on every response; on documents (HTML, SVG) a strict Content-Security-Policy that
 * the widgets are built to run under (no inline script, no eval, Trusted Types required, with
 * Lit's `lit-html` as the only policy allowed).
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    setHeader(c, 'X-Content-Type-Options', 'nosniff');
    setHeader(c, 'Referrer-Policy', 'strict-origin-when-cross-origin');
    const type = c.res.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (DOCUMENT_TYPES.includes(type)) {
      const own = new URL(c.req.url).origin;
      const images = options.imageSources?.(c.req.path) ?? [];
      setHeader(
        c,
        'Content-Security-Policy',
        [
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          `connect-src 'self' ${own}`,
          ["img-src 'self' data:", ...images].join(' '),
          "object-src 'none'",
          "base-uri 'none'",
          "frame-ancestors 'self'",
          "require-trusted-types-for 'script'",
          // The one policy the widgets create: Lit's, which only ever passes its own templates.
          'trusted-types lit-html',
        ].join('; '),
      );
    }
  };
}
