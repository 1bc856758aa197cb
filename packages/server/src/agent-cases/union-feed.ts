import type { Cursor, EventFeed, StoredEvent } from '../sse/feed.js';

/**
 * The feed, plus streams that are the union of others: `inbox:gata|inbox:skola` reads both, in
 * the log's order. A specialist of two departments follows one SSE stream of both departments'
 * forwarded cases, and the SSE helper, which follows one stream per connection, needs no change.
 *
 * A read of the union asks each part for `limit` events after `after` and keeps the first `limit`
 * of them all by cursor: every event left out has a larger cursor than the last one kept (each
 * part's events come in cursor order), so the next read, after that one, finds it. Cursors are
 * global across streams, so no two parts share one.
 */
export function withStreamUnions(feed: EventFeed): EventFeed {
  return {
    async read(stream, after, limit) {
      const parts = partsOf(stream);
      if (parts.length === 1) return feed.read(stream, after, limit);
      const reads = await Promise.all(parts.map((part) => feed.read(part, after, limit)));
      return reads
        .flat()
        .sort((a, b) => a.cursor - b.cursor)
        .slice(0, limit) as readonly StoredEvent[];
    },
    subscribe(stream, onNotify) {
      const parts = partsOf(stream);
      if (parts.length === 1) return feed.subscribe(stream, onNotify);
      const unsubscribes = parts.map((part) => feed.subscribe(part, onNotify));
      return () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
      };
    },
    head: (): Promise<Cursor> => feed.head(),
  };
}

const partsOf = (stream: string) => [...new Set(stream.split('|'))];
