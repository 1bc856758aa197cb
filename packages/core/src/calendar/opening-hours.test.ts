import { describe, expect, it } from 'vitest';
import type { OpeningHoursLike } from './opening-hours.js';
import { openingDayOf, openingPeriodsOn, openingState } from './opening-hours.js';

/** The contact center: weekdays 08.00–17.00, Stockholm time, closed on public holidays. */
const contactCenter: OpeningHoursLike = {
  timeZone: 'Europe/Stockholm',
  weekly: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }],
};

const iso = (date: Date | undefined) => date?.toISOString();

describe('openingState on ordinary days', () => {
  it('is open on a weekday morning and says when it closes (winter: 17:00 is 16:00Z)', () => {
    const state = openingState(contactCenter, new Date('2026-12-03T09:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-12-03T16:00:00.000Z');
    expect(state.opensAt).toBeUndefined();
  });

  it('opens at 08:00 sharp and closes at 17:00 sharp', () => {
    expect(openingState(contactCenter, new Date('2026-12-03T07:00:00Z')).open).toBe(true);
    expect(openingState(contactCenter, new Date('2026-12-03T06:59:59Z')).open).toBe(false);
    const atClosing = openingState(contactCenter, new Date('2026-12-03T16:00:00Z'));
    expect(atClosing.open).toBe(false);
    expect(iso(atClosing.opensAt)).toBe('2026-12-04T07:00:00.000Z');
  });

  it('in the evening opens the next morning; before opening, the same morning', () => {
    expect(iso(openingState(contactCenter, new Date('2026-12-03T17:00:00Z')).opensAt)).toBe(
      '2026-12-04T07:00:00.000Z',
    );
    // 00:30 on Thursday in Stockholm is still Wednesday in UTC.
    expect(iso(openingState(contactCenter, new Date('2026-12-02T23:30:00Z')).opensAt)).toBe(
      '2026-12-03T07:00:00.000Z',
    );
  });

  it('over a weekend opens on Monday', () => {
    const friday = openingState(contactCenter, new Date('2026-12-04T16:30:00Z'));
    expect(friday.open).toBe(false);
    expect(iso(friday.opensAt)).toBe('2026-12-07T07:00:00.000Z');
    expect(iso(openingState(contactCenter, new Date('2026-12-06T12:00:00Z')).opensAt)).toBe(
      '2026-12-07T07:00:00.000Z',
    );
  });

  it('lists the day and the next six as OpeningDay', () => {
    const { week } = openingState(contactCenter, new Date('2026-12-03T09:00:00Z'));
    expect(week).toEqual([
      { date: '2026-12-03', opens: '08:00', closes: '17:00' },
      { date: '2026-12-04', opens: '08:00', closes: '17:00' },
      { date: '2026-12-05' },
      { date: '2026-12-06' },
      { date: '2026-12-07', opens: '08:00', closes: '17:00' },
      { date: '2026-12-08', opens: '08:00', closes: '17:00' },
      { date: '2026-12-09', opens: '08:00', closes: '17:00' },
    ]);
  });

  it('closes for lunch and joins periods that touch', () => {
    const lunch: OpeningHoursLike = {
      weekly: [
        { days: [1, 2, 3, 4, 5], opens: '08:00', closes: '12:00' },
        { days: [1, 2, 3, 4, 5], opens: '13:00', closes: '16:00' },
      ],
    };
    const atLunch = openingState(lunch, new Date('2026-12-03T11:30:00Z'));
    expect(atLunch.open).toBe(false);
    expect(iso(atLunch.opensAt)).toBe('2026-12-03T12:00:00.000Z');
    expect(atLunch.week[0]).toEqual({ date: '2026-12-03', opens: '08:00', closes: '16:00' });

    const touching: OpeningHoursLike = {
      weekly: [
        { days: [4], opens: '12:00', closes: '17:00' },
        { days: [4], opens: '08:00', closes: '12:00' },
      ],
    };
    expect(iso(openingState(touching, new Date('2026-12-03T08:00:00Z')).closesAt)).toBe(
      '2026-12-03T16:00:00.000Z',
    );
  });

  it('runs on to the next day when one period ends at midnight and the next starts at it', () => {
    const lateAndEarly: OpeningHoursLike = {
      weekly: [
        { days: [4], opens: '20:00', closes: '00:00' },
        { days: [5], opens: '00:00', closes: '02:00' },
      ],
    };
    const state = openingState(lateAndEarly, new Date('2026-12-03T21:00:00Z'));
    expect(state.open).toBe(true);
    expect(iso(state.closesAt)).toBe('2026-12-04T01:00:00.000Z');
    expect(state.week[0]).toEqual({ date: '2026-12-03', opens: '20:00', closes: '00:00' });
  });

  it('is open round the clock, with no closing, when every day runs 00:00-00:00', () => {
    const always: OpeningHoursLike = {
      weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '00:00' }],
      closedOnPublicHolidays: false,
    };
    const state = openingState(always, new Date('2026-12-24T23:59:30Z'));
    expect(state.open).toBe(true);
    expect(state.closesAt).toBeUndefined();
    // A closing within the year is still said, however far ahead.
    const untilSummer = openingState(
      { ...always, special: [{ date: '2027-06-25', closed: true }] },
      new Date('2026-12-24T12:00:00Z'),
    );
    expect(iso(untilSummer.closesAt)).toBe('2027-06-24T22:00:00.000Z');
  });

  it('reads the clock in the configured time zone', () => {
    const helsinki = { ...contactCenter, timeZone: 'Europe/Helsinki' };
    expect(iso(openingState(helsinki, new Date('2026-12-03T16:00:00Z')).opensAt)).toBe(
      '2026-12-04T06:00:00.000Z',
    );
  });

  it('has no next opening when nothing opens, and rejects what cannot be read', () => {
    expect(openingState({ weekly: [] }, new Date('2026-12-03T09:00:00Z'))).toEqual({
      open: false,
      week: expect.any(Array),
    });
    expect(() => openingState(contactCenter, new Date('nonsense'))).toThrow(RangeError);
    expect(() =>
      openingState({ ...contactCenter, timeZone: 'Mars/Olympus' }, new Date('2026-12-03T09:00Z')),
    ).toThrow(RangeError);
  });
});

