import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { onPostgres } from './dialect.js';
import type { Database } from './schema.js';

/** The work queues whose rows are claimed with a lease: mail to send, cases to forward. */
type LeasedTable = 'mail_outbox' | 'open311_forwards';

/** The columns every leased queue has. */
interface LeaseColumns {
  state: string;
  attempts: number;
  due_at: string | null;
  lease_owner: string | null;
  updated_at: string;
}

/**
 * Claims up to `limit` due rows of a work queue for one worker until `leaseUntil`: queued rows
 * whose time has come, and rows another worker claimed and did not finish before its lease ended
 * (it crashed). Each claimed row is `sending`, one attempt further, due again when the lease ends,
 * and held by a fresh `leaseOwner`: only that claim may record the outcome. On PostgreSQL, rows
 * another instance is claiming right now are skipped (`FOR UPDATE SKIP LOCKED`), so no two
 * instances ever hold one row; the embedded store is one process. Run it in a transaction.
 * Returns the rows, oldest due first.
 */
export async function claimDueRows<T extends LeasedTable>(
  trx: Kysely<Database>,
  table: T,
  key: keyof Database[T] & string,
  claim: { owner: string; now: Date; leaseUntil: Date; limit: number },
): Promise<{ rows: Selectable<Database[T]>[]; leaseOwner: string }> {
  // One table at a time, but which one is a parameter: Kysely's builder needs the table's type
  // spelled out, so the shared lease columns stand for it here.
  const queue = trx as unknown as Kysely<Record<string, LeaseColumns & Record<string, unknown>>>;
  const name: string = table;
  const column: string = key;
  const at = claim.now.toISOString();
  const leaseOwner = `${claim.owner}:${randomUUID()}`;
  let due = queue
    .selectFrom(name)
    .select(column)
    .where('due_at', '<=', at)
    .orderBy('due_at')
    .limit(claim.limit);
  if (onPostgres(trx)) due = due.forUpdate().skipLocked();
  const ids = (await due.execute()).map((row) => row[column]);
  if (ids.length === 0) return { rows: [], leaseOwner };
  const rows = await queue
    .updateTable(name)
    .set((eb) => ({
      state: 'sending',
      attempts: eb('attempts', '+', 1),
      due_at: claim.leaseUntil.toISOString(),
      lease_owner: leaseOwner,
      updated_at: at,
    }))
    .where(column, 'in', ids)
    // Checked again under the lock (SQLite has none to take): only what is still due.
    .where('due_at', '<=', at)
    .returningAll()
    .execute();
  rows.sort((a, b) => String(a.due_at).localeCompare(String(b.due_at)));
  return { rows: rows as unknown as Selectable<Database[T]>[], leaseOwner };
}
