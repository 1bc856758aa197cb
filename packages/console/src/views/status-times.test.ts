import type { StatusPeriod } from '@kontakt/core/agent';
import { expect } from '@open-wc/testing';
import { statusTimes } from './status-times.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute)).toISOString();

describe('statusTimes', () => {
  it('adds up the periods of each status, in the order the case first entered them', () => {
    const history: StatusPeriod[] = [
      { status: 'received', from: at(0), until: at(5) },
      { status: 'parked', from: at(5), until: at(20) },
      { status: 'in_progress', from: at(20), until: at(30) },
      { status: 'parked', from: at(30), until: null },
    ];
    expect(statusTimes(history, Date.parse(at(45)))).to.deep.equal([
      { status: 'received', ms: 5 * 60_000, periods: 1, currentSince: undefined },
      { status: 'parked', ms: 30 * 60_000, periods: 2, currentSince: at(30) },
      { status: 'in_progress', ms: 10 * 60_000, periods: 1, currentSince: undefined },
    ]);
  });

  it('has no current status once the last period is closed, and none for no history', () => {
    const closed: StatusPeriod[] = [{ status: 'received', from: at(0), until: at(5) }];
    expect(statusTimes(closed, Date.parse(at(45)))[0]?.currentSince).to.equal(undefined);
    expect(statusTimes([], Date.parse(at(45)))).to.deep.equal([]);
  });

  it('counts a period that began after the clock of this browser as none, not less', () => {
    const history: StatusPeriod[] = [{ status: 'assigned', from: at(10), until: null }];
    expect(statusTimes(history, Date.parse(at(9)))[0]?.ms).to.equal(0);
  });
});
