import type { KyInstance, ShouldRetryState } from 'ky';
import ky from 'ky';
import { normalizeEndpoint } from './endpoint.js';
import { DEFAULT_OUTBOX_MAX_AGE } from './outbox/entry.js';
import { indexedDBStore } from './outbox/indexeddb-store.js';
import { memoryStore } from './outbox/memory-store.js';
import type { Outbox, OutboxSender } from './outbox/outbox.js';
import { OutboxController } from './outbox/outbox.js';
import { outboxFor } from './outbox/registry.js';
import type { OutboxStore } from './outbox/types.js';
import type { CallbacksResource } from './resources/callbacks.js';
import { callbacksResource } from './resources/callbacks.js';
import type { CasesResource } from './resources/cases.js';
import { casesResource, sendCase } from './resources/cases.js';
import type { ChatResource } from './resources/chat.js';
import { chatResource } from './resources/chat.js';
import type { DepartmentsResource } from './resources/departments.js';
import { departmentsResource } from './resources/departments.js';
import type { FaultsResource } from './resources/faults.js';
import { faultsResource } from './resources/faults.js';
import type { NoticesResource } from './resources/notices.js';
import { noticesResource } from './resources/notices.js';
import type { PhotosResource } from './resources/photos.js';
import { photosResource } from './resources/photos.js';
import { retryAfterMs } from './retry-after.js';
import { DepartmentIdSchema } from './schemas/index.js';

/** How a failed request is retried. Only safe requests are: GETs and POSTs with an idempotency key. */
export interface RetryOptions {
  /** Retries after the first try. Default `2`. */
  limit?: number;
  /** Upper bound of one delay in ms. Default `10_000`. */
  backoffLimit?: number;
  /** Delay before retry number `attempt` (from 1) in ms, before jitter. Default 300 ms doubling. */
  delay?: (attempt: number) => number;
}

/** Options for `createClient`. */
export interface ClientOptions {
  /** The server's base URL, e.g. `'https://kontakt.example.se'`; the client calls `${endpoint}/v1/…`. */
  endpoint: string | URL;
  /** The department id whose page this is, e.g. `'gata'`. */
  department: string;
  /** The `fetch` to use (tests, SSR). Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds to wait for each attempt. Default `10_000`. */
  timeout?: number;
  /** Retries, as a limit or options. Default `{ limit: 2 }`. */
  retry?: number | RetryOptions;
  /**
   * Where submissions that could not be sent are kept, or `false` to keep nothing. Default:
   * IndexedDB in browsers (created only when something must be kept), memory elsewhere.
   */
  outbox?: OutboxStore | false;
  /**
   * Milliseconds a submission is kept in the outbox and tried again. After that it is no longer
   * sent: it is removed and the outbox dispatches `failed` with a `KontaktError` whose `code` is
   * `'expired'`. Default 7 days.
   */
  outboxMaxAge?: number;
  /** The page a message is written on, read at submit time. Default `globalThis.location?.href`. */
  pageUrl?: () => string;
}

/** A client for one contact-center server and one department. */
export interface KontaktClient {
  /** The normalised endpoint: an absolute URL without a trailing slash. */
  readonly endpoint: string;
  readonly department: string;
  /** Call-back requests (*uppringning*): the slots offered, and asking to be called. */
  readonly callbacks: CallbacksResource;
  readonly cases: CasesResource;
  /** Live chat with a *kommunvägledare*: opening hours, start, resume after a reload. */
  readonly chat: ChatResource;
  readonly departments: DepartmentsResource;
  /** Fault reports (*felanmälan*): the catalog, nearby open reports, sending a report. */
  readonly faults: FaultsResource;
  /** Crisis and service notices, read once or followed live. */
  readonly notices: NoticesResource;
  /** Photos for fault reports: uploaded one at a time, with progress, before the report. */
  readonly photos: PhotosResource;
  /** Submissions waiting to be sent to this endpoint; shared by every client for it on the page. */
  readonly outbox: Outbox;
}

const RETRY_STATUSES = [408, 409, 429, 500, 502, 503, 504];
/** Answers whose `Retry-After` ky honours. */
const RETRY_AFTER_STATUSES = [429, 503];
/** A `Retry-After` longer than this is not waited for in the call; the outbox waits instead. */
const MAX_INLINE_RETRY_AFTER = 10_000;

/** 100 years: beyond it a date is out of `Date`'s range or meaningless for a message. */
const MAX_OUTBOX_MAX_AGE = 100 * 365 * 24 * 60 * 60_000;

let defaultStore: OutboxStore | undefined;

