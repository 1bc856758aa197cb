/**
 * The database named by `DATABASE_URL` could not be reached at start. The message is one sentence
 * a person can act on (the URL without its password, and why); `cause` keeps the driver's error.
 */
export class DatabaseUnreachableError extends Error {
  override readonly name: string = 'DatabaseUnreachableError';
}

/**
 * The embedded store cannot run on this Node: its native module (better-sqlite3 13) needs N-API
 * 10, Node 22.14 or later; on an older Node it crashes the process instead of failing. Refused
 * before it is loaded, with one sentence, as an unreachable database is.
 */
export class EmbeddedStoreUnsupportedError extends DatabaseUnreachableError {
  override readonly name = 'EmbeddedStoreUnsupportedError';
}
