/*
 * The form with which the sender of a case answers the contact center's question ("Väntar på
 * dig") or adds to the case while it is open, and what keeps the text until it is sent. In the
 * tracker's later chunk: it shows only with a case.
 */
import type {
  KontaktClient,
  MessagePhotoSettings,
  OutboxDeliveredEvent,
  OutboxEntry,
  OutboxFailedEvent,
} from '@kontakt/core';
import {
  createClient,
  createIdempotencyKey,
  internalError,
  isKontaktError,
  isNetworkError,
  MESSAGE_MAX_LENGTH,
} from '@kontakt/core';
import type { PublicCase } from '@kontakt/core/schemas';
import type { ReactiveController, ReactiveElement, TemplateResult } from 'lit';
import { nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import type { PhotoFieldTexts } from '../../i18n/translation.js';
import { DraftController } from '../../internal/draft-controller.js';
import type { AnswerPhotos } from './status-tracker.message-photos.js';
import { adoptStyles, messageStyles } from './status-tracker.message-view.js';

/** Why a message is not sent (yet): a field error, or what the contact center answered. */
export type MessageProblem =
  | 'required'
  | 'too_long'
  | 'offline'
  | 'finished'
  | 'not_yours'
  | 'rate_limited'
  | 'failed';

/** The case a message goes to, and the access that proves the person sent it. */
export interface MessageTarget {
  readonly client: KontaktClient;
  readonly reference: string;
  readonly accessToken: string;
  /** Where the draft is kept (per server and case). */
  readonly draftKey: string;
}

/** Clients made for a case's department, by the page's client they were made beside. */
const caseClients = new WeakMap<KontaktClient, KontaktClient>();

/**
 * The client an answer to a case of `department` goes with: its photos are uploaded for the
 * case's department. The tracker's own client is for the page's department (any department's
 * case can be opened), so for another's it gets one for that department on the same server (the
 * outbox is shared), kept for the next answer; a client the page gave (`own` false) is used as
 * it is.
 */
export function answerClientFor(
  client: KontaktClient,
  department: string,
  own: boolean,
): KontaktClient {
  if (!own || client.department === department) return client;
  const made = caseClients.get(client);
  if (made?.department === department) return made;
  const ofCase = createClient({ endpoint: client.endpoint, department });
  caseClients.set(client, ofCase);
  return ofCase;
}

/** A message the client's outbox keeps until it can be sent: its entry, and what it says. */
export interface QueuedMessage {
  readonly id: string;
  readonly text: string;
  /** How many photos go with it. */
  readonly photos: number;
}

/**
 * What the draft keeps: the text, the ids of its photos (kept in IndexedDB) and, once it is being
 * sent, its `Idempotency-Key`.
 */
interface KeptMessage {
  readonly text: string;
  readonly photos?: readonly string[] | undefined;
  readonly key?: string | undefined;
}

/** The storage key of the draft of a message to case `reference` on `endpoint`. */
export const messageDraftKey = (endpoint: string, reference: string): string =>
  `kontakt-case-message:${endpoint}:${reference}`;

/**
 * A message to a shown case, from typing to sent. What the person types is kept in the tab's
 * `sessionStorage` (nothing before they type) and survives a reload. A message that could not be
 * sent is kept by the client's outbox (IndexedDB), with its `Idempotency-Key`: the outbox sends
 * it when the connection comes back, from this page or the next one with a widget of this
 * server, also after the tab was closed, and the key makes every try one message. While it waits,
 * the form shows it instead of the field; opening the case again shows it waiting.
 *
 * Where the outbox cannot keep it (storage refused, private mode), the text and key stay in the
 * tab's draft instead: sent again when the browser is back online, or when the case is opened
 * again in this tab.
 */
export class CaseMessageController implements ReactiveController {
  text = '';
  sending = false;
  problem: MessageProblem | undefined;
  /** A message went through (until the person writes again). */
  sent = false;
  /** The message the outbox keeps until it can be sent, shown instead of the field. */
  queued: QueuedMessage | undefined;
  /** "Try now" asked the outbox to send it, and it has not answered yet. */
  retrying = false;
  /**
   * The photos with the answer, once their code has loaded: for a case whose department takes
   * photos with messages, or a draft that has some.
   */
  photos: AnswerPhotos | undefined;
  /** While photos are uploaded before the text: how far, 0 to 100. */
  uploaded: number | undefined;
  readonly #host: ReactiveElement;
  readonly #draft: DraftController<KeptMessage>;
  readonly #onSent: (publicCase: PublicCase) => void;
  #target: MessageTarget | undefined;
  /** The key of the text being sent: every try of it is one message. */
  #key: string | undefined;
  #photosLoading: Promise<void> | undefined;
  /** The photos the draft names, until their code has loaded to restore them. */
  #keptPhotos: readonly string[] = [];
  /** The client whose outbox is listened to for the kept message's delivery. */
  #listening: KontaktClient | undefined;
  /** Kept messages to this case the outbox delivered or gave up while the page looked for one. */
  readonly #settled = new Set<string>();

  constructor(host: ReactiveElement, onSent: (publicCase: PublicCase) => void) {
    this.#host = host;
    this.#onSent = onSent;
    this.#draft = new DraftController(host);
    host.addController(this);
    adoptStyles(host, messageStyles);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.#onOnline);
    if (this.#target) this.#listen(this.#target.client);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#listen(undefined);
  }

  /**
   * A message that did not reach the case is still to be seen: kept in the outbox, or refused
   * because the case was closed meanwhile (its text back in the field, to copy). The form shows
   * for it even on a closed case, so the person is never left without what they wrote.
   */
  get holdsUnsent(): boolean {
    return this.queued !== undefined || (this.problem === 'finished' && this.text !== '');
  }

  /**
   * The photo field, for a case whose department takes photos with messages: rendered once its
   * code has loaded (asked for here, the first time), nothing until then.
   */
  photoField(
    p: PhotoFieldTexts | undefined,
    settings: MessagePhotoSettings,
  ): TemplateResult | typeof nothing {
    if (this.photos) return this.photos.render(p, settings);
    void this.#loadPhotos();
    return nothing;
  }

  /** The photos' code, loaded once; a draft's photos are restored when it has. */
  #loadPhotos(): Promise<void> {
    this.#photosLoading ??= import('./status-tracker.message-photos.js').then(
      ({ AnswerPhotos }) => {
        // Other photos are another message: it gets a key of its own when sent.
        this.photos = new AnswerPhotos(this.#host, () => {
          this.#key = undefined;
          this.sent = false;
          this.#saveDraft();
        });
        void this.photos.restore(this.#keptPhotos);
        this.#host.requestUpdate();
      },
      () => {
        // Offline: tried again at the next render.
        this.#photosLoading = undefined;
      },
    );
    return this.#photosLoading;
  }

  /** The department of the client the answer goes with: its photos are uploaded for it. */
  get department(): string | undefined {
    return this.#target?.client.department;
  }

  /** There is a case the form is for (`use`). */
  get active(): boolean {
    return this.#target !== undefined;
  }

  /**
   * The case the form is for; its kept draft comes back, a message left under way is sent, and
   * one the outbox keeps for it shows waiting. `undefined`: no case (another is looked up, or
   * this one is not the person's to answer); what was typed stays kept for the case.
   */
  use(target: MessageTarget | undefined): void {
    const same = this.#target?.draftKey === target?.draftKey;
    this.#target = target;
    if (same) return;
    if (!target) {
      this.#draft.flush();
      this.#listen(undefined);
      return;
    }
    this.text = '';
    this.#key = undefined;
    this.problem = undefined;
    this.sent = false;
    this.queued = undefined;
    this.#settled.clear();
    this.#listen(target.client);
    this.#draft.use(target.draftKey);
    const kept = this.#draft.read() as Partial<KeptMessage> | undefined;
    if (typeof kept?.text === 'string') this.text = kept.text;
    const photos = Array.isArray(kept?.photos)
      ? kept.photos.filter((id) => typeof id === 'string')
      : [];
    this.#keptPhotos = photos;
    if (this.photos) void this.photos.restore(photos);
    else if (photos.length) void this.#loadPhotos();
    if (typeof kept?.key === 'string') {
      this.#key = kept.key;
      void this.send();
    }
    void this.#findQueued(target);
    this.#host.requestUpdate();
  }

  /** Asks the outbox to send the kept message now; still kept after it, it says so. */
  readonly onSendNow = async (): Promise<void> => {
    const client = this.#target?.client;
    if (!client || !this.queued || this.retrying) return;
    this.retrying = true;
    this.problem = undefined;
    this.#host.requestUpdate();
    await client.outbox.flush().catch(() => undefined);
    this.retrying = false;
    if (this.queued) this.problem = 'offline';
    this.#host.requestUpdate();
  };

  readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    // Another text is another message: it gets a key of its own when sent.
    this.#key = undefined;
    this.sent = false;
    if (this.problem === 'required' || this.problem === 'too_long') this.problem = undefined;
    this.#saveDraft();
    this.#host.requestUpdate();
  };

  readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /** Sends the text (again, under the same key, when it was tried before). */
  async send(): Promise<void> {
    const target = this.#target;
    if (!target || this.sending) return;
    const text = this.text.trim();
    const invalid = !text ? 'required' : text.length > MESSAGE_MAX_LENGTH ? 'too_long' : undefined;
    if (invalid) {
      this.#fail(invalid);
      return;
    }
    this.#key ??= createIdempotencyKey();
    // Kept with its key before it leaves: a reload while it is under way sends it once.
    this.#saveDraft(this.#key);
    this.#draft.flush();
    this.sending = true;
    this.problem = undefined;
    this.#host.requestUpdate();
    const key = this.#key;
    let photos: Blob[] = [];
    try {
      // A draft with photos is sent with them: their code loads first.
      if (this.#keptPhotos.length) await this.#loadPhotos();
      photos = (await this.photos?.ready()) ?? [];
      const onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
        this.uploaded = total ? Math.floor((loaded / total) * 100) : 100;
        this.#host.requestUpdate();
      };
      const publicCase = await target.client.cases.addMessage(
        target.reference,
        { text },
        { accessToken: target.accessToken, idempotencyKey: key, photos, onProgress },
      );
      this.sending = false;
      this.uploaded = undefined;
      if (this.#key === key && this.text.trim() === text) {
        this.text = '';
        this.#key = undefined;
        this.photos?.clear();
        this.#keptPhotos = [];
        this.#draft.clear();
      } else {
        // Typed on (or other photos) while it was sent: that is a new message, kept as a draft.
        this.#saveDraft();
      }
      this.sent = true;
      this.#host.requestUpdate();
      this.#onSent(publicCase);
    } catch (error) {
      this.sending = false;
      this.uploaded = undefined;
      if (isNetworkError(error) && error.queued) {
        const queued = { id: error.queued.id, text, photos: photos.length };
        this.#queue(queued, this.#key === key && this.text.trim() === text);
        return;
      }
      this.#host.dispatchEvent(
        new KcErrorEvent(isKontaktError(error) ? error : internalError(error)),
      );
      const problem = problemOf(error);
      // Refused for good: the text stays to copy, but is not sent again by itself.
      if (problem !== 'offline') {
        this.#key = undefined;
        this.#saveDraft();
      }
      this.#fail(problem);
    }
  }

  /**
   * The outbox keeps the message: it shows waiting, and focus moves to what says so (the field
   * and its button are gone). `sentAsShown`: the field still holds what was sent, now kept, so
   * it empties; text typed while it was sent is a new draft.
   */
  #queue(queued: QueuedMessage, sentAsShown: boolean): void {
    this.queued = queued;
    this.#key = undefined;
    if (sentAsShown) {
      // The outbox has the text and its own copy of the photos.
      this.text = '';
      this.photos?.clear();
      this.#keptPhotos = [];
      this.#draft.clear();
    } else {
      this.#saveDraft();
    }
    this.#host.requestUpdate();
    this.#focusAfterUpdate('#message-queued');
  }

  /** Looks for a message to the case that the outbox kept before (a reload, another visit). */
  async #findQueued(target: MessageTarget): Promise<void> {
    let entries: OutboxEntry[] = [];
    try {
      entries = await target.client.outbox.pending();
    } catch {
      // Storage that cannot be read holds nothing to show.
    }
    if (this.#target !== target || this.queued) return;
    const kept = entries.find(
      (entry) => this.#isForCase(entry, target) && !this.#settled.has(entry.id),
    );
    if (kept?.kind !== 'case-message') return;
    // Shown quietly: opening a case must not move the person's focus.
    const photos = (kept.submission.photos?.length ?? 0) + (kept.photos?.length ?? 0);
    this.queued = { id: kept.id, text: kept.submission.text, photos };
    this.#host.requestUpdate();
  }

  #isForCase(entry: OutboxEntry, target: MessageTarget): boolean {
    return entry.kind === 'case-message' && entry.reference === target.reference;
  }

  #listen(client: KontaktClient | undefined): void {
    this.#listening?.outbox.removeEventListener('delivered', this.#onDelivered);
    this.#listening?.outbox.removeEventListener('failed', this.#onGivenUp);
    this.#listening = client;
    client?.outbox.addEventListener('delivered', this.#onDelivered);
    client?.outbox.addEventListener('failed', this.#onGivenUp);
  }

  /** A kept message to this case reached it: said as sent, as one sent at once. */
  #onDelivered = ({ entry, case: after }: OutboxDeliveredEvent): void => {
    const target = this.#target;
    if (!target || !after || !this.#isForCase(entry, target)) return;
    this.#settled.add(entry.id);
    if (this.queued?.id === entry.id) this.queued = undefined;
    this.problem = undefined;
    this.sent = true;
    this.#keepFocusInForm();
    this.#onSent(after);
  };

  /**
   * The outbox gave a kept message up (the case was closed meanwhile, or a week passed): its text
   * comes back to the field, unless the person has written something else there, and the alert
   * says why.
   */
  #onGivenUp = ({ entry, error }: OutboxFailedEvent): void => {
    const target = this.#target;
    if (!target || entry.kind !== 'case-message' || !this.#isForCase(entry, target)) return;
    this.#settled.add(entry.id);
    if (this.queued?.id !== entry.id) return;
    this.queued = undefined;
    if (!this.text.trim()) {
      this.text = entry.submission.text;
      this.#saveDraft();
    }
    this.#host.dispatchEvent(
      new KcErrorEvent(isKontaktError(error) ? error : internalError(error)),
    );
    this.problem = problemOf(error);
    this.#keepFocusInForm();
  };

  /**
   * Renders the form after the outbox settled the kept message. Focus that was on what showed it
   * waiting (now gone) goes to the field; focus anywhere else stays where the person has it.
   */
  #keepFocusInForm(): void {
    const root = this.#host.renderRoot as ShadowRoot;
    const wasInForm = root.activeElement?.closest('.message-form') != null;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      if (wasInForm && !root.activeElement) {
        root.querySelector<HTMLElement>('#message-text')?.focus();
      }
    });
  }

  #focusAfterUpdate(selector: string): void {
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }

  /** Keeps what is in the form as the draft (with `key` once it is being sent). */
  #saveDraft(key?: string): void {
    const photos = this.photos?.ids ?? this.#keptPhotos;
    this.#draft.save({
      text: this.text,
      ...(photos.length ? { photos } : {}),
      ...(key ? { key } : {}),
    });
  }

  #fail(problem: MessageProblem): void {
    this.problem = problem;
    this.#host.requestUpdate();
    // A field error takes the person to the field; others are alerts next to the button.
    if (problem === 'required' || problem === 'too_long') this.#focusAfterUpdate('#message-text');
  }

  #onOnline = (): void => {
    if (this.problem === 'offline' && this.#key) void this.send();
  };
}

/** What a failed send means for the person. */
function problemOf(error: unknown): MessageProblem {
  if (!isKontaktError(error)) return 'offline'; // the client's own code could not load
  switch (error.code) {
    case 'validation_failed':
      return error.fieldErrors.some((each) => each.code === 'too_long') ? 'too_long' : 'required';
    case 'network_error':
    case 'timeout':
      return 'offline';
    case 'case_finished':
      return 'finished';
    case 'case_not_found':
      return 'not_yours';
    case 'rate_limited':
      return 'rate_limited';
    default:
      return 'failed';
  }
}
