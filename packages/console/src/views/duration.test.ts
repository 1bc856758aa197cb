import { expect } from '@open-wc/testing';
import { formatDuration } from './duration.js';

// Intl's unit words, with its no-break spaces made plain for reading.
const format = (minutes: number, locale: 'sv' | 'en') =>
  formatDuration(minutes, locale).replace(/\s/g, ' ');

describe('formatDuration', () => {
  it('says minutes, hours and minutes, or days and hours: two units at most', () => {
    expect(format(45, 'sv')).to.equal('45 min');
    expect(format(200, 'sv')).to.equal('3 tim 20 min');
    expect(format(180, 'sv')).to.equal('3 tim');
    expect(format(3 * 24 * 60 + 4 * 60 + 59, 'sv')).to.equal('3 d 4 tim');
    expect(format(2 * 24 * 60, 'en')).to.equal('2 days');
    expect(format(90, 'en')).to.equal('1 hr 30 mins');
  });

  it('says under a minute as such, and none as 0', () => {
    expect(format(0.4, 'sv')).to.equal('< 1 min');
    expect(format(0, 'sv')).to.equal('0 min');
  });
});
