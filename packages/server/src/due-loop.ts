/**
 * The loop of a durable queue's worker (the mail sender, the Open311 forwarder): when woken it
 * claims and works batches until one comes back short, then sleeps until the next item falls due
 * or the poll interval ends, whichever is first. One run at a time; a wake-up during a run makes
 * it look once more, so nothing committed meanwhile waits for the poll.
 */
export interface DueLoopOptions {
  /** Claims and works one batch; returns how many it claimed. */
  runOnce: () => Promise<number>;
  /** A full batch means there may be more: look again at once. */
  batch: number;
  /** When the next item falls due (ISO 8601), or `null` when none waits. */
  nextDue: () => Promise<string | null>;
  /** The longest sleep, so a missed wake-up (another instance's work) costs at most this. */
  pollMs: number;
  /** The shortest sleep: never a busy loop, even for a due time already past. */
  minSleepMs: number;
  now: () => Date;
  /** A run that threw: logged, and the loop goes on. */
  onError: (error: unknown) => void;
}

export interface DueLoop {
  /** Looks now, or once more after the run under way. */
  wake(): void;
  /** True once stopping: a run should stop between items. */
  isStopped(): boolean;
  /** Wakes no more and stops sleeping; resolves when the run under way has ended. */
  stop(): Promise<void>;
}

export function dueLoop(options: DueLoopOptions): DueLoop {
  const { runOnce, batch, nextDue, pollMs, minSleepMs, now, onError } = options;
  let stopped = false;
  let busy = false;
  let again = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  function wake(): void {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    clearTimeout(timer);
    running = run();
  }

  async function run(): Promise<void> {
    try {
      while (!stopped) {
        again = false;
        try {
          if ((await runOnce()) === batch) again = true;
        } catch (error) {
          onError(error);
        }
        if (again) continue;
        const wait = await untilNextDue();
        // Woken while asking: look again rather than sleep past the new item.
        if (again) continue;
        if (!stopped) sleep(wait);
        return;
      }
    } finally {
      // In the same turn as the last look for `again`: no wake-up falls between the two.
      busy = false;
    }
  }

  /** How long until the next item falls due, at most the poll interval. */
  async function untilNextDue(): Promise<number> {
    try {
      const due = await nextDue();
      return due === null ? pollMs : Math.min(pollMs, Date.parse(due) - now().getTime());
    } catch {
      return pollMs;
    }
  }

  function sleep(ms: number): void {
    clearTimeout(timer);
    timer = setTimeout(wake, Math.max(ms, minSleepMs));
    timer.unref();
  }

  return {
    wake,
    isStopped: () => stopped,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
