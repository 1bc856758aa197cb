import { isKontaktError } from '../errors/KontaktError.js';

/** The first wait after a failure, and the wait while another tab sends an entry. */
export const FIRST_DELAY = 2_000;
const MAX_DELAY = 5 * 60_000;

/**
 * When to try again after `attempts` failures: 2 s doubling to 5 min, with jitter so that many
 * pages coming back online together do not all call at once; never sooner than `Retry-After`.
 */
export function nextAttemptDelay(attempts: number, error?: unknown): number {
  const backoff = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** Math.max(0, attempts - 1));
  const jittered = backoff * (0.5 + Math.random() / 2);
  const retryAfter = isKontaktError(error) ? (error.retryAfter ?? 0) : 0;
  return Math.max(jittered, retryAfter);
}
