import { DEFAULT_TIME_ZONE } from '../schemas/vocabulary.js';
import type { CalendarDate } from './calendar-date.js';
import { addDays, formatCalendarDate, isoWeekday, parseCalendarDate } from './calendar-date.js';
import { swedishHolidayOn } from './holidays.js';
import { fromZoned, toZoned } from './zoned.js';

/** Options shared by the working-day functions. */
export interface WorkingDayOptions {
  /** IANA time zone the working days are counted in. Default `Europe/Stockholm`. */
  timeZone?: string;
  /** More `YYYY-MM-DD` dates the office is closed on, e.g. a department's closed special days. */
  closedDates?: Iterable<string>;
  /** Local clock time (`HH:MM`) a working day ends at. Default `17:00`. */
  endOfDay?: string;
}

/**
 * True when `date` is a working day: Monday to Friday and not a Swedish holiday (midsommarafton,
 * julafton and nyårsafton count as holidays). A `Date` is placed on the calendar of `timeZone`; a
 * `YYYY-MM-DD` string is taken as it is.
 */
export function isWorkingDay(date: Date | string, options: WorkingDayOptions = {}): boolean {
  const day = calendarDateOf(date, options.timeZone ?? DEFAULT_TIME_ZONE);
  return isWorkingCalendarDate(day, new Set(options.closedDates ?? []));
}

/**
 * The end (17:00 local time by default) of the `days`-th working day after the day `from` falls on,
 * e.g. when a written question sent at `from` is promised an answer "within `days` working days".
 * The sending day itself never counts; with `days` 0 the result is the end of the sending day when
 * that is a working day, else the end of the next working day.
 *
 * @example addWorkingDays(new Date('2027-03-25T10:00:00+01:00'), 2) // 2027-03-31T15:00:00.000Z:
 * Good Friday, the Easter weekend and Easter Monday are skipped.
 */
export function addWorkingDays(from: Date, days: number, options: WorkingDayOptions = {}): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number of at least 0, got ${days}`);
  }
  if (Number.isNaN(from.getTime())) throw new RangeError('from is an invalid Date');
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const closed = new Set(options.closedDates ?? []);
  const [hour, minute] = parseClockTime(options.endOfDay ?? '17:00');

  let day = calendarDateOf(from, timeZone);
  if (days === 0) {
    while (!isWorkingCalendarDate(day, closed)) day = addDays(day, 1);
  }
  for (let counted = 0; counted < days; ) {
    day = addDays(day, 1);
    if (isWorkingCalendarDate(day, closed)) counted++;
  }
  return fromZoned({ ...day, hour, minute, second: 0 }, timeZone);
}

function isWorkingCalendarDate(day: CalendarDate, closed: ReadonlySet<string>): boolean {
  if (isoWeekday(day) > 5) return false;
  const text = formatCalendarDate(day);
  return !closed.has(text) && swedishHolidayOn(text) === undefined;
}

function calendarDateOf(date: Date | string, timeZone: string): CalendarDate {
  if (typeof date === 'string') return parseCalendarDate(date);
  const { year, month, day } = toZoned(date, timeZone);
  return { year, month, day };
}

function parseClockTime(text: string): [number, number] {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new RangeError(`endOfDay must be HH:MM, got ${text}`);
  return [Number(match[1]), Number(match[2])];
}
