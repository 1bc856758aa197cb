import type { Kysely } from 'kysely';
import type { CaseScope } from '../agent-cases/inbox.js';
import { inScope } from '../agent-cases/inbox.js';
import type { Database } from '../store/schema.js';
import { normalizeEmail, senderEmailOf, senderLocaleOf } from './access.js';

/*
 * A case marked a duplicate of another: the other one must be a case the agent may see, and not
 * the same; the duplicate's sender and followers then follow the other one (in the transaction
 * of the marking), so they are told of the progress of the case that is handled instead.
 */

/** Why a case cannot be marked a duplicate of `original`, or `undefined` when it can. */
export async function refuseDuplicateOf(
  trx: Kysely<Database>,
  reference: string,
  original: string,
  scope: CaseScope,
): Promise<'duplicate_of_self' | 'duplicate_of_unknown' | undefined> {
  if (original === reference) return 'duplicate_of_self';
  const found = await inScope(trx.selectFrom('cases'), scope)
    .select('reference')
    .where('reference', '=', original)
    .executeTakeFirst();
  return found ? undefined : 'duplicate_of_unknown';
}

/**
 * Makes the sender and followers of `duplicate` followers of `original`: each keeps the token
 * they hold (the sender their receipt token), which now opens both cases, and is mailed the
 * original's status changes when they gave an address. Returns the streams it told (none).
 */
export async function followOriginal(
  trx: Kysely<Database>,
  duplicate: string,
  original: string,
  at: string,
): Promise<string[]> {
  const row = await trx
    .selectFrom('cases')
    .select(['receipt_token_hash', 'message'])
    .where('reference', '=', duplicate)
    .executeTakeFirstOrThrow();
  const email = senderEmailOf(row.message);
  const followers = await trx
    .selectFrom('case_access')
    .select(['token_hash', 'kind', 'email', 'locale'])
    .where('case_reference', '=', duplicate)
    .execute();
  const rows = [
    {
      token_hash: row.receipt_token_hash,
      kind: 'sender',
      email: email === undefined ? null : normalizeEmail(email),
      locale: senderLocaleOf(row.message),
    },
    ...followers,
  ].map((each) => ({ ...each, case_reference: original, created_at: at }));
  await trx
    .insertInto('case_access')
    .values(rows)
    .onConflict((conflict) => conflict.columns(['case_reference', 'token_hash']).doNothing())
    .execute();
  return [];
}
