import type { MiddlewareHandler } from 'hono';
import { payloadTooLarge } from '../http/body.js';

/**
 * Refuses a request at once when its declared `Content-Length` is over the limit; a body without
 * one is counted as it is read (`readJsonBody`).
 */
export function bodyLimit(limit: number): MiddlewareHandler {
  return async (c, next) => {
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && Number(declared) > limit) throw payloadTooLarge(limit);
    await next();
  };
}
