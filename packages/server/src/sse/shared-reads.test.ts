import { describe, expect, it } from 'vitest';
import type { EventFeed, StoredEvent } from './feed.js';
import { createMemoryFeed } from './memory-feed.js';
import type { SharedReader } from './shared-reads.js';
import { createSharedReader } from './shared-reads.js';

/** `reader.read` as a promise, for the tests. */
function read(reader: SharedReader, stream: string, after: number, limit: number) {
  return new Promise<readonly StoredEvent[]>((resolve, reject) => {
    reader.read(stream, after, limit, (failed, events, error) =>
      failed ? reject(error) : resolve(events),
    );
  });
}

/**
 * A memory feed whose reads see the log as it was when they began, but are answered only when
 * the test says: a read under way while events are committed.
 */
function heldFeed() {
  const memory = createMemoryFeed();
  const held: (() => void)[] = [];
  const feed: EventFeed = {
    ...memory,
    subscribe: (stream, onNotify) => memory.subscribe(stream, onNotify),
    read(stream, after, limit) {
      const events = memory.read(stream, after, limit);
      return new Promise((resolve) => held.push(() => resolve(events)));
    },
  };
  const answerReads = () => {
    for (const answer of held.splice(0)) answer();
  };
  return { feed, memory, answerReads };
}

describe('createSharedReader', () => {
  it('answers identical reads under way with one read of the log, and asks again afterwards', async () => {
    const memory = createMemoryFeed();
    memory.append('notices:gata', 'notice.published', { id: 1 });
    const calls: string[] = [];
    const counting: EventFeed = {
      ...memory,
      read(stream, after, limit) {
        calls.push(`${stream}@${after}/${limit}`);
        return memory.read(stream, after, limit);
      },
    };
    const shared = createSharedReader(counting);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => read(shared, 'notices:gata', 0, 10)),
    );
    expect(calls).toEqual(['notices:gata@0/10']);
    expect(new Set(answers).size).toBe(1);
    expect((answers[0] as readonly StoredEvent[]).map((event) => event.data)).toEqual([{ id: 1 }]);

    // Other cursors, streams and limits are their own reads; a read after the answer sees new events.
    await Promise.all([
      read(shared, 'notices:gata', 1, 10),
      read(shared, 'notices:skola', 0, 10),
      read(shared, 'notices:skola', 0, 5),
    ]);
    memory.append('notices:gata', 'notice.published', { id: 2 });
    expect((await read(shared, 'notices:gata', 0, 10)).length).toBe(2);
    expect(calls).toEqual([
      'notices:gata@0/10',
      'notices:gata@1/10',
      'notices:skola@0/10',
      'notices:skola@0/5',
      'notices:gata@0/10',
    ]);
  });

  it('asks the log again for a read that starts while the answer is being handed out', async () => {
    const memory = createMemoryFeed();
    let calls = 0;
    const shared = createSharedReader({
      ...memory,
      read(stream, after, limit) {
        calls++;
        return memory.read(stream, after, limit);
      },
    });
    const again = await new Promise<readonly StoredEvent[]>((resolve) => {
      shared.read('s', 0, 10, () => {
        // An event committed after the first read was answered: a new read must see it.
        memory.append('s', 'notice.published', { id: 1 });
        void read(shared, 's', 0, 10).then(resolve);
      });
    });
    expect(calls).toBe(2);
    expect(again.map((event) => event.data)).toEqual([{ id: 1 }]);
  });

  it('shares no read that began before a notification with a subscriber it notified', async () => {
    const { feed, memory, answerReads } = heldFeed();
    const shared = createSharedReader(feed);
    const early: StoredEvent[][] = [];
    shared.subscribe('s', () => {});
    // A read of a stream that is not yet answered when an event is committed and notified…
    shared.read('s', 0, 10, (_failed, events) => early.push([...events]));
    const notified = new Promise<readonly StoredEvent[]>((resolve) => {
      shared.subscribe('s', () => void read(shared, 's', 0, 10).then(resolve));
    });
    memory.append('s', 'notice.published', { id: 1 });
    await Promise.resolve();
    // …is answered after the notification: the notified subscriber read the log again.
    answerReads();
    expect((await notified).map((event) => event.data)).toEqual([{ id: 1 }]);
    expect(early).toEqual([[]]);
  });

  it('shares no read under way with the first subscriber of a stream, which may have missed a notification', async () => {
    const { feed, memory, answerReads } = heldFeed();
    const shared = createSharedReader(feed);
    const first = shared.subscribe('s', () => {});
    shared.read('s', 0, 10, () => {});
    first();
    memory.append('s', 'notice.published', { id: 1 });
    shared.subscribe('s', () => {});
    const later = read(shared, 's', 0, 10);
    answerReads();
    expect((await later).map((event) => event.data)).toEqual([{ id: 1 }]);
  });

  it('subscribes to the feed once per stream, and lets it go with the last subscriber', async () => {
    const memory = createMemoryFeed();
    const shared = createSharedReader(memory);
    let heard = 0;
    const listener = () => heard++;
    const unsubscribe = [shared.subscribe('s', listener), shared.subscribe('s', listener)];
    expect(memory.subscriptions).toBe(1);
    memory.append('s', 'notice.published', {});
    await Promise.resolve();
    expect(heard).toBe(2);
    unsubscribe[0]?.();
    unsubscribe[0]?.();
    expect(memory.subscriptions).toBe(1);
    unsubscribe[1]?.();
    expect(memory.subscriptions).toBe(0);
    memory.append('s', 'notice.published', {});
    await Promise.resolve();
    expect(heard).toBe(2);
  });

  it('lets a failed read be tried again, also one that throws', async () => {
    let fail: 'reject' | 'throw' | false = 'reject';
    const feed = createSharedReader({
      read: () => {
        if (fail === 'throw') throw new Error('driver broke');
        return fail ? Promise.reject(new Error('database away')) : Promise.resolve([]);
      },
      subscribe: () => () => {},
      head: () => Promise.resolve(0),
    });
    await expect(read(feed, 's', 0, 1)).rejects.toThrow('database away');
    fail = 'throw';
    await expect(read(feed, 's', 0, 1)).rejects.toThrow('driver broke');
    fail = false;
    await expect(read(feed, 's', 0, 1)).resolves.toEqual([]);
  });
});
