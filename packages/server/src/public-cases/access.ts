import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sha256Hex } from '../idempotency.js';
import type { Database } from '../store/schema.js';

/*
 * Who may read a case: the holder of its receipt token, or of a token in `case_access` (an
 * e-mail lookup's, a follower's). Who may add to it: its sender only (the receipt token, an e-mail
 * lookup's). Every check compares hashes in constant time and always compares, against a
 * stand-in when there is no case, so an unknown reference costs the same work as a wrong token.
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
  return (await tokenHolder(db, reference, token)) !== undefined;
}

/**
 * True when `token` proves its holder sent the case `reference`: its receipt token, or the token
 * of an e-mail lookup (the address it was sent with). A follower's token, or a duplicate's
 * sender's on the case it duplicates, reads the case but is not its sender's.
 *
 * @example
 * if (!(await ctx.store.read('authorizeCaseSender', reference, token))) throw caseNotFound();
 */
export async function authorizeCaseSender(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<boolean> {
  return (await tokenHolder(db, reference, token)) === 'sender';
}

/**
 * The department of the case `reference` when `token` is its sender's (as `authorizeCaseSender`):
 * the one whose photos a message to it may name. `undefined` for every other answer alike.
 */
export async function senderCaseDepartment(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<string | undefined> {
  const held = await holding(db, reference, token);
  return held?.holder === 'sender' ? held.department : undefined;
}

/** The `case_access` kinds that prove the sender: an e-mail lookup's (it knew the address). */
const SENDER_KINDS: readonly string[] = ['lookup'];

/**
 * Who holds `token` for the case `reference`: its `sender` (the receipt token, an e-mail
 * lookup's), a `reader` (a follower's, a duplicate's sender's), or no one (`undefined`).
 */
export async function tokenHolder(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<'sender' | 'reader' | undefined> {
  return (await holding(db, reference, token))?.holder;
}

/**
 * Who holds `token` for the case `reference`, and the case's department, read with it: the
 * receipt token and the grants are both looked up every time.
 */
async function holding(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<{ holder: 'sender' | 'reader'; department: string } | undefined> {
  const hash = sha256Hex(token);
  const row = await db
    .selectFrom('cases')
    .select(['receipt_token_hash', 'department'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  const granted = await db
    .selectFrom('case_access')
    .select('kind')
    .where('case_reference', '=', reference)
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  const isReceipt = sameDigest(hash, row?.receipt_token_hash ?? STAND_IN);
  if (row === undefined || (!isReceipt && granted === undefined)) return undefined;
  const sender = isReceipt || SENDER_KINDS.includes(granted?.kind ?? '');
  return { holder: sender ? 'sender' : 'reader', department: row.department };
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
