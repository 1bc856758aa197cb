import { randomFillSync } from 'node:crypto';

/*
 * Secrets handed out per request (receipt tokens, chat tokens, session ids) are drawn from a pool
 * of random bytes filled a few kilobytes at a time, as Node does for `randomUUID`: one call to the
 * system's random source per request cost more than the rest of the receipt. Bytes are zeroed as
 * they are handed out, so no secret is drawn twice or lingers in the pool once given.
 */

const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `byteLength` cryptographically random bytes as base64url (32 bytes: 43 characters), from the
 * pool. Up to 4,096 bytes.
 */
export function randomToken(byteLength: number): string {
  if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > POOL_BYTES) {
    throw new RangeError(`A random token is 1–${POOL_BYTES} bytes, not ${byteLength}`);
  }
  if (used + byteLength > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + byteLength);
  pool.fill(0, used, used + byteLength);
  used += byteLength;
  return token;
}
