import type { PublicCase, StaffStatus } from '@kontakt/core/schemas';
import { isFinishedStatus } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { sha256Hex } from '../idempotency.js';
import type { Database } from '../store/schema.js';
import {
  authorizeCaseAccess,
  authorizeCaseSender,
  matchesCaseEmail,
  normalizeEmail,
  senderCaseDepartment,
  tokenHolder,
} from './access.js';
import { addCaseMessage } from './messages.js';
import { selectPublicCase } from './public-case.js';

/*
 * The store operations of a citizen's access to a case (spread into the store's registry). Tokens
 * arrive hashed where they are stored and in the clear where they are checked (the check hashes).
 */

/** The case `reference` when `token` opens it; `null` for every other answer alike. */
async function publicCaseWithToken(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<PublicCase | null> {
  return (await caseAccessWithToken(db, reference, token))?.case ?? null;
}

/**
 * The case `reference` when `token` opens it, and whether it is its sender's (who may add to it);
 * `null` for every other answer alike. One look at the token for both.
 */
async function caseAccessWithToken(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<{ case: PublicCase; sender: boolean } | null> {
  const holder = await tokenHolder(db, reference, token);
  const found = holder ? await selectPublicCase(db, reference) : undefined;
  return found ? { case: found, sender: holder === 'sender' } : null;
}

/**
 * The case `reference` when `email` is the address it was sent with; then `tokenHash` is granted
 * on it (a `lookup` token: the tracker reads and follows with it without sending the address
 * again). `null` otherwise, and nothing stored.
 */
async function lookupCaseByEmail(
  db: Kysely<Database>,
  reference: string,
  email: string,
  tokenHash: string,
  at: string,
): Promise<{ value: PublicCase | null; streams: string[] }> {
  return db.transaction().execute(async (trx) => {
    if (!(await matchesCaseEmail(trx, reference, email))) return { value: null, streams: [] };
    await trx
      .insertInto('case_access')
      .values({
        case_reference: reference,
        token_hash: tokenHash,
        kind: 'lookup',
        email: null,
        locale: 'sv',
        created_at: at,
      })
      .execute();
    return { value: (await selectPublicCase(trx, reference)) ?? null, streams: [] };
  });
}

/** A follower to add: their token's hash, and where and in what language to mail them. */
export interface NewFollower {
  readonly tokenHash: string;
  readonly email?: string | undefined;
  readonly locale: string;
  readonly at: string;
}

/** Why a case cannot be followed: no such fault report, or it is finished. */
export type FollowResult =
  | { ok: true; case: PublicCase }
  | { ok: false; error: 'not_found' | 'not_followable' };

/** Makes someone a follower of the open fault report `reference`. */
async function followCase(
  db: Kysely<Database>,
  reference: string,
  follower: NewFollower,
): Promise<{ value: FollowResult; streams: string[] }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['channel', 'staff_status'])
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (row?.channel !== 'fault_report') {
      return { value: { ok: false, error: 'not_found' } as const, streams: [] };
    }
    if (isFinishedStatus(row.staff_status as StaffStatus)) {
      return { value: { ok: false, error: 'not_followable' } as const, streams: [] };
    }
    await trx
      .insertInto('case_access')
      .values({
        case_reference: reference,
        token_hash: follower.tokenHash,
        kind: 'follower',
        email: follower.email === undefined ? null : normalizeEmail(follower.email),
        locale: follower.locale,
        created_at: follower.at,
      })
      .execute();
    const found = await selectPublicCase(trx, reference);
    if (!found) throw new Error(`The case ${reference} vanished inside its transaction`);
    return { value: { ok: true, case: found } as const, streams: [] };
  });
}

/**
 * Stops `token` following `reference` (a follower's, or a duplicate's sender's on the case it
 * duplicates): no more mail, and the token no longer opens it. False when it follows nothing there.
 */
async function unfollowCase(
  db: Kysely<Database>,
  reference: string,
  token: string,
): Promise<{ value: boolean; streams: string[] }> {
  const deleted = await db
    .deleteFrom('case_access')
    .where('case_reference', '=', reference)
    .where('token_hash', '=', sha256Hex(token))
    .where('kind', 'in', ['follower', 'sender'])
    .executeTakeFirst();
  return { value: Number(deleted.numDeletedRows) > 0, streams: [] };
}

export const publicCaseReads = {
  authorizeCaseAccess,
  authorizeCaseSender,
  caseAccessWithToken,
  publicCaseWithToken,
  senderCaseDepartment,
};
export const publicCaseWrites = { lookupCaseByEmail, followCase, unfollowCase, addCaseMessage };
