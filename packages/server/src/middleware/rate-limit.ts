import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ProblemError } from './problem.js';

export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

interface Window {
  started: number;
  count: number;
}

/**
 * Fixed-window counter per client, in memory. Good enough for one instance; windows end at the same
 * time for everyone in them, so a client gets at most `2 × max` across a window boundary.
 */
export class FixedWindowLimiter {
  readonly #windows = new Map<string, Window>();
  readonly #options: RateLimitOptions;
  #lastSweep = 0;

  constructor(options: RateLimitOptions) {
    if (!(options.windowMs > 0) || !(options.max >= 1)) {
      throw new RangeError('rateLimit needs windowMs > 0 and max >= 1');
    }
    this.#options = options;
  }

  /** Counts one request and says whether it may go ahead. */
  hit(client: string, now: number): { allowed: boolean; remaining: number; resetMs: number } {
    const { windowMs, max } = this.#options;
    this.#sweep(now);
    let window = this.#windows.get(client);
    if (!window || now - window.started >= windowMs) {
      window = { started: now, count: 0 };
      this.#windows.set(client, window);
    }
    window.count++;
    return {
      allowed: window.count <= max,
      remaining: Math.max(0, max - window.count),
      resetMs: window.started + windowMs - now,
    };
  }

  /** Forgets windows that have ended, at most once a window, so memory stays bounded. */
  #sweep(now: number): void {
    if (now - this.#lastSweep < this.#options.windowMs) return;
    this.#lastSweep = now;
    for (const [client, window] of this.#windows) {
      if (now - window.started >= this.#options.windowMs) this.#windows.delete(client);
    }
  }
}

/** The address of the connected peer (the socket's, not a header anyone can set). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Limits POST requests per client IP and tells clients where they stand with the
 * `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers (seconds), plus
 * `Retry-After` on a 429.
 */
export function rateLimit(options: RateLimitOptions, now: () => Date): MiddlewareHandler<AppEnv> {
  const limiter = new FixedWindowLimiter(options);
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const result = limiter.hit(clientAddress(c), now().getTime());
    const headers = {
      'RateLimit-Limit': String(options.max),
      'RateLimit-Remaining': String(result.remaining),
      'RateLimit-Reset': String(Math.ceil(result.resetMs / 1000)),
    };
    if (!result.allowed) {
      throw new ProblemError(429, 'rate_limited', {
        detail: `At most ${options.max} requests per ${Math.ceil(options.windowMs / 1000)} s; try again later.`,
        headers: { ...headers, 'Retry-After': headers['RateLimit-Reset'] },
      });
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
  };
}
