import type { ContactMessage, Locale } from '@kontakt/core';
import { ContactMessageSchema, toFieldErrors } from '@kontakt/core';
import { toErrorMap } from './contact-form.error-map.js';
import type { ContactFormValues, FieldErrorMap } from './contact-form.model.js';
import { contactFieldsFor } from './contact-form.model.js';

/**
 * Builds the message the schema checks: only what is shown is sent (an e-mail typed before the
 * person switched to a call back is dropped) and empty optional fields are left out, so "required"
 * and "invalid" errors mean what the person sees.
 */
export function toMessageInput(values: ContactFormValues, locale: Locale): Record<string, unknown> {
  const input: Record<string, unknown> = {
    topic: values.topic,
    message: values.message,
    answerLanguage: values.answerLanguage || locale,
    needs: values.needs,
  };
  if (values.answerChannel) input.answerChannel = values.answerChannel;
  const optional = (key: string, value: string) => {
    if (value.trim()) input[key] = value;
  };
  if (values.needs.includes('interpreter'))
    optional('interpreterLanguage', values.interpreterLanguage);
  optional('name', values.name);
  for (const field of contactFieldsFor(values.answerChannel)) optional(field, values[field]);
  // The whole address, empty parts too: each part the person left out is named.
  if (values.answerChannel === 'letter') {
    const { street, postalCode, city } = values;
    input.postalAddress = { street, postalCode, city };
  }
  return input;
}

export type ValidationResult =
  | { success: true; message: ContactMessage }
  | { success: false; errors: FieldErrorMap };

/** Validates with the contract's own schema, the same one the SDK and the server use. */
export function validate(values: ContactFormValues, locale: Locale): ValidationResult {
  const result = ContactMessageSchema.safeParse(toMessageInput(values, locale));
  if (result.success) return { success: true, message: result.data };
  return { success: false, errors: toErrorMap(toFieldErrors(result.error.issues)) };
}
