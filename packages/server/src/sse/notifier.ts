import type { Unsubscribe } from './feed.js';

/**
 * In-process delivery of "stream X has something new" to its subscribers: the `subscribe` half
 * of an `EventFeed`. The embedded store calls `notify` after a commit; a PostgreSQL feed calls it
 * for each NOTIFY, and `notifyAll` after its LISTEN connection comes back.
 */
export interface Notifier {
  subscribe(stream: string, onNotify: () => void): Unsubscribe;
  /** Tells the subscribers of `stream`, in a microtask: a burst of calls notifies each once. */
  notify(stream: string): void;
  /** Tells every subscriber of every stream (after notifications may have been missed). */
  notifyAll(): void;
  /** How many subscriptions are open (for tests and metrics). */
  readonly subscriptions: number;
}

/** A `Notifier`; subscribers are called outside the caller's stack (and its transaction). */
export function createNotifier(): Notifier {
  const subscribers = new Map<string, Set<() => void>>();
  const pending = new Set<string>();
  let subscriptions = 0;

  const flush = () => {
    const streams = [...pending];
    pending.clear();
    for (const stream of streams) {
      for (const onNotify of [...(subscribers.get(stream) ?? [])]) onNotify();
    }
  };

  return {
    subscribe(stream, onNotify) {
      let set = subscribers.get(stream);
      if (!set) {
        set = new Set();
        subscribers.set(stream, set);
      }
      // A wrapper per call: the same function subscribed twice is two subscriptions.
      const entry = () => onNotify();
      set.add(entry);
      subscriptions++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        subscriptions--;
        set.delete(entry);
        if (set.size === 0 && subscribers.get(stream) === set) subscribers.delete(stream);
      };
    },
    notify(stream) {
      if (!subscribers.has(stream)) return;
      if (pending.size === 0) queueMicrotask(flush);
      pending.add(stream);
    },
    notifyAll() {
      for (const stream of subscribers.keys()) this.notify(stream);
    },
    get subscriptions() {
      return subscriptions;
    },
  };
}
