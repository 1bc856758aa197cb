import pg from 'pg';
import type { Notifier } from '../sse/notifier.js';
import { EVENTS_CHANNEL } from './events.js';

/** Waits between attempts to listen again, doubling up to the cap. */
const RECONNECT = { initial: 500, max: 15_000 } as const;

export interface EventListener {
  /** Stops listening and closes the connection. */
  close(): Promise<void>;
}

/**
 * Listens on its own connection (a pooled one would be handed to queries) for the NOTIFY that
 * every event append sends (`appendEvents`), and tells this instance's subscribers which stream
 * has news — so a notice published through one instance reaches pages connected to another.
 * A notification says only "look again": if the connection drops, it connects again and then
 * tells every subscriber, since notifications sent meanwhile are lost (the log is not).
 * Resolves once listening; rejects when the first connection fails.
 */
export async function listenForEvents(
  url: string,
  notifier: Notifier,
  onError: (error: Error) => void = () => {},
): Promise<EventListener> {
  let closed = false;
  let client: pg.Client | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) notifier.notify(message.payload);
    });
    next.on('error', (error) => {
      onError(error);
      lost(next);
    });
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      drop(next);
      throw error;
    }
    // Closed while this connection was being opened: it is not wanted any more.
    if (closed) await drop(next);
    else client = next;
  };

  /** The connection in use broke: drop it and listen again from the first wait. */
  const lost = (broken: pg.Client) => {
    if (closed || client !== broken) return;
    client = undefined;
    drop(broken);
    retry(1);
  };

  /** After a wait that doubles with each failed attempt, connects and tells every subscriber. */
  const retry = (attempt: number) => {
    const wait = Math.min(RECONNECT.max, RECONNECT.initial * 2 ** (attempt - 1));
    timer = setTimeout(() => {
      if (closed) return;
      connect().then(
        // Notifications sent while nobody listened are lost; the log is not: look again.
        () => notifier.notifyAll(),
        (error: Error) => {
          onError(error);
          if (!closed) retry(attempt + 1);
        },
      );
    }, wait);
    timer.unref();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      if (current) await drop(current);
    },
  };
}

/** Ends a connection whose events no longer matter (its errors included). */
function drop(connection: pg.Client): Promise<void> {
  connection.removeAllListeners();
  connection.on('error', () => {});
  return connection.end().catch(() => {});
}
