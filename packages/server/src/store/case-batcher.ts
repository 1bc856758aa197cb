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
 * Group commit for a store reached through a connection pool (PostgreSQL): the `createCase` calls
 * of one turn of the event loop go to the database together, in one transaction
 * (`createCasesTogether`): a handful of statements for the group instead of four to eight round
 * trips for each case. Groups run side by side, as many as the pool has connections; each call
 * resolves once its group has committed.
 */
export function batchCreateCase(
  commit: (cases: PendingCase[]) => Promise<GroupOutcome[]>,
): (input: NewCase, idempotency?: IdempotencyRecord) => Promise<CreateCaseResult> {
  let waiting: Waiting[] = [];
  const flush = () => {
    const group = waiting;
    waiting = [];
    commit(group.map(({ pending }) => pending)).then(
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
    );
  };
  return (input, idempotency) =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ pending: { input, idempotency }, resolve, reject });
    });
}
