import { describe, expect, it } from 'vitest';
import { REMOVED, redactPersonalData } from './redact.js';

describe('redactPersonalData', () => {
  it('takes out e-mail addresses, phone numbers and personal identity numbers', () => {
    expect(
      redactPersonalData(
        'Lampan är trasig. Mejla anna.andersson@example.se eller ring 070-123 45 67, ' +
          'alt. +46 (0)40 12 34 56. Mitt personnummer är 19811218-9876 och 811218-9876.',
      ),
    ).toBe(
      `Lampan är trasig. Mejla ${REMOVED} eller ring ${REMOVED}, ` +
        `alt. ${REMOVED}. Mitt personnummer är ${REMOVED} och ${REMOVED}.`,
    );
  });

  it('keeps numbers that are not about a person: poles, dates, house numbers, times', () => {
    const text =
      'Stolpe 1234-5678 vid Storgatan 12, sedan 2026-12-01 kl. 03.15, ordernummer 8112181234.';
    expect(redactPersonalData(text)).toBe(text);
  });

  it('takes out a coordination number (day + 60) too', () => {
    expect(redactPersonalData('samordningsnummer 701063-2391')).toBe(
      `samordningsnummer ${REMOVED}`,
    );
  });
});
