import type { CaseMessageInput, CaseSubmission, FaultSubmission } from '../schemas/index.js';

/**
 * A submission that could not be sent yet. Everything needed to send it again is kept, including
 * the idempotency key (`id`), so a resend is recognised by the server as the same request. A
 * contact message (`kind` `'case'`, or no `kind`: entries of earlier versions) or a fault report
 * (`kind` `'fault'`), either of which may carry photos still to be uploaded before it is sent, or
 * a message to an open case from its sender (`kind` `'case-message'`).
 */
export type OutboxEntry = SubmissionOutboxEntry | CaseMessageOutboxEntry;

/** A kept submission that makes a case (a contact message or a fault report), with its photos. */
export type SubmissionOutboxEntry = CaseOutboxEntry | FaultOutboxEntry;

/** A contact message waiting to be sent (`POST /v1/cases`). */
export interface CaseOutboxEntry extends OutboxEntryBase {
  kind?: 'case';
  /** The body to send; `message.photos` grows as `photos` are uploaded, nothing else changes. */
  submission: CaseSubmission;
  /** Photos not uploaded yet (see `FaultOutboxEntry.photos`). */
  photos?: Blob[];
  /** Photos uploaded already (see `FaultOutboxEntry.uploaded`). */
  uploaded?: UploadedPhotos;
}

/** A fault report waiting to be sent (`POST /v1/faults`). */
export interface FaultOutboxEntry extends OutboxEntryBase {
  kind: 'fault';
  /** The body to send; `report.photos` grows as `photos` are uploaded. */
  submission: FaultSubmission;
  /**
   * Photos not uploaded yet (IndexedDB keeps Blobs). Each is uploaded, its id added to the
   * report and the entry saved before the next, so a retry never changes what was already sent.
   */
  photos?: Blob[];
  /** Photos uploaded already, by the id the report names (see `UploadedPhotos`). */
  uploaded?: UploadedPhotos;
}

/**
 * A message from the sender of a case to the contact center (`client.cases.addMessage`), waiting
 * to be sent (`POST /v1/cases/{reference}/messages`). Delivered, it has no receipt: the outbox's
 * `delivered` event carries the case after it (`case`) instead.
 *
 * @since 0.6.0
 */
export interface CaseMessageOutboxEntry extends OutboxEntryBase {
  kind: 'case-message';
  /** The case it goes to. */
  reference: string;
  /**
   * The sender's access token (the receipt token, or a lookup's): kept with the text until it is
   * sent, as a kept contact message keeps the person's address.
   */
  accessToken: string;
  /** The body to send; `photos` grows as `photos` (the Blobs) are uploaded. */
  submission: CaseMessageInput;
  /** Photos not uploaded yet (see `FaultOutboxEntry.photos`). */
  photos?: Blob[];
  /** Photos uploaded already (see `FaultOutboxEntry.uploaded`). */
  uploaded?: UploadedPhotos;
}

/**
 * The photos a kept submission names that it uploaded itself, by their ids: kept until it is
 * sent, because the server keeps a photo no case names for a day only. A submission sent later
 * than that uploads them again (under new ids) instead of being refused for photos gone.
 */
export type UploadedPhotos = Record<string, Blob>;

/** What every entry has. */
export interface OutboxEntryBase {
  /** The `Idempotency-Key` the submission was first sent with. */
  id: string;
  /** The server it is meant for (`ClientOptions.endpoint`, normalised). */
  endpoint: string;
  /** The department of the client that sent it (of a submission: its `origin.department`). */
  department: string;
  /** ISO 8601 time it was first tried. */
  createdAt: string;
  /** How many times sending has failed so far. */
  attempts: number;
  /** ISO 8601 time of the next automatic try. */
  nextAttemptAt: string;
  /**
   * ISO 8601 time after which it is no longer sent but removed, with a `failed` event
   * (`ClientOptions.outboxMaxAge` after `createdAt`). Entries without it expire 7 days after
   * `createdAt`.
   */
  expiresAt?: string;
}

/**
 * Where outbox entries are kept. Implement it to keep them elsewhere (e.g. a test double or an
 * app's own storage); `memoryStore()` and `indexedDBStore()` ship with the SDK.
 */
export interface OutboxStore {
  /**
   * A name under which the outboxes of every tab that shares this store tell each other what they
   * delivered or gave up (a `BroadcastChannel`), so a widget waiting in one tab hears of a send
   * from another. Absent for a store that is the page's own (`memoryStore()`).
   */
  readonly channel?: string;
  /** Entries for one endpoint, oldest first. Must not create storage just to look. */
  list(endpoint: string): Promise<OutboxEntry[]>;
  get(id: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
}
