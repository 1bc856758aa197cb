import { createHash } from 'node:crypto';
import { IDEMPOTENCY_KEY_LIFETIME_MS } from '@kontakt/core/schemas';
import type { Context } from 'hono';
import { ProblemError } from './http/http-error.js';

/**
 * How long a key is remembered (the contract's 8 days): longer than the SDK's outbox may keep a
 * submission (7 days at most), so a resend whose first answer was lost days ago still gets that
 * answer instead of making a second case.
 */
export const IDEMPOTENCY_TTL_MS = IDEMPOTENCY_KEY_LIFETIME_MS;

/** 1–255 visible ASCII characters. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`, `undefined` without one; a malformed key is a 400. */
export function readIdempotencyKey(c: Context): string | undefined {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new ProblemError(400, 'idempotency_key_invalid', {
      detail: 'Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID.',
    });
  }
  return key;
}

/**
 * JSON with object keys sorted, so two bodies that mean the same (whitespace, key order) hash the
 * same and a replay is recognised.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Keys whose first request is still running in this process. A duplicate that arrives meanwhile
 * gets 409; across processes the store's unique key does the same job.
 */
export class InFlightKeys {
  readonly #keys = new Set<string>();

  /** Claims a key; false when it is already claimed. */
  claim(slot: string): boolean {
    if (this.#keys.has(slot)) return false;
    this.#keys.add(slot);
    return true;
  }

  release(slot: string): void {
    this.#keys.delete(slot);
  }
}
