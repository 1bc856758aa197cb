import type {
  KontaktClient,
  KontaktError,
  MessageClient,
  OutboxDeliveredEvent,
  OutboxEntry,
  OutboxFailedEvent,
  Receipt,
  SubmissionOutboxEntry,
} from '@kontakt/core';
import { asKontaktError, createIdempotencyKey, isNetworkError } from '@kontakt/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where one submission stands. `offline`: kept in the client's outbox (`id` is the entry), sent
 * when the server can be reached. `failed`: refused or not sent; `entry` is set when the outbox
 * gave up on a kept message (it still holds the text, e.g. for a form emptied by a reload).
 */
export type SubmissionState =
  | { readonly status: 'idle' }
  | { readonly status: 'sending' }
  | { readonly status: 'offline'; readonly id: string }
  | { readonly status: 'delivered'; readonly receipt: Receipt }
  | {
      readonly status: 'failed';
      readonly error: KontaktError;
      readonly entry?: SubmissionOutboxEntry;
    };

/** What the idempotency key and the outbox need besides the message itself. */
export interface SendOptions {
  /** The element's tag, recorded as the submission's `origin.widget`. */
  widget: string;
  idempotencyKey: string;
}

/** What a submission needs of its client: the department, the outbox and how to send (`send`). */
export type SubmissionClient = Pick<MessageClient, 'department' | 'outbox'>;

/**
 * `C`: the client `send` sends through: a `KontaktClient` by default, a `MessageClient` for a
 * widget that only sends contact messages.
 */
export interface SubmissionControllerOptions<M, C extends SubmissionClient = KontaktClient> {
  /** The widget's tag: sent as `origin.widget`, and how its own outbox entries are found again. */
  widget: string;
  /** Sends `message` through `client` (e.g. `client.cases.submit(message, options)`). */
  send(client: C, message: M, options: SendOptions): Promise<Receipt>;
  /**
   * Called after every change of `state`, before the host renders it. `focus` says whether the
   * host may move focus to what it now shows: always after the person's own submit, and for a
   * late delivery only when focus is in the host or nowhere in particular.
   */
  onChange?(state: SubmissionState, focus: boolean): void;
}

type Host = ReactiveControllerHost & HTMLElement;

const IDLE: SubmissionState = { status: 'idle' };

/**
 * The life cycle of sending one message from a widget: sending under an idempotency key that is
 * reused for the same content, waiting while the client's outbox keeps it offline (also one kept
 * before a reload), the receipt, and giving up. It knows nothing about the widget's fields: the
 * host hands it the message to send and renders `state`.
 */
