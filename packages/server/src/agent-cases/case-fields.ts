import type { Need } from '@kontakt/core/schemas';

/** The parts of a message the handling columns are derived from (a `ContactMessage` has them). */
export interface MessageFields {
  message?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  topic?: string | undefined;
  needs?: readonly Need[] | undefined;
  interpreterLanguage?: string | undefined;
}

/** The handling columns a new case starts with, derived from what the citizen wrote. */
export function handlingColumnsOf(reference: string, message: MessageFields) {
  const needs = message.needs ?? [];
  return {
    need_interpreter: needs.includes('interpreter') ? 1 : 0,
    need_sign_language: needs.includes('sign_language') ? 1 : 0,
    need_easy_read: needs.includes('easy_read') ? 1 : 0,
    interpreter_language: message.interpreterLanguage ?? null,
    search_text: searchTextOf(reference, message),
  };
}

/**
 * One lower-case line of everything a case is found by: its reference, the sender's name and
 * contact details (the phone also as bare digits, as people type it), the topic and the message.
 * Lower-cased here and in the query, so `LIKE` matches without regard to case on both stores
 * (SQLite's `LIKE` folds ASCII only; å, ä, ö would not match otherwise).
 */
export function searchTextOf(reference: string, message: MessageFields): string {
  const phoneDigits = message.phone?.replace(/\D/g, '');
  return [
    reference,
    message.name,
    message.email,
    message.phone,
    phoneDigits,
    message.topic,
    message.interpreterLanguage,
    message.message,
  ]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(' ')
    .toLocaleLowerCase('sv')
    .replace(/\s+/g, ' ');
}

/**
 * The words of a search as `LIKE` patterns: lower-case, split on anything but letters, digits and
 * the characters of addresses and numbers. `%`, `_` and `\` never survive the split, so nothing
 * the agent types is a wildcard.
 */
export function searchPatterns(query: string): string[] {
  return [
    ...new Set(
      query
        .toLocaleLowerCase('sv')
        .split(/[^\p{L}\p{N}@.+-]+/u)
        .filter((word) => word.length > 0),
    ),
  ]
    .slice(0, 8)
    .map((word) => `%${word}%`);
}
