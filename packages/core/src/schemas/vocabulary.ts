/*
 * The contract's fixed word lists and limits, free of zod: a widget's first frame renders its
 * choices from these without paying for the schemas, which load when a person starts to use it.
 * The schemas are built from the same lists, so the two cannot drift apart.
 */
import type { LocalizedText } from './common.js';

/** Locales every widget and message ships in. Swedish first: it is the default everywhere. */
export const LOCALES = ['sv', 'en', 'fi', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * How the person wants the answer: by e-mail, a call back, a visit at a service point, or a letter
 * by post (for people without e-mail; it needs a name and a postal address).
 */
export const ANSWER_CHANNELS = ['email', 'phone', 'visit', 'letter'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** Needs the contact center must meet to give equal service (rights-based service). */
export const NEEDS = ['interpreter', 'sign_language', 'easy_read'] as const;
export type Need = (typeof NEEDS)[number];

/** How serious a crisis or service notice is. */
export const NOTICE_SEVERITIES = ['info', 'warning', 'danger'] as const;
export type NoticeSeverity = (typeof NOTICE_SEVERITIES)[number];
export const NOTICE_TITLE_MAX_LENGTH = 120;
export const NOTICE_TEXT_MAX_LENGTH = 2000;

export const MESSAGE_MAX_LENGTH = 5000;
export const NAME_MAX_LENGTH = 200;
/** A postal address's street line (with c/o, number and flat) and town, in characters. */
export const STREET_MAX_LENGTH = 120;
export const CITY_MAX_LENGTH = 60;

/** Lower-case slugs name departments and categories (`gata`, `fastighets-och-gatukontoret`). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 64;

/** True for a department or category id as the contract allows it (`SlugSchema`). */
export function isSlug(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= SLUG_MAX_LENGTH &&
    SLUG_PATTERN.test(value)
  );
}

/** The time zone of opening hours and receipts when a department names none. */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/**
 * An IANA time zone name by its shape (`Europe/Stockholm`, `UTC`). Shape only: asking `Intl`
 * loads locale data, which costs a slow phone over 100 ms in a widget's first frame.
 */
export const TIME_ZONE_PATTERN = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

/** Picks the best translation: the wanted locale, then Swedish. */
export function localize(text: LocalizedText, locale: string): string {
  return (LOCALES as readonly string[]).includes(locale)
    ? (text[locale as Locale] ?? text.sv)
    : text.sv;
}

/** The Open311 GeoReport v2 attribute types a fault category's extra questions may have. */
export const FAULT_ATTRIBUTE_TYPES = [
  'string',
  'number',
  'datetime',
  'text',
  'singlevaluelist',
  'multivaluelist',
] as const;
export type FaultAttributeType = (typeof FAULT_ATTRIBUTE_TYPES)[number];

/** Open311's limit for a request's description. */
export const FAULT_DESCRIPTION_MAX_LENGTH = 4000;
/** No department may take more photos per report than this. */
export const FAULT_MAX_PHOTOS = 10;
/** No department may take more photos per contact message than this. */
export const MESSAGE_MAX_PHOTOS = 5;

/**
 * How long the server remembers an `Idempotency-Key` with the answer it gave: 8 days. A client
 * keeps a submission to resend under its key a day less at most (`ClientOptions.outboxMaxAge`, 7
 * days), for clocks that disagree: a resend after the server forgot the key would make a second
 * case when the first request had got through.
 */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 8 * 24 * 60 * 60_000;
