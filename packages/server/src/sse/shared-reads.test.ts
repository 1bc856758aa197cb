import { describe, expect, it } from 'vitest';
import type { EventFeed, StoredEvent } from './feed.js';
import { createMemoryFeed } from './memory-feed.js';
import { withSharedReads } from './shared-reads.js';

describe('withSharedReads', () => {
  it('answers identical reads under way with one read of the log, and asks again afterwards', async () => {
    const memory = createMemoryFeed();
    memory.append('notices:gata', 'notice.published', { id: 1 });
    const calls: string[] = [];
    const counting: EventFeed = {
      ...memory,
      read(stream, after, limit) {
        calls.push(`${stream}@${after}`);
        return memory.read(stream, after, limit);
      },
    };
    const shared = withSharedReads(counting);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => shared.read('notices:gata', 0, 10)),
    );
    expect(calls).toEqual(['notices:gata@0']);
    expect(new Set(answers).size).toBe(1);
    expect((answers[0] as readonly StoredEvent[]).map((event) => event.data)).toEqual([{ id: 1 }]);

    // Other cursors and streams are their own reads; a read after the answer sees new events.
    await Promise.all([shared.read('notices:gata', 1, 10), shared.read('notices:skola', 0, 10)]);
    memory.append('notices:gata', 'notice.published', { id: 2 });
    expect((await shared.read('notices:gata', 0, 10)).length).toBe(2);
    expect(calls).toEqual([
      'notices:gata@0',
      'notices:gata@1',
      'notices:skola@0',
      'notices:gata@0',
    ]);
  });

  it('lets a failed read be tried again', async () => {
    let fail = true;
    const feed = withSharedReads({
      read: () => (fail ? Promise.reject(new Error('database away')) : Promise.resolve([])),
      subscribe: () => () => {},
      head: () => Promise.resolve(0),
    });
    await expect(feed.read('s', 0, 1)).rejects.toThrow('database away');
    fail = false;
    await expect(feed.read('s', 0, 1)).resolves.toEqual([]);
  });
});