describe('openingState over holidays', () => {
  it('before Christmas opens again after Annandag jul and the weekend', () => {
    const state = openingState(contactCenter, new Date('2026-12-23T16:00:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.opensAt)).toBe('2026-12-28T07:00:00.000Z');
    expect(state.week).toEqual([
      { date: '2026-12-23', opens: '08:00', closes: '17:00' },
      { date: '2026-12-24', note: 'Julafton' },
      { date: '2026-12-25', note: 'Juldagen' },
      { date: '2026-12-26', note: 'Annandag jul' },
      { date: '2026-12-27' },
      { date: '2026-12-28', opens: '08:00', closes: '17:00' },
      { date: '2026-12-29', opens: '08:00', closes: '17:00' },
    ]);
  });

  it('over New Year opens on the first Monday, then closes for Trettondedag jul', () => {
    expect(iso(openingState(contactCenter, new Date('2026-12-30T16:00:00Z')).opensAt)).toBe(
      '2027-01-04T07:00:00.000Z',
    );
    expect(iso(openingState(contactCenter, new Date('2027-01-05T16:00:00Z')).opensAt)).toBe(
      '2027-01-07T07:00:00.000Z',
    );
  });

  it('opens on holidays when the department does not close for them', () => {
    const always = { ...contactCenter, closedOnPublicHolidays: false };
    expect(openingState(always, new Date('2026-12-24T09:00:00Z')).open).toBe(true);
  });

  it('finds the next opening many days ahead, past a long special closure', () => {
    // Closed from 28 December to Friday 15 January: next opening Monday 18 January.
    const special = [
      ...[28, 29, 30].map((day) => ({ date: `2026-12-${day}`, closed: true })),
      ...Array.from({ length: 15 }, (_, i) => ({
        date: `2027-01-${String(i + 1).padStart(2, '0')}`,
        closed: true,
      })),
    ];
    expect(
      iso(openingState({ ...contactCenter, special }, new Date('2026-12-23T16:00:00Z')).opensAt),
    ).toBe('2027-01-18T07:00:00.000Z');
  });
});

describe('special days from config', () => {
  const withSpecials: OpeningHoursLike = {
    ...contactCenter,
    special: [
      // Dag före helgdag: shorter, only the closing given, the week's opening kept.
      { date: '2026-12-23', closes: '13:00', label: { sv: 'Dag före julafton', en: 'Eve' } },
      { date: '2026-12-28', closed: true, label: { sv: 'Planeringsdag', en: 'Planning day' } },
      // Open on a holiday, with its own hours.
      { date: '2027-01-06', opens: '10:00', closes: '14:00' },
    ],
  };

  it('closes early on a shorter day and says why', () => {
    const before = openingState(withSpecials, new Date('2026-12-23T09:00:00Z'));
    expect(iso(before.closesAt)).toBe('2026-12-23T12:00:00.000Z');
    expect(before.week[0]).toEqual({
      date: '2026-12-23',
      opens: '08:00',
      closes: '13:00',
      note: 'Dag före julafton',
    });
    const after = openingState(withSpecials, new Date('2026-12-23T12:30:00Z'));
    expect(after.open).toBe(false);
    // Christmas, the weekend, then the closed planning day.
    expect(iso(after.opensAt)).toBe('2026-12-29T07:00:00.000Z');
    expect(after.week[5]).toEqual({ date: '2026-12-28', note: 'Planeringsdag' });
  });

  it('opens on a holiday when a special day gives hours', () => {
    expect(
      openingPeriodsOn(withSpecials, '2027-01-06').map((p) => [iso(p.start), iso(p.end)]),
    ).toEqual([['2027-01-06T09:00:00.000Z', '2027-01-06T13:00:00.000Z']]);
    expect(iso(openingState(withSpecials, new Date('2027-01-05T16:00:00Z')).opensAt)).toBe(
      '2027-01-06T09:00:00.000Z',
    );
    expect(openingDayOf(withSpecials, '2027-01-06')).toEqual({
      date: '2027-01-06',
      opens: '10:00',
      closes: '14:00',
    });
  });

  it('is closed on a holiday without a special day, named', () => {
    expect(openingPeriodsOn(contactCenter, '2027-01-06')).toEqual([]);
    expect(openingDayOf(contactCenter, { year: 2027, month: 1, day: 6 })).toEqual({
      date: '2027-01-06',
      note: 'Trettondedag jul',
    });
  });
});

describe('daylight saving', () => {
  it('over Easter and the spring change opens at 08:00 summer time (06:00Z)', () => {
    // Långfredagen 26 March 2027, summer time from Sunday 28 March (Påskdagen), annandag påsk 29.
    const state = openingState(contactCenter, new Date('2027-03-25T16:00:00Z'));
    expect(iso(state.opensAt)).toBe('2027-03-30T06:00:00.000Z');
    const open = openingState(contactCenter, new Date('2027-03-30T06:00:00Z'));
    expect(iso(open.closesAt)).toBe('2027-03-30T15:00:00.000Z');
  });

  it('over the autumn change opens at 08:00 winter time (07:00Z)', () => {
    // Friday 23 October 2026 in summer time; winter time from Sunday 25 October.
    const state = openingState(contactCenter, new Date('2026-10-23T15:00:00Z'));
    expect(state.open).toBe(false);
    expect(iso(state.opensAt)).toBe('2026-10-26T07:00:00.000Z');
  });

  it('makes a night period on a changing Sunday as long as the clocks say', () => {
    const sundays: OpeningHoursLike = { weekly: [{ days: [7], opens: '01:00', closes: '04:00' }] };
    const hours = (date: string) =>
      openingPeriodsOn(sundays, date).map((p) => (p.end.getTime() - p.start.getTime()) / 3_600_000);
    expect(hours('2026-03-29')).toEqual([2]); // 02:00 becomes 03:00
    expect(hours('2026-10-25')).toEqual([4]); // 03:00 becomes 02:00
    expect(hours('2026-11-01')).toEqual([3]);
  });
});
