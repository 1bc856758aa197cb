import type { OpeningDay } from '../schemas/chat.js';
import type { OpeningHours } from '../schemas/department.js';
import { DEFAULT_TIME_ZONE } from '../schemas/vocabulary.js';
import type { CalendarDate } from './calendar-date.js';
import { addDays, formatCalendarDate, isoWeekday, parseCalendarDate } from './calendar-date.js';
import { swedishHolidayOn } from './holidays.js';
import { fromZoned, toZoned } from './zoned.js';

/**
 * A department's opening hours as configured, defaults filled in or not: `OpeningHours` from
 * `schemas/department.ts` fits, and so does the same object read from JSON before parsing.
 */
export type OpeningHoursLike = Pick<OpeningHours, 'weekly'> &
  Partial<Pick<OpeningHours, 'timeZone' | 'closedOnPublicHolidays' | 'special'>>;

/** One stretch of time the office is open, as instants. */
export interface OpeningPeriod {
  start: Date;
  end: Date;
}

/** Where a department stands at an instant: see `openingState`. */
export interface OpeningState {
  /** Within opening hours at that instant. */
  open: boolean;
  /**
   * When open: the end of the current opening (periods that touch count as one). Absent when it
   * does not end within a year: open round the clock.
   */
  closesAt?: Date;
  /**
   * When closed: the next opening, however many days ahead (over Christmas, a long special
   * closure). Absent when nothing opens within a year, e.g. no weekly hours configured.
   */
  opensAt?: Date;
  /** The day of the instant and the next six, as the calendar in the time zone has them. */
  week: OpeningDay[];
}

/** How far ahead `openingState` looks for the next opening. */
const SEARCH_DAYS = 370;

interface ClockPeriod {
  /** Minutes after midnight. */
  opens: number;
  /** Minutes after midnight; 1440 for a period that ends at midnight (`closes: '00:00'`). */
  closes: number;
}

interface DayPlan {
  date: CalendarDate;
  periods: ClockPeriod[];
  note?: string;
}

/**
 * The wall-clock opening of a date, after the rules in order: a special day for the date decides
 * (closed, or the week's hours with its own `opens`/`closes`, even on a public holiday); else a
 * Swedish holiday closes the day (unless `closedOnPublicHolidays` is false); else the weekly periods
 * of its weekday. Days before a holiday (*dag före helgdag*) are special days in config: not guessed.
 */
function planOf(hours: OpeningHoursLike, date: CalendarDate): DayPlan {
  const text = formatCalendarDate(date);
  const weekday = isoWeekday(date);
  const weekly = hours.weekly
    .filter((period) => period.days.includes(weekday))
    .map((period) => ({ opens: minutesOf(period.opens), closes: closingMinutesOf(period.closes) }));
  const special = hours.special?.find((day) => day.date === text);
  if (special) {
    const note = special.label?.sv;
    if (special.closed) return { date, periods: [], ...(note ? { note } : {}) };
    let periods = weekly;
    if (special.opens !== undefined && special.closes !== undefined) {
      periods = [{ opens: minutesOf(special.opens), closes: closingMinutesOf(special.closes) }];
    } else if (special.opens !== undefined || special.closes !== undefined) {
      // Only one end given (e.g. `closes: '15:00'` the day before a holiday): the week's hours cut.
      const from = special.opens === undefined ? 0 : minutesOf(special.opens);
      const to = special.closes === undefined ? 1440 : closingMinutesOf(special.closes);
      periods = weekly.map((p) => ({
        opens: Math.max(p.opens, from),
        closes: Math.min(p.closes, to),
      }));
    }
    return { date, periods: tidy(periods), ...(note ? { note } : {}) };
  }
  if (hours.closedOnPublicHolidays ?? true) {
    const holiday = swedishHolidayOn(text);
    if (holiday) return { date, periods: [], note: holiday.name.sv };
  }
  return { date, periods: tidy(weekly) };
}

/** Sorted, empty ones dropped, overlapping or touching ones joined. */
function tidy(periods: ClockPeriod[]): ClockPeriod[] {
  const sorted = periods.filter((p) => p.closes > p.opens).sort((a, b) => a.opens - b.opens);
  const joined: ClockPeriod[] = [];
  for (const period of sorted) {
    const last = joined.at(-1);
    if (last && period.opens <= last.closes) last.closes = Math.max(last.closes, period.closes);
    else joined.push({ ...period });
  }
  return joined;
}

function minutesOf(clock: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!match) throw new RangeError(`Not a clock time (HH:MM): ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** A closing time of `00:00` is midnight at the end of the day, not its start. */
function closingMinutesOf(clock: string): number {
  return minutesOf(clock) || 1440;
}

function clockText(minutes: number): string {
  const wrapped = minutes % 1440;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(wrapped / 60))}:${pad(wrapped % 60)}`;
}

