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
      void reconnect(next, 1);
    });
    next.on('end', () => void reconnect(next, 1));
    await next.connect();
    await next.query(`LISTEN ${EVENTS_CHANNEL}`);
    client = next;
  };

  const reconnect = async (broken: pg.Client, attempt: number): Promise<void> => {
    if (closed || client !== broken) return;
    client = undefined;
    broken.removeAllListeners();
    broken.on('error', () => {});
    await broken.end().catch(() => {});
    const wait = Math.min(RECONNECT.max, RECONNECT.initial * 2 ** (attempt - 1));
    timer = setTimeout(() => {
      connect().then(
        () => notifier.notifyAll(),
        (error: Error) => {
          onError(error);
          if (!closed) {
            client = broken; // so the next attempt is not skipped as stale
            void reconnect(broken, attempt + 1);
          }
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
      current?.removeAllListeners();
      current?.on('error', () => {});
      await current?.end().catch(() => {});
    },
  };
}
