import type { Cursor, EventFeed, StoredEvent, Unsubscribe } from './feed.js';

/**
 * Called once with the answer to a read: `failed` and the error, or the events. It must not
 * throw: the readers that shared the read are called one after another in one loop.
 */
export type ReadDone = (failed: boolean, events: readonly StoredEvent[], error?: unknown) => void;

/** The feed as the streams read it: reads answered through a callback, shared while under way. */
export interface SharedReader {
  /** Reads `stream` after `after` (at most `limit` events) and calls `done` with the answer. */
  read(stream: string, after: Cursor, limit: number, done: ReadDone): void;
  subscribe(stream: string, onNotify: () => void): Unsubscribe;
}

interface PendingRead {
  readonly limit: number;
  readonly waiting: ReadDone[];
}

/** The subscribers of one stream, and the one subscription to the feed that tells them. */
interface Followed {
  readonly listeners: Set<() => void>;
  readonly unsubscribe: Unsubscribe;
}

const NONE: readonly StoredEvent[] = Object.freeze([]);

/**
 * The feed with reads shared: when an event arrives, every stream that follows it is notified at
 * once and asks the log for the same thing (the same stream after the same cursor). Without this,
 * 5,000 open pages mean 5,000 identical queries for one notice; with it, one query, whose answer
 * every stream reuses.
 *
 * Only reads that may hold everything the reader wants are shared. A read that starts after one
 * has been answered asks the log again, so nothing committed later is missed. And a notification
 * makes the reads under way of its stream unshareable before any subscriber hears it: they may
 * have begun before the new events were committed, and a subscriber that joined one would get an
 * answer without them and wait for a notification that never comes. (On the embedded store a
 * read and the commit after it come back in one message, and the commit's notification can reach
 * the subscribers before the read's answer.) So the reader subscribes to the feed once per
 * stream and tells its own subscribers after forgetting those reads; a stream's first subscriber
 * forgets them too, as it may have missed a notification before it subscribed.
 *
 * Callbacks rather than a promise per reader: one answer reaches thousands of streams in one
 * loop, without a promise, an async function and a microtask for each of them.
 */
export function createSharedReader(feed: EventFeed): SharedReader {
  /** Per stream, per cursor: the read under way and who waits for its answer. */
  const pending = new Map<string, Map<Cursor, PendingRead>>();
  /** Per stream followed: one subscription to the feed, and who is told after it notifies. */
  const followed = new Map<string, Followed>();

  return {
    read(stream, after, limit, done) {
      let reads = pending.get(stream);
      const known = reads?.get(after);
      if (known?.limit === limit) {
        known.waiting.push(done);
        return;
      }
      const read: PendingRead = { limit, waiting: [done] };
      if (!reads) {
        reads = new Map();
        pending.set(stream, reads);
      }
      // Another limit for the same cursor (not the hub's way) is read on its own, unshared.
      if (!known) reads.set(after, read);
      const answer = (failed: boolean, events: readonly StoredEvent[], error?: unknown) => {
        // Forgotten before anyone hears the answer: a read it leads to asks the log again.
        if (reads.get(after) === read) {
          reads.delete(after);
          if (reads.size === 0 && pending.get(stream) === reads) pending.delete(stream);
        }
        for (const waiting of read.waiting) waiting(failed, events, error);
      };
      // A feed that throws rather than rejects fails the same way.
      new Promise<readonly StoredEvent[]>((resolve) =>
        resolve(feed.read(stream, after, limit)),
      ).then(
        (events) => answer(false, events),
        (error: unknown) => answer(true, NONE, error),
      );
    },
    subscribe(stream, onNotify) {
      let followers = followed.get(stream);
      if (!followers) {
        // It may have missed a notification before it subscribed: it joins no read under way.
        pending.delete(stream);
        const listeners = new Set<() => void>();
        const unsubscribe = feed.subscribe(stream, () => {
          pending.delete(stream);
          for (const listener of [...listeners]) listener();
        });
        followers = { listeners, unsubscribe };
        followed.set(stream, followers);
      }
      // A wrapper per call: the same function subscribed twice is two subscriptions.
      const listener = () => onNotify();
      const own = followers;
      own.listeners.add(listener);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        own.listeners.delete(listener);
        if (own.listeners.size > 0 || followed.get(stream) !== own) return;
        followed.delete(stream);
        own.unsubscribe();
      };
    },
  };
}
