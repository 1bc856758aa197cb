import type { MessageClient } from './message-client.js';
import { clientBase } from './message-client.js';
import type { OutboxStore } from './outbox/types.js';
import type { CallbacksResource } from './resources/callbacks.js';
import { callbacksResource } from './resources/callbacks.js';
import type { CasesResource } from './resources/cases.js';
import { casesResource } from './resources/cases.js';
import type { ChatResource } from './resources/chat.js';
import { chatResource } from './resources/chat.js';
import type { DepartmentsResource } from './resources/departments.js';
import { departmentsResource } from './resources/departments.js';
import type { FaultsResource } from './resources/faults.js';
import { faultsResource } from './resources/faults.js';
import type { NoticesResource } from './resources/notices.js';
import { noticesResource } from './resources/notices.js';
import type { PhotosResource } from './resources/photos.js';

/** How a failed request is retried. Only safe requests are: GETs and POSTs with an idempotency key. */
export interface RetryOptions {
  /** Retries after the first try. Default `2`. */
  limit?: number;
  /** Upper bound of one delay in ms. Default `10_000`. */
  backoffLimit?: number;
  /** Delay before retry number `attempt` (from 1) in ms, before jitter. Default 300 ms doubling. */
  delay?: (attempt: number) => number;
}

/** Options for `createClient` and `createMessageClient`. */
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
   * `'expired'`. Default and at most 7 days: the server remembers a submission's idempotency
   * key for 8, and a resend after it forgot could make a second case.
   */
  outboxMaxAge?: number;
  /** The page a message is written on, read at submit time. Default `globalThis.location?.href`. */
  pageUrl?: () => string;
}

/** A client for one contact-center server and one department. */
export interface KontaktClient extends MessageClient {
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
}

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
  const base = clientBase(options);
  const { endpoint, department, http, pageUrl, keeping: outbox, outboxMaxAge, photos } = base;
  // The outbox this client shares sends kept messages to a case from now on, with the status
  // tracker's chunk, loaded only when there is one to send.
  outbox?.sendCaseMessagesWith((entry, save) =>
    import('./resources/case-lookup-stream.js').then(({ sendCaseMessage }) =>
      sendCaseMessage(http, entry, { upload: base.uploadFor(entry.department), save }),
    ),
  );
  return {
    endpoint,
    department,
    // Each loads its work when first used.
    callbacks: callbacksResource({ http, department, pageUrl }),
    cases: casesResource(
      {
        http,
        endpoint,
        fetch: options.fetch,
        department,
        outbox,
        outboxMaxAge,
        upload: photos.upload,
      },
      base.cases.submit,
    ),
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
    notices: noticesResource(http, endpoint, department, options.fetch),
    photos,
    outbox: base.outbox,
  };
}
