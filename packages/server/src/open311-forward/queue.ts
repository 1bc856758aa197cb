import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { onPostgres } from '../store/dialect.js';
import { EVENTS_CHANNEL } from '../store/events.js';
import type { Database } from '../store/schema.js';

/*
 * Queueing a fault report for its department's Open311 system, in the transaction that stores
 * it: the report and its forward commit or roll back together, and a forward is never lost to a
 * crash between the two.
 */

/**
 * Not a stream anyone reads: its name is what a commit that queued a forward notifies (on
 * PostgreSQL, every instance), so a forwarder looks at once instead of at its next poll.
 */
export const OPEN311_FORWARD_STREAM = 'open311-forward:queue';

/** What `queueForwards` needs of a new case (`NewCase` has it). */
export interface ForwardedCase {
  readonly reference: string;
  readonly origin: { readonly department: string };
  readonly createdAt: string;
  readonly fault?: { readonly category: string } | undefined;
  /** Set by `submitFaultReport` when the category is configured to forward. */
  readonly forwardToOpen311?: boolean | undefined;
}

/** Queues the forwards of those `cases` that asked for one; run it in their transaction. */
export async function queueForwards(
  trx: Kysely<Database>,
  cases: readonly ForwardedCase[],
): Promise<void> {
  const rows = cases.flatMap((input) =>
    input.forwardToOpen311 && input.fault
      ? [
          {
            case_reference: input.reference,
            department: input.origin.department,
            category: input.fault.category,
            state: 'queued',
            attempts: 0,
            due_at: input.createdAt,
            created_at: input.createdAt,
            updated_at: input.createdAt,
          },
        ]
      : [],
  );
  if (rows.length === 0) return;
  await trx.insertInto('open311_forwards').values(rows).execute();
  // Delivered at commit, not at all on rollback. The embedded store is one process: its
  // forwarder also listens to the inbox, which every new case is told on.
  if (onPostgres(trx)) {
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${OPEN311_FORWARD_STREAM})`.execute(trx);
  }
}
