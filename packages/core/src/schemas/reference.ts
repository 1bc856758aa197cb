import * as z from 'zod/mini';

/**
 * Crockford's base 32: no I, L, O or U, so a reference read aloud on the phone or typed from paper
 * survives the usual mix-ups (see `normalizeCaseReference`).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = '[0-9A-HJKMNP-TV-Z]{4}';

/** A case reference such as `KC-7F3K-9QXM`: 40 random bits, never derived from the case's content. */
export const CaseReferenceSchema = z
  .string()
  .check(z.regex(new RegExp(`^KC-${GROUP}-${GROUP}$`), 'invalid_reference'));
export type CaseReference = z.infer<typeof CaseReferenceSchema>;

/** Random bytes drawn at once for 64 references: one call to the random source instead of 64. */
const pool = new Uint8Array(5 * 64);
let used = pool.length;

/**
 * Makes a new random case reference from the platform's cryptographic random source.
 *
 * The bytes come from a small pool that `crypto.getRandomValues` fills (as Node does for
 * `randomUUID`): asking the source for five bytes at a time cost a server more than the rest of
 * the reference. Each byte is used once.
 */
export function createCaseReference(): CaseReference {
  if (used === pool.length) {
    crypto.getRandomValues(pool);
    used = 0;
  }
  // 40 bits, exact in a double, read 5 bits at a time from the lowest.
  let bits = 0;
  for (const byte of pool.subarray(used, used + 5)) bits = bits * 256 + byte;
  used += 5;
  let characters = '';
  for (let i = 0; i < 8; i++, bits = Math.floor(bits / 32)) {
    characters = ALPHABET.charAt(bits % 32) + characters;
  }
  return `KC-${characters.slice(0, 4)}-${characters.slice(4)}`;
}

/**
 * Turns what a person typed (`kc 7f3k 9qxm`, `KC7F3K9QXM`, `kc-7f3k-9qxo`) into the canonical form,
 * or returns `undefined` when it cannot be a reference.
 */
export function normalizeCaseReference(input: string): CaseReference | undefined {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/^KC/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const candidate = `KC-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return CaseReferenceSchema.safeParse(candidate).success ? candidate : undefined;
}
