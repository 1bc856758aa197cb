/**
 * The database named by `DATABASE_URL` could not be reached at start. The message is one sentence
 * a person can act on (the URL without its password, and why); `cause` keeps the driver's error.
 */
export class DatabaseUnreachableError extends Error {
  override readonly name = 'DatabaseUnreachableError';
}
