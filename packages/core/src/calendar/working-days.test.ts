import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './working-days.js';
import { fromZoned, toZoned } from './zoned.js';

describe('isWorkingDay', () => {
  it('is false on weekends and holidays, true on ordinary weekdays', () => {
    expect(isWorkingDay('2025-06-19')).toBe(true); // Thursday
    expect(isWorkingDay('2025-06-20')).toBe(false); // midsommarafton
    expect(isWorkingDay('2025-06-21')).toBe(false); // Saturday
    expect(isWorkingDay('2025-12-24')).toBe(false); // julafton
  });

  it('places an instant on the calendar of the time zone', () => {
    // Sunday 23:30 UTC is already Monday (trettondedag jul) in Stockholm.
    const instant = new Date('2025-01-05T23:30:00Z');
    expect(isWorkingDay(instant)).toBe(false);
    expect(isWorkingDay(instant, { timeZone: 'UTC' })).toBe(false);
    expect(isWorkingDay(new Date('2025-01-07T23:30:00Z'))).toBe(true);
    expect(isWorkingDay(new Date('2025-01-07T23:30:00Z'), { timeZone: 'Europe/Helsinki' })).toBe(
      true,
    );
  });

  it('honours extra closed dates', () => {
    expect(isWorkingDay('2025-06-19', { closedDates: ['2025-06-19'] })).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('answers a question sent on the Thursday before Easter after Easter Monday', () => {
    const sent = new Date('2027-03-25T10:00:00+01:00');
    // Långfredagen, the weekend and annandag påsk are skipped; summer time has begun.
    expect(addWorkingDays(sent, 2).toISOString()).toBe('2027-03-31T15:00:00.000Z');
  });

  it('never counts the sending day, even when sent early on a working day', () => {
    const sent = new Date('2025-03-03T07:00:00+01:00'); // Monday
    expect(addWorkingDays(sent, 1).toISOString()).toBe('2025-03-04T16:00:00.000Z');
    expect(addWorkingDays(sent, 5).toISOString()).toBe('2025-03-10T16:00:00.000Z');
  });

  it('skips trettondedag jul, midsommarafton and Christmas', () => {
    expect(addWorkingDays(new Date('2025-01-03T20:00:00+01:00'), 2).toISOString()).toBe(
      '2025-01-08T16:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2026-06-18T12:00:00+02:00'), 1).toISOString()).toBe(
      '2026-06-22T15:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2025-12-23T09:00:00+01:00'), 2).toISOString()).toBe(
      '2025-12-30T16:00:00.000Z',
    );
  });

  it('counts from the local date, not the UTC date', () => {
    // 23:30 UTC on Sunday is 00:30 on Monday 6 January (a holiday) in Stockholm.
    expect(addWorkingDays(new Date('2025-01-05T23:30:00Z'), 1).toISOString()).toBe(
      '2025-01-07T16:00:00.000Z',
    );
  });

  it('with 0 days gives the end of the same or the next working day', () => {
    expect(addWorkingDays(new Date('2025-03-04T09:00:00+01:00'), 0).toISOString()).toBe(
      '2025-03-04T16:00:00.000Z',
    );
    expect(addWorkingDays(new Date('2025-03-08T09:00:00+01:00'), 0).toISOString()).toBe(
      '2025-03-10T16:00:00.000Z',
    );
  });

  it('skips extra closed dates and uses another end of day and time zone', () => {
    const sent = new Date('2025-03-03T09:00:00+01:00');
    expect(addWorkingDays(sent, 1, { closedDates: ['2025-03-04'] }).toISOString()).toBe(
      '2025-03-05T16:00:00.000Z',
    );
    expect(
      addWorkingDays(sent, 1, { timeZone: 'Europe/Helsinki', endOfDay: '16:00' }).toISOString(),
    ).toBe('2025-03-04T14:00:00.000Z');
  });

  it('rejects a negative or fractional number of days and an unknown time zone', () => {
    const sent = new Date('2025-03-03T09:00:00Z');
    expect(() => addWorkingDays(sent, -1)).toThrow(RangeError);
    expect(() => addWorkingDays(sent, 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(sent, 1, { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('zoned time', () => {
  it('converts wall-clock time to an instant on both sides of a daylight-saving change', () => {
    const zone = 'Europe/Stockholm';
    const winter = fromZoned(
      { year: 2025, month: 3, day: 29, hour: 17, minute: 0, second: 0 },
      zone,
    );
    const summer = fromZoned(
      { year: 2025, month: 3, day: 31, hour: 17, minute: 0, second: 0 },
      zone,
    );
    expect(winter.toISOString()).toBe('2025-03-29T16:00:00.000Z');
    expect(summer.toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(toZoned(summer, zone)).toEqual({
      year: 2025,
      month: 3,
      day: 31,
      hour: 17,
      minute: 0,
      second: 0,
    });
  });
});
