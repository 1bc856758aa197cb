import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.js';
import type { SwedishHolidayId } from './holidays.js';
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

/*
 * The closing days of 2024–2030 as published, typed in by hand (not computed) so the rules above
 * are checked against an outside calendar: 2024 and 2025 from veckorna.se ("Alla röda dagar 2024/
 * 2025"), 2026, 2027 and 2030 from tidochdatum.se/helgdagar/<year>, 2028 from
 * kalender-365.se/helgdagar/2028.html, 2029 from the Swedish almanac (påskdagen 1 April 2029).
 * The fixed days (1/1, 6/1, 1/5, 6/6, 24–26/12, 31/12) are the same each year and listed once.
 */
const PUBLISHED_MOVABLE: Record<number, Record<string, string>> = {
  2024: {
    langfredagen: '03-29',
    paskdagen: '03-31',
    'annandag-pask': '04-01',
    'kristi-himmelsfards-dag': '05-09',
    pingstdagen: '05-19',
    midsommarafton: '06-21',
    midsommardagen: '06-22',
    'alla-helgons-dag': '11-02',
  },
  2025: {
    langfredagen: '04-18',
    paskdagen: '04-20',
    'annandag-pask': '04-21',
    'kristi-himmelsfards-dag': '05-29',
    pingstdagen: '06-08',
    midsommarafton: '06-20',
    midsommardagen: '06-21',
    'alla-helgons-dag': '11-01',
  },
  2026: {
    langfredagen: '04-03',
    paskdagen: '04-05',
    'annandag-pask': '04-06',
    'kristi-himmelsfards-dag': '05-14',
    pingstdagen: '05-24',
    midsommarafton: '06-19',
    midsommardagen: '06-20',
    'alla-helgons-dag': '10-31',
  },
  2027: {
    langfredagen: '03-26',
    paskdagen: '03-28',
    'annandag-pask': '03-29',
    'kristi-himmelsfards-dag': '05-06',
    pingstdagen: '05-16',
    midsommarafton: '06-25',
    midsommardagen: '06-26',
    'alla-helgons-dag': '11-06',
  },
  2028: {
    langfredagen: '04-14',
    paskdagen: '04-16',
    'annandag-pask': '04-17',
    'kristi-himmelsfards-dag': '05-25',
    pingstdagen: '06-04',
    midsommarafton: '06-23',
    midsommardagen: '06-24',
    'alla-helgons-dag': '11-04',
  },
  2029: {
    langfredagen: '03-30',
    paskdagen: '04-01',
    'annandag-pask': '04-02',
    'kristi-himmelsfards-dag': '05-10',
    pingstdagen: '05-20',
    midsommarafton: '06-22',
    midsommardagen: '06-23',
    'alla-helgons-dag': '11-03',
  },
  2030: {
    langfredagen: '04-19',
    paskdagen: '04-21',
    'annandag-pask': '04-22',
    'kristi-himmelsfards-dag': '05-30',
    pingstdagen: '06-09',
    midsommarafton: '06-21',
    midsommardagen: '06-22',
    'alla-helgons-dag': '11-02',
  },
};

const PUBLISHED_FIXED: Record<string, string> = {
  nyarsdagen: '01-01',
  'trettondedag-jul': '01-06',
  'forsta-maj': '05-01',
  nationaldagen: '06-06',
  julafton: '12-24',
  juldagen: '12-25',
  'annandag-jul': '12-26',
  nyarsafton: '12-31',
};

describe('swedishHolidays against a published calendar', () => {
  it.each(Object.keys(PUBLISHED_MOVABLE).map(Number))('has every closing day of %i', (year) => {
    const published = { ...PUBLISHED_FIXED, ...PUBLISHED_MOVABLE[year] };
    const expected = Object.entries(published)
      .map(([id, monthDay]) => `${year}-${monthDay} ${id}`)
      .sort();
    expect(swedishHolidays(year).map((h) => `${h.date} ${h.id}`)).toEqual(expected);
  });

  it('puts midsommardagen on the Saturday 20–26 June and alla helgons dag 31 Oct–6 Nov', () => {
    for (const year of Object.keys(PUBLISHED_MOVABLE).map(Number)) {
      const byId = new Map(swedishHolidays(year).map((h) => [h.id, h.date]));
      const check = (id: SwedishHolidayId, from: string, to: string) => {
        const date = byId.get(id) ?? '';
        expect(new Date(`${date}T12:00:00Z`).getUTCDay()).toBe(6);
        expect(date >= `${year}-${from}` && date <= `${year}-${to}`).toBe(true);
      };
      check('midsommardagen', '06-20', '06-26');
      check('alla-helgons-dag', '10-31', '11-06');
    }
  });
});
