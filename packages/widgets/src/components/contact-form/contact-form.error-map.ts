import type { FieldError } from '@kontakt/core';
import type { ContactFormField } from '../../i18n/translation.js';
import type { FieldErrorMap } from './contact-form.model.js';

/*
 * Field errors in the form's order: only the checks and sending (the submit path) have any, so
 * this loads with them, not in the first render.
 */

export const FIELD_ORDER: readonly ContactFormField[] = [
  'topic',
  'message',
  'photos',
  'answerChannel',
  'phone',
  'email',
  'name',
  'street',
  'postalCode',
  'city',
  'answerLanguage',
  'needs',
  'interpreterLanguage',
];

/**
 * Sorts field errors (from the schema or from a 422) into form order. Paths may be relative to the
 * message (`email`) or to the submission (`message.email`); the postal address's parts are fields
 * of their own (`postalAddress.city` is `city`; the address as a whole, its first). Errors about
 * other things (the origin) are not about a field the person can fix and are left out.
 */
export function toErrorMap(errors: readonly FieldError[]): FieldErrorMap {
  const byField = new Map<ContactFormField, FieldError>();
  for (const error of errors) {
    const [head] = error.field
      .replace(/^message\./, '')
      .replace(/^postalAddress(\.|$)/, (_, dot) => (dot ? '' : 'street'))
      .split('.');
    const field = FIELD_ORDER.find((name) => name === head);
    if (field && !byField.has(field)) byField.set(field, error);
  }
  return new Map(
    FIELD_ORDER.filter((f) => byField.has(f)).map((f) => [f, byField.get(f) as FieldError]),
  );
}
