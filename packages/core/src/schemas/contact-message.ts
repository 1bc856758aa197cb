import * as z from 'zod/mini';
import { LocaleSchema, missingOr } from './common.js';
import { photoIdsSchema } from './photo.js';
import {
  ANSWER_CHANNELS,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_PHOTOS,
  NAME_MAX_LENGTH,
  NEEDS,
} from './vocabulary.js';

export {
  ANSWER_CHANNELS,
  type AnswerChannel,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_PHOTOS,
  NAME_MAX_LENGTH,
  NEEDS,
  type Need,
} from './vocabulary.js';

export const AnswerChannelSchema = z.enum(ANSWER_CHANNELS, { error: missingOr('invalid_option') });
export const NeedSchema = z.enum(NEEDS, { error: missingOr('invalid_option') });

const requiredText = (max: number) =>
  z
    .string({ error: missingOr('invalid_type') })
    .check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, 'too_long'));

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
 * A question or message from a citizen. Which contact details are required depends on the answer
 * channel: e-mail needs `email`, a call back needs `phone`, a visit needs one of them to book a time.
 */
export const ContactMessageSchema = z
  .object({
    /** Category id from the department's `categories`. */
    topic: requiredText(64),
    message: requiredText(MESSAGE_MAX_LENGTH),
    answerChannel: AnswerChannelSchema,
    answerLanguage: z._default(LocaleSchema, 'sv'),
    needs: z._default(z.array(NeedSchema).check(z.maxLength(NEEDS.length)), []),
    /** Which language the interpreter should speak; required when `needs` has `interpreter`. */
    interpreterLanguage: z.optional(requiredText(60)),
    name: z.optional(requiredText(NAME_MAX_LENGTH)),
    email: z.optional(EmailSchema),
    phone: z.optional(PhoneSchema),
    /**
     * Photos uploaded for the message (`POST /v1/photos`), at most the department's
     * `messagePhotos.maxCount`; a department without `messagePhotos` takes none.
     */
    photos: photoIdsSchema(MESSAGE_MAX_PHOTOS),
  })
  .check(
    z.superRefine((value, ctx) => {
      const need = (field: 'email' | 'phone' | 'interpreterLanguage', message: string) =>
        ctx.issues.push({ code: 'custom', path: [field], message, input: value[field] });
      if (value.answerChannel === 'email' && !value.email) need('email', 'required_for_channel');
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
