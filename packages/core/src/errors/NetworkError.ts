import type { KontaktErrorKind, KontaktErrorOptions } from './KontaktError.js';
import { brandOf, KontaktError } from './KontaktError.js';

/** Where a submission that could not be sent was kept. */
export interface QueuedSubmission {
  /** The outbox entry id (also the request's `Idempotency-Key`). */
  id: string;
}

export interface NetworkErrorOptions extends Omit<KontaktErrorOptions, 'code' | 'fieldErrors'> {
  code?: 'network_error' | 'timeout';
  queued?: QueuedSubmission | undefined;
}

/**
 * The server could not be reached or did not answer in time (or kept failing with 408, 429 or
 * 5xx). When `queued` is set, the submission is in the outbox and will be sent when possible:
 * tell the person it is saved, not that it failed.
 *
 * @since 0.1.0
 */
export class NetworkError extends KontaktError {
  /** Set when the submission was kept in the outbox. */
  readonly queued: QueuedSubmission | undefined;
  declare readonly code: 'network_error' | 'timeout';

  constructor(message: string, options: NetworkErrorOptions = {}) {
    super(message, { ...options, code: options.code ?? 'network_error' });
    this.queued = options.queued;
  }

  override get kind(): KontaktErrorKind {
    return 'NetworkError';
  }
}

/** True for a `NetworkError` from this or another copy of `@kontakt/core`. */
export function isNetworkError(value: unknown): value is NetworkError {
  return brandOf(value) === 'NetworkError';
}
