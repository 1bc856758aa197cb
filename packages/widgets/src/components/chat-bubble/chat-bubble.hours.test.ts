import { expect } from '@open-wc/testing';
import { untilText, whenText } from './chat-bubble.hours.js';
import { sv } from './chat-bubble.texts.js';
import { more } from './chat-bubble.texts.more.js';

// Friday 4 December 2026, 22.00 in Stockholm (UTC+1).
const FRIDAY_EVENING = new Date('2026-12-04T21:00:00Z');
const STOCKHOLM = 'Europe/Stockholm';

describe('<kc-chat-bubble> opening times in words', () => {
  it('says until when an open chat is open today', () => {
    const afternoon = new Date('2026-12-04T13:00:00Z');
    expect(untilText(sv, '2026-12-04T16:00:00Z', afternoon, STOCKHOLM, 'sv')).to.equal(
      'Öppet i dag till 17.00',
    );
    expect(untilText(more.en, '2026-12-04T16:00:00Z', afternoon, STOCKHOLM, 'en')).to.equal(
      'Open today until 17:00',
    );
  });

  it('names the day when a chat open overnight closes after midnight', () => {
    const closes = '2026-12-05T01:00:00Z'; // Saturday 02.00 in Stockholm
    expect(untilText(sv, closes, FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'Öppet till i morgon 02.00',
    );
    expect(untilText(more.en, closes, FRIDAY_EVENING, STOCKHOLM, 'en')).to.equal(
      'Open until tomorrow 02:00',
    );
    expect(untilText(more.fi, closes, FRIDAY_EVENING, STOCKHOLM, 'fi')).to.equal(
      'Avoinna huomenna klo 02.00 asti',
    );
    expect(untilText(more.ar, closes, FRIDAY_EVENING, STOCKHOLM, 'ar')).to.equal(
      'مفتوح حتى غدًا 02:00',
    );
    // Open over the weekend, until Monday morning.
    expect(untilText(sv, '2026-12-07T07:00:00Z', FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'Öppet till måndag 08.00',
    );
  });

  it('reads a closing at midnight as today’s 24.00, and nothing to close as round the clock', () => {
    expect(untilText(sv, '2026-12-04T23:00:00Z', FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'Öppet i dag till 24.00',
    );
    expect(untilText(more.en, '2026-12-04T23:00:00Z', FRIDAY_EVENING, STOCKHOLM, 'en')).to.equal(
      'Open today until 24:00',
    );
    // 00.30 is tomorrow's, not today's 24.30.
    expect(untilText(sv, '2026-12-04T23:30:00Z', FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'Öppet till i morgon 00.30',
    );
    expect(untilText(sv, undefined, FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal('Öppet dygnet runt');
  });

  it('counts days in the department’s time zone, not the browser’s', () => {
    // 22.00 in Stockholm is already Saturday 06.00 in Tokyo: 08.00 there is today.
    expect(untilText(sv, '2026-12-04T23:00:00Z', FRIDAY_EVENING, 'Asia/Tokyo', 'sv')).to.equal(
      'Öppet i dag till 08.00',
    );
  });

  it('says when a closed chat opens: today, tomorrow, a weekday, or a date a week or more ahead', () => {
    expect(whenText('2026-12-05T07:00:00Z', FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'i morgon 08.00',
    );
    expect(whenText('2026-12-07T07:00:00Z', FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'måndag 08.00',
    );
    expect(whenText('2027-01-04T07:00:00Z', FRIDAY_EVENING, STOCKHOLM, 'sv')).to.equal(
      'måndag 4 januari 08.00',
    );
  });
});
