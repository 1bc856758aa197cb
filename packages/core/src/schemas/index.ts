/**
 * The kontakt contract: zod schemas and the types inferred from them. Browser-free and free of
 * HTTP code, so the server validates with exactly what the SDK and the widgets validate with.
 *
 * @module @kontakt/core/schemas
 */
export {
  CASE_CHANNELS,
  CASE_STATUSES,
  type Case,
  type CaseChannel,
  CaseChannelSchema,
  type CaseOrigin,
  CaseOriginSchema,
  CaseSchema,
  type CaseStatus,
  CaseStatusSchema,
  type CaseSubmission,
  type CaseSubmissionInput,
  CaseSubmissionSchema,
  type TimelineEntry,
  TimelineEntrySchema,
} from './case.js';
export {
  DateTimeSchema,
  HttpUrlSchema,
  LOCALES,
  type Locale,
  LocaleSchema,
  type LocalizedText,
  LocalizedTextSchema,
  localize,
  OriginSchema,
  SlugSchema,
} from './common.js';
export {
  ANSWER_CHANNELS,
  type AnswerChannel,
  AnswerChannelSchema,
  type ContactMessage,
  type ContactMessageInput,
  ContactMessageSchema,
  EmailSchema,
  MESSAGE_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NEEDS,
  type Need,
  NeedSchema,
  PhoneSchema,
} from './contact-message.js';
export {
  type AnswerTimePromise,
  AnswerTimePromiseSchema,
  type Category,
  CategorySchema,
  type Department,
  type DepartmentId,
  DepartmentIdSchema,
  type DepartmentInput,
  DepartmentSchema,
  type OpeningHours,
  OpeningHoursSchema,
  OpeningPeriodSchema,
  SpecialDaySchema,
  WeekdaySchema,
} from './department.js';
export { toFieldErrors } from './field-errors.js';
export {
  type AdminNotice,
  AdminNoticeSchema,
  NOTICE_EVENTS,
  NOTICE_SEVERITIES,
  type Notice,
  type NoticeDepartments,
  NoticeDepartmentsSchema,
  NoticeIdSchema,
  type NoticeInput,
  NoticeInputSchema,
  type NoticeList,
  NoticeListSchema,
  NoticeSchema,
  type NoticeSeverity,
  NoticeSeveritySchema,
  type NoticeText,
  NoticeTextSchema,
  NoticeTitleSchema,
  NoticeWithdrawnSchema,
} from './notice.js';
export { containsPersonalIdentityNumber } from './personal-identity-number.js';
export {
  ERROR_CODES,
  type ErrorCode,
  FIELD_ERROR_CODES,
  type FieldError,
  type FieldErrorCode,
  FieldErrorSchema,
  type Problem,
  ProblemSchema,
  problemType,
} from './problem.js';
export { type Receipt, ReceiptSchema, ReceiptTokenSchema } from './receipt.js';
export {
  type CaseReference,
  CaseReferenceSchema,
  createCaseReference,
  normalizeCaseReference,
} from './reference.js';
export {
  FINISHED_STAFF_STATUSES,
  isFinishedStatus,
  publicStatus,
  STAFF_STATUSES,
  type StaffStatus,
  StaffStatusSchema,
} from './staff-status.js';
export { DEFAULT_TIME_ZONE, isSlug } from './vocabulary.js';
