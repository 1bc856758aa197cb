export type { NewCase } from './cases.js';
export { DatabaseUnreachableError } from './errors.js';
export type { IdempotencyRecord } from './idempotency.js';
export { type OpenStoreOptions, openStore } from './open.js';
export { createSqliteDatabase, SQLITE_FILE_NAME } from './sqlite.js';
export { type CreateCaseResult, createKyselyStore, type Store } from './store.js';
