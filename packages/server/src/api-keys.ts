import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';

/**
 * API keys for the admin API. A key is 160 random bits (`kk_` and 32 characters of base32); the
 * server keeps only its SHA-256. A fast hash is right here, unlike for passwords: nobody can
 * guess 160 random bits from the hash, and a slow hash would only slow every admin request.
 */

/** An API key as the server's configuration holds it: a name and the key's hash. */
export const ApiKeyConfigSchema = z.object({
  /** Who or what holds the key (`console`, `crisis-team`): written to logs, never the key. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'invalid_format')),
  hash: z.string().check(z.regex(/^sha256:[0-9a-f]{64}$/, 'invalid_format')),
});
export type ApiKeyConfig = z.infer<typeof ApiKeyConfigSchema>;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A new random API key, to hand to its holder once. */
export function createApiKey(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let key = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      key += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `kk_${key}`;
}

/** The form a key is configured in: `sha256:` and its hex digest. */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/**
 * The id of the configured key that `presented` is, or `undefined`. Every configured hash is
 * compared in constant time, so the answer's timing says nothing about how close a guess was.
 */
export function findApiKey(keys: readonly ApiKeyConfig[], presented: string): string | undefined {
  const digest = Buffer.from(hashApiKey(presented));
  let found: string | undefined;
  for (const key of keys) {
    const expected = Buffer.from(key.hash);
    if (expected.length === digest.length && timingSafeEqual(expected, digest)) found ??= key.id;
  }
  return found;
}
