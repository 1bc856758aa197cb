import { addWorkingDays, toZoned } from '@kontakt/core/calendar';
import type { Department } from '@kontakt/core/schemas';

/**
 * The promised answer dates depend only on the department, the number of working days and the
 * day a question arrived (in the department's time zone), so each is counted once: counting
 * working days walks the calendar (Easter, midsummer) day by day, which every receipt of a busy
 * day, and every case a dashboard looks at, would repeat. Kept per department object: its
 * settings are fixed for the life of a server.
 */
const answerDates = new WeakMap<Department, Map<string, Date>>();

/** A year of days, for each number of working days asked for: more is cleared, never wrong. */
const MAX_REMEMBERED = 800;

/**
 * The end of the `workingDays`-th working day after `sentAt` on the department's calendar (its
 * time zone, and its closed special days too). Default: the department's own answer-time promise.
 */
export function expectedAnswerBy(
  department: Department,
  sentAt: Date,
  workingDays = department.answerTimePromise.workingDays,
): Date {
  const { timeZone } = department.openingHours;
  let remembered = answerDates.get(department);
  if (!remembered) {
    remembered = new Map();
    answerDates.set(department, remembered);
  }
  const { year, month, day } = toZoned(sentAt, timeZone);
  const key = `${workingDays}:${year}-${month}-${day}`;
  let date = remembered.get(key);
  if (!date) {
    date = addWorkingDays(sentAt, workingDays, {
      timeZone,
      closedDates: department.openingHours.special
        .filter((each) => each.closed === true)
        .map((each) => each.date),
    });
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(key, date);
  }
  return date;
}
