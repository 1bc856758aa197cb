import type { NewCase } from './cases.js';
import type { CreateCaseResult } from './create-case.js';
import type { GroupOutcome, PendingCase } from './group-commit.js';
import type { IdempotencyRecord } from './idempotency.js';

interface Waiting {
  pending: PendingCase;
  resolve: (result: CreateCaseResult) => void;
  reject: (error: unknown) => void;
}

/**
 * How many groups may be committing at once. Each group's transaction ends with the append of its
 * inbox events, which on PostgreSQL waits for the event log's lock (`appendEvents`): groups commit
 * one after another whatever the pool allows. So while two groups are under way (one committing,
 * one storing its rows), new submissions wait and go together in the next group — under load the
 * groups grow, and a submission costs a share of a transaction instead of one of its own.
 */
const GROUPS_AT_ONCE = 2;

/**
 * Group commit for a store reached through a connection pool (PostgreSQL): the `createCase` calls
 * that arrive while earlier groups are being committed go to the database together, in one
 * transaction (`createCasesTogether`): a handful of statements for the group instead of four to
 * eight round trips for each case. Each call resolves once its group has committed.
 */
export function batchCreateCase(
  commit: (cases: PendingCase[]) => Promise<GroupOutcome[]>,
  groupsAtOnce = GROUPS_AT_ONCE,
): (input: NewCase, idempotency?: IdempotencyRecord) => Promise<CreateCaseResult> {
  let waiting: Waiting[] = [];
  let committing = 0;
  let scheduled = false;
  const schedule = () => {
    if (scheduled || waiting.length === 0 || committing >= groupsAtOnce) return;
    scheduled = true;
    // After this turn of the event loop: the submissions read in it join the group.
    setImmediate(flush);
  };
  const flush = () => {
    scheduled = false;
    const group = waiting;
    waiting = [];
    committing += 1;
    commit(group.map(({ pending }) => pending))
      .then(
        (outcomes) => {
          outcomes.forEach((outcome, index) => {
            const { resolve, reject } = group[index] as Waiting;
            if (outcome.ok) resolve(outcome.result);
            else reject(outcome.error);
          });
        },
        (error: unknown) => {
          for (const { reject } of group) reject(error);
        },
      )
      .finally(() => {
        committing -= 1;
        schedule();
      });
  };
  return (input, idempotency) =>
    new Promise((resolve, reject) => {
      waiting.push({ pending: { input, idempotency }, resolve, reject });
      schedule();
    });
}
