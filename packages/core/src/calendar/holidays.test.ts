import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.js';
import { swedishHolidayOn, swedishHolidays } from './holidays.js';

describe('easterSunday', () => {
  it.each([
    [1818, 3, 22],
    [2000, 4, 23],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
    [2285, 3, 22],
  ])('puts Easter %i on %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ year, month, day });
  });
});

describe('swedishHolidays', () => {
  it('lists the days offices close in 2025, in date order', () => {
    expect(swedishHolidays(2025).map((h) => `${h.date} ${h.name.sv}`)).toEqual([
      '2025-01-01 Nyårsdagen',
      '2025-01-06 Trettondedag jul',
      '2025-04-18 Långfredagen',
      '2025-04-20 Påskdagen',
      '2025-04-21 Annandag påsk',
      '2025-05-01 Första maj',
      '2025-05-29 Kristi himmelsfärds dag',
      '2025-06-06 Sveriges nationaldag',
      '2025-06-08 Pingstdagen',
      '2025-06-20 Midsommarafton',
      '2025-06-21 Midsommardagen',
      '2025-11-01 Alla helgons dag',
      '2025-12-24 Julafton',
      '2025-12-25 Juldagen',
      '2025-12-26 Annandag jul',
      '2025-12-31 Nyårsafton',
    ]);
  });

  it('moves midsommar and alla helgons dag to the right Saturday', () => {
    const dates = (year: number) =>
      Object.fromEntries(swedishHolidays(year).map((h) => [h.id, h.date]));
    expect(dates(2026)).toMatchObject({
      langfredagen: '2026-04-03',
      'kristi-himmelsfards-dag': '2026-05-14',
      midsommarafton: '2026-06-19',
      midsommardagen: '2026-06-20',
      'alla-helgons-dag': '2026-10-31',
    });
    expect(dates(2027)).toMatchObject({
      paskdagen: '2027-03-28',
      'annandag-pask': '2027-03-29',
      midsommarafton: '2027-06-25',
      midsommardagen: '2027-06-26',
      'alla-helgons-dag': '2027-11-06',
    });
  });

  it('marks the eves as closing days that are not public holidays by law', () => {
    const unofficial = swedishHolidays(2025).filter((h) => !h.official);
    expect(unofficial.map((h) => h.id)).toEqual(['midsommarafton', 'julafton', 'nyarsafton']);
  });

  it('finds the holiday on a date, and nothing on an ordinary day', () => {
    expect(swedishHolidayOn('2027-03-26')?.name.en).toBe('Good Friday');
    expect(swedishHolidayOn('2027-03-24')).toBeUndefined();
    expect(() => swedishHolidayOn('2027-02-30')).toThrow(RangeError);
  });
});
