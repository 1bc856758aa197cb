import { isKontaktError } from '../errors/KontaktError.js';
import { isNetworkError } from '../errors/NetworkError.js';

/** Answers that may succeed when the same request is sent again later. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * True when a failed send is worth keeping and trying again: the network, a timeout, or the
 * server saying "not now" (408, 429, 5xx, or the same key still being processed).
 */
export function isTransientFailure(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  if (!isKontaktError(error) || error.status === undefined) return false;
  return (
    TRANSIENT_STATUSES.has(error.status) ||
    error.status >= 500 ||
    (error.status === 409 && error.code === 'idempotency_request_in_progress')
  );
}
