import type { ErrorCode, FieldError, Problem } from '../schemas/index.js';

/**
 * Codes the SDK adds to the server's `ERROR_CODES` for failures that never got a problem document;
 * `expired`: a kept submission was not sent within `ClientOptions.outboxMaxAge` and was removed.
 */
export type SdkErrorCode =
  | 'network_error'
  | 'timeout'
  | 'invalid_response'
  | 'aborted'
  | 'http_error'
  | 'expired';

/** Every code a `KontaktError` can carry; a newer server may send codes this SDK does not know. */
export type KontaktErrorCode = ErrorCode | SdkErrorCode | (string & {});

/** The error classes, as stored in the brand. */
export type KontaktErrorKind =
  | 'KontaktError'
  | 'ValidationError'
  | 'NetworkError'
  | 'InvalidResponseError';

export interface KontaktErrorOptions {
  code: KontaktErrorCode;
  status?: number | undefined;
  fieldErrors?: FieldError[] | undefined;
  problem?: Problem | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * A brand shared by every copy of this SDK on a page: host pages load the embed twice, and an
 * error thrown by one copy must still be recognised by the other, which `instanceof` cannot do.
 */
const BRAND: unique symbol = Symbol.for('kontakt.error') as never;

/**
 * The one error type the SDK rejects with. Branch on `code` (stable, from `ERROR_CODES` or the
 * SDK's own codes), never on `message`.
 *
 * @since 0.1.0
 */
export class KontaktError extends Error {
  /** Stable, translatable code, e.g. `validation_failed`, `rate_limited`, `network_error`. */
  readonly code: KontaktErrorCode;
  /** The HTTP status, when the server answered. */
  readonly status: number | undefined;
  /** Invalid fields (empty when the error is not about fields). */
  readonly fieldErrors: FieldError[];
  /** The server's RFC 9457 problem document, when it sent one. */
  readonly problem: Problem | undefined;
  /** Milliseconds the server asked us to wait before trying again (`Retry-After`), when it did. */
  readonly retryAfter: number | undefined;

  constructor(message: string, options: KontaktErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = this.kind;
    this.code = options.code;
    this.status = options.status;
    this.fieldErrors = options.fieldErrors ?? [];
    this.problem = options.problem;
    this.retryAfter = options.retryAfter;
  }

  /** Which class this is; read by the `is*` guards across bundle copies. */
  get kind(): KontaktErrorKind {
    return 'KontaktError';
  }

  get [BRAND](): KontaktErrorKind {
    return this.kind;
  }
}

/** The brand of a value, or `undefined` when it is not a kontakt error. */
export function brandOf(value: unknown): KontaktErrorKind | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const kind = (value as { [BRAND]?: unknown })[BRAND];
  return typeof kind === 'string' ? (kind as KontaktErrorKind) : undefined;
}

/** True for any error thrown by `@kontakt/core`, from this or another copy of it on the page. */
export function isKontaktError(value: unknown): value is KontaktError {
  return brandOf(value) !== undefined;
}

/**
 * Something that is not a kontakt error (a bug, a broken injected `fetch`), as a `KontaktError`
 * with the code `internal_error` and the thrown value as `cause`. Free of ky and zod, so code
 * that only ever receives the SDK's own errors can wrap the unexpected ones without loading the
 * mapping in `asKontaktError`.
 *
 * @since 0.2.0
 */
export function internalError(error: unknown): KontaktError {
  return new KontaktError(describe(error), { code: 'internal_error', cause: error });
}

/** A message for any thrown value; `String()` itself throws for objects without a prototype. */
function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  try {
    return String(error);
  } catch {
    return 'Unexpected error';
  }
}
