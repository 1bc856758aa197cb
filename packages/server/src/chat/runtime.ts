import type { AppContext } from '../context.js';
import type { DueLoop } from '../due-loop.js';
import { dueLoop } from '../due-loop.js';
import { answerByOf, CHAT_STREAM_MS, settingsOf } from './http.js';
import { seenEveryMs } from './presence.js';

/*
 * The chat housekeeping of one instance: offers waiting chats to available agents, passes an
 * offer on when it runs out, ends chats that waited too long. Woken by this instance's changes
 * (a chat started, presence, a take) and polled for other instances'.
 */

/** Asks the housekeeping to look now (after a change that may call for an offer). */
export type ChatWake = () => void;

/** How often an instance looks, at most, when nothing here woke it. */
const POLL_MS = 3_000;
const MIN_SLEEP_MS = 200;

export interface ChatRuntime {
  wake: ChatWake;
  /**
   * Says every `seenEveryMs(…)` that the citizen's stream of chat `id` is open here, until
   * `signal` aborts (the citizen went away) or the stream's longest life has passed.
   */
  keepSeen(id: string, signal: AbortSignal): void;
  /** Starts looking (once the server listens). */
  start(): void;
  /** Stops, after the run under way. */
  stop(): Promise<void>;
}

const runtimes = new WeakMap<AppContext, ChatRuntime>();

/** The app's one chat runtime (created at first use; it looks only once started). */
export function chatRuntimeOf(ctx: AppContext): ChatRuntime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    runtime = createRuntime(ctx);
    runtimes.set(ctx, runtime);
  }
  return runtime;
}

function createRuntime(ctx: AppContext): ChatRuntime {
  let loop: DueLoop | undefined;
  let next: string | null = null;
  let stopped = false;
  /** Ends each stream's "still open" timer: the stop of the runtime ends them all. */
  const seeing = new Set<() => void>();
  const runOnce = async () => {
    const settings = settingsOf(ctx);
    const at = ctx.now();
    const result = await ctx.store.write('chatHousekeeping', {
      at: at.toISOString(),
      waitedSince: new Date(at.getTime() - settings.maxWaitMinutes * 60_000).toISOString(),
      leftSince: new Date(at.getTime() - settings.leftAfterSeconds * 1000).toISOString(),
      awaySince: new Date(at.getTime() - settings.citizenAwayAfterSeconds * 1000).toISOString(),
      offerUntil: new Date(at.getTime() + settings.offerTimeoutSeconds * 1000).toISOString(),
      maxChatsPerAgent: settings.maxChatsPerAgent,
      answerBy: answerByOf(ctx, at),
    });
    next = result.nextDue;
    if (result.ended > 0 || result.left > 0 || result.away > 0 || result.offered > 0) {
      const { ended, left, away, offered } = result;
      ctx.logger.info({ ended, left, away, offered }, 'chat housekeeping');
    }
    return 0;
  };
  return {
    wake: () => loop?.wake(),
    keepSeen(id, signal) {
      if (stopped || signal.aborted) return;
      const say = () => {
        ctx.store
          .write('chatCitizenSeen', { id, at: ctx.now().toISOString() })
          .catch((error: unknown) => ctx.logger.warn({ err: error }, 'chat: citizen seen failed'));
      };
      const every = setInterval(say, seenEveryMs(settingsOf(ctx).citizenAwayAfterSeconds));
      // The stream ends by then (it is opened again, and that is seen): never a timer left over.
      const limit = setTimeout(() => done(), CHAT_STREAM_MS + 1_000);
      every.unref?.();
      limit.unref?.();
      const done = () => {
        clearInterval(every);
        clearTimeout(limit);
        seeing.delete(done);
      };
      seeing.add(done);
      signal.addEventListener('abort', done, { once: true });
    },
    start() {
      loop ??= dueLoop({
        runOnce,
        batch: 1,
        nextDue: async () => next,
        pollMs: POLL_MS,
        minSleepMs: MIN_SLEEP_MS,
        now: ctx.now,
        onError: (error) => ctx.logger.warn({ err: error }, 'chat housekeeping failed'),
      });
      loop.wake();
    },
    async stop() {
      stopped = true;
      for (const done of [...seeing]) done();
      await loop?.stop();
    },
  };
}
