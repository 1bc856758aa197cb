/*
 * `client.notices`, kept small inside the client: reading the list (with its schema) and the live
 * feed (the event-stream reader) load when first used, so a widget whose client never touches
 * notices (the contact form) does not carry them.
 */
import type { KyInstance } from 'ky';
import type { KontaktError } from '../errors/KontaktError.js';
import { internalError } from '../errors/KontaktError.js';
import type { Notice, NoticeList } from '../schemas/notice.js';
import { LatestFeed } from './latest-feed.js';

/** Dispatched by a `NoticeFeed` after every change: `notices` is the whole current list. */
export class NoticeChangeEvent extends Event {
  readonly notices: readonly Notice[];
  constructor(notices: readonly Notice[]) {
    super('change');
    this.notices = notices;
  }
}

/** Dispatched by a `NoticeFeed` when reading or following fails (`willRetry`: it tries again). */
export class NoticeFeedErrorEvent extends Event {
  readonly error: KontaktError;
  readonly willRetry: boolean;
  constructor(error: KontaktError, willRetry: boolean) {
    super('error');
    this.error = error;
    this.willRetry = willRetry;
  }
}

/**
 * A department's notices, followed live: `change` and `error` events, and an async iterator that
 * yields the whole list after every change. It ends when the feed is closed, and closes itself
 * after an `error` it will not retry (an unknown department), as `CaseWatch` does.
 *
 * @since 0.3.0
 * @event change - `NoticeChangeEvent`: the notices after a change.
 * @event error - `NoticeFeedErrorEvent`: they could not be read or followed.
 */
export class NoticeFeed extends LatestFeed<readonly Notice[]> {
  /** The notices as last read (empty until the first answer). */
  notices: readonly Notice[] = [];

  /** `fetch`: the one to read with (the client's own), default `globalThis.fetch`. */
  constructor(
    endpoint: string,
    department: string,
    signal?: AbortSignal,
    fetch?: typeof globalThis.fetch,
  ) {
    super();
    // Loaded on first use: a client that never watches (the contact form) does not carry the
    // event-stream reader.
    import('./notice-watch.js').then(
      ({ watchNotices }) => {
        if (this.closed) return;
        this.stopWith(
          watchNotices(endpoint, department, {
            onChange: (notices) => this.#changed(notices),
            onError: (error, willRetry) => this.#failed(error, willRetry),
            fetch,
          }).close,
        );
      },
      (error: unknown) => this.#failed(internalError(error), false),
    );
    signal?.addEventListener('abort', () => this.close(), { once: true });
    if (signal?.aborted) this.close();
  }

  /** Says why; an error that is not retried has stopped the stream, so the feed ends too. */
  #failed(error: KontaktError, willRetry: boolean): void {
    this.dispatchEvent(new NoticeFeedErrorEvent(error, willRetry));
    if (!willRetry) this.close();
  }

  #changed(notices: readonly Notice[]): void {
    this.notices = notices;
    this.dispatchEvent(new NoticeChangeEvent(notices));
    this.deliver(notices);
  }
}

/** `client.notices`: the contact center's crisis and service notices for a department's pages. */
export interface NoticesResource {
  /**
   * The notices of a department (default: the client's own) that have not ended, later ones
   * included, and the event-stream cursor they were read at.
   */
  list(department?: string, options?: { signal?: AbortSignal }): Promise<NoticeList>;
  /**
   * Follows a department's notices live (one event stream that begins with the notices that
   * have not ended; resumes after a dropped connection). Close it, or abort `signal`, when done;
   * it closes itself after an error it will not retry. It reads with the client's `fetch`.
   *
   * @example
   * for await (const notices of client.notices.watch()) render(notices);
   */
  watch(department?: string, options?: { signal?: AbortSignal }): NoticeFeed;
}

export function noticesResource(
  http: KyInstance,
  endpoint: string,
  department: string,
  fetch?: typeof globalThis.fetch,
): NoticesResource {
  return {
    async list(id = department, options = {}) {
      const { listNotices } = await import('./notices-list.js');
      return listNotices(http, id, options.signal);
    },
    watch: (id = department, options = {}) => new NoticeFeed(endpoint, id, options.signal, fetch),
  };
}
