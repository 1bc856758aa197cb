/*
 * A department as a widget's first frame needs it, fetched and read without ky or zod. A widget
 * starts this request the moment it knows its endpoint and department, and renders its topics as
 * soon as they arrive; the client and the contract's schemas load only when a person starts to
 * use the widget. What is read here is checked by hand, field by field, for exactly what is
 * shown (ids, names, the time zone): nothing else of the answer is used.
 */
import { InvalidResponseError } from '../errors/InvalidResponseError.js';
import { KontaktError } from '../errors/KontaktError.js';
import type { LocalizedText } from '../schemas/common.js';
import type { Category } from '../schemas/department.js';
import type { MessagePhotoSettings } from '../schemas/photo.js';
import {
  DEFAULT_TIME_ZONE,
  isSlug,
  LOCALES,
  MESSAGE_MAX_PHOTOS,
  TIME_ZONE_PATTERN,
} from '../schemas/vocabulary.js';
import { departmentUrl } from './department-url.js';
import { peekEarlyAnswer, takeEarlyGet } from './early-get.js';
import { fetchJson } from './fetch-json.js';

/** What a widget shows of a department before the person has started to use it. */
export interface DepartmentPreview {
  readonly id: string;
  readonly name: LocalizedText;
  /** The topics (*ämnen*) the department answers questions about, in the configured order. */
  readonly categories: readonly Category[];
  /** The IANA time zone of its opening hours (dates on receipts are shown in it). */
  readonly timeZone: string;
  /**
   * How many photos a message may carry (`messagePhotos`); none without it. `maxEdge` and
   * `maxBytes` are as the server sent them: check them where they are used.
   */
  readonly photos?: MessagePhotoSettings;
}

/** Options for `fetchDepartmentPreview`. */
export interface DepartmentPreviewOptions {
  /** Stops waiting for this caller; the request itself goes on for others who asked for it. */
  signal?: AbortSignal | undefined;
  /** Milliseconds before the request is given up. Default `10_000`, as the client's. */
  timeout?: number | undefined;
}

/**
 * How long an answer is reused: the server lets HTTP caches keep a department this long
 * (`max-age=300`), since departments are configuration that changes only on a restart.
 */
const REUSE_MS = 300_000;

/**
 * Requests per URL, under way or answered within `REUSE_MS`: several widgets of one department on
 * a page, and the script-tag starter that asks before the element has loaded, share one request.
 * Failures are not kept, so asking again (a retry button) sends a new request.
 */
const requests = new Map<string, SharedRequest>();

interface SharedRequest {
  readonly promise: Promise<DepartmentPreview>;
  /** `Date.now()` when it was answered; `undefined` while under way. */
  answeredAt?: number;
  /** The answer, once it is in: what `peekDepartmentPreview` gives without waiting. */
  value?: DepartmentPreview;
}

/**
 * Fetches a department with the browser's own `fetch`: a plain CORS GET (no preflight) that the
 * HTTP cache answers when the server allows (`ETag`, `Cache-Control`). Every caller on the page
 * that asks for the same department while the request is under way, or within five minutes of
 * its answer, gets that answer; a failure is not kept. Rejects with a
 * `NetworkError` (unreachable, `timeout`), a `KontaktError` with the server's code (e.g.
 * `department_not_found`), or an `InvalidResponseError`.
 *
 * @since 0.2.0
 */
export function fetchDepartmentPreview(
  endpoint: string,
  id: string,
  options: DepartmentPreviewOptions = {},
): Promise<DepartmentPreview> {
  const url = departmentUrl(endpoint, id);
  const request =
    known(url) ??
    share(url, fetchJson(url, { timeout: options.timeout ?? 10_000 }).then(toPreview));
  return untilAborted(request.promise, options.signal);
}

/**
 * The department, without waiting: the answer a caller on this page already has (within the five
 * minutes `fetchDepartmentPreview` reuses it), or the answer to the script-tag starter's early
 * request if it has arrived (read while the element loaded), else `undefined`. An element's first
 * update asks this before it renders, so that when the data is in, its first frame shows it
 * (no second frame, nothing moving); `fetchDepartmentPreview` gives the same answer.
 *
 * @since 0.3.0
 */
