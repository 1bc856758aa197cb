import { isHTTPError, isNetworkError as isKyNetworkError, isTimeoutError } from 'ky';
import { retryAfterMs } from '../retry-after.js';
import type { ErrorCode, Problem } from '../schemas/index.js';
import { ProblemSchema } from '../schemas/index.js';
import { InvalidResponseError } from './InvalidResponseError.js';
import type { KontaktErrorCode } from './KontaktError.js';
import { isKontaktError, KontaktError } from './KontaktError.js';
import { NetworkError } from './NetworkError.js';
import { ValidationError } from './ValidationError.js';

const STATUS_CODES: Record<number, ErrorCode> = {
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/**
 * Maps whatever ky, fetch or a schema threw to the SDK's error classes, so callers only ever see
 * `KontaktError` and its subclasses. Errors that are none of these (bugs) are returned unchanged.
 */
export function toKontaktError(error: unknown): unknown {
  if (isKontaktError(error)) return error;
  if (isHTTPError(error)) return fromResponse(error.response, error.data, error);
  if (isTimeoutError(error)) {
    return new NetworkError('The server did not answer in time.', {
      code: 'timeout',
      cause: error,
    });
  }
  if (isKyNetworkError(error) || isFetchFailure(error)) {
    return new NetworkError('The server could not be reached.', { cause: error });
  }
  if (isNamed(error, 'SchemaValidationError')) {
    return new InvalidResponseError(
      'The server answered with data that does not match the contract.',
      {
        cause: (error as { issues?: unknown }).issues ?? error,
      },
    );
  }
  if (isNamed(error, 'SyntaxError')) {
    return new InvalidResponseError('The server answered with something that is not JSON.', {
      cause: error,
    });
  }
  if (isNamed(error, 'AbortError') || isNamed(error, 'TimeoutError')) {
    // A caller's own signal (a ky timeout is a ky TimeoutError and handled above).
    return new KontaktError('The request was aborted.', { code: 'aborted', cause: error });
  }
  return error;
}

/** An error answer: a problem document when the server sent one, else a code for the status. */
export function fromResponse(response: Response, body: unknown, cause?: unknown): KontaktError {
  const { status } = response;
  const retryAfter = retryAfterMs(response.headers);
  const parsed = ProblemSchema.safeParse(body);
  if (!parsed.success) {
    return new KontaktError(`The server answered ${status} ${response.statusText}`.trim(), {
      code: codeForStatus(status),
      status,
      retryAfter,
      cause,
    });
  }
  const problem = parsed.data as Problem;
  // Read from the parsed value: `Problem` (an Omit over a loose object) types these as unknown.
  const message = parsed.data.detail ?? parsed.data.title;
  if (problem.code === 'validation_failed') {
    return new ValidationError(parsed.data.errors ?? [], { status, problem, message });
  }
  return new KontaktError(message, {
    code: problem.code,
    status,
    fieldErrors: parsed.data.errors,
    problem,
    retryAfter,
    cause,
  });
}

function codeForStatus(status: number): KontaktErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'http_error');
}

/**
 * fetch rejects with a TypeError when the network fails; ky wraps only those it recognises. Only
 * the browsers' and Node's own messages count: a TypeError such as "fetch is not a function" is a
 * bug, not a network failure, and must not be kept and retried as one.
 */
function isFetchFailure(error: unknown): boolean {
  return isNamed(error, 'TypeError') && FETCH_FAILURE.test(String((error as Error).message));
}

/** Chromium, Node (undici), WebKit and Firefox, in that order. */
const FETCH_FAILURE =
  /^(?:failed to fetch|fetch failed|load failed)\b|^networkerror when attempting/i;

function isNamed(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === name;
}
