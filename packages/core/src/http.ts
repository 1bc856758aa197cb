import type { KyInstance, ShouldRetryState } from 'ky';
import ky from 'ky';
import type { ClientOptions } from './client.js';
import { retryAfterMs } from './retry-after.js';

const RETRY_STATUSES = [408, 409, 429, 500, 502, 503, 504];
/** Answers whose `Retry-After` ky honours. */
const RETRY_AFTER_STATUSES = [429, 503];
/** A `Retry-After` longer than this is not waited for in the call; the outbox waits instead. */
const MAX_INLINE_RETRY_AFTER = 10_000;

/**
 * The one ky instance behind a client: base URL, per-attempt timeout, and retries with
 * exponential backoff and jitter for safe requests only.
 */
export function createHttp(
  endpoint: string,
  options: Pick<ClientOptions, 'fetch' | 'timeout' | 'retry'>,
): KyInstance {
  const retry =
    typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  return ky.create({
    prefix: endpoint,
    timeout: options.timeout ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retry.limit ?? 2,
      methods: ['get', 'head', 'post'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: RETRY_AFTER_STATUSES,
      backoffLimit: retry.backoffLimit ?? 10_000,
      delay: retry.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
      // Half to full delay: spreads out clients that failed together without retrying at once.
      jitter: (delay) => delay * (0.5 + Math.random() / 2),
      retryOnTimeout: true,
      shouldRetry,
    },
  });
}

/** Vetoes retries ky would otherwise make; `undefined` leaves the decision to ky's defaults. */
function shouldRetry({ error }: ShouldRetryState): boolean | undefined {
  const { request, response, data } = error as {
    request?: Request;
    response?: Response;
    data?: unknown;
  };
  // Sending a POST twice creates two cases unless the server can recognise the second.
  if (request?.method === 'POST' && !request.headers.has('idempotency-key')) return false;
  if (!response) return undefined;
  if (response.status === 409) {
    return (data as { code?: unknown } | undefined)?.code === 'idempotency_request_in_progress'
      ? undefined
      : false;
  }
  if ((retryAfterMs(response.headers) ?? 0) > MAX_INLINE_RETRY_AFTER) return false;
  return undefined;
}
