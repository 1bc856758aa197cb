import type { FieldError, Problem } from '../schemas/index.js';
import type { KontaktErrorKind } from './KontaktError.js';
import { brandOf, KontaktError } from './KontaktError.js';

/**
 * Input that does not satisfy the contract: found by the SDK before sending (no request was made)
 * or by the server (`422 validation_failed`). `fieldErrors` says which fields and why.
 *
 * @since 0.1.0
 */
export class ValidationError extends KontaktError {
  constructor(
    fieldErrors: FieldError[],
    options: { status?: number; problem?: Problem; message?: string } = {},
  ) {
    super(options.message ?? describe(fieldErrors), {
      code: 'validation_failed',
      fieldErrors,
      status: options.status,
      problem: options.problem,
    });
  }

  override get kind(): KontaktErrorKind {
    return 'ValidationError';
  }
}

function describe(fieldErrors: FieldError[]): string {
  const list = fieldErrors.map((error) => `${error.field || '(root)'}: ${error.code}`).join(', ');
  return `Invalid input: ${list}`;
}

/** True for a `ValidationError` from this or another copy of `@kontakt/core`. */
export function isValidationError(value: unknown): value is ValidationError {
  return brandOf(value) === 'ValidationError';
}
