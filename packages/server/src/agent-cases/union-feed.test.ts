import { describe, expect, it } from 'vitest';
import { createMemoryFeed } from '../sse/memory-feed.js';
import { withStreamUnions } from './union-feed.js';

describe('withStreamUnions', () => {
  it('reads the parts of a union in the order of the log, a page at a time', async () => {
    const memory = createMemoryFeed();
    const feed = withStreamUnions(memory);
    const streams = [
      'inbox:gata',
      'inbox',
      'inbox:skola',
      'inbox:gata',
      'inbox:skola',
      'inbox:gata',
    ];
    for (const [index, stream] of streams.entries())
      memory.append(stream, 'case.updated', { index });
    const first = await feed.read('inbox:gata|inbox:skola', 0, 3);
    expect(first.map((event) => event.data)).toEqual([{ index: 0 }, { index: 2 }, { index: 3 }]);
    const rest = await feed.read('inbox:gata|inbox:skola', first.at(-1)?.cursor ?? 0, 3);
    expect(rest.map((event) => event.data)).toEqual([{ index: 4 }, { index: 5 }]);
  });

  it('tells a union subscriber of events on each part, and stops when unsubscribed', async () => {
    const memory = createMemoryFeed();
    const feed = withStreamUnions(memory);
    let told = 0;
    const unsubscribe = feed.subscribe('inbox:gata|inbox:skola', () => told++);
    memory.append('inbox:skola', 'case.updated', {});
    memory.append('inbox', 'case.updated', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(told).toBeGreaterThanOrEqual(1);
    const before = told;
    unsubscribe();
    memory.append('inbox:gata', 'case.updated', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(told).toBe(before);
  });
});
