import * as z from 'zod/mini';
import { DateTimeSchema, SlugSchema } from './common.js';
import {
  LOCALES,
  NOTICE_SEVERITIES,
  NOTICE_TEXT_MAX_LENGTH,
  NOTICE_TITLE_MAX_LENGTH,
} from './vocabulary.js';

export { NOTICE_SEVERITIES, type NoticeSeverity } from './vocabulary.js';

/** How serious a notice is: `danger` is read out at once (an alert), the others politely. */
export const NoticeSeveritySchema = z.enum(NOTICE_SEVERITIES, { error: 'invalid_option' });

const noticeString = (max: number) =>
  z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));

/**
 * A notice's text in every locale the widgets speak. Unlike other localized text, none may be
 * missing: a crisis notice that half the readers get in a language they do not read is not
 * published (the admin API refuses it, naming each missing language).
 */
const everyLocale = (max: number) =>
  z.object(
    Object.fromEntries(LOCALES.map((locale) => [locale, noticeString(max)])) as Record<
      (typeof LOCALES)[number],
      ReturnType<typeof noticeString>
    >,
  );

export const NoticeTitleSchema = everyLocale(NOTICE_TITLE_MAX_LENGTH);
export const NoticeTextSchema = everyLocale(NOTICE_TEXT_MAX_LENGTH);
export type NoticeText = z.infer<typeof NoticeTextSchema>;

/** The departments whose pages show a notice: `'all'`, or a list of department ids. */
export const NoticeDepartmentsSchema = z.union([
  z.literal('all'),
  z.array(SlugSchema).check(
    z.minLength(1, 'required'),
    z.maxLength(200, 'too_long'),
    z.refine((ids) => new Set(ids).size === ids.length, 'invalid_option'),
  ),
]);
export type NoticeDepartments = z.infer<typeof NoticeDepartmentsSchema>;

/** The end, when there is one, after the start (without `startsAt` the server checks it against now). */
const endsAfterStart = z.refine<{
  startsAt?: string | undefined;
  endsAt?: string | null | undefined;
}>(
  (notice) =>
    !notice.startsAt || !notice.endsAt || Date.parse(notice.endsAt) > Date.parse(notice.startsAt),
  { error: 'end_before_start', path: ['endsAt'] },
);

/**
 * What an administrator publishes or changes (`POST /v1/admin/notices`, `PUT …/{id}`). Without
 * `startsAt` the notice starts when it is published; without `endsAt` it stays until withdrawn.
 * The server also refuses department ids it does not know (`unknown_department`).
 */
export const NoticeInputSchema = z
  .object({
    title: NoticeTitleSchema,
    text: NoticeTextSchema,
    severity: NoticeSeveritySchema,
    departments: NoticeDepartmentsSchema,
    startsAt: z.optional(DateTimeSchema),
    endsAt: z.optional(z.nullable(DateTimeSchema)),
  })
  .check(endsAfterStart);
export type NoticeInput = z.input<typeof NoticeInputSchema>;

/** A notice id: `n_` and 20 characters of Crockford base32. */
export const NoticeIdSchema = z
  .string()
  .check(z.regex(/^n_[0-9a-hjkmnp-tv-z]{20}$/, 'invalid_format'));

/** A crisis or service notice as every page reads it (`GET /v1/notices`). */
export const NoticeSchema = z.object({
  id: NoticeIdSchema,
  title: NoticeTitleSchema,
  text: NoticeTextSchema,
  severity: NoticeSeveritySchema,
  departments: NoticeDepartmentsSchema,
  startsAt: DateTimeSchema,
  /** `null`: until withdrawn. */
  endsAt: z.nullable(DateTimeSchema),
  /** When it was last published or changed: a changed notice is shown again to those who hid it. */
  updatedAt: DateTimeSchema,
});
export type Notice = z.infer<typeof NoticeSchema>;

/**
 * `GET /v1/notices?department=…`: the notices that have not ended, those that start later
 * included (a page shows each from its start to its end), and the position in the notices'
 * event stream they were read at, to follow from without missing or repeating a change.
 */
export const NoticeListSchema = z.object({
  notices: z.array(NoticeSchema),
  cursor: z.string(),
});
export type NoticeList = z.infer<typeof NoticeListSchema>;

/** The event types of the notices' stream (`GET /v1/notices/stream`). */
export const NOTICE_EVENTS = {
  /** A new notice, or a changed one (`data`: the `Notice`). */
  published: 'notice.published',
  /** A notice was withdrawn before its end (`data`: `{ id }`). */
  withdrawn: 'notice.withdrawn',
} as const;

export const NoticeWithdrawnSchema = z.object({ id: NoticeIdSchema });

/** An administrator's view of a notice: who published it and when it was withdrawn. */
export const AdminNoticeSchema = z.extend(NoticeSchema, {
  createdAt: DateTimeSchema,
  withdrawnAt: z.nullable(DateTimeSchema),
});
export type AdminNotice = z.infer<typeof AdminNoticeSchema>;
