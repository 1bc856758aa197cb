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

/**
 * Per time zone, the offsets of quarter hours asked about (`Intl` is slow to ask): counting
 * working days visits one quarter hour per day ahead, the same ones for every receipt in a
 * quarter hour. Bounded: emptied when it grows past `MAX_WINDOWS`.
 */
const windows = new Map<string, Map<number, number>>();
const MAX_WINDOWS = 1_024;

/** What a clock on the wall in `timeZone` shows at the instant `date`. */
export function toZoned(date: Date, timeZone: string): ZonedDateTime {
  const instant = date.getTime();
  if (!Number.isFinite(instant)) return readZoned(date, timeZone);
  const wall = new Date(Math.floor(instant / 1000) * 1000 + offsetAt(instant, timeZone));
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

/**
 * Milliseconds the zone is ahead of UTC at an instant: the quarter hour's offset when it is the
 * same at both its ends (then it is throughout), else read from `Intl` for this instant.
 */
function offsetAt(instant: number, timeZone: string): number {
  const from = Math.floor(instant / WINDOW_MS) * WINDOW_MS;
  let zone = windows.get(timeZone);
  if (!zone) {
    zone = new Map();
    windows.set(timeZone, zone);
  }
  const known = zone.get(from);
  if (known !== undefined) return known;
  const offset = readOffset(from, timeZone);
  if (readOffset(from + WINDOW_MS, timeZone) !== offset) return readOffset(instant, timeZone);
  if (zone.size >= MAX_WINDOWS) zone.clear();
  zone.set(from, offset);
  return offset;
}

/** The offset at an instant as `Intl` reads it (to the second). */
function readOffset(instant: number, timeZone: string): number {
  const asUtc = asUtcMs(readZoned(new Date(instant), timeZone));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which a UTC wall clock would show these fields. */
function asUtcMs(local: ZonedDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}
