import type { ColumnType, Kysely } from 'kysely';

/*
 * What a citizen's access to a case adds to the store: the tokens besides the receipt token that
 * open a case (an e-mail lookup's, a follower's), each kept only as its SHA-256, and on `cases`
 * the case a duplicate points to.
 */

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** The column this part adds to `cases`. */
export interface PublicCaseColumns {
  /** Set when an agent marked the case a duplicate: the reference of the case handled instead. */
  duplicate_of: Nullable<string>;
}

/**
 * One token that opens one case. A token may open several cases (a duplicate's followers also
 * follow the case it duplicates, with the token they already hold), hence the pair as the key.
 */
export interface CaseAccessTable {
  case_reference: string;
  /** SHA-256 (hex) of the token; the token itself is only ever given to its holder. */
  token_hash: string;
  /**
   * `lookup` (an e-mail lookup: reads, no mail), `follower` (follows it; mailed when it has an
   * address), `sender` (the sender of a case marked a duplicate of this one: mailed likewise).
   */
  kind: string;
  /** Where its progress is mailed, when the holder gave an address; personal data. */
  email: Nullable<string>;
  /** The language of those mails (`sv`, `en`, `fi`, `ar`). */
  locale: string;
  created_at: string;
}

export interface PublicCaseTables {
  case_access: CaseAccessTable;
}

/** Migration `2026-12-03-0009-case-access`: the access table and `cases.duplicate_of`. */
export async function createCaseAccess(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('duplicate_of', 'text').execute();
  await db.schema
    .createTable('case_access')
    .addColumn('case_reference', 'text', (col) =>
      col.notNull().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('token_hash', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('email', 'text')
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('case_access_pk', ['case_reference', 'token_hash'])
    .execute();
}
