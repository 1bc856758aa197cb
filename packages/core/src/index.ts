/**
 * `@kontakt/core`: a typed client for the kontakt contact-center API, and the zod contract it
 * shares with the server and the widgets.
 *
 * @module @kontakt/core
 */
export {
  type ClientOptions,
  createClient,
  type KontaktClient,
  type RetryOptions,
} from './client.js';
export { normalizeEndpoint } from './endpoint.js';
export { asKontaktError } from './errors/as-kontakt-error.js';
export { InvalidResponseError } from './errors/InvalidResponseError.js';
export {
  internalError,
  isKontaktError,
  KontaktError,
  type KontaktErrorCode,
  type KontaktErrorOptions,
  type SdkErrorCode,
} from './errors/KontaktError.js';
export {
  isNetworkError,
  NetworkError,
  type NetworkErrorOptions,
  type QueuedSubmission,
} from './errors/NetworkError.js';
export { isValidationError, ValidationError } from './errors/ValidationError.js';
export {
  EventStream,
  EventStreamErrorEvent,
  type EventStreamMessage,
  type EventStreamOptions,
  type EventStreamState,
} from './events/index.js';
export { createIdempotencyKey } from './idempotency.js';
export { createMessageClient, type MessageClient } from './message-client.js';
export {
  OutboxDeliveredEvent,
  type OutboxEventMap,
  OutboxFailedEvent,
} from './outbox/events.js';
export { type IndexedDBStoreOptions, indexedDBStore } from './outbox/indexeddb-store.js';
export { mayHoldKeptSubmissions } from './outbox/may-hold.js';
export { memoryStore } from './outbox/memory-store.js';
export type { Outbox } from './outbox/outbox.js';
export type {
  CaseMessageOutboxEntry,
  CaseOutboxEntry,
  FaultOutboxEntry,
  OutboxEntry,
  OutboxStore,
  SubmissionOutboxEntry,
} from './outbox/types.js';
export type {
  CallbackAsk,
  CallbackRequestOptions,
  CallbacksResource,
} from './resources/callbacks.js';
export {
  CaseChangeEvent,
  CaseWatch,
  CaseWatchErrorEvent,
  type CaseWatchTarget,
} from './resources/case-watch.js';
export type { AddMessageOptions, CasesResource, SubmitOptions } from './resources/cases.js';
export type {
  ChatConnectionEvent,
  ChatConnectionState,
  ChatConversation,
  ChatConversationEvent,
  ChatConversationEventMap,
  ChatConversationRecord,
  ChatErrorEvent,
  ChatMessageEvent,
  ChatOptions,
  ChatReceiptEvent,
  ChatResource,
  ChatSessionEvent,
  ChatStartRequest,
  ChatTypingEvent,
  ConversationMessage,
  UnsentChatMessage,
  UnsentMessageRecord,
} from './resources/chat.js';
export {
  type DepartmentPreview,
  type DepartmentPreviewOptions,
  fetchDepartmentPreview,
  peekDepartmentPreview,
  readDepartmentPreview,
} from './resources/department-preview.js';
export type { DepartmentsResource } from './resources/departments.js';
export type {
  FaultSubmitOptions,
  FaultsResource,
  FaultUploadProgress,
  PhotoUploader,
} from './resources/faults.js';
export {
  type NoticeWatch,
  type NoticeWatchOptions,
  readNotice,
  watchNotices,
} from './resources/notice-watch.js';
export {
  NoticeChangeEvent,
  NoticeFeed,
  NoticeFeedErrorEvent,
  type NoticesResource,
} from './resources/notices.js';
export type { PhotosResource, PhotoUploadOptions } from './resources/photos.js';
export type { UploadProgress } from './resources/send-with-photos.js';
export type {
  ChatAvailability,
  ChatMessage,
  ChatReceipt,
  ChatSession,
  ChatSessionState,
} from './schemas/index.js';
export {
  ANSWER_CHANNELS,
  type AnswerChannel,
  type AnswerTimePromise,
  type Case,
  type CaseReference,
  type CaseStatus,
  type CaseSubmission,
  type Category,
  type ContactMessage,
  type ContactMessageInput,
  ContactMessageSchema,
  containsPersonalIdentityNumber,
  DEFAULT_TIME_ZONE,
  type Department,
  EmailSchema,
  ERROR_CODES,
  type ErrorCode,
  FIELD_ERROR_CODES,
  type FieldError,
  type FieldErrorCode,
  isSlug,
  LOCALES,
  type Locale,
  type LocalizedText,
  localize,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_PHOTOS,
  type MessagePhotoSettings,
  NAME_MAX_LENGTH,
  NEEDS,
  type Need,
  NOTICE_SEVERITIES,
  type Notice,
  type NoticeSeverity,
  normalizeCaseReference,
  type OpeningHours,
  PhoneSchema,
  type Problem,
  type Receipt,
  toFieldErrors,
} from './schemas/index.js';
