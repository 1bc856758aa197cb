import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../http/http-error.js';
import { setHeader } from '../http/response-headers.js';
import { rateLimitKey } from './client-address.js';

/** At most `max` requests per client in each window of `windowMs` milliseconds. */
export interface RateLimitOptions {
  windowMs: number;
  max: number;
}

/**
 * The `rateLimit` server option: `windowMs` and `max` limit POSTs (sending cases); `reads` limits
 * GETs of the API separately (default 600 per minute; `false` turns it off).
 */
export interface RateLimitConfig extends RateLimitOptions {
  reads?: RateLimitOptions | false;
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
    if (!isWindow(options)) {
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

/**
 * Limits requests per client and tells clients where they stand with the `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` headers (seconds), plus `Retry-After` on a 429.
 * POSTs count against `options`; GETs and HEADs of the API (not the health check, which load
 * balancers poll) against `options.reads`, in separate windows. Clients are told apart by
 * `clientAddress` (IPv6 by /64 network).
 */
export function rateLimit(
  options: Required<RateLimitConfig>,
  now: () => Date,
): MiddlewareHandler<AppEnv> {
  const writes = limited(options);
  const reads = options.reads === false ? undefined : limited(options.reads);
  return async (c, next) => {
    const method = c.req.method;
    const check =
      method === 'POST'
        ? writes
        : (method === 'GET' || method === 'HEAD') && !isHealthCheck(c.req.path)
          ? reads
          : undefined;
    if (!check) return next();
    const headers = check(rateLimitKey(c.get('clientAddress')), now().getTime());
    await next();
    for (const [name, value] of Object.entries(headers)) setHeader(c, name, value);
  };
}

const isHealthCheck = (path: string) => path === '/v1/health' || path.startsWith('/v1/health/');

/** Counts a request; throws the 429 when it is over, else returns the headers to answer with. */
function limited(options: RateLimitOptions) {
  const limiter = new FixedWindowLimiter(options);
  return (client: string, now: number): Record<string, string> => {
    const result = limiter.hit(client, now);
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
    return headers;
  };
}

/** A window that can work: a positive finite length, at least one request. */
function isWindow(options: RateLimitOptions): boolean {
  return (
    options.windowMs > 0 &&
    Number.isFinite(options.windowMs) &&
    options.max >= 1 &&
    Number.isFinite(options.max)
  );
}
