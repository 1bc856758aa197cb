import type { AnswerChannel, FieldError, Locale, Need } from '@kontakt/core';
import { ANSWER_CHANNELS, LOCALES, NEEDS } from '@kontakt/core';
import type { ContactFormField } from '../../i18n/translation.js';

/** What the person has typed and chosen, as plain strings, before validation. */
export interface ContactFormValues {
  topic: string;
  message: string;
  answerChannel: AnswerChannel | '';
  /** Empty until the person picks one: then the widget's own locale is used. */
  answerLanguage: Locale | '';
  needs: Need[];
  interpreterLanguage: string;
  name: string;
  email: string;
  phone: string;
  /** The postal address, for an answer by letter: the street line, postcode and town. */
  street: string;
  postalCode: string;
  city: string;
  /**
   * The photos added (for a department that takes them), by the ids they are kept under in the
   * browser for a reload (`internal/photos/photo-store.ts`).
   */
  photos: string[];
}

export const emptyValues = (): ContactFormValues => ({
  topic: '',
  message: '',
  answerChannel: '',
  answerLanguage: '',
  needs: [],
  interpreterLanguage: '',
  name: '',
  email: '',
  phone: '',
  street: '',
  postalCode: '',
  city: '',
  photos: [],
});

const TEXT_FIELDS = [
  'topic',
  'message',
  'interpreterLanguage',
  'name',
  'email',
  'phone',
  'street',
  'postalCode',
  'city',
] as const;

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * Values read back from a stored draft. Storage is input like any other (another version of the
 * widget, or the person, may have written it): anything that is not a value the form could hold is
 * dropped. `undefined` when nothing usable is left.
 */
export function valuesFromDraft(data: unknown): ContactFormValues | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const draft = data as Record<string, unknown>;
  const values = emptyValues();
  for (const field of TEXT_FIELDS) {
    const value = draft[field];
    if (isText(value)) values[field] = value;
  }
  values.answerChannel = ANSWER_CHANNELS.find((c) => c === draft.answerChannel) ?? '';
  values.answerLanguage = LOCALES.find((l) => l === draft.answerLanguage) ?? '';
  const needs = Array.isArray(draft.needs) ? draft.needs : [];
  values.needs = NEEDS.filter((need) => needs.includes(need));
  // Ids only: the photos themselves are looked up (and may be gone) when the field loads.
  if (Array.isArray(draft.photos)) values.photos = draft.photos.filter(isText);
  return isEmpty(values) ? undefined : values;
}

/** True when the person has neither typed nor chosen anything. */
export function isEmpty(values: ContactFormValues): boolean {
  return JSON.stringify(values) === JSON.stringify(emptyValues());
}

/** The contact details a channel asks for; the others are hidden and not sent. */
export function contactFieldsFor(channel: AnswerChannel | ''): Array<'email' | 'phone'> {
  if (channel === 'email') return ['email'];
  if (channel === 'phone') return ['phone'];
  if (channel === 'visit') return ['phone', 'email'];
  return [];
}

/** One error per field (the first), in the order the fields appear (`toErrorMap`). */
export type FieldErrorMap = Map<ContactFormField, FieldError>;
