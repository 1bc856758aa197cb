/*
 * Opening times as people say them, in the department's time zone and the element's language:
 * "17.00", "måndag 08.00", "i morgon 08.00". Intl only (its words for today and tomorrow too);
 * nothing here depends on the SDK.
 */

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

/**
 * When `opensAt` is, as a person says it from `now`: "i dag 08.00", "i morgon 08.00", or the
 * weekday ("måndag 08.00"), with the date when it is a week or more ahead ("fredag 2 januari
 * 08.00", after Christmas).
 */
export function whenText(opensAt: string, now: Date, timeZone: string, locale: string): string {
  const at = new Date(opensAt);
  const days = Math.round((dayOf(at, timeZone) - dayOf(now, timeZone)) / 864e5);
  const day =
    days < 2
      ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day')
      : at.toLocaleDateString(locale, {
          timeZone,
          weekday: 'long',
          ...(days > 6 ? { day: 'numeric', month: 'long' } : {}),
        });
  return `${day} ${clockAt(at, timeZone, locale)}`;
}
