import type { KontaktErrorKind } from './KontaktError.js';
import { KontaktError } from './KontaktError.js';

/**
 * The server answered with something that does not match the contract (wrong shape, not JSON).
 * The SDK never hands out a half-typed object; `cause` holds the schema issues or parse error.
 *
 * @since 0.1.0
 */
export class InvalidResponseError extends KontaktError {
  constructor(message: string, options: { status?: number | undefined; cause?: unknown } = {}) {
    super(message, { code: 'invalid_response', status: options.status, cause: options.cause });
  }

  override get kind(): KontaktErrorKind {
    return 'InvalidResponseError';
  }
}
