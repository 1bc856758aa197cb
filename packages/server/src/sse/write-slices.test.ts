import { describe, expect, it } from 'vitest';
import { createWriteSlices } from './write-slices.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('createWriteSlices', () => {
  it('runs a few writes at once, and spreads many over turns in the order they came', async () => {
    const schedule = createWriteSlices(3);
    const done: number[] = [];
    for (let i = 0; i < 8; i++) schedule(() => done.push(i));
    expect(done).toEqual([0, 1, 2]);
    await nextTurn();
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    schedule(() => done.push(8));
    await nextTurn();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    await nextTurn();
    schedule(() => done.push(9));
    expect(done.at(-1)).toBe(9);
  });
});
