import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { newCase } from '../test-support/cases.js';
import { batchCreateCase } from './case-batcher.js';
import type { GroupOutcome, PendingCase } from './group-commit.js';

/** A commit that stays open until the test ends it, so the test sees how groups form. */
function heldCommits() {
  const groups: { cases: PendingCase[]; end: (outcomes?: GroupOutcome[]) => void }[] = [];
  const commit = (cases: PendingCase[]) =>
    new Promise<GroupOutcome[]>((resolve) => {
      groups.push({
        cases,
        end: (outcomes) =>
          resolve(outcomes ?? cases.map(() => ({ ok: true, result: { created: true } }))),
      });
    });
  return { groups, commit };
}

describe('batchCreateCase', () => {
  it('puts the submissions that arrive while groups commit into the next group, two groups at once', async () => {
    const { groups, commit } = heldCommits();
    const createCase = batchCreateCase(commit, 2);
    const first = createCase(newCase('KC-0000-0001'));
    await nextTurn();
    const second = [createCase(newCase('KC-0000-0002')), createCase(newCase('KC-0000-0003'))];
    await nextTurn();
    const waiting = [4, 5, 6].map((n) => createCase(newCase(`KC-0000-000${n}`)));
    await nextTurn();
    await nextTurn();
    // Two groups under way; the three later ones wait together.
    expect(groups.map((group) => group.cases.length)).toEqual([1, 2]);
    groups[0]?.end();
    await expect(first).resolves.toEqual({ created: true });
    await nextTurn();
    expect(groups.map((group) => group.cases.length)).toEqual([1, 2, 3]);
    groups[1]?.end();
    groups[2]?.end();
    await expect(Promise.all([...second, ...waiting])).resolves.toHaveLength(5);
  });

  it('answers each case with its own outcome, and every case of a group whose commit failed with the error', async () => {
    const { groups, commit } = heldCommits();
    const createCase = batchCreateCase(commit, 1);
    const [ok, refused] = [
      createCase(newCase('KC-0000-0001')),
      createCase(newCase('KC-0000-0002')),
    ];
    await nextTurn();
    const refusal = new Error('a row failed');
    groups[0]?.end([
      { ok: true, result: { created: true } },
      { ok: false, error: refusal },
    ]);
    await expect(ok).resolves.toEqual({ created: true });
    await expect(refused).rejects.toBe(refusal);

    const failed = [createCase(newCase('KC-0000-0003')), createCase(newCase('KC-0000-0004'))];
    await nextTurn();
    const broken = batchCreateCase(() => Promise.reject(new Error('commit failed')));
    await expect(broken(newCase('KC-0000-0005'))).rejects.toThrow('commit failed');
    groups[1]?.end();
    await expect(Promise.all(failed)).resolves.toHaveLength(2);
  });
});
