import { isKontaktError, KontaktError } from '../errors/KontaktError.js';
import type { PublicCase, Receipt } from '../schemas/index.js';
import { ReceiptSchema } from '../schemas/index.js';
import { FIRST_DELAY, nextAttemptDelay } from './backoff.js';
import type { Keepable } from './entry.js';
import {
  afterFailure,
  DEFAULT_OUTBOX_MAX_AGE,
  expiredError,
  expiresAt,
  isExpired,
  isReadableEntry,
  newEntry,
} from './entry.js';
import type { OutboxEventMap } from './events.js';
import { OutboxDeliveredEvent, OutboxFailedEvent } from './events.js';
import { ifAvailable } from './lock.js';
import { isTransientFailure } from './transient.js';
import type {
  CaseMessageOutboxEntry,
  OutboxEntry,
  OutboxStore,
  SubmissionOutboxEntry,
} from './types.js';

/**
 * Submissions that could not be sent yet. They are sent when `flush()` is called, when the browser
 * comes back online, on a backoff timer, and when a page loads that finds some left from before.
 *
 * @since 0.1.0
 * @event delivered - `OutboxDeliveredEvent`: an entry reached the server (`.entry`, and `.receipt`,
 *   or `.case` for a message to a case).
 * @event failed - `OutboxFailedEvent`: an entry was refused for good, or was not sent before it
 *   expired (`.error.code` is `'expired'`), and was removed (`.entry`, `.error`).
 * @event change - the entries changed (added, retried, removed).
 */
