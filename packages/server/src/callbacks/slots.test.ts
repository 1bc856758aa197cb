import { describe, expect, it } from 'vitest';
import { asapDueBy, callbackSlotTimes, isSlotOfOpeningHours } from './slots.js';

const weekdays = { weekly: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }] };
const iso = (slots: { start: Date; end: Date }[]) =>
  slots.map(
    (slot) => `${slot.start.toISOString().slice(5, 16)}–${slot.end.toISOString().slice(11, 16)}`,
  );

describe('callbackSlotTimes', () => {
  it('cuts each opening period from its start and drops a slot that would run past closing', () => {
    const hours = { weekly: [{ days: [4], opens: '08:15', closes: '10:00' }] };
    const slots = callbackSlotTimes(
      hours,
      { slotMinutes: 45, daysAhead: 1 },
      new Date('2026-12-03T06:00Z'),
    );
    expect(iso(slots)).toEqual(['12-03T07:15–08:00', '12-03T08:00–08:45']);
  });

  it('counts only days with opening hours, over a holiday weekend', () => {
    // Thursday before Easter 2027 at 18:00: långfredagen, the weekend and annandag påsk pass.
    const slots = callbackSlotTimes(
      weekdays,
      { slotMinutes: 540, daysAhead: 2 },
      new Date('2027-03-25T17:00Z'),
    );
    // Summer time from 28 March: 08:00 is 06:00Z.
    expect(iso(slots)).toEqual(['03-30T06:00–15:00', '03-31T06:00–15:00']);
  });

  it('keeps every slot its length on the night the clocks go forward', () => {
    const sunday = { weekly: [{ days: [7], opens: '01:00', closes: '04:00' }] };
    const slots = callbackSlotTimes(
      sunday,
      { slotMinutes: 30, daysAhead: 1 },
      new Date('2026-03-28T12:00Z'),
    );
    // 01:00–04:00 on 29 March 2026 is two hours (02:00 becomes 03:00): four slots.
    expect(iso(slots)).toEqual([
      '03-29T00:00–00:30',
      '03-29T00:30–01:00',
      '03-29T01:00–01:30',
      '03-29T01:30–02:00',
    ]);
  });
});

describe('isSlotOfOpeningHours', () => {
  it('is true on the grid within opening hours, past or not, and false off it', () => {
    expect(isSlotOfOpeningHours(weekdays, 30, new Date('2026-12-03T07:00Z'))).toBe(true);
    expect(isSlotOfOpeningHours(weekdays, 30, new Date('2026-12-03T15:30Z'))).toBe(true);
    expect(isSlotOfOpeningHours(weekdays, 30, new Date('2026-12-03T16:00Z'))).toBe(false);
    expect(isSlotOfOpeningHours(weekdays, 30, new Date('2026-12-03T07:10Z'))).toBe(false);
    expect(isSlotOfOpeningHours(weekdays, 30, new Date('2026-12-05T09:00Z'))).toBe(false);
  });
});

describe('asapDueBy', () => {
  it('is the end of the opening period now, or of the next one', () => {
    expect(asapDueBy(weekdays, new Date('2026-12-03T09:00Z'))?.toISOString()).toBe(
      '2026-12-03T16:00:00.000Z',
    );
    expect(asapDueBy(weekdays, new Date('2026-12-23T17:00Z'))?.toISOString()).toBe(
      '2026-12-28T16:00:00.000Z',
    );
    expect(asapDueBy({ weekly: [] }, new Date('2026-12-03T09:00Z'))).toBeUndefined();
  });
});
