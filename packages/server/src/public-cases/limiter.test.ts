import { describe, expect, it } from 'vitest';
import { readCliConfig, UsageError } from '../cli-settings.js';
import { LookupLimiter } from './limiter.js';

describe('LookupLimiter', () => {
  it('lets a burst through, then one attempt per refill, per client', () => {
    const limiter = new LookupLimiter({ windowMs: 60_000, max: 10, burst: 5 });
    const at = 1_000_000;
    const waits = Array.from({ length: 6 }, () => limiter.waitMs('a', at, true));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    // Ten a minute: the next attempt in six seconds.
    expect(waits[5]).toBe(6_000);
    expect(limiter.waitMs('b', at, true)).toBe(0);
    expect(limiter.waitMs('a', at + 6_000, true)).toBe(0);
    expect(limiter.waitMs('a', at + 6_000, true)).toBeGreaterThan(0);
  });

  it('spends after the fact without going below none, and only looks when asked to', () => {
    const limiter = new LookupLimiter({ windowMs: 60_000, max: 1, burst: 2 });
    expect(limiter.waitMs('a', 0, false)).toBe(0);
    expect(limiter.waitMs('a', 0, false)).toBe(0);
    limiter.spend('a', 0);
    limiter.spend('a', 0);
    limiter.spend('a', 0);
    expect(limiter.waitMs('a', 0, false)).toBe(60_000);
  });

  it('refuses settings that cannot work', () => {
    expect(() => new LookupLimiter({ windowMs: 0, max: 1, burst: 1 })).toThrow(RangeError);
    expect(() => new LookupLimiter({ windowMs: 1000, max: 1, burst: 0 })).toThrow(RangeError);
  });
});

describe('--lookup-limit / KONTAKT_LOOKUP_LIMIT', () => {
  const read = (env: Record<string, string>) =>
    readCliConfig(['--config', 'c.json'], env)?.options.lookupLimit;

  it('reads a rate and the attempts at once', () => {
    expect(read({ KONTAKT_LOOKUP_LIMIT: '10/1m,5' })).toEqual({
      windowMs: 60_000,
      max: 10,
      burst: 5,
    });
    expect(read({ KONTAKT_LOOKUP_LIMIT: '30/1h' })).toEqual({
      windowMs: 3_600_000,
      max: 30,
      burst: 30,
    });
  });

  it('names the setting when it cannot be read', () => {
    expect(() => read({ KONTAKT_LOOKUP_LIMIT: '10 a minute' })).toThrow(UsageError);
    expect(() => read({ KONTAKT_LOOKUP_LIMIT: '10/1m,many' })).toThrow(/^KONTAKT_LOOKUP_LIMIT /);
  });
});
