// The dashboard's periods: presets as of a day, custom ranges checked, the URL query both ways,
// and days that start at midnight in Stockholm whatever zone the browser is in.
import { expect } from '@open-wc/testing';
import {
  addDays,
  checkPeriod,
  parseDay,
  periodBounds,
  periodFromQuery,
  periodQuery,
  presetPeriod,
  startOfDay,
  today,
} from './dashboard-period.js';

describe('dashboard periods', () => {
  it('gives this month, last month, the last 30 days and this year as of a day', () => {
    expect(presetPeriod('this-month', '2026-02-14')).to.deep.equal({
      kind: 'this-month',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(presetPeriod('last-month', '2026-01-05')).to.deep.equal({
      kind: 'last-month',
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(presetPeriod('last-30-days', '2026-03-01')).to.deep.equal({
      kind: 'last-30-days',
      from: '2026-01-31',
      to: '2026-03-01',
    });
    expect(presetPeriod('this-year', '2028-07-01')).to.deep.equal({
      kind: 'this-year',
      from: '2028-01-01',
      to: '2028-12-31',
    });
  });

  it('starts days at midnight in Stockholm, in winter and in summer time', () => {
    expect(startOfDay('2026-01-15')).to.equal('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-01')).to.equal('2026-06-30T22:00:00.000Z');
    // The days the clocks change: midnight is before the change both times.
    expect(startOfDay('2026-03-29')).to.equal('2026-03-28T23:00:00.000Z');
    expect(startOfDay('2026-10-25')).to.equal('2026-10-24T22:00:00.000Z');
    expect(periodBounds({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' })).to.deep.equal({
      from: '2026-02-28T23:00:00.000Z',
      to: '2026-03-31T22:00:00.000Z',
    });
  });

  it("knows today's date in Stockholm late in the evening UTC", () => {
    expect(today(new Date('2026-12-31T23:30:00Z'))).to.equal('2027-01-01');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
  });

  it('checks custom periods: both days, in order, at most a year', () => {
    expect(parseDay('2026-02-30')).to.equal(undefined);
    expect(parseDay('2026-2-3')).to.equal(undefined);
    expect(checkPeriod(undefined, '2026-01-01')).to.equal('required');
    expect(checkPeriod('2026-02-01', '2026-01-01')).to.equal('end_before_start');
    expect(checkPeriod('2025-01-01', '2026-12-31')).to.equal('too_long');
    expect(checkPeriod('2028-01-01', '2028-12-31')).to.equal(undefined);
  });

  it('reads and writes the period in the URL query, this month when it asks for nothing usable', () => {
    const custom = { kind: 'custom', from: '2026-01-01', to: '2026-01-31' } as const;
    expect(periodQuery(custom)).to.equal('?period=custom&from=2026-01-01&to=2026-01-31');
    expect(periodFromQuery(periodQuery(custom), '2026-05-05')).to.deep.equal(custom);
    expect(periodFromQuery('?period=last-month', '2026-05-05')).to.deep.equal(
      presetPeriod('last-month', '2026-05-05'),
    );
    for (const query of ['', '?period=forever', '?period=custom&from=2026-02-01&to=2026-01-01']) {
      expect(periodFromQuery(query, '2026-05-05')).to.deep.equal(
        presetPeriod('this-month', '2026-05-05'),
      );
    }
  });
});
