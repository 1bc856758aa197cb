/**
 * Swedish working days and holidays, for opening hours and the answer-time promise on receipts.
 * Browser-free and dependency-free: time zones come from `Intl`.
 *
 * @module @kontakt/core/calendar
 */
export {
  addDays,
  type CalendarDate,
  formatCalendarDate,
  isoWeekday,
  parseCalendarDate,
} from './calendar-date.js';
export { easterSunday } from './easter.js';
export {
  type SwedishHoliday,
  type SwedishHolidayId,
  swedishHolidayOn,
  swedishHolidays,
} from './holidays.js';
export {
  type OpeningHoursLike,
  type OpeningPeriod,
  type OpeningState,
  openingDayOf,
  openingPeriodsOn,
  openingState,
} from './opening-hours.js';
export { addWorkingDays, isWorkingDay, type WorkingDayOptions } from './working-days.js';
export { fromZoned, toZoned, type ZonedDateTime } from './zoned.js';
