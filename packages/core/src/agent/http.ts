import type { KyInstance } from 'ky';
import ky from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { CSRF_HEADER } from './schemas.js';

/** What the agent client remembers between requests: the session's CSRF token. */
export interface AgentClientState {
  csrfToken: string | undefined;
}

/** Options of the one ky instance behind an agent client. */
export interface AgentHttpOptions {
  /** The `fetch` to use (tests, SSR). Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Milliseconds to wait for each attempt. Default `10_000`. */
  timeout?: number | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The ky instance every agent resource uses: the session cookie goes along (`credentials:
 * 'include'`), every state-changing request carries the CSRF token, and a 401 forgets the token
 * (the session is gone). Only reads are retried: the agent API takes no idempotency keys, so a
 * repeated POST could act twice.
 *
 * @since 0.3.0
 */
export function createAgentHttp(
  endpoint: string,
  options: AgentHttpOptions,
  state: AgentClientState,
): KyInstance {
  return ky.create({
    prefix: endpoint,
    credentials: 'include',
    timeout: options.timeout ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: { limit: 2, methods: ['get', 'head'], statusCodes: [408, 502, 503, 504] },
    hooks: {
      beforeRequest: [
        ({ request }) => {
          if (!SAFE_METHODS.has(request.method) && state.csrfToken) {
            request.headers.set(CSRF_HEADER, state.csrfToken);
          }
        },
      ],
      afterResponse: [
        ({ response }) => {
          if (response.status === 401) state.csrfToken = undefined;
        },
      ],
    },
  });
}

/**
 * Runs one request of a resource and rejects only with `KontaktError`s (`unauthorized`,
 * `csrf_failed`, `forbidden`, `rate_limited`, `validation_failed`, `network_error`, …). Resources
 * added to the agent client (`client.cases`) wrap their calls in it.
 *
 * @since 0.3.0
 * @example
 * const page = await agentCall(() => client.http.get('v1/agent/cases').json(CasePageSchema));
 */
export async function agentCall<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toKontaktError(error);
  }
}

/** `{ signal }` when one is given, for ky's options. */
export const signalOf = (options: { signal?: AbortSignal | undefined } = {}) =>
  options.signal ? { signal: options.signal } : {};
