import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sha256Hex } from '../idempotency.js';
import type { Database } from '../store/schema.js';

/*
 * Who may read a case: the holder of its receipt token, or of a token in `case_access` (an
 * e-mail lookup's, a follower's). Every check compares hashes in constant time and always
 * compares, against a stand-in when there is no case, so an unknown reference costs the same work
 * as a wrong token.
 */

/** Compared with when there is nothing to compare with: no token hashes to it. */
const STAND_IN = sha256Hex('kontakt: no such case');

/** Equal hex digests, in constant time (both are SHA-256 hex, so of equal length). */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** An e-mail address as compared: trimmed, lower case. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * True when `token` opens the case `reference`: its receipt token, or a token granted on it (an
 * e-mail lookup, following it). The photos of a case are served under the same rule.
 *
 * @example
 * if (!(await ctx.store.read('authorizeCaseAccess', reference, token))) throw caseNotFound();
 */
export async function authorizeCaseAccess(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<boolean> {
  const hash = sha256Hex(token);
  const row = await db
    .selectFrom('cases')
    .select('receipt_token_hash')
    .where('reference', '=', reference)
    .executeTakeFirst();
  const granted = await db
    .selectFrom('case_access')
    .select('token_hash')
    .where('case_reference', '=', reference)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  const isReceipt = sameDigest(hash, row?.receipt_token_hash ?? STAND_IN);
  return row !== undefined && (isReceipt || granted !== undefined);
}

/**
 * True when `email` is the address the case was sent with (trimmed, case-insensitive); false for
 * a case sent without one. Compares digests in constant time, also when there is no case.
 */
export async function matchesCaseEmail(
  db: Kysely<Database>,
  reference: string,
  email: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .select('message')
    .where('reference', '=', reference)
    .executeTakeFirst();
  const stored = row ? senderEmailOf(row.message) : undefined;
  const same = sameDigest(
    sha256Hex(normalizeEmail(email)),
    stored === undefined ? STAND_IN : sha256Hex(normalizeEmail(stored)),
  );
  return stored !== undefined && same;
}

/**
 * The sender's address from a case's stored message: a contact message's `email`, or a fault
 * report's `contact.email`.
 */
export function senderEmailOf(messageJson: string): string | undefined {
  try {
    const message = JSON.parse(messageJson) as {
      email?: unknown;
      contact?: { email?: unknown };
    };
    const email = message.email ?? message.contact?.email;
    return typeof email === 'string' && email.trim() !== '' ? email : undefined;
  } catch {
    return undefined;
  }
}

/** The sender's language from a case's stored message (`answerLanguage` or `locale`), or `sv`. */
export function senderLocaleOf(messageJson: string): string {
  try {
    const message = JSON.parse(messageJson) as { answerLanguage?: unknown; locale?: unknown };
    const locale = message.answerLanguage ?? message.locale;
    return typeof locale === 'string' ? locale : 'sv';
  } catch {
    return 'sv';
  }
}
