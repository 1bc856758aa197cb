import * as z from 'zod/mini';
import { LOCALES, SLUG_MAX_LENGTH, SLUG_PATTERN } from './vocabulary.js';

/**
 * The error for a value of the wrong type: `required` when it is missing. zod reports the input to an
 * error function even where issues leave it out, so this is the one place the two can be told apart.
 */
export const missingOr =
  (code: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? 'required' : code;

export { LOCALES, type Locale, localize } from './vocabulary.js';

export const LocaleSchema = z.enum(LOCALES, { error: missingOr('invalid_option') });

/** Text given in Swedish and, where someone has translated it, in other locales. */
export const LocalizedTextSchema = z.object({
  sv: z.string().check(z.minLength(1, 'required'), z.maxLength(500, 'too_long')),
  en: z.optional(z.string().check(z.maxLength(500, 'too_long'))),
  fi: z.optional(z.string().check(z.maxLength(500, 'too_long'))),
  ar: z.optional(z.string().check(z.maxLength(500, 'too_long'))),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Lower-case slug used for department and category ids (`gata`, `fastighets-och-gatukontoret`). */
export const SlugSchema = z
  .string()
  .check(
    z.minLength(1, 'required'),
    z.maxLength(SLUG_MAX_LENGTH, 'too_long'),
    z.regex(SLUG_PATTERN, 'invalid_format'),
  );

/** A department's id (`gata`), as messages, cases and chats name their department. */
export const DepartmentIdSchema = SlugSchema;
export type DepartmentId = z.infer<typeof DepartmentIdSchema>;

/** An ISO 8601 date-time with an offset or `Z`, as every timestamp in the API is sent. */
export const DateTimeSchema = z.iso.datetime({ offset: true, error: 'invalid_format' });

/** An absolute http(s) URL of at most 2048 characters, e.g. the page a citizen wrote from. */
export const HttpUrlSchema = z.string().check(
  z.maxLength(2048, 'too_long'),
  z.refine((value) => isHttpUrl(value), 'invalid_url'),
);

/** A web origin (`https://gata.example.se`): scheme, host and port only. */
export const OriginSchema = z
  .string()
  .check(z.refine((value) => isHttpUrl(value) && new URL(value).origin === value, 'invalid_url'));

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}
