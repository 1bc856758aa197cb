import { describe, expect, it } from 'vitest';
import { containsPersonalIdentityNumber } from './personal-identity-number.js';

describe('containsPersonalIdentityNumber', () => {
  it('finds personal identity numbers in the forms people write them', () => {
    // Skatteverket's published test numbers.
    expect(containsPersonalIdentityNumber('Mitt personnummer är 811218-9876, tack')).toBe(true);
    expect(containsPersonalIdentityNumber('pnr 198112189876')).toBe(true);
    expect(containsPersonalIdentityNumber('19811218 9876')).toBe(true);
  });

  it('finds coordination numbers (day plus 60)', () => {
    expect(containsPersonalIdentityNumber('samordningsnummer 701063-2391')).toBe(true);
  });

  it('leaves phone numbers, dates and order numbers alone', () => {
    expect(containsPersonalIdentityNumber('Ring 040-34 10 00 eller 0701234567')).toBe(false);
    expect(containsPersonalIdentityNumber('Det hände 2026-11-23 vid 14.00')).toBe(false);
    expect(containsPersonalIdentityNumber('Fakturanummer 811218-9877')).toBe(false);
  });
});