export class SubmissionController<M, C extends SubmissionClient = KontaktClient>
  implements ReactiveController
{
  /** Where the submission stands; the host re-renders on every change. */
  state: SubmissionState = IDLE;

  readonly #host: Host;
  readonly #options: SubmissionControllerOptions<M, C>;
  /** The client whose outbox is listened to. */
  #listening: C | undefined;
  /** The kept message waited for, so a host moved in the page listens again. */
  #awaited: { client: C; id: string } | undefined;
  /** The idempotency key of the message last sent, so sending it again cannot make a second case. */
  #sendKey: { fingerprint: string; key: string } | undefined;
  /** While looking for a message kept before a reload: which outbox entries are this widget's. */
  #adopting: ((entry: SubmissionOutboxEntry) => boolean) | undefined;

  constructor(host: Host, options: SubmissionControllerOptions<M, C>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Sends `message`, unless a send is already under way. Never rejects: the outcome is `state`. */
  async submit(client: C, message: M): Promise<void> {
    if (this.state.status === 'sending') return;
    this.#set({ status: 'sending' }, false);
    const { widget } = this.#options;
    try {
      const idempotencyKey = this.#keyFor(message);
      this.#deliver(await this.#options.send(client, message, { widget, idempotencyKey }), true);
    } catch (error) {
      if (isNetworkError(error) && error.queued) this.#wait(client, error.queued.id, true);
      else this.#set({ status: 'failed', error: asKontaktError(error) }, false);
    }
  }

  /**
   * A message this widget kept offline before a reload is still in the outbox (the SDK sends it):
   * show it as waiting, and its receipt once delivered. Listening starts before looking, so a
   * delivery that happens meanwhile is not missed.
   */
  async adopt(client: C): Promise<void> {
    if (!this.#showsForm()) return;
    const { widget } = this.#options;
    const ours = (entry: SubmissionOutboxEntry) =>
      entry.department === client.department && entry.submission.origin.widget === widget;
    this.#listen(client);
    this.#adopting = ours;
    let entries: OutboxEntry[] = [];
    try {
      entries = await client.outbox.pending();
    } catch {
      // Storage that cannot be read holds nothing we could show.
    }
    if (this.#adopting !== ours) return;
    this.#adopting = undefined;
    const entry = entries.find((each) => isSubmission(each) && ours(each));
    if (entry && this.#showsForm() && this.#listening === client) {
      // Shown quietly: a page that loads must not move the person's focus.
      this.#wait(client, entry.id, false);
    } else if (this.#showsForm()) {
      this.#stopListening();
    }
  }

  /** Asks the outbox to try a kept message now. */
  sendNow(): void {
    void this.#listening?.outbox.flush();
  }

  /**
   * Back to `idle` for a new message (not while sending). A message kept offline is still
   * awaited: its receipt is shown when it is delivered.
   */
  reset(): void {
    if (this.state.status !== 'sending') this.#set(IDLE, false);
  }

  /** The next message gets a new idempotency key, even with the same content. */
  forgetKey(): void {
    this.#sendKey = undefined;
  }

  hostConnected(): void {
    // Moved in the page while a message waits offline: listen for its delivery again.
    if (this.state.status === 'offline' && this.#awaited) this.#listen(this.#awaited.client);
  }

  hostDisconnected(): void {
    // A send in flight is not aborted: a page that removes the widget must not lose the message
    // (if it fails, the outbox keeps it).
    this.#stopListening();
  }

  #set(state: SubmissionState, focus: boolean): void {
    this.state = state;
    this.#host.requestUpdate();
    this.#options.onChange?.(state, focus);
  }

  /** No receipt and nothing waiting offline is shown instead of the form. */
  #showsForm(): boolean {
    return this.state.status !== 'offline' && this.state.status !== 'delivered';
  }

  /**
   * The same key for the same message from the same page: after a failure whose request did reach
   * the server (the answer was lost), "send" again returns the first receipt instead of a new case.
   * A changed message is a new request and gets a new key; so is one with other photos (a photo
   * added or removed), which the server would refuse under the first key.
   */
  #keyFor(message: M): string {
    const fingerprint = JSON.stringify([message, globalThis.location?.href], blobsByIdentity);
    if (this.#sendKey?.fingerprint !== fingerprint) {
      this.#sendKey = { fingerprint, key: createIdempotencyKey() };
    }
    return this.#sendKey.key;
  }

  #deliver(receipt: Receipt, focus: boolean): void {
    this.#stopListening();
    this.#sendKey = undefined;
    this.#set({ status: 'delivered', receipt }, focus);
  }

  /** The message is in the outbox: wait for the outbox to deliver it or give up. */
  #wait(client: C, id: string, focus: boolean): void {
    this.#awaited = { client, id };
    this.#listen(client);
    this.#set({ status: 'offline', id }, focus);
  }

  #listen(client: C): void {
    this.#stopListening();
    this.#listening = client;
    client.outbox.addEventListener('delivered', this.#onDelivered);
    client.outbox.addEventListener('failed', this.#onDeliveryFailed);
  }

  #stopListening(): void {
    this.#listening?.outbox.removeEventListener('delivered', this.#onDelivered);
    this.#listening?.outbox.removeEventListener('failed', this.#onDeliveryFailed);
    this.#listening = undefined;
    this.#adopting = undefined;
  }

  /** The entry this widget waits for, or (while looking after a reload) any entry of its own. */
  #isAwaited(entry: OutboxEntry): entry is SubmissionOutboxEntry {
    if (!isSubmission(entry)) return false;
    return entry.id === this.#awaited?.id || (this.#adopting?.(entry) ?? false);
  }

  /**
   * A delivery can come minutes later: focus may move to the receipt only when it is in this
   * widget or nowhere in particular, never away from what the person is doing elsewhere.
   */
  #mayTakeFocus(): boolean {
    const { ownerDocument } = this.#host;
    const active = ownerDocument.activeElement;
    return !active || active === ownerDocument.body || this.#host.matches(':focus-within');
  }

  #onDelivered = ({ entry, receipt }: OutboxDeliveredEvent): void => {
    if (receipt && this.#isAwaited(entry)) this.#deliver(receipt, this.#mayTakeFocus());
  };

  #onDeliveryFailed = ({ entry, error }: OutboxFailedEvent): void => {
    if (!this.#isAwaited(entry)) return;
    // Refused for good (e.g. the topic was removed meanwhile): the host shows its form again.
    this.#stopListening();
    this.#set({ status: 'failed', error: asKontaktError(error), entry }, false);
  };
}

/** A kept contact message or fault report, not a message to a case (the status tracker's). */
const isSubmission = (entry: OutboxEntry): entry is SubmissionOutboxEntry =>
  entry.kind !== 'case-message';

/** Numbers for the photos (Blobs) in messages: JSON would write each as `{}`. */
const blobNumbers = new WeakMap<Blob, number>();
let lastBlobNumber = 0;

/** A `JSON.stringify` replacer that writes a Blob as its number: the same Blob, the same text. */
function blobsByIdentity(_key: string, value: unknown): unknown {
  if (!(value instanceof Blob)) return value;
  let number = blobNumbers.get(value);
  if (number === undefined) {
    number = ++lastBlobNumber;
    blobNumbers.set(value, number);
  }
  return `blob:${number}`;
}
