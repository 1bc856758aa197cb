/**
 * The kontakt reference contact-center server.
 *
 * @module @kontakt/server
 */
export { createApp } from './app.js';
export type { ChatOptions, ChatQueueKind, ChatSettings } from './chat/settings.js';
export { loadDepartmentsFile, parseDepartments } from './config.js';
export { ConfigError } from './config-error.js';
export type { AppContext } from './context.js';
export type {
  MailAddress,
  MailOptions,
  MailSenderTimings,
  MailState,
  MailView,
  SmtpSettings,
} from './mail/index.js';
export type { TrustProxy } from './middleware/client-address.js';
export type { RateLimitConfig, RateLimitOptions } from './middleware/rate-limit.js';
export type { StaticMount } from './middleware/static.js';
export { type LogLevel, ServerOptionsSchema } from './options.js';
export { buildOpenApiDocument } from './routes/openapi.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
export {
  type Cursor,
  createMemoryFeed,
  createNotifier,
  createSseHub,
  type EventFeed,
  type EventStreamDescription,
  eventStreamParameters,
  eventStreamResponse,
  type InitialEvent,
  type MemoryFeed,
  type Notifier,
  type RespondOptions,
  type SseHub,
  type SseHubOptions,
  type StoredEvent,
} from './sse/index.js';
export {
  type CreateCaseResult,
  createKyselyStore,
  createSqliteDatabase,
  DatabaseUnreachableError,
  type IdempotencyRecord,
  type NewCase,
  type OpenStoreOptions,
  openStore,
  SQLITE_FILE_NAME,
  type Store,
} from './store/index.js';