export interface Outbox extends EventTarget {
  /** The entries waiting to be sent to this client's endpoint, oldest first. */
  pending(): Promise<OutboxEntry[]>;
  /**
   * Tries to send every waiting entry now, whatever its backoff, one after another; resolves when
   * each was tried, or as soon as one finds the server unreachable (the others would too).
   */
  flush(): Promise<void>;
  addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: (event: OutboxEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: (event: OutboxEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/**
 * Sends one submission (with its own idempotency key) and returns the parsed receipt. A sender
 * with steps of its own (a fault report's photos, uploaded first) saves the entry after each with
 * `save`, so a later try goes on from there instead of starting over.
 */
export type OutboxSender = (
  entry: SubmissionOutboxEntry,
  save: (entry: OutboxEntry) => Promise<void>,
) => Promise<Receipt>;

/**
 * Sends a kept message to a case (with its key and token, its photos uploaded first, saving the
 * entry after each as `OutboxSender` does) and returns the case after it.
 */
export type CaseMessageSender = (
  entry: CaseMessageOutboxEntry,
  save: (entry: OutboxEntry) => Promise<void>,
) => Promise<PublicCase>;

/** What `OutboxController.keep` needs besides the submission. */
export interface KeepOptions {
  /** The idempotency key the submission was sent with; the entry keeps it for every resend. */
  id: string;
  /** Why sending failed; a `Retry-After` in it delays the first automatic try. */
  error: unknown;
  /** Milliseconds the submission is tried before it is given up. Default 7 days. */
  maxAge?: number;
}

const MAX_TIMER = 2 ** 31 - 1;

/**
 * What one try of an entry came to: `settled` (delivered, refused, expired or already gone),
 * `retry` (failed for a reason of its own), `unreachable` (the server takes nothing now, so the
 * other entries wait too) or `busy` (another tab is sending it).
 */
type Outcome = 'settled' | 'retry' | 'unreachable' | 'busy';

/**
 * What an outbox tells the outboxes of other tabs sharing its store: an entry it delivered (with
 * what the server answered), or gave up (with why).
 */
type Settled =
  | { type: 'delivered'; entry: OutboxEntry; delivered: Receipt | PublicCase }
  | { type: 'failed'; entry: OutboxEntry; error: SettledError };

/** A `KontaktError` as it crosses to another tab (a structured clone keeps no class). */
interface SettledError {
  message: string;
  code: string;
  status?: number;
  fieldErrors: KontaktError['fieldErrors'];
}

/** Entries being sent by this copy of the SDK, so two flushes in one page never send one twice. */
const sending = new Map<string, Promise<Outcome>>();

/**
 * The outbox of one endpoint in one store. Clients for the same endpoint and store share it (see
 * `outboxFor`), so every widget on a page hears about every delivery.
 *
 * Entries are sent one at a time. While the server cannot be reached, one entry at a time probes
 * it, with a backoff of the whole outbox (not one per entry, which would send every entry on
 * every round); the entry that probes rotates, so one entry the server chokes on cannot hold up
 * the others.
 */
export class OutboxController extends EventTarget implements Outbox {
  readonly #store: OutboxStore;
  readonly #endpoint: string;
  readonly #send: OutboxSender;
  /**
   * Set once a client that can read cases (`createClient`) uses this outbox. A page whose clients
   * only send submissions (the contact form's) leaves kept messages to a case for a page that can.
   */
  #sendCaseMessage: CaseMessageSender | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Sends in a row that found the server unreachable; sets the outbox's backoff. */
  #unreachable = 0;
  /** Automatic runs send nothing before this time (ms); `flush()` ignores it. */
  #notBefore = 0;
  /** Where the other tabs sharing the store hear what this one settled, and it theirs. */
  readonly #channel: BroadcastChannel | undefined;

  constructor(store: OutboxStore, endpoint: string, send: OutboxSender) {
    super();
    this.#store = store;
    this.#endpoint = endpoint;
    this.#send = send;
    if (store.channel && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(store.channel);
      this.#channel.onmessage = ({ data }: MessageEvent) => this.#heard(data);
      // An open channel must not keep a Node process (a test run, an SSR server) alive.
      (this.#channel as { unref?: () => void }).unref?.();
    }
    globalThis.addEventListener?.('online', () => this.#background(() => this.flush()));
    // An earlier page load may have left entries; look once (without creating storage).
    this.#background(() => this.#run(this.#isDue));
  }

  async pending(): Promise<OutboxEntry[]> {
    const now = Date.now();
    const { readable } = await this.#read();
    return readable.filter((entry) => !isExpired(entry, now));
  }

  flush(): Promise<void> {
    return this.#run(() => true);
  }

  /**
   * Lets this outbox send kept messages to a case, with `send`: a client that can read cases does
   * this for the outbox it shares with the page's other clients. Entries waiting for it are tried.
   */
  sendCaseMessagesWith(send: CaseMessageSender): void {
    if (this.#sendCaseMessage) return;
    this.#sendCaseMessage = send;
    this.#background(() => this.#run(this.#isDue));
  }

  /**
   * Keeps a submission whose first try failed, and schedules its next try. Rejects when the store
   * refuses it (private mode, quota); then nothing is kept.
   */
  async keep(submission: Keepable, options: KeepOptions): Promise<void> {
    const { id, error, maxAge = DEFAULT_OUTBOX_MAX_AGE } = options;
    const endpoint = this.#endpoint;
    await this.#store.put(newEntry(submission, { id, endpoint, error, maxAge, now: Date.now() }));
    this.dispatchEvent(new Event('change'));
    this.#background(() => this.#schedule());
  }

  /** Due for an automatic try: expired (to be removed), or due and the outbox not backing off. */
  readonly #isDue = (entry: OutboxEntry, now: number): boolean =>
    isExpired(entry, now) || (Date.parse(entry.nextAttemptAt) <= now && now >= this.#notBefore);

  async #run(wanted: (entry: OutboxEntry, now: number) => boolean): Promise<void> {
    const { readable, unreadable } = await this.#read();
    await this.#forget(unreadable);
    // Longest waiting first: after a failed probe, the next probe is another entry.
    const entries = readable.sort(
      (a, b) =>
        a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.createdAt.localeCompare(b.createdAt),
    );
    let reachable = true;
    for (const entry of entries) {
      const now = Date.now();
      // Given up when expired, sent when this page can send it and the server may take it.
      const sendable = this.#canSend(entry) && reachable;
      if (!wanted(entry, now) || (!sendable && !isExpired(entry, now))) continue;
      // One at a time: a server that is just coming back should not get every entry at once.
      const outcome = await this.#deliver(entry.id);
      if (outcome === 'unreachable') reachable = false;
      if (outcome === 'busy') this.#notBefore = Math.max(this.#notBefore, now + FIRST_DELAY);
    }
    await this.#schedule();
  }

  #deliver(id: string): Promise<Outcome> {
    const running = sending.get(id);
    if (running) return running;
    const delivery = ifAvailable(`kontakt-outbox:${id}`, () => this.#attempt(id))
      // Another tab holds the lock, so it is sending this entry: leave it to that tab.
      .then((outcome) => outcome ?? 'busy')
      .finally(() => sending.delete(id));
    sending.set(id, delivery);
    return delivery;
  }

  async #attempt(id: string): Promise<Outcome> {
    // Read again under the lock: another tab or flush may have delivered it meanwhile.
    const entry = await this.#store.get(id);
    if (!entry || !isReadableEntry(entry)) return 'settled';
    if (isExpired(entry, Date.now())) {
      await this.#store.delete(id);
      this.#gaveUp(entry, expiredError(entry));
      return 'settled';
    }
    let delivered: Receipt | PublicCase;
    let latest = entry;
    try {
      const save = async (saved: OutboxEntry) => {
        await this.#store.put(saved);
        latest = saved;
      };
      delivered =
        entry.kind === 'case-message'
          ? await this.#caseMessageSender()(entry, save)
          : await this.#send(entry, save);
    } catch (error) {
      return this.#failed(latest, error);
    }
    this.#unreachable = 0;
    this.#notBefore = 0;
    await this.#store.delete(id);
    this.#delivered(latest, delivered);
    this.#tell({ type: 'delivered', entry: latest, delivered });
    return 'settled';
  }

  async #failed(entry: OutboxEntry, error: unknown): Promise<Outcome> {
    if (isKontaktError(error) && !isTransientFailure(error)) {
      await this.#store.delete(entry.id);
      this.#gaveUp(entry, error);
      return 'settled';
    }
    await this.#store.put(afterFailure(entry, error, Date.now()));
    this.dispatchEvent(new Event('change'));
    // The same key still being processed (409), or an error that is not the server's: this entry's.
    if (!isKontaktError(error) || error.status === 409) return 'retry';
    this.#unreachable += 1;
    this.#notBefore = Date.now() + nextAttemptDelay(this.#unreachable, error);
    return 'unreachable';
  }

  /** An entry given up: said here with its error, and to the other tabs in its words. */
  #gaveUp(entry: OutboxEntry, error: KontaktError): void {
    this.dispatchEvent(new OutboxFailedEvent(entry, error));
    this.dispatchEvent(new Event('change'));
    const { message, code, status, fieldErrors } = error;
    const told = { message, code, fieldErrors, ...(status === undefined ? {} : { status }) };
    this.#tell({ type: 'failed', entry, error: told });
  }

  /** A delivery, this tab's or one another tab told of. */
  #delivered(entry: OutboxEntry, delivered: Receipt | PublicCase): void {
    this.dispatchEvent(new OutboxDeliveredEvent(entry, delivered));
    this.dispatchEvent(new Event('change'));
  }

  /** Tells the other tabs sharing the store what happened to an entry here. */
  #tell(settled: Settled): void {
    try {
      this.#channel?.postMessage(settled);
    } catch {
      // A closed channel: the other tabs read the store when they next look.
    }
  }

  /**
   * Another tab settled an entry of this store: said here as if this tab had. Checked first, as
   * all input is: a readable entry of this endpoint, a receipt that is one (a message to a case:
   * the case it went to), an error with a code.
   */
  #heard(data: unknown): void {
    const settled = data as Partial<Settled> | null;
    const entry = settled?.entry;
    if (!isReadableEntry(entry) || entry.endpoint !== this.#endpoint) return;
    if (settled?.type === 'delivered') {
      const { delivered } = settled;
      const valid =
        entry.kind === 'case-message'
          ? (delivered as Partial<PublicCase> | undefined)?.reference === entry.reference
          : ReceiptSchema.safeParse(delivered).success;
      if (valid) this.#delivered(entry, delivered as Receipt | PublicCase);
    } else if (settled?.type === 'failed' && typeof settled.error?.code === 'string') {
      const { message, code, status, fieldErrors } = settled.error;
      const options = {
        code,
        fieldErrors: Array.isArray(fieldErrors) ? fieldErrors : [],
        ...(typeof status === 'number' ? { status } : {}),
      };
      this.dispatchEvent(new OutboxFailedEvent(entry, new KontaktError(String(message), options)));
      this.dispatchEvent(new Event('change'));
    }
  }

  #canSend(entry: OutboxEntry): boolean {
    return entry.kind !== 'case-message' || this.#sendCaseMessage !== undefined;
  }

