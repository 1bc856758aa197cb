import * as z from 'zod/mini';
import { DepartmentIdSchema, LocalizedTextSchema, OriginSchema, SlugSchema } from './common.js';
import { MessagePhotoSettingsSchema } from './photo.js';
import { AnswerTimePromiseSchema } from './receipt.js';
import { DEFAULT_TIME_ZONE, TIME_ZONE_PATTERN } from './vocabulary.js';

export { type DepartmentId, DepartmentIdSchema } from './common.js';
// The id and the answer-time promise live where a message's origin and receipt are built, so
// that a client that only sends messages does not carry the department's own schema.
export { type AnswerTimePromise, AnswerTimePromiseSchema } from './receipt.js';

/** A topic a department answers questions about, e.g. `parkering` or `bygglov`. */
export const CategorySchema = z.object({
  id: SlugSchema,
  name: LocalizedTextSchema,
});
export type Category = z.infer<typeof CategorySchema>;

const ClockTimeSchema = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'invalid_format'));

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export const WeekdaySchema = z.number().check(z.int(), z.minimum(1), z.maximum(7));

export const OpeningPeriodSchema = z.object({
  days: z.array(WeekdaySchema).check(z.minLength(1)),
  opens: ClockTimeSchema,
  closes: ClockTimeSchema,
});

/** A day that differs from the weekly pattern: closed, or open shorter (*dag före helgdag*). */
export const SpecialDaySchema = z.object({
  date: z.iso.date(),
  closed: z.optional(z.boolean()),
  opens: z.optional(ClockTimeSchema),
  closes: z.optional(ClockTimeSchema),
  label: z.optional(LocalizedTextSchema),
});

export const OpeningHoursSchema = z.object({
  /** IANA time zone the clock times are in. */
  timeZone: z._default(
    z.string().check(z.maxLength(64, 'too_long'), z.regex(TIME_ZONE_PATTERN, 'invalid_format')),
    DEFAULT_TIME_ZONE,
  ),
  weekly: z.array(OpeningPeriodSchema),
  /** Swedish public holidays count as closed unless a special day says otherwise. */
  closedOnPublicHolidays: z._default(z.boolean(), true),
  special: z._default(z.array(SpecialDaySchema), []),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** A department (*förvaltning*) that embeds kontakt on its pages. Departments are configuration. */
export const DepartmentSchema = z.object({
  id: DepartmentIdSchema,
  name: LocalizedTextSchema,
  /** Origins allowed to embed the widgets and call the API from a browser (CORS). */
  allowedOrigins: z.array(OriginSchema),
  categories: z.array(CategorySchema).check(z.minLength(1)),
  openingHours: OpeningHoursSchema,
  answerTimePromise: AnswerTimePromiseSchema,
  /**
   * Photos people may send with a message (a letter, a screenshot), scaled and stripped of their
   * metadata in the browser. Without it, messages to the department carry no photos.
   */
  messagePhotos: z.optional(MessagePhotoSettingsSchema),
});
export type Department = z.infer<typeof DepartmentSchema>;
/** A department as written in a configuration file, before defaults are filled in. */
export type DepartmentInput = z.input<typeof DepartmentSchema>;
