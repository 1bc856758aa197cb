import type { KontaktError } from './KontaktError.js';
import { internalError, isKontaktError } from './KontaktError.js';
import { toKontaktError } from './to-kontakt-error.js';

/**
 * Whatever was thrown, as a `KontaktError` with a `code` an app or widget can branch on, show and
 * report. Kontakt errors are returned as they are; what ky, `fetch` or a schema throws is mapped as
 * the SDK maps it (`network_error`, `timeout`, `aborted`, `invalid_response`, the server's problem
 * code); anything else (a bug, a broken injected `fetch`) becomes `internal_error` with the thrown
 * value as `cause`.
 *
 * It imports ky's error checks: load it with the code that sends, not with the first render.
 *
 * @since 0.1.0
 * @example
 * try {
 *   await client.cases.submit(message);
 * } catch (error) {
 *   report(asKontaktError(error).code);
 * }
 */
export function asKontaktError(error: unknown): KontaktError {
  const mapped = toKontaktError(error);
  return isKontaktError(mapped) ? mapped : internalError(error);
}
