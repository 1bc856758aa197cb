/**
 * Failed sign-ins counted per account and per client address, in memory: after `max` failures
 * within `windowMs` further attempts are refused (429) until the oldest failure leaves the window,
 * without checking the password at all. A successful sign-in clears the account's count.
 *
 * Per instance: behind a load balancer with several instances a guesser gets `max` tries on each.
 * Still a small number, and it needs no table written on every failure.
 */
export interface SignInLimits {
  /** Failures per account within the window. */
  perAccount: number;
  /** Failures per client address (IPv6 by /64) within the window: many accounts from one place. */
  perClient: number;
  windowMs: number;
}

/** 5 wrong passwords per account and 20 per address in 15 minutes (a contact center's NAT). */
export const DEFAULT_SIGN_IN_LIMITS: Readonly<SignInLimits> = {
  perAccount: 5,
  perClient: 20,
  windowMs: 15 * 60_000,
};

export class SignInLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #limits: SignInLimits;
  #lastSweep = 0;

  constructor(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS) {
    this.#limits = limits;
  }

  /** Milliseconds until `account` may try again from `client`, or 0 when it may now. */
  retryAfter(account: string, client: string, now: number): number {
    this.#sweep(now);
    return Math.max(
      this.#wait(`account:${account}`, this.#limits.perAccount, now),
      this.#wait(`client:${client}`, this.#limits.perClient, now),
    );
  }

  /** Counts a failed attempt. */
  fail(account: string, client: string, now: number): void {
    for (const key of [`account:${account}`, `client:${client}`]) {
      const list = this.#live(key, now);
      list.push(now);
      this.#failures.set(key, list);
    }
  }

  /** Forgets the account's failures after it signed in. */
  succeed(account: string): void {
    this.#failures.delete(`account:${account}`);
  }

  #wait(key: string, max: number, now: number): number {
    const list = this.#live(key, now);
    if (list.length < max) return 0;
    const oldest = list[list.length - max] ?? now;
    return Math.max(1, oldest + this.#limits.windowMs - now);
  }

  #live(key: string, now: number): number[] {
    const list = this.#failures.get(key) ?? [];
    const from = now - this.#limits.windowMs;
    const live = list.filter((at) => at > from);
    if (live.length !== list.length) {
      if (live.length === 0) this.#failures.delete(key);
      else this.#failures.set(key, live);
    }
    return live;
  }

  /** Drops keys whose failures have all left the window, at most once a window. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.#limits.windowMs) return;
    this.#lastSweep = now;
    for (const key of [...this.#failures.keys()]) this.#live(key, now);
  }
}
