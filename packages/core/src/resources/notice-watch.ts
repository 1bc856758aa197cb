/*
 * A department's crisis and service notices, followed live, without ky or zod: `<kc-notice>` is
 * on every page of every department and must cost almost nothing (≤ 8 KB with its element), so
 * what arrives is checked by hand against the contract (`NoticeSchema`), field by field.
 *
 * The notices are read once (`GET /v1/notices`, which also says where in the event log they were
 * read), then the event stream continues from exactly there: a change is neither missed between
 * the two requests nor seen twice, and after a dropped connection the stream resumes from its
 * last event.
 */

import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import type { KontaktError } from '../errors/KontaktError.js';
import { internalError, isKontaktError } from '../errors/KontaktError.js';
import { reconnectDelay } from '../events/backoff.js';
import { EventReader } from '../events/event-stream.js';
import type { EventStreamMessage } from '../events/parser.js';
import type { Notice, NoticeText } from '../schemas/notice.js';
import {
  isSlug,
  LOCALES,
  NOTICE_SEVERITIES,
  NOTICE_TEXT_MAX_LENGTH,
  NOTICE_TITLE_MAX_LENGTH,
} from '../schemas/vocabulary.js';
import { fetchJson } from './fetch-json.js';

/** Options for `watchNotices`. */
export interface NoticeWatchOptions {
  /** Called with every notice that has not ended (later ones included), after each change. */
  onChange(notices: readonly Notice[]): void;
  /**
   * Called when the notices cannot be read or followed. `willRetry`: it is tried again by itself
   * (the network or the server is down); otherwise it has stopped (the department is unknown).
   */
  onError?(error: KontaktError, willRetry: boolean): void;
  /** Stops following, as `close()` does. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before reading the notices is given up (then tried again). Default `10_000`. */
  timeout?: number | undefined;
}

/** A running `watchNotices`. */
export interface NoticeWatch {
  /** Stops reading and following; no callback is called after it. */
  close(): void;
}

/** Waits between attempts to read the notices while that fails. */
const RETRY = { initial: 2_000, max: 60_000 } as const;

/**
 * Reads the notices of `department` and follows their changes until closed. Errors never throw:
 * they go to `onError`, and whatever can be tried again is.
 *
 * @since 0.3.0
 * @example
 * const watch = watchNotices('https://kontakt.example.se', 'gata', {
 *   onChange: (notices) => render(notices),
 * });
 * // later
 * watch.close();
 */
export function watchNotices(
  endpoint: string,
  department: string,
  options: NoticeWatchOptions,
): NoticeWatch {
  const base = `${endpoint.replace(/\/+$/, '')}/v1/notices`;
  const query = `department=${encodeURIComponent(department)}`;
  const stop = new AbortController();
  const notices = new Map<string, Notice>();
  const changed = () => options.onChange([...notices.values()]);
  const report = (error: KontaktError, willRetry: boolean) => {
    if (!stop.signal.aborted) options.onError?.(error, willRetry);
  };
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const follow = (cursor: string) => {
    // The core's reader without EventStream's events and async iterator, which <kc-notice>
    // (on every page) would carry for nothing.
    new (class extends EventReader {
      protected override received({ type, data }: EventStreamMessage): void {
        if (type === 'notice.published') {
          const notice = readNotice(parse(data));
          if (!notice) report(invalid(), true);
          else if (notices.set(notice.id, notice)) changed();
        } else if (type === 'notice.withdrawn') {
          const id = (parse(data) as { id?: unknown } | undefined)?.id;
          if (typeof id !== 'string') report(invalid(), true);
          else if (notices.delete(id)) changed();
        }
      }
      protected override failed(error: KontaktError, willRetry: boolean): void {
        report(error, willRetry);
      }
    })(`${base}/stream?${query}`, {
      lastEventId: cursor,
      // A query parameter instead of a header: no CORS preflight for each reconnection.
      lastEventIdIn: 'query',
      signal: stop.signal,
    });
  };

  const start = async (attempt: number): Promise<void> => {
    try {
      const body = await fetchJson(`${base}?${query}`, {
        timeout: options.timeout ?? 10_000,
        signal: stop.signal,
      });
      if (stop.signal.aborted) return;
      const list = readNoticeList(body);
      if (!list) throw invalid();
      for (const notice of list.notices) notices.set(notice.id, notice);
      changed();
      follow(list.cursor);
    } catch (error) {
      if (stop.signal.aborted) return;
      const failure = isKontaktError(error) ? error : internalError(error);
      // An unknown department or a refused origin does not heal by asking again.
      const final = failure.status !== undefined && failure.status < 500 && failure.status !== 429;
      report(failure, !final);
      if (final) return;
      const wait = reconnectDelay(attempt, RETRY.initial, RETRY.max);
      retryTimer = setTimeout(() => void start(attempt + 1), wait);
    }
  };

  const close = () => {
    stop.abort();
    clearTimeout(retryTimer);
  };
  options.signal?.addEventListener('abort', close, { once: true });
  if (options.signal?.aborted) close();
  else void start(1);
  return { close };
}

const invalid = () => new InvalidResponseError('The notices do not match the contract.');

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** `{ notices, cursor }` as `NoticeListSchema` reads it, or `undefined`. */
function readNoticeList(body: unknown): { notices: Notice[]; cursor: string } | undefined {
  if (!isRecord(body) || !Array.isArray(body.notices) || typeof body.cursor !== 'string') {
    return undefined;
  }
  const notices: Notice[] = [];
  for (const item of body.notices) {
    const notice = readNotice(item);
    if (!notice) return undefined;
    notices.push(notice);
  }
  return { notices, cursor: body.cursor };
}

const NOTICE_ID = /^n_[0-9a-hjkmnp-tv-z]{20}$/;

/**
 * A notice as the API sends it, checked by hand for what `NoticeSchema` checks, or `undefined`.
 * Accepts exactly the notices the schema accepts (a test holds the two together).
 *
 * @since 0.3.0
 */
export function readNotice(value: unknown): Notice | undefined {
  if (!isRecord(value) || typeof value.id !== 'string' || !NOTICE_ID.test(value.id)) return;
  const title = readText(value.title, NOTICE_TITLE_MAX_LENGTH);
  const text = readText(value.text, NOTICE_TEXT_MAX_LENGTH);
  const severity = value.severity as Notice['severity'];
  const departments = readDepartments(value.departments);
  const { startsAt, endsAt, updatedAt } = value;
  if (!title || !text || !NOTICE_SEVERITIES.includes(severity) || !departments) return;
  if (!isDateTime(startsAt) || !isDateTime(updatedAt)) return;
  if (endsAt !== null && !isDateTime(endsAt)) return;
  return { id: value.id, title, text, severity, departments, startsAt, endsAt, updatedAt };
}

function readText(value: unknown, max: number): NoticeText | undefined {
  if (!isRecord(value)) return undefined;
  const text: Partial<NoticeText> = {};
  for (const locale of LOCALES) {
    const each = value[locale];
    if (typeof each !== 'string') return undefined;
    const trimmed = each.trim();
    if (!trimmed || trimmed.length > max) return undefined;
    text[locale] = trimmed;
  }
  return text as NoticeText;
}

function readDepartments(value: unknown): Notice['departments'] | undefined {
  if (value === 'all') return value;
  if (!Array.isArray(value) || value.length === 0 || value.length > 200) return undefined;
  if (!value.every(isSlug) || new Set(value).size !== value.length) return undefined;
  return value;
}

/** An ISO 8601 date-time with an offset or `Z`, as `DateTimeSchema` takes it. */
const DATE_TIME =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