/**
 * Creates a client for one contact-center server and department. Creating it does no I/O except
 * a look (that creates nothing) for submissions an earlier page load left in the outbox.
 *
 * @since 0.1.0
 * @example
 * const client = createClient({ endpoint: 'https://kontakt.example.se', department: 'gata' });
 * const receipt = await client.cases.submit({ topic: 'parkering', message: 'Hej!', answerChannel: 'email', email: 'a@b.se' });
 */
export function createClient(options: ClientOptions): KontaktClient {
  const endpoint = normalizeEndpoint(options.endpoint);
  if (!DepartmentIdSchema.safeParse(options.department).success) {
    throw new TypeError(`Invalid department id: ${JSON.stringify(options.department)}`);
  }
  const { department } = options;
  const outboxMaxAge = options.outboxMaxAge ?? DEFAULT_OUTBOX_MAX_AGE;
  if (!(outboxMaxAge > 0 && outboxMaxAge <= MAX_OUTBOX_MAX_AGE)) {
    throw new RangeError(`Invalid outboxMaxAge: ${options.outboxMaxAge}`);
  }
  const http = createHttp(endpoint, options);
  const photos = photosResource({
    http,
    endpoint,
    department,
    customFetch: options.fetch !== undefined,
    timeout: options.timeout ?? 10_000,
  });
  const send: OutboxSender = (entry, save) =>
    entry.kind === 'fault'
      ? // Loaded only when a fault report was kept: a contact form's client never needs it.
        import('./resources/faults-send.js').then(({ sendFaultEntry }) =>
          sendFaultEntry(http, entry, { upload: photos.upload, save }),
        )
      : sendCase(http, entry.submission, entry.id);
  const outbox =
    options.outbox === false
      ? undefined
      : outboxFor(options.outbox ?? getDefaultStore(), endpoint, send);
  const pageUrl = options.pageUrl ?? (() => globalThis.location?.href);
  return {
    endpoint,
    department,
    // Loaded only when used: a contact form's client never asks for a call-back.
    callbacks: callbacksResource({ http, department, pageUrl }),
    cases: casesResource({
      http,
      endpoint,
      fetch: options.fetch,
      department,
      pageUrl,
      outbox,
      outboxMaxAge,
    }),
    chat: chatResource({ http, endpoint, fetch: options.fetch, department, pageUrl }),
    departments: departmentsResource(http, department),
    faults: faultsResource({
      http,
      department,
      pageUrl,
      outbox,
      outboxMaxAge,
      upload: photos.upload,
    }),
    notices: noticesResource(http, endpoint, department),
    photos,
    // Without a store there is nothing to wait for, but callers may still listen and ask.
    outbox: outbox ?? new OutboxController(memoryStore(), endpoint, send),
  };
}

/**
 * The one ky instance behind a client: base URL, per-attempt timeout, and retries with
 * exponential backoff and jitter for safe requests only.
 */
export function createHttp(
  endpoint: string,
  options: Pick<ClientOptions, 'fetch' | 'timeout' | 'retry'>,
): KyInstance {
  const retry =
    typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {});
  return ky.create({
    prefix: endpoint,
    timeout: options.timeout ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retry: {
      limit: retry.limit ?? 2,
      methods: ['get', 'head', 'post'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: RETRY_AFTER_STATUSES,
      backoffLimit: retry.backoffLimit ?? 10_000,
      delay: retry.delay ?? ((attempt) => 300 * 2 ** (attempt - 1)),
      // Half to full delay: spreads out clients that failed together without retrying at once.
      jitter: (delay) => delay * (0.5 + Math.random() / 2),
      retryOnTimeout: true,
      shouldRetry,
    },
  });
}

/** Vetoes retries ky would otherwise make; `undefined` leaves the decision to ky's defaults. */
function shouldRetry({ error }: ShouldRetryState): boolean | undefined {
  const { request, response, data } = error as {
    request?: Request;
    response?: Response;
    data?: unknown;
  };
  // Sending a POST twice creates two cases unless the server can recognise the second.
  if (request?.method === 'POST' && !request.headers.has('idempotency-key')) return false;
  if (!response) return undefined;
  if (response.status === 409) {
    return (data as { code?: unknown } | undefined)?.code === 'idempotency_request_in_progress'
      ? undefined
      : false;
  }
  if ((retryAfterMs(response.headers) ?? 0) > MAX_INLINE_RETRY_AFTER) return false;
  return undefined;
}

/** One store per page, chosen on first use: every client then sees the same waiting entries. */
function getDefaultStore(): OutboxStore {
  defaultStore ??= typeof indexedDB === 'undefined' ? memoryStore() : indexedDBStore();
  return defaultStore;
}
