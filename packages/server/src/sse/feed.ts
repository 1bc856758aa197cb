/*
 * What the SSE helper reads from: the durable event log, seen through two operations. The store
 * implements it (SQLite in-process, PostgreSQL with LISTEN/NOTIFY); `createMemoryFeed` is the
 * in-memory one. A notification carries nothing but "look again": every event a client gets is
 * read from the log after its own cursor, so a missed or merged notification loses nothing and
 * the order is always the log's.
 */

/**
 * A position in the event log: a positive safe integer, increasing across all streams, sent as
 * the SSE `id`. 0 is "before the first event".
 */
export type Cursor = number;

/** One event as the log keeps it. */
export interface StoredEvent {
  /** Its place in the log; the next read after it starts here. */
  readonly cursor: Cursor;
  /** The stream it belongs to, e.g. `case:K-2024-0042`, `notices:gata`. */
  readonly stream: string;
  /** The SSE `event:` type, e.g. `notice.published`: one line, no CR or LF. */
  readonly type: string;
  /** The payload, sent as one line of JSON in `data:`. */
  readonly data: unknown;
}

/** Stops a subscription; calling it again does nothing. */
export type Unsubscribe = () => void;

/**
 * The event log as the SSE helper reads it.
 *
 * The one guarantee the helper relies on: once `read` or `head` has shown a cursor, no event with
 * a smaller or equal cursor appears later. (A PostgreSQL sequence does not give this by itself:
 * two transactions can commit their events out of sequence order; the store must only expose
 * events up to a point below which nothing is still being written.)
 */
export interface EventFeed {
  /** The events of `stream` with a cursor greater than `after`, oldest first, at most `limit`. */
  read(stream: string, after: Cursor, limit: number): Promise<readonly StoredEvent[]>;
  /**
   * Calls `onNotify` (soon, and any number of times) after events are added to `stream`. When the
   * feed may have missed some (its LISTEN connection was re-established), it calls every
   * subscriber once. `onNotify` must not throw; it is called without arguments.
   */
  subscribe(stream: string, onNotify: () => void): Unsubscribe;
  /** The largest cursor in the log (0 when empty): where a client that wants only new events starts. */
  head(): Promise<Cursor>;
}
