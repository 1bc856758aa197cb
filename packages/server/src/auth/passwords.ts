import type { ScryptOptions } from 'node:crypto';
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashes for local accounts: scrypt (memory-hard, in node's crypto, so no dependency),
 * stored as a self-describing string `$scrypt$ln=15,r=8,p=3$<salt>$<hash>` (base64 without
 * padding, as in the PHC string format): the parameters travel with each hash, so they can be
 * raised later and old hashes still verify.
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  /** Block size. */
  r: number;
  /** Parallelisation: how many times the memory-hard part runs, one after the other. */
  p: number;
}

/**
 * N = 2^15, r = 8, p = 3: one of OWASP's equivalent minimums for scrypt (the Password Storage
 * Cheat Sheet lists 2^17/8/1, 2^16/8/2, 2^15/8/3, …). Of those it takes the least memory per hash
 * (128·N·r = 32 MiB, where 2^17 would take 128 MiB): sign-ins that arrive together each hold
 * that much on libuv's thread pool, and on a small server memory runs out before CPU does. It
 * costs about 0.3 s on one core of the 2-core reference machine, a fair price for a sign-in and
 * a steep one for a guesser.
 */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = { ln: 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Parameters beyond these in a configured hash are refused: they would take the server down. */
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;

/** At least 16 bytes of salt and 32 of hash (22 and 43 characters of base64). */
const HASH_PATTERN =
  /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22,})\$([A-Za-z0-9+/]{43,})$/;

/** Hashes a password with a fresh random salt. */
export async function hashPassword(
  password: string,
  params: ScryptParams = DEFAULT_SCRYPT_PARAMS,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

/** Is `text` a password hash this server can verify (right form, parameters within bounds)? */
export function isPasswordHash(text: string): boolean {
  return parseHash(text) !== undefined;
}

/**
 * Does `password` match `stored`? The comparison takes the same time wherever the hashes differ;
 * a malformed `stored` is `false` (the configuration check refuses those at start).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  return timingSafeEqual(actual, parsed.hash);
}

const dummies = new Map<string, Promise<string>>();

/**
 * Spends the time a real check would on an account that does not exist, so a wrong user name
 * and a wrong password cannot be told apart by how long the answer takes: it checks against a
 * hash with the parameters of `like` (a configured account's hash), else the defaults.
 */
export async function verifyDummyPassword(password: string, like?: string): Promise<false> {
  const params = (like && parseHash(like)?.params) || DEFAULT_SCRYPT_PARAMS;
  const key = `${params.ln},${params.r},${params.p}`;
  let dummy = dummies.get(key);
  if (!dummy) {
    dummy = hashPassword('not the password of any account', params);
    dummies.set(key, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}

function parseHash(text: string) {
  const match = HASH_PATTERN.exec(text);
  if (!match) return undefined;
  const [, ln, r, p, salt = '', hash = ''] = match;
  const params = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (params.ln < 1 || params.ln > MAX_LN || params.r < 1 || params.r > MAX_R) return undefined;
  if (params.p < 1 || params.p > MAX_P) return undefined;
  return { params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

function derive(
  password: string,
  salt: Buffer,
  { ln, r, p }: ScryptParams,
  length: number,
): Promise<Buffer> {
  const N = 2 ** ln;
  // Node refuses when 128·N·r exceeds maxmem (32 MiB by default, exactly our default's need).
  const options: ScryptOptions = { N, r, p, maxmem: 2 * 128 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
