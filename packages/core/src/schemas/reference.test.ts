import { describe, expect, it } from 'vitest';
import { CaseReferenceSchema, createCaseReference, normalizeCaseReference } from './reference.js';

describe('case references', () => {
  it('are made in the KC-XXXX-XXXX form from Crockford base 32', () => {
    for (let i = 0; i < 200; i++) {
      expect(createCaseReference()).toMatch(/^KC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    }
  });

  it('do not repeat in thousands of draws (40 random bits)', () => {
    const seen = new Set(Array.from({ length: 5000 }, createCaseReference));
    expect(seen.size).toBe(5000);
  });

  it('use every character in every place (all 40 bits reach the reference)', () => {
    const places = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 5000; i++) {
      const characters = createCaseReference().replace(/^KC-|-/g, '');
      for (const [place, seen] of places.entries()) seen.add(characters.charAt(place));
    }
    // 5,000 draws miss one of 32 characters in a place with a chance of about 32 × (31/32)^5000.
    for (const seen of places) expect(seen.size).toBe(32);
  });

  it('are read back from what people type, mix-ups included', () => {
    expect(normalizeCaseReference('kc 7f3k 9qxm')).toBe('KC-7F3K-9QXM');
    expect(normalizeCaseReference('KC7F3K9QXM')).toBe('KC-7F3K-9QXM');
    expect(normalizeCaseReference('kc-7f3k-9qxo')).toBe('KC-7F3K-9QX0');
    expect(normalizeCaseReference('KC-1L1I-0000')).toBe('KC-1111-0000');
    expect(normalizeCaseReference('KC-7F3K')).toBeUndefined();
    expect(normalizeCaseReference('hello world')).toBeUndefined();
  });

  it('reject letters outside the alphabet', () => {
    expect(CaseReferenceSchema.safeParse('KC-UUUU-AAAA').success).toBe(false);
  });
});