  /** The sender of messages to a case; `#run` tries none before there is one. */
  #caseMessageSender(): CaseMessageSender {
    const send = this.#sendCaseMessage;
    if (!send) throw new TypeError('This outbox cannot send messages to a case yet.');
    return send;
  }

  /** This endpoint's entries, split into those this SDK can read and those it cannot. */
  async #read(): Promise<{ readable: OutboxEntry[]; unreadable: unknown[] }> {
    const readable: OutboxEntry[] = [];
    const unreadable: unknown[] = [];
    for (const entry of await this.#store.list(this.#endpoint)) {
      (isReadableEntry(entry) ? readable : unreadable).push(entry);
    }
    return { readable, unreadable };
  }

  /**
   * Removes entries no copy of this SDK could ever send (a damaged database, a hand edit), which
   * would otherwise be kept for good and keep the database from being deleted. A version that
   * changes the shape of entries must use another database version or name.
   */
  async #forget(unreadable: unknown[]): Promise<void> {
    for (const entry of unreadable) {
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || id === '') continue;
      await this.#store.delete(id);
      this.dispatchEvent(new Event('change'));
    }
  }

  async #schedule(): Promise<void> {
    const { readable } = await this.#read();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (readable.length === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const entry of readable) {
      // One this page cannot send waits here only to be given up when it expires.
      const due = this.#canSend(entry)
        ? Math.max(Date.parse(entry.nextAttemptAt), this.#notBefore)
        : Number.POSITIVE_INFINITY;
      next = Math.min(next, due, expiresAt(entry));
    }
    const delay = Math.min(MAX_TIMER, Math.max(0, next - Date.now()));
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#background(() => this.#run(this.#isDue));
    }, delay);
    // A waiting entry must not keep a Node process (a test run, an SSR server) alive.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Work nobody awaits: failures (storage gone, say) are retried on the next trigger instead. */
  #background(task: () => Promise<void>): void {
    task().catch(() => undefined);
  }
}
