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

/** Makes a new random case reference from the platform's cryptographic random source. */
export function createCaseReference(): CaseReference {
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let chars = '';
  for (let i = 0; i < 8; i++) {
    chars = ALPHABET[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  return `KC-${chars.slice(0, 4)}-${chars.slice(4)}`;
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
