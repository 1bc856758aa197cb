/*
 * `client.cases.watch()`: one case followed live by its citizen. Kept small inside the client:
 * the event-stream reader and the case's schema (`case-watch-stream.ts`) load on first use, with
 * the lookup (`case-lookup-stream.ts`), so a widget whose client never watches (the contact form)
 * does not carry them.
 */
import type { KyInstance } from 'ky';
import type { KontaktError } from '../errors/KontaktError.js';
import { internalError } from '../errors/KontaktError.js';
import type { PublicCase } from '../schemas/public-case.js';
import { LatestFeed } from './latest-feed.js';

/** Dispatched by a `CaseWatch` after every change: `case` is the whole case as it now is. */
export class CaseChangeEvent extends Event {
  readonly case: PublicCase;
  constructor(found: PublicCase) {
    super('change');
    this.case = found;
  }
}

/**
 * Dispatched by a `CaseWatch` when the case cannot be read or followed. `willRetry`: it tries
 * again by itself; otherwise the watch has ended (the access no longer holds: `case_not_found`).
 */
export class CaseWatchErrorEvent extends Event {
  readonly error: KontaktError;
  readonly willRetry: boolean;
  constructor(error: KontaktError, willRetry: boolean) {
    super('error');
    this.error = error;
    this.willRetry = willRetry;
  }
}

/** What `CaseWatch` needs to reach the server. */
export interface CaseWatchTarget {
  readonly http: KyInstance;
  readonly endpoint: string;
  /** Normalised already (`KC-7F3K-9QXM`). */
  readonly reference: string;
  readonly accessToken: string;
  /** The `fetch` for the event stream (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch | undefined;
}

/**
 * A case followed live with its access token: `change` and `error` events, and an async iterator
 * that yields the case after every change (the newest only, for a slow reader), ending when the
 * watch is closed or its access no longer holds. It reads the case, then follows its event stream,
 * reconnecting with backoff and `Last-Event-ID`; the token travels in a header, never in a URL.
 *
 * @since 0.4.0
 * @event change - `CaseChangeEvent`: the case after a change (and first as read).
 * @event error - `CaseWatchErrorEvent`: it could not be read or followed.
 * @example
 * const watch = client.cases.watch('KC-7F3K-9QXM', { accessToken });
 * for await (const found of watch) render(found.status, found.timeline);
 */
export class CaseWatch extends LatestFeed<PublicCase> {
  /** The case as last read (`undefined` until the first answer). */
  case: PublicCase | undefined;

  constructor(target: CaseWatchTarget, signal?: AbortSignal) {
    super();
    import('./case-lookup-stream.js').then(
      ({ followCaseStream }) => {
        if (this.closed) return;
        this.stopWith(
          followCaseStream(target, {
            onChange: (found) => this.#changed(found),
            onError: (error, willRetry) => {
              this.dispatchEvent(new CaseWatchErrorEvent(error, willRetry));
              if (!willRetry) this.close();
            },
          }).close,
        );
      },
      (error: unknown) => {
        this.dispatchEvent(new CaseWatchErrorEvent(internalError(error), false));
        this.close();
      },
    );
    signal?.addEventListener('abort', () => this.close(), { once: true });
    if (signal?.aborted) this.close();
  }

  #changed(found: PublicCase): void {
    this.case = found;
    this.dispatchEvent(new CaseChangeEvent(found));
    this.deliver(found);
  }
}
