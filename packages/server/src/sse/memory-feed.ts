import type { Cursor, EventFeed, StoredEvent } from './feed.js';
import { createNotifier } from './notifier.js';

/** An `EventFeed` kept in memory, with `append` to add events (and notify subscribers). */
export interface MemoryFeed extends EventFeed {
  /** Adds one event to `stream` and returns it with its cursor; subscribers are notified. */
  append(stream: string, type: string, data: unknown): StoredEvent;
  /** How many subscriptions are open (for tests and metrics). */
  readonly subscriptions: number;
}

/**
 * An event log in memory, for one process: tests, demos, a server without a store. Nothing is
 * durable and nothing is ever dropped, so it grows with every event. Subscribers are notified in
 * a microtask after an append: a burst of appends costs each subscriber one read.
 */
export function createMemoryFeed(): MemoryFeed {
  const streams = new Map<string, StoredEvent[]>();
  const notifier = createNotifier();
  let last: Cursor = 0;

  return {
    append(stream, type, data) {
      if (/[\r\n]/.test(type)) {
        throw new TypeError(`An event type is one line: ${JSON.stringify(type)}`);
      }
      const event: StoredEvent = { cursor: ++last, stream, type, data };
      let events = streams.get(stream);
      if (!events) {
        events = [];
        streams.set(stream, events);
      }
      events.push(event);
      notifier.notify(stream);
      return event;
    },

    async read(stream, after, limit) {
      const events = streams.get(stream) ?? [];
      // Cursors grow along the array: find the first one after `after` by bisection.
      let low = 0;
      let high = events.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((events[middle] as StoredEvent).cursor <= after) low = middle + 1;
        else high = middle;
      }
      return events.slice(low, low + limit);
    },

    subscribe: (stream, onNotify) => notifier.subscribe(stream, onNotify),

    async head() {
      return last;
    },

    get subscriptions() {
      return notifier.subscriptions;
    },
  };
}
