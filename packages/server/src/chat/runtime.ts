import type { AppContext } from '../context.js';
import type { DueLoop } from '../due-loop.js';
import { dueLoop } from '../due-loop.js';
import { answerByOf, settingsOf } from './http.js';

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
  const runOnce = async () => {
    const settings = settingsOf(ctx);
    const at = ctx.now();
    const result = await ctx.store.write('chatHousekeeping', {
      at: at.toISOString(),
      waitedSince: new Date(at.getTime() - settings.maxWaitMinutes * 60_000).toISOString(),
      offerUntil: new Date(at.getTime() + settings.offerTimeoutSeconds * 1000).toISOString(),
      maxChatsPerAgent: settings.maxChatsPerAgent,
      answerBy: answerByOf(ctx, at),
    });
    next = result.nextDue;
    if (result.ended > 0 || result.offered > 0) {
      ctx.logger.info({ ended: result.ended, offered: result.offered }, 'chat housekeeping');
    }
    return 0;
  };
  return {
    wake: () => loop?.wake(),
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
      await loop?.stop();
    },
  };
}
