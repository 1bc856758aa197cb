import * as z from 'zod/mini';
import { LocaleSchema, missingOr } from './common.js';
import { photoIdsSchema } from './photo.js';
import type { AnswerChannel } from './vocabulary.js';
import {
  ANSWER_CHANNELS,
  CITY_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_PHOTOS,
  NAME_MAX_LENGTH,
  NEEDS,
  STREET_MAX_LENGTH,
} from './vocabulary.js';

export {
  ANSWER_CHANNELS,
  type AnswerChannel,
  CITY_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_PHOTOS,
  NAME_MAX_LENGTH,
  NEEDS,
  type Need,
  STREET_MAX_LENGTH,
} from './vocabulary.js';

export const AnswerChannelSchema = z.enum(ANSWER_CHANNELS, { error: missingOr('invalid_option') });
export const NeedSchema = z.enum(NEEDS, { error: missingOr('invalid_option') });

const requiredText = (max: number) =>
  z
    .string({ error: missingOr('invalid_type') })
    .check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));

/**
 * What a citizen writes: trimmed, required, at most `MESSAGE_MAX_LENGTH` characters. A message's
 * `message` and a later answer's `text` (`CaseMessageSchema`) follow the same rules.
 */
export const MessageTextSchema = requiredText(MESSAGE_MAX_LENGTH);

/** An e-mail address as people type it; at most 254 characters (RFC 5321). */
export const EmailSchema = z
  .string()
  .check(z.trim(), z.maxLength(254, 'too_long'), z.email({ error: 'invalid_email' }));

/** Swedish or international phone number: digits, spaces, dashes, parentheses, optional leading +. */
export const PhoneSchema = z.string({ error: missingOr('invalid_type') }).check(
  z.trim(),
  z.refine(
    (value) => /^\+?[\d\s()-]{6,24}$/.test(value) && value.replace(/\D/g, '').length >= 6,
    'invalid_phone',
  ),
);

/**
 * A Swedish postcode: five digits, the first not 0, with or without the space after the third
 * (`211 22`, `21122`); given back as the post writes it, `211 22`.
 */
export const PostalCodeSchema = z.string({ error: missingOr('invalid_type') }).check(
  z.trim(),
  z.refine((value) => /^[1-9]\d{2} ?\d{2}$/.test(value), 'invalid_postal_code'),
  z.overwrite((value) => value.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2')),
);

/**
 * Where a letter with the answer goes: a Swedish postal address. The addressee is the message's
 * `name`; `street` is the street line with number and flat (a c/o line before it, if any).
 */
export const PostalAddressSchema = z.object({
  street: requiredText(STREET_MAX_LENGTH),
  postalCode: PostalCodeSchema,
  city: requiredText(CITY_MAX_LENGTH),
});
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

/**
 * The details an answer cannot go without that `value` lacks: an e-mail answer its address, a
 * letter someone to address it to and somewhere to send it. A citizen's message and a call an
 * agent registers ask the same; a call back's number only the citizen is asked for (a call may
 * come from a hidden number).
 */
export function missingForAnswer(value: {
  answerChannel?: AnswerChannel | undefined;
  email?: string | undefined;
  name?: string | undefined;
  postalAddress?: PostalAddress | undefined;
}): ('email' | 'name' | 'postalAddress')[] {
  const needed =
    value.answerChannel === 'email'
      ? (['email'] as const)
      : value.answerChannel === 'letter'
        ? (['name', 'postalAddress'] as const)
        : [];
  return needed.filter((field) => !value[field]);
}

/**
 * A question or message from a citizen. Which contact details are required depends on the answer
 * channel: e-mail needs `email`, a call back needs `phone`, a visit needs one of them to book a time,
 * a letter needs `name` and `postalAddress`.
 */
export const ContactMessageSchema = z
  .object({
    /** Category id from the department's `categories`. */
    topic: requiredText(64),
    message: MessageTextSchema,
    answerChannel: AnswerChannelSchema,
    answerLanguage: z._default(LocaleSchema, 'sv'),
    needs: z._default(z.array(NeedSchema).check(z.maxLength(NEEDS.length)), []),
    /** Which language the interpreter should speak; required when `needs` has `interpreter`. */
    interpreterLanguage: z.optional(requiredText(60)),
    name: z.optional(requiredText(NAME_MAX_LENGTH)),
    email: z.optional(EmailSchema),
    phone: z.optional(PhoneSchema),
    /** Where to send the answer by letter; required for (and only sent with) `letter`. */
    postalAddress: z.optional(PostalAddressSchema),
    /**
     * Photos uploaded for the message (`POST /v1/photos`), at most the department's
     * `messagePhotos.maxCount`; a department without `messagePhotos` takes none.
     */
    photos: photoIdsSchema(MESSAGE_MAX_PHOTOS),
  })
  .check(
    z.superRefine((value, ctx) => {
      const need = (
        field: 'email' | 'phone' | 'interpreterLanguage' | 'name' | 'postalAddress',
        message: string,
      ) => ctx.issues.push({ code: 'custom', path: [field], message, input: value[field] });
      for (const field of missingForAnswer(value)) need(field, 'required_for_channel');
      if (value.answerChannel === 'phone' && !value.phone) need('phone', 'required_for_channel');
      if (value.answerChannel === 'visit' && !value.phone && !value.email) {
        need('phone', 'required_for_visit');
      }
      if (value.needs?.includes('interpreter') && !value.interpreterLanguage) {
        need('interpreterLanguage', 'required');
      }
    }),
  );
export type ContactMessage = z.infer<typeof ContactMessageSchema>;
/** What a form or a caller passes in; defaults (Swedish, no needs) are filled in by the schema. */
export type ContactMessageInput = z.input<typeof ContactMessageSchema>;
