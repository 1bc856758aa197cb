/**
 * The sign-in transaction between `/login` and `/callback`: `state`, `nonce`, the PKCE verifier,
 * where to go afterwards and the redirect URI used, kept in the browser that started it as a
 * sealed (AES-256-GCM: encrypted and authenticated) `HttpOnly` cookie. Nothing is stored on the
 * server, so any instance behind a load balancer can finish what another began; the provider
 * redeems each code once, and each instance also refuses a `state` it has already seen.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import * as z from 'zod/mini';

/** The cookie's name; its path is the OIDC endpoints only. */
export const TRANSACTION_COOKIE = 'kontakt_oidc';
export const TRANSACTION_PATH = '/v1/agent/oidc';
/** Time to sign in at the provider: long enough for a password manager and a second factor. */
export const TRANSACTION_TTL_MS = 10 * 60 * 1000;

const TransactionSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
  redirectUri: z.string(),
  expiresAt: z.number(),
});
export type Transaction = z.infer<typeof TransactionSchema>;

/** Seals and opens transactions with one key. */
export interface TransactionSealer {
  seal(transaction: Transaction): string;
  /** The transaction, or `undefined` if the value was not sealed with this key or is damaged. */
  open(value: string): Transaction | undefined;
}

/**
 * A sealer keyed from `secret` (the client secret: shared by every instance and already secret),
 * or from random bytes of this process when there is none.
 */
export function createTransactionSealer(secret: string | undefined): TransactionSealer {
  const key = secret
    ? Buffer.from(hkdfSync('sha256', secret, 'kontakt', 'oidc transaction cookie', 32))
    : randomBytes(32);
  return {
    seal(transaction) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([
        cipher.update(JSON.stringify(transaction), 'utf8'),
        cipher.final(),
      ]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(value) {
      const bytes = Buffer.from(value, 'base64url');
      if (bytes.length < 29) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
        decipher.setAuthTag(bytes.subarray(12, 28));
        const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
        const parsed = TransactionSchema.safeParse(JSON.parse(text.toString('utf8')));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The `state` values this instance has finished, until they would have expired anyway: a
 * replayed callback is refused here before the provider is asked.
 */
export function createUsedStates(now: () => Date): {
  /** `false` if `state` was used before; marks it used. */
  claim(state: string, expiresAt: number): boolean;
} {
  const used = new Map<string, number>();
  return {
    claim(state, expiresAt) {
      const time = now().getTime();
      for (const [key, expiry] of used) if (expiry <= time) used.delete(key);
      if (used.has(state)) return false;
      used.set(state, expiresAt);
      return true;
    },
  };
}