export function peekDepartmentPreview(endpoint: string, id: string): DepartmentPreview | undefined {
  return known(departmentUrl(endpoint, id))?.value;
}

/**
 * The shared request for `url` that is under way or fresh, taking the early request's answer if
 * it is in and a department (anything else is left to `fetchJson`, which reports it).
 */
function known(url: string): SharedRequest | undefined {
  const request = requests.get(url);
  if (request) {
    const fresh = request.answeredAt === undefined || Date.now() - request.answeredAt < REUSE_MS;
    return fresh ? request : undefined;
  }
  const early = peekEarlyAnswer(url);
  const value = early?.ok ? readDepartmentPreview(early.body) : undefined;
  if (!value) return undefined;
  takeEarlyGet(url);
  const shared = share(url, Promise.resolve(value));
  shared.value = value;
  return shared;
}

/** Keeps `promise` as the one request for `url`, until it fails or its answer is stale. */
function share(url: string, promise: Promise<DepartmentPreview>): SharedRequest {
  const request: SharedRequest = { promise };
  requests.set(url, request);
  promise.then(
    (value) => {
      request.value = value;
      request.answeredAt = Date.now();
    },
    () => {
      if (requests.get(url) === request) requests.delete(url);
    },
  );
  return request;
}

function toPreview(body: unknown): DepartmentPreview {
  const preview = readDepartmentPreview(body);
  if (!preview) throw new InvalidResponseError('The department does not match the contract.');
  return preview;
}

/**
 * Reads what `DepartmentPreview` holds out of a department as the API sends it, or `undefined`
 * when any of it is missing or malformed. Accepts everything `DepartmentSchema` accepts.
 *
 * @since 0.2.0
 */
export function readDepartmentPreview(body: unknown): DepartmentPreview | undefined {
  if (!isRecord(body) || !isSlug(body.id)) return undefined;
  const name = readText(body.name);
  if (!name || !Array.isArray(body.categories) || body.categories.length === 0) return undefined;
  const categories: Category[] = [];
  for (const item of body.categories) {
    const categoryName = isRecord(item) ? readText(item.name) : undefined;
    if (!isRecord(item) || !isSlug(item.id) || !categoryName) return undefined;
    categories.push({ id: item.id, name: categoryName });
  }
  const hours = isRecord(body.openingHours) ? body.openingHours : {};
  const timeZone = hours.timeZone === undefined ? DEFAULT_TIME_ZONE : hours.timeZone;
  if (!isTimeZone(timeZone)) return undefined;
  const photos = readPhotoSettings(body.messagePhotos);
  return { id: body.id, name, categories, timeZone, ...(photos ? { photos } : {}) };
}

/**
 * `messagePhotos` when the department takes photos (`maxCount` 1 to 5), else `undefined` (also
 * when it is malformed: the form then offers none, and works otherwise). Only the count is
 * checked here, as it decides whether the field shows; the server fills in the other settings,
 * and whoever prepares a photo checks them.
 */
function readPhotoSettings(value: unknown): MessagePhotoSettings | undefined {
  const count = isRecord(value) ? value.maxCount : undefined;
  return Number.isInteger(count) && (count as number) > 0 && (count as number) <= MESSAGE_MAX_PHOTOS
    ? (value as MessagePhotoSettings)
    : undefined;
}

function readText(value: unknown): LocalizedText | undefined {
  if (!isRecord(value) || typeof value.sv !== 'string' || !value.sv) return undefined;
  const text: Record<string, string> = {};
  for (const locale of LOCALES) {
    const each = value[locale];
    if (each === undefined) continue;
    if (typeof each !== 'string' || each.length > 500) return undefined;
    text[locale] = each;
  }
  return text as LocalizedText;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A zone name by its shape; the receipt falls back to `DEFAULT_TIME_ZONE` for one `Intl` lacks. */
function isTimeZone(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64 && TIME_ZONE_PATTERN.test(value);
}

/** The shared request, or an `aborted` error as soon as this caller's signal fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  const aborted = () =>
    new KontaktError('The request was aborted.', { code: 'aborted', cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
