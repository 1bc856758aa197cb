import type { CalendarDate } from './calendar-date.js';

/** Wall-clock date and time in a time zone. */
export interface ZonedDateTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown time zone, which is what a caller should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Quarter hours: every time zone's offset changes (daylight saving, a new standard) on one, so
 * one that starts and ends with the same offset has it throughout.
 */
const WINDOW_MS = 15 * 60_000;

/** Per time zone, the quarter hour asked about last and its offset (`Intl` is slow to ask). */
const windows = new Map<string, { from: number; offset: number }>();

/** What a clock on the wall in `timeZone` shows at the instant `date`. */
export function toZoned(date: Date, timeZone: string): ZonedDateTime {
  const instant = date.getTime();
  if (!Number.isFinite(instant)) return readZoned(date, timeZone);
  const from = Math.floor(instant / WINDOW_MS) * WINDOW_MS;
  let known = windows.get(timeZone);
  if (known?.from !== from) {
    const offset = offsetAt(from, timeZone);
    // A quarter hour in which the offset changes is read from Intl every time.
    if (offsetAt(from + WINDOW_MS, timeZone) !== offset) return readZoned(date, timeZone);
    known = { from, offset };
    windows.set(timeZone, known);
  }
  const wall = new Date(Math.floor(instant / 1000) * 1000 + known.offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** `toZoned` the slow way, asking `Intl` for each field. */
function readZoned(date: Date, timeZone: string): ZonedDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? Number.NaN,
    month: parts.month ?? Number.NaN,
    day: parts.day ?? Number.NaN,
    hour: parts.hour ?? Number.NaN,
    minute: parts.minute ?? Number.NaN,
    second: parts.second ?? Number.NaN,
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. Found by measuring the zone's
 * offset near the wanted time and correcting once more across a daylight-saving change.
 */
export function fromZoned(local: ZonedDateTime, timeZone: string): Date {
  const wall = asUtcMs(local);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const asUtc = asUtcMs(readZoned(new Date(instant), timeZone));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which a UTC wall clock would show these fields. */
function asUtcMs(local: ZonedDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}
