import { isKontaktError, KontaktError } from '@kontakt/core';

/**
 * Whatever was thrown, as a `KontaktError` with a `code` a widget can show and put in `kc-error`:
 * an unexpected throw (a bug, a broken injected `fetch`) becomes `internal_error`, cause kept.
 */
export function asKontaktError(error: unknown): KontaktError {
  if (isKontaktError(error)) return error;
  return new KontaktError(error instanceof Error ? error.message : String(error), {
    code: 'internal_error',
    cause: error,
  });
}
