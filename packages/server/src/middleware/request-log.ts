import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../env.js';
import { setHeader } from '../http/response-headers.js';
import { anonymizeAddress } from './client-address.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * One log line per request: method, path, status, duration, request id and the client's network
 * (its address with the host part zeroed). Never the body, the query string, headers or a full
 * IP address: what citizens send, and who sends it, is personal data and stays out of logs.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('X-Request-Id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    setHeader(c, 'X-Request-Id', requestId);
    const status = c.res.status;
    logger[status >= 500 ? 'error' : 'info'](
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status,
        client: anonymizeAddress(c.get('clientAddress')),
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      },
      'request',
    );
  };
}
