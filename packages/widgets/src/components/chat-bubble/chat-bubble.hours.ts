/*
 * Opening times as people say them, in the department's time zone and the element's language:
 * "17.00", "måndag 08.00", "i morgon 08.00". Intl only (its words for today and tomorrow too);
 * nothing here depends on the SDK.
 */
import type { LauncherTexts } from './chat-bubble.texts.js';

/** `08:00` as the language writes a time of day: Swedish and Finnish with a dot. */
export const clockText = (clock: string, locale: string): string =>
  locale === 'sv' || locale === 'fi' ? clock.replace(':', '.') : clock;

/** The time of day of `at` in `timeZone`, as `locale` writes it ("08.00"). */
export const clockAt = (at: Date, timeZone: string, locale: string): string =>
  clockText(
    at.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }),
    locale,
  );

/** Midnight UTC of `at`'s calendar date in `timeZone`, to count days between dates. */
const dayOf = (at: Date, timeZone: string) =>
  Date.parse(at.toLocaleDateString('en-CA', { timeZone }));

/** How many calendar days in `timeZone` lie between `now` and `at` (0: the same day). */
export const daysFrom = (now: Date, at: Date, timeZone: string): number =>
  Math.round((dayOf(at, timeZone) - dayOf(now, timeZone)) / 864e5);

/**
 * The day `days` ahead (`at`'s), as a person says it: "i dag", "i morgon", or the weekday
 * ("måndag"), with the date when it is a week or more ahead ("fredag 2 januari", after Christmas).
 */
export const dayText = (at: Date, days: number, timeZone: string, locale: string): string =>
  days < 2
    ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day')
    : at.toLocaleDateString(locale, {
        timeZone,
        weekday: 'long',
        ...(days > 6 ? { day: 'numeric', month: 'long' } : {}),
      });

/** When `opensAt` is, as a person says it from `now`: "i dag 08.00", "måndag 08.00" (`dayText`). */
export function whenText(opensAt: string, now: Date, timeZone: string, locale: string): string {
  const at = new Date(opensAt);
  return `${dayText(at, daysFrom(now, at, timeZone), timeZone, locale)} ${clockAt(at, timeZone, locale)}`;
}

/**
 * Until when an open chat is open, in the launcher's words: today's closing time, or the day too
 * when that is later (a chat open overnight: "Öppet till i morgon 02.00"); a closing at midnight
 * is today's 24.00, not tomorrow's 00.00; nothing to close (`closesAt` left out) is round the clock.
 */
export function untilText(
  t: LauncherTexts,
  closesAt: string | undefined,
  now: Date,
  timeZone: string,
  locale: string,
): string {
  if (!closesAt) return t.openUntil();
  const closes = new Date(closesAt);
  const days = daysFrom(now, closes, timeZone);
  const clock = clockAt(closes, timeZone, locale);
  if (days === 1 && /^00.00$/.test(clock)) return t.openUntil(clock.replace('00', '24'));
  return t.openUntil(clock, days > 0 ? dayText(closes, days, timeZone, locale) : undefined);
}
