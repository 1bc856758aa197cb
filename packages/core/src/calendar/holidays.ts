import type { CalendarDate } from './calendar-date.js';
import { addDays, formatCalendarDate, isoWeekday, parseCalendarDate } from './calendar-date.js';
import { easterSunday } from './easter.js';

/** Stable ids of the days Swedish offices close on. */
export type SwedishHolidayId =
  | 'nyarsdagen'
  | 'trettondedag-jul'
  | 'langfredagen'
  | 'paskdagen'
  | 'annandag-pask'
  | 'forsta-maj'
  | 'kristi-himmelsfards-dag'
  | 'pingstdagen'
  | 'nationaldagen'
  | 'midsommarafton'
  | 'midsommardagen'
  | 'alla-helgons-dag'
  | 'julafton'
  | 'juldagen'
  | 'annandag-jul'
  | 'nyarsafton';

/** A day on which a Swedish municipality's offices and contact center are closed. */
export interface SwedishHoliday {
  /** `YYYY-MM-DD` */
  date: string;
  id: SwedishHolidayId;
  name: { sv: string; en: string };
  /**
   * `true` for the public holidays of the law (*allmänna helgdagar*, lag 1989:253); `false` for
   * midsommarafton, julafton and nyårsafton, which are not, but on which offices close all the same.
   */
  official: boolean;
}

type Rule = [SwedishHolidayId, string, string, boolean, (year: number) => CalendarDate];

const fixed = (month: number, day: number) => (year: number) => ({ year, month, day });
const fromEaster = (days: number) => (year: number) => addDays(easterSunday(year), days);
/** The first Saturday on or after the given date (midsommardagen, alla helgons dag). */
const saturdayFrom =
  (month: number, day: number, shift = 0) =>
  (year: number) => {
    const first = { year, month, day };
    return addDays(first, ((6 - isoWeekday(first) + 7) % 7) + shift);
  };

const RULES: readonly Rule[] = [
  ['nyarsdagen', 'Nyårsdagen', "New Year's Day", true, fixed(1, 1)],
  ['trettondedag-jul', 'Trettondedag jul', 'Epiphany', true, fixed(1, 6)],
  ['langfredagen', 'Långfredagen', 'Good Friday', true, fromEaster(-2)],
  ['paskdagen', 'Påskdagen', 'Easter Sunday', true, fromEaster(0)],
  ['annandag-pask', 'Annandag påsk', 'Easter Monday', true, fromEaster(1)],
  ['forsta-maj', 'Första maj', 'May Day', true, fixed(5, 1)],
  ['kristi-himmelsfards-dag', 'Kristi himmelsfärds dag', 'Ascension Day', true, fromEaster(39)],
  ['pingstdagen', 'Pingstdagen', 'Whit Sunday', true, fromEaster(49)],
  ['nationaldagen', 'Sveriges nationaldag', 'National Day of Sweden', true, fixed(6, 6)],
  ['midsommarafton', 'Midsommarafton', 'Midsummer Eve', false, saturdayFrom(6, 20, -1)],
  ['midsommardagen', 'Midsommardagen', 'Midsummer Day', true, saturdayFrom(6, 20)],
  ['alla-helgons-dag', 'Alla helgons dag', "All Saints' Day", true, saturdayFrom(10, 31)],
  ['julafton', 'Julafton', 'Christmas Eve', false, fixed(12, 24)],
  ['juldagen', 'Juldagen', 'Christmas Day', true, fixed(12, 25)],
  ['annandag-jul', 'Annandag jul', 'Boxing Day', true, fixed(12, 26)],
  ['nyarsafton', 'Nyårsafton', "New Year's Eve", false, fixed(12, 31)],
];

const cache = new Map<number, readonly SwedishHoliday[]>();

/**
 * The days Swedish offices close on in `year`, in date order: the public holidays of the law plus
 * midsommarafton, julafton and nyårsafton (see `official`).
 */
export function swedishHolidays(year: number): readonly SwedishHoliday[] {
  if (!Number.isInteger(year) || year < 1600) throw new RangeError(`Unsupported year: ${year}`);
  let holidays = cache.get(year);
  if (!holidays) {
    holidays = RULES.map(([id, sv, en, official, dateOf]) => ({
      date: formatCalendarDate(dateOf(year)),
      id,
      name: { sv, en },
      official,
    })).sort((a, b) => a.date.localeCompare(b.date));
    cache.set(year, holidays);
  }
  return holidays;
}

/** The Swedish holiday on a `YYYY-MM-DD` date, or `undefined` on an ordinary day. */
export function swedishHolidayOn(date: string): SwedishHoliday | undefined {
  return swedishHolidays(parseCalendarDate(date).year).find((holiday) => holiday.date === date);
}
