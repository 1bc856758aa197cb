export type { NewCase } from './cases.js';
export type { IdempotencyRecord } from './idempotency.js';
export { createSqliteDatabase, SQLITE_FILE_NAME } from './sqlite.js';
export { type CreateCaseResult, createKyselyStore, type Store } from './store.js';
