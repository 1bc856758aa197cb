import { describe, expect, it } from 'vitest';
import { randomToken } from './random-token.js';

describe('randomToken', () => {
  it('is base64url of the bytes asked for', () => {
    expect(randomToken(32)).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(randomToken(16), 'base64url')).toHaveLength(16);
    expect(Buffer.from(randomToken(4096), 'base64url')).toHaveLength(4096);
  });

  it('never hands out the same bytes twice, across refills of the pool', () => {
    // 10,000 tokens of 32 bytes are 78 fills of the 4,096-byte pool.
    const tokens = Array.from({ length: 10_000 }, () => randomToken(32));
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('uses every value of every byte (the pool is random, not zeroed bytes handed out)', () => {
    const seen = Array.from({ length: 8 }, () => new Set<number>());
    for (let i = 0; i < 5000; i++) {
      const bytes = Buffer.from(randomToken(8), 'base64url');
      for (const [place, values] of seen.entries()) values.add(bytes[place] ?? -1);
    }
    // 5,000 draws miss one of 256 values with a chance of about 256 × (255/256)^5000.
    for (const values of seen)
      expect([...values].sort((a, b) => a - b)).toEqual([...Array(256).keys()]);
  });

  it('refuses a length it cannot draw', () => {
    expect(() => randomToken(0)).toThrow(RangeError);
    expect(() => randomToken(4097)).toThrow(RangeError);
    expect(() => randomToken(1.5)).toThrow(RangeError);
  });
});
