import { describe, expect, it } from 'vitest';
import { createMemoryFeed } from './memory-feed.js';

describe('createMemoryFeed', () => {
  it('gives cursors across streams and reads a stream after a cursor, in batches', async () => {
    const feed = createMemoryFeed();
    feed.append('a', 't', 1);
    feed.append('b', 't', 2);
    feed.append('a', 't', 3);
    feed.append('a', 't', 4);
    expect((await feed.read('a', 0, 10)).map((event) => event.cursor)).toEqual([1, 3, 4]);
    expect((await feed.read('a', 1, 1)).map((event) => event.data)).toEqual([3]);
    expect((await feed.read('a', 2, 10)).map((event) => event.cursor)).toEqual([3, 4]);
    expect(await feed.read('a', 4, 10)).toEqual([]);
    expect(await feed.read('none', 0, 10)).toEqual([]);
    expect(await feed.head()).toBe(4);
  });

  it('notifies a stream’s subscribers once per burst, after the appends, and stops on unsubscribe', async () => {
    const feed = createMemoryFeed();
    const calls: string[] = [];
    const stop = feed.subscribe('a', () => calls.push('a'));
    feed.subscribe('b', () => calls.push('b'));
    feed.append('a', 't', 1);
    feed.append('a', 't', 2);
    expect(calls).toEqual([]);
    await Promise.resolve();
    expect(calls).toEqual(['a']);
    stop();
    stop();
    expect(feed.subscriptions).toBe(1);
    feed.append('a', 't', 3);
    await Promise.resolve();
    expect(calls).toEqual(['a']);
  });

  it('refuses an event type that is not one line', () => {
    expect(() => createMemoryFeed().append('a', 'x\ny', {})).toThrow(TypeError);
  });
});
