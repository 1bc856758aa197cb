import type { CalendarDate, OpeningHoursLike } from '@kontakt/core/calendar';
import { addDays, openingPeriodsOn, toZoned } from '@kontakt/core/calendar';
import { DEFAULT_TIME_ZONE } from '@kontakt/core/schemas';
import type { CallbackSettings } from './settings.js';

/** A time the contact center can call, as instants. */
export interface SlotTime {
  start: Date;
  end: Date;
}

/** Calendar days looked through for `daysAhead` days with opening hours (Christmas, a closure). */
const MAX_CALENDAR_DAYS = 60;

/**
 * The slots a department can be called in after `now`: each opening period (the department's
 * opening hours with holidays and special days, `openingPeriodsOn`) cut into `slotMinutes` from its
 * start, a slot only where it ends within the period, on the next `daysAhead` days that have one.
 * Each slot is exactly `slotMinutes` long, also on a day the clocks change.
 */
export function callbackSlotTimes(
  hours: OpeningHoursLike,
  settings: Pick<CallbackSettings, 'slotMinutes' | 'daysAhead'>,
  now: Date,
): SlotTime[] {
  const length = settings.slotMinutes * 60_000;
  const local = toZoned(now, hours.timeZone ?? DEFAULT_TIME_ZONE);
  const today: CalendarDate = { year: local.year, month: local.month, day: local.day };
  const slots: SlotTime[] = [];
  let days = 0;
  for (let offset = 0; offset < MAX_CALENDAR_DAYS && days < settings.daysAhead; offset++) {
    const before = slots.length;
    for (const period of openingPeriodsOn(hours, addDays(today, offset))) {
      for (let start = period.start.getTime(); start + length <= period.end.getTime(); ) {
        if (start > now.getTime())
          slots.push({ start: new Date(start), end: new Date(start + length) });
        start += length;
      }
    }
    if (slots.length > before) days++;
  }
  return slots;
}

/**
 * When an "as soon as possible" call is due at the latest: the end of the opening period it is
 * asked in, or else of the next one (the call is made while open). `undefined` when nothing opens.
 */
export function asapDueBy(hours: OpeningHoursLike, now: Date): Date | undefined {
  const local = toZoned(now, hours.timeZone ?? DEFAULT_TIME_ZONE);
  const today: CalendarDate = { year: local.year, month: local.month, day: local.day };
  for (let offset = 0; offset < MAX_CALENDAR_DAYS; offset++) {
    for (const period of openingPeriodsOn(hours, addDays(today, offset))) {
      if (period.end.getTime() > now.getTime()) return period.end;
    }
  }
  return undefined;
}

/**
 * Whether `start` begins a slot of the opening hours at all (within an opening period of its day,
 * on the period's grid of `slotMinutes`), offered now or not: one that is, but is not offered, has
 * begun or lies beyond the days offered — unavailable rather than outside opening hours.
 */
export function isSlotOfOpeningHours(
  hours: OpeningHoursLike,
  slotMinutes: number,
  start: Date,
): boolean {
  const length = slotMinutes * 60_000;
  const local = toZoned(start, hours.timeZone ?? DEFAULT_TIME_ZONE);
  const day: CalendarDate = { year: local.year, month: local.month, day: local.day };
  return openingPeriodsOn(hours, day).some((period) => {
    const offset = start.getTime() - period.start.getTime();
    return offset >= 0 && offset % length === 0 && start.getTime() + length <= period.end.getTime();
  });
}
