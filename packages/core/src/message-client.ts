/*
 * What every client of an endpoint is built on: the endpoint and department checked, the ky
 * instance, the outbox with its sender, and `cases.submit`. `createMessageClient` is this alone;
 * `createClient` adds the other resources over it. A bundle that only sends messages (the contact
 * form's) thus carries none of their code, however small each is.
 */
import type { KyInstance } from 'ky';
import type { ClientOptions } from './client.js';
import { normalizeEndpoint } from './endpoint.js';
import { createHttp } from './http.js';
import { DEFAULT_OUTBOX_MAX_AGE } from './outbox/entry.js';
import { indexedDBStore } from './outbox/indexeddb-store.js';
import { memoryStore } from './outbox/memory-store.js';
import type { Outbox, OutboxSender } from './outbox/outbox.js';
import { OutboxController } from './outbox/outbox.js';
import { outboxFor } from './outbox/registry.js';
import type { OutboxStore } from './outbox/types.js';
import type { SubmitMessage } from './resources/case-submit.js';
import { messageSubmitter, sendCase } from './resources/case-submit.js';
import type { PhotosResource } from './resources/photos.js';
import { photosResource } from './resources/photos.js';
import { DepartmentIdSchema } from './schemas/index.js';

/**
 * A client that sends contact messages and keeps those it cannot send now: `createClient`'s
 * `cases.submit` and `outbox`, nothing else. Every `KontaktClient` is one.
 */
export interface MessageClient {
  /** The normalised endpoint: an absolute URL without a trailing slash. */
  readonly endpoint: string;
  readonly department: string;
  /** Sending messages (`cases.submit`; see `CasesResource`). */
  readonly cases: { readonly submit: SubmitMessage };
  /** Submissions waiting to be sent to this endpoint; shared by every client for it on the page. */
  readonly outbox: Outbox;
}

/** A `MessageClient` with what `createClient` builds its other resources on. */
export interface ClientBase extends MessageClient {
  readonly http: KyInstance;
  readonly pageUrl: () => string | undefined;
  /** Where submissions that could not be sent are kept; none with `outbox: false`. */
  readonly keeping: OutboxController | undefined;
  readonly outboxMaxAge: number;
  /** Uploads photos; a kept submission uploads its photos with it before it is sent. */
  readonly photos: PhotosResource;
  /**
   * Uploads a kept entry's photos for its own department, which may be another than this
   * client's: the outbox of an endpoint is shared by the clients of every widget on the page.
   */
  readonly uploadFor: (department: string) => PhotosResource['upload'];
}

/**
 * The default, 7 days, is also the most: a day less than the server remembers a submission's
 * idempotency key (`IDEMPOTENCY_KEY_LIFETIME_MS`), so a kept submission is never resent after the
 * server could have forgotten that it got it already.
 */
const MAX_OUTBOX_MAX_AGE = DEFAULT_OUTBOX_MAX_AGE;

let defaultStore: OutboxStore | undefined;

/**
 * Creates a client that only sends contact messages (`cases.submit`) and keeps in the outbox
 * what it cannot send now, for pages and widgets that do nothing else: the same options, checks,
 * requests, retries and outbox as `createClient`, whose clients are `MessageClient`s too, without
 * the code of the other resources. Creating it does no I/O except a look (that creates nothing)
 * for submissions an earlier page load left in the outbox.
 *
 * @since 0.6.0
 * @example
 * const client = createMessageClient({ endpoint: 'https://kontakt.example.se', department: 'gata' });
 * const receipt = await client.cases.submit({ topic: 'parkering', message: 'Hej!', answerChannel: 'email', email: 'a@b.se' });
 */
export function createMessageClient(options: ClientOptions): MessageClient {
  const { endpoint, department, cases, outbox } = clientBase(options);
  return { endpoint, department, cases, outbox };
}

/** The checked options, the ky instance, the outbox and `cases.submit` of a new client. */
export function clientBase(options: ClientOptions): ClientBase {
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
  const uploading = {
    http,
    endpoint,
    customFetch: options.fetch !== undefined,
    timeout: options.timeout ?? 10_000,
  };
  const photos = photosResource({ ...uploading, department });
  const uploadFor = (entryDepartment: string) =>
    entryDepartment === department
      ? photos.upload
      : photosResource({ ...uploading, department: entryDepartment }).upload;
  // Every client's sender sends both kinds of submission: the outbox of an endpoint is shared by
  // the clients of every widget on the page, and keeps the sender of the first. (Messages to a
  // case are sent by the outbox once a createClient has taught it how: see client.ts.)
  const send: OutboxSender = (entry, save) =>
    entry.kind === 'fault' || entry.photos?.length || entry.uploaded
      ? // Loaded only when a kept message has photos (to upload, or uploaded: to upload again if
        // they expired); every kept fault report goes this way. A message without never needs it.
        import('./resources/send-with-photos.js').then(({ sendWithPhotos }) =>
          sendWithPhotos(http, entry, { upload: uploadFor(entry.department), save }),
        )
      : sendCase(http, entry.submission, entry.id);
  const keeping =
    options.outbox === false
      ? undefined
      : outboxFor(options.outbox ?? getDefaultStore(), endpoint, send);
  const pageUrl = options.pageUrl ?? (() => globalThis.location?.href);
  return {
    endpoint,
    department,
    http,
    pageUrl,
    keeping,
    outboxMaxAge,
    photos,
    uploadFor,
    cases: {
      submit: messageSubmitter({
        http,
        department,
        pageUrl,
        outbox: keeping,
        outboxMaxAge,
        upload: photos.upload,
      }),
    },
    // Without a store there is nothing to wait for, but callers may still listen and ask.
    outbox: keeping ?? new OutboxController(memoryStore(), endpoint, send),
  };
}

/** One store per page, chosen on first use: every client then sees the same waiting entries. */
function getDefaultStore(): OutboxStore {
  defaultStore ??= typeof indexedDB === 'undefined' ? memoryStore() : indexedDBStore();
  return defaultStore;
}
