/*
 * A department's crisis and service notices, followed live, without ky or zod: `<kc-notice>` is
 * on every page of every department and must cost almost nothing (≤ 8 KB with its element), so
 * what arrives is checked by hand against the contract (`NoticeSchema`), field by field.
 *
 * One request: the event stream, asked to begin with the notices that have not ended
 * (`current=1`: a `notices.current` event), then their changes. After a dropped connection it
 * resumes from its last event; when it had none yet, it begins with the notices again.
 */

import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import type { KontaktError } from '../errors/KontaktError.js';
import { EventReader } from '../events/event-stream.js';
import { NOTICES_CURRENT_EVENT } from '../events/notices-current.js';
import type { EventStreamMessage } from '../events/parser.js';
import type { Notice, NoticeText } from '../schemas/notice.js';
import {
  isSlug,
  LOCALES,
  NOTICE_SEVERITIES,
  NOTICE_TEXT_MAX_LENGTH,
  NOTICE_TITLE_MAX_LENGTH,
} from '../schemas/vocabulary.js';

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
  /** The `fetch` to read with (a client's own). Default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
}

/** A running `watchNotices`. */
export interface NoticeWatch {
  /** Stops reading and following; no callback is called after it. */
  close(): void;
}

/**
 * Reads the notices of `department` and follows their changes until closed. Errors never throw:
 * they go to `onError`, and whatever can be tried again is (a server that is down, unreachable
 * or answers `5xx`, `408` or `429`, with backoff); an unknown department stops it.
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
  const notices = new Map<string, Notice>();
  const onError = (error: KontaktError, willRetry: boolean) => options.onError?.(error, willRetry);
  // The core's reader without EventStream's events and async iterator, which <kc-notice> (on
  // every page) would carry for nothing. It calls nothing once closed.
  const reader = new (class extends EventReader {
    protected override received({ type, data }: EventStreamMessage): void {
      let value: unknown;
      try {
        value = JSON.parse(data);
      } catch {}
      let read: (Notice | undefined)[] = [];
      if (type === NOTICES_CURRENT_EVENT) {
        // In place of whatever was held: the stream began (again) without a last event id.
        const list = (value as { notices?: unknown } | null)?.notices;
        read = (Array.isArray(list) ? list : [0]).map(readNotice);
        if (read.every(Boolean)) notices.clear();
      } else if (type === 'notice.published') read = [readNotice(value)];
      // A notice it does not hold (or no id at all): nothing changes.
      else if (type !== 'notice.withdrawn' || !notices.delete((value as Notice)?.id)) return;
      if (read.every(Boolean)) {
        for (const notice of read as Notice[]) notices.set(notice.id, notice);
        options.onChange([...notices.values()]);
      } else onError(new InvalidResponseError('The notices do not match the contract.'), true);
    }
    protected override failed(error: KontaktError, willRetry: boolean): void {
      onError(error, willRetry);
    }
  })(
    `${endpoint.replace(/\/+$/, '')}/v1/notices/stream?department=${encodeURIComponent(department)}&current=1`,
    // Its signal and fetch. The reader's own request: the last event id as a query parameter,
    // so no CORS preflight.
    options,
  );
  return { close: () => reader.close() };
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

/** An ISO 8601 date-time with an offset or `Z`, as `DateTimeSchema` takes it (groups only group). */
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function isDateTime(value: unknown): value is string {
  return typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
