/**
 * The dashboard's period: a preset (this month, last month, the last 30 days, this year) or a
 * custom range of calendar days, kept in the URL query so a view can be linked and reloaded.
 * Days are the municipality's: midnight in Europe/Stockholm, whatever zone the browser is in.
 */
import { DASHBOARD_MAX_DAYS } from '@kontakt/core/agent';
import { fromZoned } from '@kontakt/core/calendar';

/** The municipality's time zone: its days start at its midnight. */
export const TIME_ZONE = 'Europe/Stockholm';

export const PERIOD_KINDS = [
  'this-month',
  'last-month',
  'last-30-days',
  'this-year',
  'custom',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period of whole days: `from` and `to` are `YYYY-MM-DD`, both included. */
export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}

/** Why a custom period cannot be shown. */
export type PeriodProblem = 'required' | 'end_before_start' | 'too_long';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` if `text` is a real calendar day (not `2026-02-30`), else `undefined`. */
export function parseDay(text: string | null | undefined): string | undefined {
  const match = DAY.exec(text ?? '');
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? (text as string)
    : undefined;
}

/** The day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in `timeZone`, as `YYYY-MM-DD`. */
export function today(now: Date = new Date(), timeZone = TIME_ZONE): string {
  // The Swedish format is ISO's: 2026-12-03.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The preset `kind` as of `day` (a custom period is given by its own days). */
export function presetPeriod(kind: Exclude<PeriodKind, 'custom'>, day: string): Period {
  const [year, month] = day.split('-') as [string, string];
  const monthStart = `${year}-${month}-01`;
  switch (kind) {
    case 'this-month':
      return { kind, from: monthStart, to: addDays(nextMonth(monthStart), -1) };
    case 'last-month': {
      const from = previousMonth(monthStart);
      return { kind, from, to: addDays(monthStart, -1) };
    }
    case 'last-30-days':
      return { kind, from: addDays(day, -29), to: day };
    case 'this-year':
      return { kind, from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

function nextMonth(monthStart: string): string {
  return addDays(monthStart, 32).slice(0, 8).concat('01');
}

function previousMonth(monthStart: string): string {
  return addDays(monthStart, -1).slice(0, 8).concat('01');
}

/** What is wrong with a custom period, if anything. */
export function checkPeriod(
  from: string | undefined,
  to: string | undefined,
): PeriodProblem | undefined {
  if (!from || !to) return 'required';
  if (to < from) return 'end_before_start';
  if (daysBetween(from, to) + 1 > DASHBOARD_MAX_DAYS) return 'too_long';
  return undefined;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 864e5);
}

/**
 * The period a URL query asks for (`?period=last-month`, `?period=custom&from=…&to=…`); this
 * month when it asks for none or for something that cannot be shown.
 */
export function periodFromQuery(search: string, day: string = today()): Period {
  const query = new URLSearchParams(search);
  const kind = query.get('period');
  if (kind === 'custom') {
    const from = parseDay(query.get('from'));
    const to = parseDay(query.get('to'));
    if (from && to && !checkPeriod(from, to)) return { kind, from, to };
  } else if ((PERIOD_KINDS as readonly string[]).includes(kind ?? '')) {
    return presetPeriod(kind as Exclude<PeriodKind, 'custom'>, day);
  }
  return presetPeriod('this-month', day);
}

/**
 * The URL query of a period. A preset is kept by name, so a link to "last month" shows the
 * month before whenever it is opened; a custom period by its days.
 */
export function periodQuery(period: Period): string {
  const query = new URLSearchParams({ period: period.kind });
  if (period.kind === 'custom') {
    query.set('from', period.from);
    query.set('to', period.to);
  }
  return `?${query}`;
}

/** The instant `day` starts in `timeZone` (its local midnight), as ISO 8601 in UTC. */
export function startOfDay(day: string, timeZone = TIME_ZONE): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return fromZoned(
    { year, month, day: date, hour: 0, minute: 0, second: 0 },
    timeZone,
  ).toISOString();
}

/** The API's query for a period: from its first day's midnight to the midnight after its last. */
export function periodBounds(period: Period, timeZone = TIME_ZONE): { from: string; to: string } {
  return {
    from: startOfDay(period.from, timeZone),
    to: startOfDay(addDays(period.to, 1), timeZone),
  };
}
