/*
 * The chat panel: loaded when the launcher opens (and prefetched when the pointer or focus reaches
 * it). It makes the client, starts or resumes the conversation, keeps it in sessionStorage, and
 * renders every state of the panel with Lit templates into the launcher's dialog.
 */
import type { KontaktClient, Locale, Receipt } from '@kontakt/core';
import { createClient, isKontaktError, KontaktError } from '@kontakt/core';
import type { CallbackSlot, ChatAvailability } from '@kontakt/core/schemas';
import { ChatAvailabilitySchema } from '@kontakt/core/schemas';
import { render } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcSubmittedEvent } from '../../events/submitted.js';
import type { TextsLocale } from '../../internal/lang.js';
import { languageOf, pickLocale } from '../../internal/lang.js';
import type { SettingsTarget } from '../../internal/settings.js';
import { KcChatEndedEvent, KcChatPanelEvent } from './chat-bubble.events.js';
import { whenText } from './chat-bubble.hours.js';
import type { ChatMemory } from './chat-bubble.memory.js';
import { memoryKey } from './chat-bubble.memory.js';
import { readMemory, writeMemory } from './chat-bubble.memory-store.js';
import { checkCallback, checkEmail } from './chat-bubble.panel.checks.js';
import { panelStyles } from './chat-bubble.panel.styles.js';
import type { PanelTexts } from './chat-bubble.panel.texts.js';
import { PANEL_TEXTS, sv } from './chat-bubble.panel.texts.js';
import type { PanelModel, PanelView } from './chat-bubble.panel.view.js';
import { panelTemplate } from './chat-bubble.panel.view.js';
import type { PanelClient, PanelConversation, PanelMessage } from './chat-bubble.sdk.js';

/** What the launcher gives the panel. */
export interface PanelHost {
  /** The `<kc-chat-bubble>`: its `open`; events are dispatched from it. */
  readonly element: HTMLElement & { open: boolean };
  /** Where the panel renders its dialog, and the launcher's button (focus returns to it). */
  readonly view: { readonly panel: HTMLElement; readonly button: HTMLElement };
  /** Where it talks to, and the client to use there (set on the element or handed down), if any. */
  readonly target: SettingsTarget;
  /** The availability as the server sent it (checked here with the contract's schema). */
  availability(): unknown;
  /** The `lang` tag that applies to the element. */
  lang(): string;
  /** A conversation is going on (or no longer). */
  setOngoing(ongoing: boolean): void;
  /** Messages that arrived while the panel was closed. */
  setUnread(count: number): void;
  refreshAvailability(): void;
}

/** What a live region said is emptied after this long, so reading the panel later does not meet it. */
const ANNOUNCEMENT_MS = 10_000;
/** A queue this long (place or minutes) offers a call-back instead. */
const LONG_QUEUE_POSITION = 3;
const LONG_QUEUE_SECONDS = 300;

/** How near its end (px) the message list counts as read to the end: a line's height, about. */
const END_SLACK_PX = 40;

/** Recorded as the origin of the chats and call-backs it starts. */
const WIDGET = 'kc-chat-bubble';

const loadedTexts = new Map<TextsLocale, PanelTexts>([['sv', sv]]);
/** Every text the panel ships: Swedish inline and those in `PANEL_TEXTS`. */
const SHIPPED = ['sv', ...Object.keys(PANEL_TEXTS)] as TextsLocale[];

/** The panel of one `<kc-chat-bubble>`; made once its chunk has loaded. */
export class ChatPanel {
  private readonly host: PanelHost;
  private readonly stop = new AbortController();
  private client: PanelClient | undefined;
  private kontakt: KontaktClient | undefined;
  private conversation: PanelConversation | undefined;
  private view: PanelView = 'start';
  /** Which of the shipped texts `t` is (easy-read Swedish's language is `sv`). */
  private textsLocale: TextsLocale = 'sv';
  private t: PanelTexts = sv;
  private busy = false;
  private error: string | undefined;
  private fieldErrors: Record<string, string> = {};
  private announcement = '';
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private draft: string;
  private seen = new Set<string>();
  private readUpTo: string | undefined;
  private ended: { reference?: string | undefined; transcriptTo?: string | undefined } | undefined;
  private slots: readonly CallbackSlot[] | 'loading' | 'failed' | undefined;
  private receipt: { receipt: Receipt; when: string | undefined } | undefined;
  private focusNext: string | undefined;
  private contactFormLoaded = false;
  private readonly key: string;
  private unread: number;
  private shown = false;
  private availabilitySeen: unknown;
  private availabilityRead: ChatAvailability | undefined;

