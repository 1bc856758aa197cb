import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { ForwardSettings } from './settings.js';
import { requestStates } from './upstream.js';

export interface PollerOptions {
  store: Store;
  /** The forwarded categories (`forwardedCategories`). */
  categories: readonly { department: string; category: string; settings: ForwardSettings }[];
  logger: Logger;
  owner: string;
  now: () => Date;
}

export interface Poller {
  /** Polls one category now if its poll is due and no other instance took it; resolves with the cases changed. */
  pollOnce(department: string, category: string): Promise<number>;
  start(): void;
  close(): Promise<void>;
}

/** Ids asked for at once: `service_request_id=a,b,c` stays a short URL. */
const BATCH = 50;

/**
 * Asks each forwarded category's upstream for the status of its forwarded, open reports every
 * `pollIntervalSeconds`, in batches, and records what changed (`recordUpstream`). The poll of a
 * category is taken in the store (`claimPoll`), so with several instances one polls it per
 * interval. A failed or malformed answer is logged and the next poll tries again; nothing an
 * upstream answers can stop the loop.
 */
export function createPoller(options: PollerOptions): Poller {
  const { store, categories, logger, owner, now } = options;
  const closing = new AbortController();
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  async function pollOnce(department: string, category: string): Promise<number> {
    const entry = categories.find((c) => c.department === department && c.category === category);
    if (!entry) return 0;
    const { settings } = entry;
    const at = now();
    // A little short of the interval: the next timer of whichever instance polled finds it due.
    const nextAt = new Date(at.getTime() + settings.pollIntervalSeconds * 1000 * 0.9);
    const taken = await store.write('claimPoll', `${department}.${category}`, owner, at, nextAt);
    if (!taken) return 0;
    let changed = 0;
    let after = '';
    while (!stopped) {
      const batch = await store.read('openForwards', department, category, after, BATCH);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]?.reference ?? after;
      const signal = AbortSignal.any([
        closing.signal,
        AbortSignal.timeout(settings.timeoutSeconds * 1000),
      ]);
      const ids = batch.map((forward) => forward.serviceRequestId);
      const { states, unreadable } = await requestStates(settings, ids, signal);
      if (unreadable > 0) {
        logger.warn({ department, category, unreadable }, 'upstream answered unreadable requests');
      }
      for (const forward of batch) {
        const state = states.get(forward.serviceRequestId);
        if (!state) continue;
        if (await store.write('recordUpstream', forward.reference, state, now())) changed++;
      }
      if (batch.length < BATCH) break;
    }
    return changed;
  }

  function schedule(department: string, category: string, settings: ForwardSettings): void {
    const tick = () => {
      if (stopped) return;
      const run = pollOnce(department, category)
        .then((changed) => {
          if (changed > 0)
            logger.info({ department, category, changed }, 'upstream changes recorded');
        })
        .catch((error: unknown) => {
          logger.warn(
            { department, category, error: (error as Error)?.message },
            'could not poll the upstream Open311 system',
          );
        })
        .finally(() => {
          running.delete(run);
          if (!stopped) {
            const timer = setTimeout(tick, settings.pollIntervalSeconds * 1000);
            timer.unref();
            timers.set(`${department}.${category}`, timer);
          }
        });
      running.add(run);
    };
    tick();
  }

  return {
    pollOnce,
    start() {
      for (const { department, category, settings } of categories) {
        schedule(department, category, settings);
      }
    },
    async close() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      closing.abort(new Error('the server is stopping'));
      await Promise.allSettled([...running]);
    },
  };
}
