import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so an id read aloud or retyped stays the same. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A new notice id: `n_` and 20 random base32 characters (100 bits), as `NoticeIdSchema` takes. */
export function createNoticeId(): string {
  let id = 'n_';
  for (const byte of randomBytes(20)) id += ALPHABET[byte & 31];
  return id;
}
