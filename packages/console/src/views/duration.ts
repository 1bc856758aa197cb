import type { ConsoleLocale } from '../i18n/texts.js';

/**
 * `45 min`, `3 tim 20 min`, `2 d 4 tim`: a span of wall-clock time in the console's language, to
 * the minute and in at most two units. Under a minute, but more than none, is `< 1 min`: "0 min"
 * would say nothing happened.
 */
export function formatDuration(minutes: number, locale: ConsoleLocale): string {
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
      style: 'unit',
      unit: name,
      unitDisplay: 'short',
    }).format(value);
  if (minutes > 0 && minutes < 1) return `< ${unit(1, 'minute')}`;
  const whole = Math.round(minutes);
  if (whole < 60) return unit(whole, 'minute');
  const hours = Math.floor(whole / 60);
  const pair = (first: string, rest: number, name: 'hour' | 'minute') =>
    rest ? `${first} ${unit(rest, name)}` : first;
  if (hours < 24) return pair(unit(hours, 'hour'), whole % 60, 'minute');
  return pair(unit(Math.floor(hours / 24), 'day'), hours % 24, 'hour');
}
