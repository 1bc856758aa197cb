import type { Logger } from 'pino';
import { dueLoop } from '../due-loop.js';
import type { Store } from '../store/store.js';
import { PARKED_CASES_STREAM } from './streams.js';

/*
 * Parked cases (and cases waiting for the citizen, see `parked.ts`) that come back by themselves
 * on their dates: each instance runs one resumer. It looks when a case
 * is parked with a date (on PostgreSQL, at any instance), when the next date falls due, and every
 * poll. Two instances that look at once bring a case back once: the store's change names the
 * version it read (`resumeParkedCase`).
 */

export interface ParkedResumerOptions {
  store: Store;
  logger: Logger;
  now: () => Date;
  /** Look at least this often (default 60 s), for what another instance's wake-up missed. */
  pollMs?: number | undefined;
  /** Cases read at once (default 20). */
  batch?: number | undefined;
}

/** The resumer of one server instance. */
export interface ParkedResumer {
  /** Brings back the parked cases due now (one batch); resolves with how many were due. */
  runOnce(): Promise<number>;
  /** Starts looking: now, when woken by a case parked with a date, and every poll. */
  start(): void;
  /** Stops looking; resolves once the case under way has been brought back. */
  close(): Promise<void>;
}

export const PARKED_RESUMER_DEFAULTS = { pollMs: 60_000, batch: 20 } as const;

export function createParkedResumer(options: ParkedResumerOptions): ParkedResumer {
  const { store, logger, now } = options;
  const pollMs = options.pollMs ?? PARKED_RESUMER_DEFAULTS.pollMs;
  const batch = options.batch ?? PARKED_RESUMER_DEFAULTS.batch;

  async function runOnce(): Promise<number> {
    const due = await store.read('dueParkedCases', now().toISOString(), batch);
    for (const { reference, version } of due) {
      if (loop.isStopped()) break;
      const result = await store.write('resumeParkedCase', {
        reference,
        version,
        at: now().toISOString(),
      });
      if (result.resumed) logger.info({ case: reference }, 'parked case resumed');
    }
    return due.length;
  }

  const loop = dueLoop({
    runOnce,
    batch,
    nextDue: () => store.read('nextParkedResume'),
    pollMs,
    // A date is given in minutes: a second late is on time, and a case that cannot be brought
    // back (an error, logged) is not tried in a busy loop.
    minSleepMs: Math.min(pollMs, 1000),
    now,
    onError: (error) => logger.error({ err: error }, 'could not resume parked cases'),
  });
  let unsubscribe: (() => void) | undefined;

  return {
    runOnce,
    start() {
      unsubscribe = store.events.subscribe(PARKED_CASES_STREAM, loop.wake);
      loop.wake();
    },
    async close() {
      unsubscribe?.();
      await loop.stop();
    },
  };
}

/** What `startServer` needs to bring parked cases back on their dates. */
export interface StartParkedResumerOptions {
  store: Store;
  logger: Logger;
  now: () => Date;
}

/** Starts this instance's resumer of parked cases; `close` waits for the case under way. */
export function startParkedResumer(options: StartParkedResumerOptions): {
  close(): Promise<void>;
} {
  const resumer = createParkedResumer({
    ...options,
    logger: options.logger.child({ component: 'parked-cases' }),
  });
  resumer.start();
  return { close: () => resumer.close() };
}
