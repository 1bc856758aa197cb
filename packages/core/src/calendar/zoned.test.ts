import { describe, expect, it } from 'vitest';
import { fromZoned, toZoned } from './zoned.js';

/** The wall clock as Intl reads it, field by field: what toZoned must always agree with. */
function intlWall(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(date);
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
  };
}

const ZONES = [
  'Europe/Stockholm',
  'UTC',
  'Asia/Kolkata', // +05:30, no daylight saving
  'America/St_Johns', // −03:30, daylight saving at 02:00
  'Australia/Lord_Howe', // daylight saving of 30 minutes
  'Asia/Kathmandu', // +05:45
];

describe('toZoned', () => {
  it('agrees with Intl around every daylight-saving change and at random instants', () => {
    const instants: number[] = [];
    // Every 7 minutes through the nights Sweden changes its clocks in 2026 (29 March, 25 October).
    for (const night of [Date.UTC(2026, 2, 28, 22), Date.UTC(2026, 9, 24, 22)]) {
      for (let t = night; t < night + 8 * 3_600_000; t += 7 * 60_000 + 1_234) instants.push(t);
    }
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 2_000; i++) instants.push(Date.UTC(1970, 0, 1) + random() * 4e12);
    for (const timeZone of ZONES) {
      for (const instant of instants) {
        const date = new Date(instant);
        expect(toZoned(date, timeZone), `${timeZone} ${date.toISOString()}`).toEqual(
          intlWall(date, timeZone),
        );
      }
    }
  });

  it('is undone by fromZoned outside the hour a clock skips or repeats', () => {
    const date = new Date('2026-12-03T09:18:50Z');
    expect(fromZoned(toZoned(date, 'Europe/Stockholm'), 'Europe/Stockholm')).toEqual(date);
    expect(toZoned(date, 'Europe/Stockholm')).toEqual({
      year: 2026,
      month: 12,
      day: 3,
      hour: 10,
      minute: 18,
      second: 50,
    });
  });
});
