import { isKontaktError } from '@kontakt/core';
import { KcSessionExpiredEvent } from './events.js';

/** The stable code of an error from the agent client (`internal_error` for anything else). */
export function errorCode(error: unknown): string {
  return isKontaktError(error) ? error.code : 'internal_error';
}

/** True when the request was aborted (a view left, a newer search started): nothing to show. */
export function isAbort(error: unknown): boolean {
  return (
    errorCode(error) === 'aborted' || (error instanceof DOMException && error.name === 'AbortError')
  );
}

/**
 * Hands an `unauthorized` error to the app shell (which shows the sign-in form with a message)
 * and says whether it did; views show every other error themselves.
 */
export function reportSessionEnd(host: EventTarget, error: unknown): boolean {
  if (errorCode(error) !== 'unauthorized') return false;
  host.dispatchEvent(new KcSessionExpiredEvent());
  return true;
}

/**
 * Why a case could not be shown: `not-found` when it is not there or not this person's to see
 * (the server does not say which: a reference alone reveals nothing), else `failed`, with a retry.
 */
export function caseProblem(error: unknown): 'not-found' | 'failed' {
  return ['not_found', 'case_not_found', 'forbidden'].includes(errorCode(error))
    ? 'not-found'
    : 'failed';
}
