import type { FieldError, Locale, LocalizedText } from '@kontakt/core';
import type { FaultCatalog } from '@kontakt/core/schemas';
import { html } from 'lit';
import type { Text } from './fault-report.fields.js';
import { departmentText } from './fault-report.fields.js';
import type { FaultValues } from './fault-report.model.js';
import { DESCRIPTION_MAX_LENGTH, hasPoint, questionsOf } from './fault-report.model.js';
import type { FaultTexts, Step } from './fault-report.texts.js';

/*
 * What keeps a step from going on, checked by hand as the person leaves it (the first-render
 * chunk has no zod): what is required and the plain limits. The contract's schema checks the whole
 * report before it is sent, and its errors (or the server's) lead back to their step with
 * `placeError`.
 */

const ADDRESS_MAX_LENGTH = 300;
/** Loose on purpose: the contract's `EmailSchema` has the last word; this catches typos early. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{5,}$/;

/** The step's errors: field key → text, in the order of its fields. */
export function checkStep(
  step: Step,
  catalog: FaultCatalog | undefined,
  values: FaultValues,
  t: FaultTexts,
  locale: Locale,
): Map<string, Text> {
  const errors = new Map<string, Text>();
  const category = catalog?.categories.find((c) => c.id === values.category);
  if (step === 'category' && !category) errors.set('category', t.errors.category);
  if (step === 'questions') {
    for (const attribute of questionsOf(category)) {
      if (!attribute.variable) continue;
      const answer = values.answers[attribute.code];
      const empty =
        answer === undefined || !(Array.isArray(answer) ? answer.length : answer.trim());
      const field = `answer-${attribute.code}`;
      if (empty && attribute.required) {
        errors.set(field, sentenceWith(t.errors.answer, attribute.description, locale));
      } else if (
        !empty &&
        attribute.datatype === 'number' &&
        typeof answer === 'string' &&
        !Number.isFinite(Number(answer.replace(',', '.')))
      ) {
        errors.set(field, t.errors.number);
      }
    }
  }
  if (step === 'location') {
    if (!hasPoint(values) && !values.address.trim()) errors.set('address', t.errors.location);
    else if (values.address.trim().length > ADDRESS_MAX_LENGTH)
      errors.set('address', t.errors.tooLong(ADDRESS_MAX_LENGTH));
  }
  if (step === 'description') {
    if (!values.description.trim()) errors.set('description', t.errors.description);
    else if (values.description.length > DESCRIPTION_MAX_LENGTH)
      errors.set('description', t.errors.tooLong(DESCRIPTION_MAX_LENGTH));
  }
  if (step === 'contact' && values.anonymous === 'no') {
    const email = values.email.trim();
    const phone = values.phone.trim();
    if (!email && !phone) errors.set('contact', t.errors.contact);
    if (email && !EMAIL.test(email)) errors.set('email', t.errors.email);
    if (phone && !PHONE.test(phone)) errors.set('phone', t.errors.phone);
  }
  return errors;
}

/**
 * One of the report's sentences with a department's text in it (an error that names a question):
 * that text marked as `departmentText` marks it, the rest in the report's language.
 */
function sentenceWith(
  sentence: (part: string) => string,
  text: LocalizedText,
  locale: Locale,
): Text {
  const part = departmentText(text, locale);
  if (typeof part === 'string') return sentence(part);
  const [before, after] = sentence('\0').split('\0');
  return html`${before}${part}${after}`;
}

/** Where a schema's or the server's field error belongs: its step and the field key there. */
export function placeError(error: FieldError): { step: Step; field: string } | undefined {
  const path = error.field.replace(/^report\./, '').split('.');
  const [head, next] = path;
  if (head === 'category') return { step: 'category', field: 'category' };
  if (head === 'answers' && next) return { step: 'questions', field: `answer-${next}` };
  if (head === 'location') return { step: 'location', field: 'address' };
  if (head === 'description') return { step: 'description', field: 'description' };
  if (head === 'photos') return { step: 'photos', field: 'photos' };
  if (head === 'contact' && (next === 'email' || next === 'phone' || next === 'name')) {
    return { step: 'contact', field: next };
  }
  if (head === 'contact' || head === 'anonymous') return { step: 'contact', field: 'contact' };
  return undefined;
}

/** The text for a schema's or the server's field error on `field`. */
export function errorText(t: FaultTexts, field: string, error: FieldError): string {
  if (error.code === 'too_long') {
    const max = Number(error.params?.maximum);
    return Number.isFinite(max) ? t.errors.tooLong(max) : t.errors.other;
  }
  if (field === 'email') return t.errors.email;
  if (field === 'phone') return t.errors.phone;
  if (field === 'address') return t.errors.location;
  if (field === 'description') return t.errors.description;
  if (field === 'category') return t.errors.category;
  if (field === 'contact') return t.errors.contact;
  if (field === 'photos') return t.errors.photos;
  return t.errors.other;
}

/** The control an error links to: a group's first choice, else the field itself. */
export function focusIdFor(
  field: string,
  catalog: FaultCatalog | undefined,
  values: FaultValues,
): string {
  if (field === 'category') {
    const id = values.category || catalog?.categories[0]?.id;
    return id ? `category-${id}` : 'category-search';
  }
  if (field === 'contact') return 'email';
  if (field === 'photos') return 'photo-take';
  if (field.startsWith('answer-')) {
    const code = field.slice('answer-'.length);
    const attribute = catalog?.categories
      .find((c) => c.id === values.category)
      ?.attributes.find((a) => a.code === code);
    if (attribute?.datatype.endsWith('valuelist') && attribute.values[0]) {
      return `${field}-${attribute.values[0].key}`;
    }
  }
  return field;
}
