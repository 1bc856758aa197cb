import type { Cursor, EventFeed, StoredEvent } from './feed.js';

/**
 * The feed with reads shared: when an event arrives, every stream that follows it is notified at
 * once and asks the log for the same thing (the same stream after the same cursor). Without this,
 * 5,000 open pages mean 5,000 identical queries for one notice; with it, one query, whose answer
 * every stream reuses. Only reads under way are shared: a read that starts after one has been
 * answered asks the log again, so nothing committed later is missed.
 */
export function withSharedReads(feed: EventFeed): EventFeed {
  const pending = new Map<string, Promise<readonly StoredEvent[]>>();
  return {
    read(stream: string, after: Cursor, limit: number) {
      const key = `${after}\n${limit}\n${stream}`;
      let read = pending.get(key);
      if (!read) {
        read = feed.read(stream, after, limit);
        pending.set(key, read);
        const forget = () => {
          if (pending.get(key) === read) pending.delete(key);
        };
        read.then(forget, forget);
      }
      return read;
    },
    subscribe: (stream, onNotify) => feed.subscribe(stream, onNotify),
    head: () => feed.head(),
  };
}
