import type { Department } from '@kontakt/core/schemas';
import type { Logger } from 'pino';
import { INBOX_STREAM } from '../agent-cases/streams.js';
import { dueLoop } from '../due-loop.js';
import type { Store } from '../store/store.js';
import type { ClaimedForward, ForwardOutcome } from './operations.js';
import { OPEN311_FORWARD_STREAM } from './queue.js';
import type { ForwardSettings } from './settings.js';
import { forwardSettingsOf } from './settings.js';
import { fileRequest, requestIdOf, UpstreamError } from './upstream.js';

export interface ForwarderOptions {
  store: Store;
  departments: ReadonlyMap<string, Department>;
  logger: Logger;
  /** Names this instance's claims. */
  owner: string;
  now: () => Date;
  /** Look for due forwards at least this often (default 30 s). */
  pollMs?: number | undefined;
  /** How long a claim holds (default 5 minutes; longer than any attempt's timeout). */
  leaseMs?: number | undefined;
  random?: () => number;
}

/** The loop of one instance that files queued reports upstream. */
export interface Forwarder {
  /** Claims what is due now and attempts it; resolves with how many it claimed. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops, and waits for the attempt under way (cut off as the server stops). */
  close(): Promise<void>;
}

const BATCH = 10;
const MAX_DELAY_MS = 60 * 60_000;

/**
 * Files queued fault reports with their department's Open311 system: one claim at a time, so
 * several instances never file one twice; a failure is retried with a doubling delay (with
 * jitter) up to the category's `maxAttempts`, then the agents are told. Each report is sent with
 * the `Idempotency-Key` `kontakt-forward-<reference>`, so an upstream that honours it (kontakt
 * does) files it once even when its answer was lost and the report is sent again.
 */
export function createForwarder(options: ForwarderOptions): Forwarder {
  const { store, departments, logger, owner, now } = options;
  const pollMs = options.pollMs ?? 30_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const closing = new AbortController();

  function settingsOf(forward: ClaimedForward): ForwardSettings | undefined {
    const department = departments.get(forward.department);
    return department && forwardSettingsOf(department, forward.category);
  }

  async function attempt(forward: ClaimedForward): Promise<void> {
    const log = { case: forward.reference, attempt: forward.attempts };
    const settings = settingsOf(forward);
    let outcome: ForwardOutcome;
    if (!settings) {
      outcome = {
        kind: 'failed',
        error: 'kategorin skickas inte längre vidare (inställningarna har ändrats)',
        system: 'ett annat system',
      };
    } else {
      const signal = AbortSignal.any([
        closing.signal,
        AbortSignal.timeout(settings.timeoutSeconds * 1000),
      ]);
      try {
        outcome = await send(forward, settings, signal);
      } catch (error) {
        outcome = afterFailure(forward, settings, error);
      }
    }
    if (outcome.kind === 'forwarded') {
      logger.info({ ...log, upstreamId: outcome.serviceRequestId }, 'fault report forwarded');
    } else if (outcome.kind === 'failed') {
      logger.warn({ ...log, error: outcome.error }, 'fault report not forwarded: given up');
    } else if (outcome.kind === 'retry') {
      logger.info({ ...log, error: outcome.error, retryAt: outcome.at }, 'forward will be retried');
    }
    const state = await store.write(
      'finishForward',
      forward.reference,
      forward.leaseOwner,
      outcome,
      now(),
    );
    if (state === undefined) logger.warn(log, 'forward outcome not recorded: its lease ended');
  }

  async function send(
    forward: ClaimedForward,
    settings: ForwardSettings,
    signal: AbortSignal,
  ): Promise<ForwardOutcome> {
    if (forward.token !== null) {
      const id = await requestIdOf(settings, forward.token, signal);
      if (id) return { kind: 'forwarded', serviceRequestId: id, system: settings.name };
      return {
        kind: 'retry',
        error: 'upstream has no id for its token yet',
        at: later(forward, settings),
      };
    }
    const filed = await fileRequest(
      settings,
      forward.report,
      `kontakt-forward-${forward.reference}`,
      signal,
    );
    return 'serviceRequestId' in filed
      ? { kind: 'forwarded', serviceRequestId: filed.serviceRequestId, system: settings.name }
      : { kind: 'token', token: filed.token, at: later(forward, settings) };
  }

  function afterFailure(
    forward: ClaimedForward,
    settings: ForwardSettings,
    error: unknown,
  ): ForwardOutcome {
    const message =
      error instanceof UpstreamError ? error.message : `unexpected: ${(error as Error)?.message}`;
    const permanent = error instanceof UpstreamError && error.permanent;
    if (permanent || forward.attempts >= settings.maxAttempts) {
      return { kind: 'failed', error: message, system: settings.name };
    }
    return { kind: 'retry', error: message, at: later(forward, settings) };
  }

  /** The next attempt: the first delay doubled per attempt, at most an hour, ±20 % jitter. */
  function later(forward: ClaimedForward, settings: ForwardSettings): Date {
    const base = settings.retryDelaySeconds * 1000 * 2 ** Math.max(0, forward.attempts - 1);
    const delay = Math.min(base, MAX_DELAY_MS) * (0.8 + 0.4 * random());
    return new Date(now().getTime() + delay);
  }

  async function runOnce(): Promise<number> {
    const at = now();
    // Woken by every new case (the embedded store's inbox): a read first, so a case that is not
    // forwarded costs no write transaction.
    const due = await store.read('nextForwardDue');
    if (due === null || Date.parse(due) > at.getTime()) return 0;
    const claimed = await store.write(
      'claimForwards',
      owner,
      at,
      new Date(at.getTime() + leaseMs),
      BATCH,
    );
    for (const forward of claimed) {
      if (loop.isStopped()) break;
      await attempt(forward);
    }
    return claimed.length;
  }

  const loop = dueLoop({
    runOnce,
    batch: BATCH,
    nextDue: () => store.read('nextForwardDue'),
    pollMs,
    minSleepMs: 10,
    now,
    onError: (error) => logger.error({ err: error }, 'could not forward queued fault reports'),
  });
  const unsubscribe: (() => void)[] = [];

  return {
    runOnce,
    start() {
      // PostgreSQL notifies the forward stream at commit; the embedded store tells the inbox of
      // every new case, which is where a queued forward comes from.
      unsubscribe.push(store.events.subscribe(OPEN311_FORWARD_STREAM, loop.wake));
      unsubscribe.push(store.events.subscribe(INBOX_STREAM, loop.wake));
      loop.wake();
    },
    async close() {
      const stopped = loop.stop();
      for (const stop of unsubscribe) stop();
      closing.abort(new Error('the server is stopping'));
      await stopped;
    },
  };
}
