import type { MiddlewareHandler } from 'hono';
import type { ApiKeyConfig } from '../api-keys.js';
import { findApiKey } from '../api-keys.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../http/http-error.js';

const CHALLENGE = 'Bearer realm="kontakt admin"';

/**
 * Lets a request through only with `Authorization: Bearer <key>` naming a configured API key,
 * and records which key (`apiKeyId`) for the log. Anything else is a `401` with a
 * `WWW-Authenticate` challenge, before the handler reads the body or touches the store.
 */
export function requireApiKey(keys: readonly ApiKeyConfig[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    const id = match?.[1] ? findApiKey(keys, match[1]) : undefined;
    if (!id) {
      throw new ProblemError(401, 'unauthorized', {
        detail: header
          ? 'The API key is not valid.'
          : 'Send an API key: Authorization: Bearer <key>.',
        headers: { 'WWW-Authenticate': CHALLENGE },
      });
    }
    c.set('apiKeyId', id);
    await next();
  };
}
