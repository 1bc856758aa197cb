import { afterEach, describe, expect, it, vi } from 'vitest';
import { KontaktError } from '../errors/KontaktError.js';
import { nextAttemptDelay } from './backoff.js';

afterEach(() => vi.restoreAllMocks());

describe('nextAttemptDelay', () => {
  it('waits 2 s after the first failure, doubling up to 5 minutes', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // no jitter
    expect([1, 2, 3, 4, 8, 9, 20].map((attempts) => nextAttemptDelay(attempts))).toEqual([
      2_000, 4_000, 8_000, 16_000, 256_000, 300_000, 300_000,
    ]);
  });

  it('spreads clients out between half and the full delay', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(nextAttemptDelay(3)).toBe(4_000);
  });

  it('never tries sooner than the server’s Retry-After', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const limited = new KontaktError('slow down', { code: 'rate_limited', retryAfter: 120_000 });
    expect(nextAttemptDelay(1, limited)).toBe(120_000);
    const short = new KontaktError('slow down', { code: 'rate_limited', retryAfter: 1_000 });
    expect(nextAttemptDelay(1, short)).toBe(2_000);
  });
});