  constructor(host: PanelHost) {
    this.host = host;
    this.key = memoryKey(host.target.key);
    const root = host.view.panel.getRootNode() as ShadowRoot;
    if (!root.adoptedStyleSheets.includes(panelStyles)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, panelStyles];
    }
    const memory = readMemory(this.key);
    this.draft = memory.draft ?? '';
    this.unread = memory.unread ?? 0;
    this.view = this.restingView();
    if (memory.conversation) this.resume(memory);
    this.update();
  }

  /** Closes the panel (the chat goes on). */
  private close(): void {
    this.host.element.open = false;
  }

  /** The dialog, once rendered. */
  private get dialog(): HTMLDialogElement | null {
    return this.host.view.panel.querySelector('dialog');
  }

  /** The availability the launcher read, checked with the contract's schema. */
  private availability(): ChatAvailability | undefined {
    const body = this.host.availability();
    if (body !== this.availabilitySeen) {
      this.availabilitySeen = body;
      const parsed = ChatAvailabilitySchema.safeParse(body);
      this.availabilityRead = parsed.success ? parsed.data : undefined;
    }
    return this.availabilityRead;
  }

  /**
   * Shows or hides the dialog: modal (focus stays in it, the page behind is inert), Escape and the
   * close button close it, and focus goes back to the launcher. What arrived is read on opening.
   */
  setOpen(open: boolean): void {
    const dialog = this.dialog;
    if (!dialog || open === this.shown) return;
    this.shown = open;
    if (open) {
      // One panel open at a time: the others on the page close.
      for (const other of document.querySelectorAll<HTMLElement & { open: boolean }>(
        'kc-chat-bubble',
      )) {
        if (other !== this.host.element && other.open) other.open = false;
      }
      if (!dialog.open) dialog.showModal();
      this.host.refreshAvailability();
      this.unread = 0;
      this.host.setUnread(0);
      this.opened();
      this.host.element.dispatchEvent(new KcChatPanelEvent('kc-open'));
    } else {
      if (dialog.open) dialog.close();
      this.conversation?.typing(false);
      this.host.view.button.focus();
      this.host.element.dispatchEvent(new KcChatPanelEvent('kc-close'));
    }
    this.save();
  }

  /** Renders again (the language, the availability or the open state may have changed). */
  update(): void {
    this.followLang();
    if (!this.conversation && (this.view === 'start' || this.view === 'closed')) {
      this.view = this.restingView();
    }
    // A list read to its end follows what arrives; one scrolled up to read back stays put.
    const list = this.host.view.panel.querySelector('.messages');
    const atEnd = !list || list.scrollHeight - list.scrollTop - list.clientHeight < END_SLACK_PX;
    render(panelTemplate(this.model()), this.host.view.panel, { host: this });
    // At once, not smoothly: a smooth scroll still under way when the next message comes would
    // read as "scrolled up".
    if (atEnd) {
      this.host.view.panel
        .querySelector('.messages')
        ?.scrollTo({ top: Number.MAX_SAFE_INTEGER, behavior: 'instant' });
    }
    // The launcher may have opened before the chunk was in: the dialog opens once rendered.
    if (this.host.element.open !== this.shown) this.setOpen(this.host.element.open);
    this.applyFocus();
  }

  /** The panel was opened: what arrived is read, focus goes where the person continues. */
  private opened(): void {
    this.markRead();
    this.focusNext = this.view === 'chat' ? '#composer-text' : '[data-autofocus]';
    queueMicrotask(() => this.update());
  }

  dispose(): void {
    this.stop.abort();
    clearTimeout(this.announceTimer);
    render(null, this.host.view.panel);
  }

  private restingView(): PanelView {
    const availability = this.availability();
    return availability && !availability.open ? 'closed' : 'start';
  }

  /** The language of the panel's words, its requests' and its dates'. */
  private get locale(): Locale {
    return languageOf(this.textsLocale);
  }

  private followLang(): void {
    const locale = pickLocale(this.host.lang(), SHIPPED);
    if (locale === this.textsLocale) return;
    const known = loadedTexts.get(locale);
    if (known) {
      this.textsLocale = locale;
      this.t = known;
      return;
    }
    PANEL_TEXTS[locale as Exclude<TextsLocale, 'sv'>]().then(
      (texts) => {
        loadedTexts.set(locale, texts);
        this.update();
      },
      () => undefined,
    );
  }

  private sdk(): PanelClient {
    if (!this.client) {
      const { endpoint, department } = this.host.target;
      this.kontakt = this.host.target.client ?? createClient({ endpoint, department });
      this.client = this.kontakt;
    }
    return this.client;
  }

  // ---- The conversation ----------------------------------------------------------------------

  private resume(memory: ChatMemory): void {
    const stored = memory.conversation;
    if (!stored) return;
    this.view = 'chat';
    this.busy = true;
    this.sdk()
      .chat.resume(stored, { signal: this.stop.signal })
      .then(
        (conversation) => this.follow(conversation, true),
        (error: unknown) => {
          this.busy = false;
          if (isKontaktError(error) && error.code === 'chat_not_found') {
            this.forget();
            this.view = this.restingView();
            this.error = this.t.chatGone;
          } else {
            this.error = this.errorText(error);
          }
          this.update();
        },
      );
  }

  private async startChat(form: HTMLFormElement): Promise<void> {
    if (this.busy) return;
    const data = new FormData(form);
    const message = String(data.get('message') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    this.fieldErrors = message ? {} : { message: this.t.required };
    this.error = undefined;
    if (!message) {
      this.focusNext = '#start-message';
      this.update();
      return;
    }
    this.busy = true;
    this.update();
    try {
      const conversation = await this.sdk().chat.start(
        { locale: this.locale, message, ...(name ? { name } : {}), origin: { widget: WIDGET } },
        { signal: this.stop.signal },
      );
      this.draft = '';
      this.follow(conversation, false);
      this.focusNext = '#composer-text';
    } catch (error) {
      this.busy = false;
      this.startFailed(error);
    }
    this.update();
  }

  private startFailed(error: unknown): void {
    if (isKontaktError(error) && error.code === 'chat_closed') {
      this.host.refreshAvailability();
      const opensAt = (error.problem as { opensAt?: unknown } | undefined)?.opensAt;
      this.error = this.t.closedNow(typeof opensAt === 'string' ? this.when(opensAt) : undefined);
      this.view = 'closed';
      return;
    }
    if (isKontaktError(error) && error.fieldErrors.length) {
      for (const field of error.fieldErrors) {
        const name = field.field.endsWith('name') ? 'name' : 'message';
        this.fieldErrors[name] = field.code === 'too_long' ? this.t.tooLong : this.t.required;
      }
      return;
    }
    this.error = this.errorText(error);
    this.report(error);
  }

  /** Follows a conversation: renders what it says, keeps it in this tab, counts unread. */
  private follow(conversation: PanelConversation, resumed: boolean): void {
    if (this.stop.signal.aborted) return;
    this.conversation = conversation;
    this.busy = false;
    this.view = conversation.state.status === 'ended' ? 'ended' : 'chat';
    for (const message of conversation.messages) if (message.id) this.seen.add(message.id);
    const signal = this.stop.signal;
    const on = (type: string, listener: (event: Event) => void) =>
      conversation.addEventListener(type, listener, { signal });
    on('message', (event) => this.received((event as Event & { message: PanelMessage }).message));
    on('session', () => this.sessionChanged());
    for (const type of ['typing', 'receipt', 'connection']) on(type, () => this.update());
    on('error', (event) => {
      const { error, willRetry } = event as Event & { error: KontaktError; willRetry: boolean };
      if (willRetry) return;
      if (error.code === 'chat_not_found') {
        this.forget();
        this.conversation = undefined;
        this.view = this.restingView();
        this.error = this.t.chatGone;
      }
      this.update();
    });
    this.host.setOngoing(conversation.state.status !== 'ended');
    this.save();
    if (conversation.state.status === 'ended') this.sessionChanged();
    if (!resumed || this.host.element.open) this.markRead();
    this.update();
  }

  private received(message: PanelMessage): void {
    this.save();
    const fresh = message.id !== undefined && !this.seen.has(message.id);
    if (message.id) this.seen.add(message.id);
    if (fresh && message.role !== 'citizen') {
      this.say(this.t.newMessage(this.authorOf(message), this.textOf(message)));
      if (this.host.element.open) this.markRead();
      else {
        this.unread += 1;
        this.host.setUnread(this.unread);
        this.save();
      }
    }
    this.update();
  }

  private sessionChanged(): void {
    const conversation = this.conversation;
    if (!conversation) return;
    const state = conversation.state;
    if (state.status === 'ended' && this.view !== 'ended') {
      this.ended = { ...this.ended, reference: state.caseReference };
      this.view = 'ended';
      this.focusNext = '#ended-heading';
      this.forget();
      this.host.setOngoing(false);
      this.host.element.dispatchEvent(new KcChatEndedEvent(state.caseReference));
    } else if (state.status === 'ended' && state.caseReference && this.ended) {
      this.ended = { ...this.ended, reference: state.caseReference };
    }
    this.save();
    this.update();
  }

  private markRead(): void {
    const conversation = this.conversation;
    if (!conversation || !this.host.element.open) return;
    const last = [...conversation.messages]
      .reverse()
      .find((message) => message.role !== 'citizen' && message.id);
    if (!last?.id || last.id === this.readUpTo) return;
    this.readUpTo = last.id;
    conversation.markRead(last.id).catch(() => undefined);
  }

  private send(form: HTMLFormElement): void {
    const conversation = this.conversation;
    const field = form.elements.namedItem('text') as HTMLTextAreaElement | null;
    const text = field?.value.trim() ?? '';
    if (!conversation || !text) return;
    conversation.send(text).catch(() => undefined);
    conversation.typing(false);
    if (field) field.value = '';
    this.draft = '';
    this.save();
    this.update();
  }

  private typed(text: string): void {
    this.draft = text;
    this.conversation?.typing(text.trim() !== '');
    this.save();
  }

  private async endChat(form: HTMLFormElement): Promise<void> {
    const conversation = this.conversation;
    if (!conversation || this.busy) return;
    const email = String(new FormData(form).get('email') ?? '').trim();
    const invalid = email ? checkEmail(email) : undefined;
    this.fieldErrors = invalid ? { email: this.t.invalidEmail } : {};
    if (invalid) {
      this.focusNext = '#end-email';
      this.update();
      return;
    }
    this.busy = true;
    this.error = undefined;
    this.update();
    // Known before the answer: the stream may say "ended" first.
    this.ended = { transcriptTo: email || undefined };
    try {
      const session = await conversation.close(email ? { transcriptTo: email } : {});
      this.ended = { ...this.ended, reference: session.caseReference };
      this.busy = false;
      this.sessionChanged();
    } catch (error) {
      this.busy = false;
      if (isKontaktError(error) && error.code === 'chat_ended') {
        this.sessionChanged();
      } else {
        this.ended = undefined;
        this.error = this.errorText(error);
      }
    }
    this.update();
  }

  private async requestTranscript(form: HTMLFormElement): Promise<void> {
    const conversation = this.conversation;
    if (!conversation || this.busy) return;
    const email = String(new FormData(form).get('email') ?? '').trim();
    const invalid = checkEmail(email);
    this.fieldErrors = invalid
      ? { email: invalid === 'required' ? this.t.required : this.t.invalidEmail }
      : {};
    if (invalid) {
      this.focusNext = '#transcript-email';
      this.update();
      return;
    }
    this.busy = true;
    this.update();
    try {
      await conversation.requestTranscript(email);
      this.ended = { ...this.ended, transcriptTo: email };
      this.error = undefined;
    } catch (error) {
      this.error = this.errorText(error);
    }
    this.busy = false;
    this.update();
  }

  private newChat(): void {
    this.conversation = undefined;
    this.ended = undefined;
    this.readUpTo = undefined;
    this.error = undefined;
    this.fieldErrors = {};
    this.view = this.restingView();
    this.focusNext = '[data-autofocus]';
    this.update();
  }

  /** Keeps the conversation (and the unsent text) in this tab. */
  private save(): void {
    const conversation = this.conversation;
    const live = conversation && conversation.state.status !== 'ended';
    writeMemory(this.key, {
      ...(live ? { conversation: conversation.toJSON() } : {}),
      ...(this.draft ? { draft: this.draft } : {}),
      open: this.shown,
      unread: this.unread,
    });
  }

  private forget(): void {
    writeMemory(this.key, {});
  }

  // ---- Call-back -----------------------------------------------------------------------------

  private showCallback(): void {
    this.view = 'callback';
    this.error = undefined;
    this.fieldErrors = {};
    this.receipt = undefined;
    this.focusNext = '#callback-heading';
    this.loadSlots();
    this.update();
  }

  private loadSlots(): void {
    this.slots = 'loading';
    this.sdk()
      .callbacks.slots({ signal: this.stop.signal })
      .then(
        (list) => {
          this.slots = list.slots.filter((slot) => slot.available);
          this.update();
        },
        () => {
          this.slots = 'failed';
          this.update();
        },
      );
  }

  private async requestCallback(form: HTMLFormElement): Promise<void> {
    if (this.busy) return;
    const checked = checkCallback(new FormData(form));
    this.fieldErrors = {};
    for (const [field, code] of Object.entries(checked.errors)) {
      this.fieldErrors[field] =
        code === 'invalid_phone'
          ? this.t.invalidPhone
          : code === 'too_long'
            ? this.t.tooLong
            : this.t.required;
    }
    this.error = undefined;
    if (!checked.input) {
      this.focusNext = '#callback-errors';
      this.update();
      return;
    }
    this.busy = true;
    this.update();
    const conversation = this.conversation;
    const waiting = conversation?.state.status === 'queued' ? conversation : undefined;
    try {
      const receipt = await this.sdk().callbacks.request(
        { ...checked.input, locale: this.locale },
        {
          widget: WIDGET,
          signal: this.stop.signal,
          ...(waiting ? { chat: { id: waiting.id, token: waiting.token } } : {}),
        },
      );
      const slot = 'slot' in checked.input.when ? checked.input.when.slot : undefined;
      this.receipt = { receipt, when: slot ? this.when(slot) : undefined };
      this.view = 'callback-done';
      this.focusNext = '#callback-done';
      this.host.element.dispatchEvent(new KcSubmittedEvent(receipt));
      if (waiting) {
        this.forget();
        this.host.setOngoing(false);
      }
    } catch (error) {
      this.callbackFailed(error);
    }
    this.busy = false;
    this.update();
  }

  private callbackFailed(error: unknown): void {
    if (isKontaktError(error) && error.code === 'callback_slot_unavailable') {
      this.fieldErrors = { slot: this.t.slotFull };
      this.loadSlots();
      this.focusNext = '#callback-errors';
      return;
    }
    if (isKontaktError(error) && error.fieldErrors.length) {
      for (const field of error.fieldErrors) {
        const name = field.field.startsWith('when') ? 'slot' : field.field;
        this.fieldErrors[name] =
          field.code === 'outside_opening_hours'
            ? this.t.outsideHours
            : field.code === 'invalid_phone'
              ? this.t.invalidPhone
              : this.t.required;
      }
      this.focusNext = '#callback-errors';
      return;
    }
    this.error = this.errorText(error);
    this.report(error);
  }

  // ---- Leaving a message ---------------------------------------------------------------------

  private showMessageForm(): void {
    this.view = 'message';
    this.focusNext = '#message-heading';
    if (!this.contactFormLoaded) {
      import('../../define/contact-form.js').then(
        () => {
          this.contactFormLoaded = true;
          this.update();
        },
        (error: unknown) => {
          this.error = this.errorText(error);
          this.update();
        },
      );
    }
    this.update();
  }

  // ---- Helpers -------------------------------------------------------------------------------

  private say(text: string): void {
    this.announcement = text;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = '';
      this.update();
    }, ANNOUNCEMENT_MS);
  }

  private authorOf(message: PanelMessage): string {
    if (message.role === 'citizen') return this.t.you;
    if (message.role === 'system') return this.t.agent;
    return message.authorName ?? this.conversation?.state.agentName ?? this.t.agent;
  }

  private textOf(message: PanelMessage): string {
    if (message.role === 'system' && message.system) {
      return this.t.system[message.system](
        message.authorName ?? this.conversation?.state.agentName,
      );
    }
    return message.text;
  }

  private when(instant: string): string {
    const availability = this.availability();
    const zone = availability?.timeZone ?? 'Europe/Stockholm';
    return whenText(instant, new Date(), zone, this.locale);
  }

  private errorText(error: unknown): string {
    if (!isKontaktError(error)) return this.t.unreachable;
    if (error.code === 'network_error' || error.code === 'timeout') return this.t.unreachable;
    if (error.code === 'rate_limited') return this.t.rateLimited;
    if (error.code === 'chat_not_found') return this.t.chatGone;
    return this.t.unexpected;
  }

  private report(error: unknown): void {
    const kontakt = isKontaktError(error)
      ? error
      : new KontaktError('The chat failed.', { code: 'network_error', cause: error });
    this.host.element.dispatchEvent(new KcErrorEvent(kontakt));
  }

  private applyFocus(): void {
    const selector = this.focusNext;
    if (!selector || !this.host.element.open) return;
    const found = this.host.view.panel.querySelector<HTMLElement>(selector);
    if (!found) return;
    this.focusNext = undefined;
    found.focus();
  }

  private model(): PanelModel {
    const conversation = this.conversation;
    const availability = this.availability();
    const state = conversation?.state;
    const queue = state?.status === 'queued' ? state.queue : undefined;
    const longQueue =
      queue !== undefined &&
      (queue.position >= LONG_QUEUE_POSITION ||
        (queue.estimatedWaitSeconds ?? 0) >= LONG_QUEUE_SECONDS);
    return {
      t: this.t,
      locale: this.locale,
      close: () => this.close(),
      view: this.view,
      busy: this.busy,
      error: this.error,
      fieldErrors: this.fieldErrors,
      announcement: this.announcement,
      draft: this.draft,
      availability,
      opensText: availability?.opensAt ? this.when(availability.opensAt) : undefined,
      conversation,
      offerCallback: (availability?.callback ?? false) && (conversation === undefined || longQueue),
      ended: this.ended,
      slots: this.slots,
      receipt: this.receipt,
      contactForm: this.contactFormLoaded
        ? {
            endpoint: this.host.target.endpoint,
            department: this.host.target.department,
            client: this.host.target.client,
          }
        : undefined,
      authorOf: (message) => this.authorOf(message),
      textOf: (message) => this.textOf(message),
      slotText: (slot) => this.slotText(slot),
      actions: {
        start: (form) => void this.startChat(form),
        send: (form) => this.send(form),
        typed: (text) => this.typed(text),
        discard: (id) => {
          this.conversation?.discard(id);
          this.save();
          // Its button goes with it: focus goes on to the message box, not to the page.
          this.focusNext = '#composer-text';
          this.update();
        },
        askEnd: () => {
          this.view = 'ending';
          this.fieldErrors = {};
          this.focusNext = '#end-heading';
          this.update();
        },
        keepChatting: () => {
          this.view = 'chat';
          this.focusNext = '#composer-text';
          this.update();
        },
        end: (form) => void this.endChat(form),
        transcript: (form) => void this.requestTranscript(form),
        newChat: () => this.newChat(),
        callback: () => this.showCallback(),
        message: () => this.showMessageForm(),
        requestCallback: (form) => void this.requestCallback(form),
        back: () => {
          this.view =
            this.conversation && this.conversation.state.status !== 'ended'
              ? 'chat'
              : this.restingView();
          this.error = undefined;
          this.fieldErrors = {};
          this.focusNext = this.view === 'chat' ? '#composer-text' : '[data-autofocus]';
          this.update();
        },
        retry: () => {
          this.error = undefined;
          const memory = readMemory(this.key);
          if (memory.conversation && !this.conversation) this.resume(memory);
          this.host.refreshAvailability();
          this.update();
        },
        whenChanged: () => this.update(),
      },
    };
  }

  private slotText(slot: CallbackSlot): string {
    return this.when(slot.start);
  }
}
