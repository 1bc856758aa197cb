/*
 * The limit on guessing at cases: a token bucket per client address. A reference is 40 random
 * bits and a receipt token 256, so guessing is hopeless anyway; the limit keeps a guesser from
 * learning even that, and keeps the store from doing their work.
 */

/** `max` attempts per `windowMs` on average, at most `burst` at once. */
export interface LookupLimitOptions {
  readonly windowMs: number;
  readonly max: number;
  readonly burst: number;
}

/** 10 a minute, 5 at once: a person who mistypes a reference a few times is never held up. */
export const LOOKUP_LIMIT_DEFAULTS: LookupLimitOptions = { windowMs: 60_000, max: 10, burst: 5 };

interface Bucket {
  tokens: number;
  at: number;
}

/** Token buckets per client, in memory (as the other limits: one instance's count). */
export class LookupLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;
  readonly #burst: number;
  #lastSweep = 0;

  constructor(options: LookupLimitOptions) {
    if (!(options.windowMs > 0 && options.max >= 1 && options.burst >= 1)) {
      throw new RangeError('The lookup limit needs windowMs > 0, max >= 1 and burst >= 1');
    }
    this.#perMs = options.max / options.windowMs;
    this.#burst = options.burst;
  }

  /**
   * Milliseconds until `client` may try again, or 0 when it may now. `take` also spends an
   * attempt when it may.
   */
  waitMs(client: string, now: number, take: boolean): number {
    this.#sweep(now);
    const bucket = this.#refilled(client, now);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.#perMs);
    if (take) {
      bucket.tokens -= 1;
      this.#buckets.set(client, bucket);
    }
    return 0;
  }

  /** Spends an attempt after the fact (a failed read with a token), down to none left. */
  spend(client: string, now: number): void {
    const bucket = this.#refilled(client, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.#buckets.set(client, bucket);
  }

  #refilled(client: string, now: number): Bucket {
    const bucket = this.#buckets.get(client);
    if (!bucket) return { tokens: this.#burst, at: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    return bucket;
  }

  /** Forgets full buckets (they are as good as new ones), at most once a second. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < 1000) return;
    this.#lastSweep = now;
    for (const [client, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#burst) {
        this.#buckets.delete(client);
      }
    }
  }
}
