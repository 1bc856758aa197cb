import { afterEach, describe, expect, it, vi } from 'vitest';
import { reconnectDelay } from './backoff.js';

afterEach(() => vi.restoreAllMocks());

describe('reconnectDelay', () => {
  it('doubles per failed attempt from the base, up to the cap', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect([1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelay(attempt, 1_000, 10_000))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
    expect(reconnectDelay(5_000, 1_000, 10_000)).toBe(10_000);
  });

  it('backs off from a floor when the server asked for retry: 0 and reconnecting fails', () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    expect([1, 2, 3].map((attempt) => reconnectDelay(attempt, 0, 10_000))).toEqual([0, 500, 1_000]);
  });

  it('waits half to all of it, at random, so clients dropped together come back spread out', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect(reconnectDelay(1, 3_000, 30_000)).toBe(1_500);
  });
});