/**
 * Wall-clock minutes of a date as an instant in the time zone. Each end is placed with the zone's
 * offset at that moment, so a period across a daylight-saving change is as long as the clock says
 * minus or plus the hour, and a day's 08:00 is 07:00Z in winter, 06:00Z in summer.
 */
function instantOf(date: CalendarDate, minutes: number, timeZone: string): Date {
  const day = minutes >= 1440 ? addDays(date, 1) : date;
  const within = minutes % 1440;
  return fromZoned(
    { ...day, hour: Math.floor(within / 60), minute: within % 60, second: 0 },
    timeZone,
  );
}

function toCalendarDate(date: CalendarDate | string): CalendarDate {
  return typeof date === 'string' ? parseCalendarDate(date) : date;
}

/**
 * The periods a department is open on a date (`YYYY-MM-DD` or a `CalendarDate`, on the calendar
 * of its time zone), as instants in order: none on a closed day. Holidays and special days applied.
 *
 * @example openingPeriodsOn(hours, '2026-12-23') // [{ start: 07:00Z, end: 16:00Z }] with 08–17
 */
export function openingPeriodsOn(
  hours: OpeningHoursLike,
  date: CalendarDate | string,
): OpeningPeriod[] {
  const timeZone = hours.timeZone ?? DEFAULT_TIME_ZONE;
  const plan = planOf(hours, toCalendarDate(date));
  return plan.periods.map((period) => ({
    start: instantOf(plan.date, period.opens, timeZone),
    end: instantOf(plan.date, period.closes, timeZone),
  }));
}

/**
 * A date's opening as the API shows it (`OpeningDay`): the first opening and the last closing
 * (a lunch break is not shown), absent when closed all day, and a holiday's or special day's name.
 */
export function openingDayOf(hours: OpeningHoursLike, date: CalendarDate | string): OpeningDay {
  return openingDayFromPlan(planOf(hours, toCalendarDate(date)));
}

function openingDayFromPlan(plan: DayPlan): OpeningDay {
  const first = plan.periods[0];
  const last = plan.periods.at(-1);
  return {
    date: formatCalendarDate(plan.date),
    ...(first && last ? { opens: clockText(first.opens), closes: clockText(last.closes) } : {}),
    ...(plan.note ? { note: plan.note } : {}),
  };
}

/**
 * Whether a department is open at `at`, when it closes or opens next, and its coming week.
 * Swedish public holidays (and midsommarafton, julafton, nyårsafton) are closed unless
 * `closedOnPublicHolidays` is false or a special day for the date says otherwise; the clock times
 * are in `hours.timeZone` with that day's offsets (daylight saving handled).
 *
 * Throws a `RangeError` for an invalid `at`, an unknown time zone or a malformed clock time.
 *
 * @example
 * const { open, opensAt } = openingState(department.openingHours, new Date());
 * if (!open && opensAt) show(`Öppnar ${opensAt.toLocaleString('sv-SE')}`);
 */
export function openingState(hours: OpeningHoursLike, at: Date): OpeningState {
  const now = at.getTime();
  if (Number.isNaN(now)) throw new RangeError('at is an invalid Date');
  const timeZone = hours.timeZone ?? DEFAULT_TIME_ZONE;
  const local = toZoned(at, timeZone);
  const today: CalendarDate = { year: local.year, month: local.month, day: local.day };

  const plans: DayPlan[] = [];
  const planAt = (offset: number): DayPlan => {
    let plan = plans[offset];
    if (!plan) {
      plan = planOf(hours, addDays(today, offset));
      plans[offset] = plan;
    }
    return plan;
  };
  const week = Array.from({ length: 7 }, (_, offset) => openingDayFromPlan(planAt(offset)));

  // Today's periods onwards, in order (none runs past midnight: a closing is at most 24:00).
  let current: OpeningPeriod | undefined;
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const plan = planAt(offset);
    for (const period of plan.periods) {
      const start = instantOf(plan.date, period.opens, timeZone);
      const end = instantOf(plan.date, period.closes, timeZone);
      if (current) {
        // Open now: a period that starts where this one ends carries on the opening.
        if (start.getTime() > current.end.getTime()) return openState(current.end, week);
        current = { start: current.start, end };
        continue;
      }
      if (end.getTime() <= now) continue;
      if (start.getTime() > now) return { open: false, opensAt: start, week };
      current = { start, end };
    }
    if (current && plan.periods.length === 0) return openState(current.end, week);
  }
  // Still open at the end of the search: nothing closes it within a year.
  return current ? { open: true, week } : { open: false, week };
}

function openState(closesAt: Date, week: OpeningDay[]): OpeningState {
  return { open: true, closesAt, week };
}
