/*
 * Reading a case and following its public event stream (`case-watch.ts` loads this on first use,
 * with the lookup: `case-lookup-stream.ts`). Every event is the whole case after a change, and a
 * stream without `Last-Event-ID` starts from the case's first event, so nothing between the read
 * and the stream is missed; an older copy than the one shown (a replayed event) is passed over.
 */

import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import type { KontaktError } from '../errors/KontaktError.js';
import { internalError, isKontaktError } from '../errors/KontaktError.js';
import { reconnectDelay } from '../events/backoff.js';
import { EventStream } from '../events/event-stream.js';
import type { PublicCase } from '../schemas/index.js';
import { PUBLIC_CASE_EVENT, PublicCaseSchema } from '../schemas/index.js';
import { readCase } from './case-lookup.js';
import type { CaseWatchTarget } from './case-watch.js';

/** What `followCaseStream` reports to. */
export interface CaseStreamHandlers {
  onChange(found: PublicCase): void;
  /** `willRetry` false: it has stopped (the access no longer holds, or the case is gone). */
  onError(error: KontaktError, willRetry: boolean): void;
}

/** Waits between attempts to read the case while that fails. */
const RETRY = { initial: 2_000, max: 60_000 } as const;

/** Reads the case, then follows its changes until closed. Errors go to `onError`, never throw. */
export function followCaseStream(
  target: CaseWatchTarget,
  handlers: CaseStreamHandlers,
): { close(): void } {
  const stop = new AbortController();
  const authorization = `Bearer ${target.accessToken}`;
  let shown: PublicCase | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const report = (error: KontaktError, willRetry: boolean) => {
    if (stop.signal.aborted) return;
    if (!willRetry) stop.abort();
    handlers.onError(error, willRetry);
  };
  const offer = (found: PublicCase) => {
    if (stop.signal.aborted || (shown && !isSameOrNewer(found, shown))) return;
    if (shown && JSON.stringify(found) === JSON.stringify(shown)) return;
    shown = found;
    handlers.onChange(found);
  };

  const follow = () => {
    const base = target.endpoint.replace(/\/+$/, '');
    const stream = new EventStream(`${base}/v1/cases/${target.reference}/stream`, {
      headers: { authorization },
      signal: stop.signal,
      fetch: target.fetch,
    });
    stream.addEventListener(PUBLIC_CASE_EVENT, (event: MessageEvent<string>) => {
      const parsed = PublicCaseSchema.safeParse(parse(event.data));
      if (!parsed.success) {
        report(new InvalidResponseError('The case does not match the contract.'), true);
        return;
      }
      offer(parsed.data);
    });
    stream.addEventListener('error', (event) => report(event.error, event.willRetry));
  };

  const start = async (attempt: number): Promise<void> => {
    try {
      const found = await readCase(target.http, target.reference, target.accessToken, stop.signal);
      offer(found);
      if (!stop.signal.aborted) follow();
    } catch (error) {
      if (stop.signal.aborted) return;
      const failure = isKontaktError(error) ? error : internalError(error);
      // A wrong token or an unknown case does not heal by asking again.
      const final = failure.status !== undefined && failure.status < 500 && failure.status !== 429;
      report(failure, !final);
      if (final) return;
      retryTimer = setTimeout(
        () => void start(attempt + 1),
        reconnectDelay(attempt, RETRY.initial, RETRY.max),
      );
    }
  };

  void start(1);
  return {
    close() {
      stop.abort();
      clearTimeout(retryTimer);
    },
  };
}

/** A copy at least as new as `shown`: by when it changed, then by its timeline. */
function isSameOrNewer(found: PublicCase, shown: PublicCase): boolean {
  const at = Date.parse(found.updatedAt);
  const before = Date.parse(shown.updatedAt);
  return at > before || (at === before && found.timeline.length >= shown.timeline.length);
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
