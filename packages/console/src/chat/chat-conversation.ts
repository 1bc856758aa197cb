import type {
  Agent,
  AgentChat,
  AgentChatChange,
  AgentChatFeedEvent,
  AgentChatWatch,
  AgentClient,
  AgentPresenceEntry,
  ContactReason,
} from '@kontakt/core/agent';
import type { EventStreamErrorEvent } from '@kontakt/core/events';
import type { ChatMessage, Department, Locale } from '@kontakt/core/schemas';
import { LOCALES } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { departmentName, nameIn } from '../departments.js';
import { ConsoleElement } from '../internal/console-element.js';
import { errorCode, isAbort, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent } from '../internal/events.js';
import { languageName } from '../internal/language-name.js';
import { safeLink } from '../safe-link.js';
import { base, tokens } from '../styles/tokens.js';
import { applyReceipt, mergeMessages } from './messages.js';
import type { ChatTexts } from './texts.js';
import { CHAT_TEXTS, chatError } from './texts.js';
import { TypingThrottle } from './typing-throttle.js';

/** A message of one's own not stored yet: being sent, or failed and waiting for "try again". */
interface Unsent {
  clientMessageId: string;
  text: string;
  /** The language it is written in (the composer's choice when it was sent). */
  language: Locale;
  failed: boolean;
}

/** Tells the chat view that a chat changed by one's own action (ended, handed over). */
export class KcChatChangedEvent extends Event {
  constructor() {
    super('kc-chat-changed', { bubbles: true, composed: true });
  }
}

/**
 * One chat as its agent handles it: who and where the citizen is (department, the page through
 * `safeLink`), the messages live with their states, the citizen's typing, the answer box (Enter
 * sends, Shift+Enter a new line, typing told throttled), hand-over to an available colleague and
 * the end with a reason for contact. New messages from the citizen are announced politely
 * (through the shell's live region) and marked read; focus is never moved by what arrives.
 *
 * @summary One chat: messages, answer, hand-over and end.
 */
export class KcChatConversation extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    css`
      h2 {
        font-size: 1.25rem;
        margin-block: 0 var(--_space-s);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem var(--_space-m);
        margin: 0 0 var(--_space-m);
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .messages {
        list-style: none;
        margin: 0;
        padding: var(--_space-s);
        display: grid;
        gap: var(--_space-s);
        max-block-size: 24rem;
        overflow-y: auto;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
        background: var(--_color-surface-raised);
      }
      .message {
        max-inline-size: 85%;
        padding: var(--_space-s);
        border-radius: var(--_radius);
        background: var(--_color-surface);
        border: 1px solid var(--_color-border);
      }
      .message.agent {
        justify-self: end;
      }
      .message.system {
        justify-self: center;
        max-inline-size: 100%;
        border: none;
        background: none;
        color: var(--_color-text-muted);
        font-size: 0.875rem;
      }
      .meta {
        margin: 0;
        font-size: 0.875rem;
        color: var(--_color-text-muted);
      }
      .text {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        unicode-bidi: plaintext;
      }
      .presence {
        margin: var(--_space-s) 0 0;
        color: var(--_color-text-muted);
      }
      .presence.away {
        color: var(--_color-text);
        font-weight: 600;
      }
      .typing {
        min-block-size: 1.5rem;
        margin: var(--_space-s) 0;
        color: var(--_color-text-muted);
        font-style: italic;
      }
      textarea {
        inline-size: 100%;
        resize: vertical;
      }
      .hint {
        margin: 0;
        font-size: 0.875rem;
        color: var(--_color-text-muted);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        align-items: end;
      }
      .row .field {
        flex: 1 1 12rem;
        min-inline-size: 0;
        margin: 0;
      }
      select {
        inline-size: 100%;
      }
      .actions {
        display: grid;
        gap: var(--_space-m);
        margin-block-start: var(--_space-l);
      }
      fieldset {
        /* A fieldset is as wide as its widest option by default: at 320 px it must not be. */
        min-inline-size: 0;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
        padding: var(--_space-s) var(--_space-m) var(--_space-m);
        margin: 0;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .notice {
        padding: var(--_space-s) var(--_space-m);
        border-radius: var(--_radius);
        background: var(--_color-success-surface);
      }
      .failed {
        color: var(--_color-danger);
      }
      .failed button {
        margin-inline-start: var(--_space-s);
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    chatId: { attribute: 'chat-id' },
    agent: { attribute: false },
    agents: { attribute: false },
    reasons: { attribute: false },
    departments: { attribute: false },
    base: { type: String },
    chat: { state: true },
    messages: { state: true },
    unsent: { state: true },
    citizenTyping: { state: true },
    problem: { state: true },
    notice: { state: true },
    busy: { state: true },
  };

  client: AgentClient | undefined;
  /** The chat shown. */
  chatId = '';
  /** The signed-in agent. */
  agent: Agent | undefined;
  /** Everyone's presence, for the hand-over list. */
  agents: AgentPresenceEntry[] = [];
  /** The configured reasons for contact. */
  reasons: ContactReason[] = [];
  departments: Department[] = [];
  /** The console's base path, for the link to the case. */
  base = '/console';

  protected chat: AgentChat | undefined;
  protected messages: ChatMessage[] = [];
  protected unsent: Unsent[] = [];
  protected citizenTyping = false;
  /** What went wrong with the last action or load, said in an alert. */
  protected problem = '';
  /** What the last action of one's own did (handed over), said once. */
  protected notice = '';
  protected busy = false;
  private watch: AgentChatWatch | undefined;
  private loading: AbortController | undefined;
  private lastRead = '';
  /** The citizen's messages already there at the first read, or announced since. */
  private told = new Set<string>();
  private readonly typing = new TypingThrottle((on) => {
    if (this.client && this.chatId) {
      this.client.chat.typing(this.chatId, on).catch(() => undefined);
    }
  });

  private get ct(): ChatTexts {
    return CHAT_TEXTS[this.l10n.locale];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client') || changed.has('chatId')) this.open();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('messages')) {
      const list = this.renderRoot.querySelector('.messages');
      list?.scrollTo({ top: list.scrollHeight });
    }
  }

  private stop(): void {
    this.watch?.close();
    this.watch = undefined;
    this.loading?.abort();
    this.typing.stop();
  }

  /** Follows the stream first, then reads the chat: whatever comes on both is merged by id. */
  private open(): void {
    this.stop();
    this.chat = undefined;
    this.messages = [];
    this.unsent = [];
    this.problem = '';
    this.notice = '';
    this.citizenTyping = false;
    this.lastRead = '';
    this.told = new Set();
    if (!this.client || !this.chatId) return;
    const watch = this.client.chat.watch(this.chatId);
    this.watch = watch;
    for (const type of ['message', 'receipt', 'typing', 'session']) {
      watch.addEventListener(type, (event) =>
        this.onChange((event as AgentChatFeedEvent<AgentChatChange>).change),
      );
    }
    watch.addEventListener('error', (event) => {
      const { error, willRetry } = event as EventStreamErrorEvent;
      if (!willRetry) reportSessionEnd(this, error);
    });
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.client) return;
    const loading = new AbortController();
    this.loading = loading;
    try {
      const chat = await this.client.chat.get(this.chatId, { signal: loading.signal });
      // The first read is the history (with whatever the stream brought meanwhile): not news.
      if (!this.chat)
        for (const message of [...this.messages, ...chat.messages]) this.told.add(message.id);
      const before = this.chat?.citizenConnected;
      this.chat = chat;
      // The citizen went away or came back: said politely, once, not at the first read.
      if (before !== undefined && chat.citizenConnected !== undefined) {
        if (before !== chat.citizenConnected) {
          const said = chat.citizenConnected
            ? this.ct.conversation.citizenBack
            : this.citizenPresence(chat);
          this.dispatchEvent(new KcAnnounceEvent(said));
        }
      }
      this.absorb(chat.messages);
      this.markRead();
    } catch (error) {
      if (isAbort(error) || reportSessionEnd(this, error)) return;
      this.problem = chatError(this.ct, errorCode(error));
    }
  }

  private onChange(change: AgentChatChange): void {
    switch (change.type) {
      case 'message':
        this.absorb([change.message]);
        return;
      case 'receipt':
        this.messages = applyReceipt(this.messages, change.receipt);
        return;
      case 'typing':
        if (change.typing.role === 'citizen') this.citizenTyping = change.typing.typing;
        return;
      case 'session':
        // Who has it, whether it ended and as which case: the agent's view of it is read again.
        void this.load();
        return;
    }
  }

  /**
   * Takes messages in, from the stream, a read or one's own send: merged by id, one's own unsent
   * copies dropped, and the citizen's new ones announced (once, however they came) and marked read.
   */
  private absorb(incoming: readonly ChatMessage[]): void {
    this.messages = mergeMessages(this.messages, incoming);
    const stored = new Set(incoming.map((message) => message.clientMessageId));
    if (this.unsent.some((each) => stored.has(each.clientMessageId))) {
      this.unsent = this.unsent.filter((each) => !stored.has(each.clientMessageId));
    }
    // Before the first read, the stream may be bringing the chat's history: nothing new to say.
    if (!this.chat) return;
    const fresh = incoming.filter((each) => each.role === 'citizen' && !this.told.has(each.id));
    for (const message of fresh) {
      this.told.add(message.id);
      this.dispatchEvent(new KcAnnounceEvent(this.ct.announce.message(this.who(), message.text)));
    }
    if (fresh.length === 0) return;
    this.citizenTyping = false;
    this.markRead();
  }

  /** Marks the citizen's latest message read, once, while this page is in sight. */
  private markRead(): void {
    if (!this.client || !this.mine() || document.visibilityState !== 'visible') return;
    const last = this.messages.findLast((message) => message.role === 'citizen');
    if (!last || last.id === this.lastRead || last.state === 'read') return;
    this.lastRead = last.id;
    this.client.chat.markRead(this.chatId, last.id).catch(() => {
      this.lastRead = '';
    });
  }

  private mine(): boolean {
    return this.chat?.status === 'active' && this.chat.agentId === this.agent?.id;
  }

  private who(): string {
    return this.chat?.citizenName ?? this.ct.anonymous;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    (event.target as HTMLTextAreaElement).form?.requestSubmit();
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const { elements } = event.target as HTMLFormElement;
    const field = elements.namedItem('text') as HTMLTextAreaElement;
    const language = (elements.namedItem('language') as HTMLSelectElement).value as Locale;
    const text = field.value.trim();
    if (!text) return;
    field.value = '';
    this.typing.stop();
    const unsent: Unsent = { clientMessageId: crypto.randomUUID(), text, language, failed: false };
    this.unsent = [...this.unsent, unsent];
    void this.send(unsent);
  }

  private async send(unsent: Unsent): Promise<void> {
    if (!this.client) return;
    const chatId = this.chatId;
    try {
      const message = await this.client.chat.send(chatId, unsent.text, {
        clientMessageId: unsent.clientMessageId,
        language: unsent.language,
      });
      if (chatId !== this.chatId) return;
      this.absorb([message]);
    } catch (error) {
      if (reportSessionEnd(this, error) || chatId !== this.chatId) return;
      this.unsent = this.unsent.map((each) =>
        each.clientMessageId === unsent.clientMessageId ? { ...each, failed: true } : each,
      );
      const code = errorCode(error);
      if (code === 'chat_ended') this.problem = chatError(this.ct, code);
    }
  }

  private retry(unsent: Unsent): void {
    const again = { ...unsent, failed: false };
    this.unsent = this.unsent.map((each) =>
      each.clientMessageId === unsent.clientMessageId ? again : each,
    );
    void this.send(again);
  }

  private async handover(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const to = String(new FormData(event.target as HTMLFormElement).get('agent') ?? '');
    if (!this.client || !to) return;
    await this.act(async (client) => {
      const chat = await client.chat.handover(this.chatId, to);
      this.chat = chat;
      const name = this.agents.find((each) => each.agentId === to)?.name ?? to;
      this.notice = this.ct.conversation.handedOver(name);
    });
  }

  private async end(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '');
    await this.act(async (client) => {
      const chat = await client.chat.end(this.chatId, reason ? { reason } : {});
      this.chat = chat;
      if (chat.caseReference) {
        this.dispatchEvent(new KcAnnounceEvent(this.ct.announce.ended(chat.caseReference)));
      }
    });
  }

  /** Runs an action of one's own; then focus goes to what it left (the action's form is gone). */
  private async act(action: (client: AgentClient) => Promise<void>): Promise<void> {
    if (!this.client || this.busy) return;
    this.busy = true;
    this.problem = '';
    try {
      await action(this.client);
      this.typing.stop();
      this.dispatchEvent(new KcChatChangedEvent());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    } catch (error) {
      if (reportSessionEnd(this, error)) return;
      this.problem = chatError(this.ct, errorCode(error));
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const ct = this.ct;
    if (!this.chat) {
      return this.problem
        ? html`<p role="alert">${this.problem}</p>`
        : html`<p>${this.l10n.t.loading}</p>`;
    }
    const chat = this.chat;
    return html`
      <section aria-labelledby="chat-heading">
        <h2 id="chat-heading" tabindex="-1">${ct.conversation.heading(this.who())}</h2>
        <dl>
          <dt>${ct.department}</dt>
          <dd>${departmentName(this.departments, this.l10n.locale, chat.department)}</dd>
          <dt>${ct.page}</dt>
          <dd>${safeLink(chat.origin.pageUrl)}</dd>
          <dt>${ct.started}</dt>
          <dd><time datetime=${chat.startedAt}>${this.l10n.dateTime(chat.startedAt)}</time></dd>
        </dl>
        <ol class="messages" tabindex="0" aria-label=${ct.conversation.messages}>
          ${this.messages.map((message) => this.renderMessage(message))}
          ${this.unsent.map((unsent) => this.renderUnsent(unsent))}
        </ol>
        ${
          chat.status === 'active' && chat.citizenConnected !== undefined
            ? html`<p class=${chat.citizenConnected ? 'presence' : 'presence away'}>
                ${this.citizenPresence(chat)}
              </p>`
            : nothing
        }
        <p class="typing">${this.citizenTyping && this.mine() ? ct.conversation.typing : ''}</p>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${this.mine() ? this.renderActive() : this.renderOutcome(chat)}
      </section>
    `;
  }

  private renderMessage(message: ChatMessage): TemplateResult {
    const ct = this.ct;
    const time = html`<time datetime=${message.sentAt}>${this.time(message.sentAt)}</time>`;
    if (message.role === 'system') {
      const text = message.system ? ct.conversation.system[message.system] : message.text;
      return html`<li class="message system"><p class="text">${text} · ${time}</p></li>`;
    }
    const own = message.role === 'agent';
    const author = own ? (message.authorName ?? ct.you) : this.who();
    return html`
      <li class=${`message ${message.role}`}>
        <p class="meta">${author} · ${time}</p>
        <p class="text" dir="auto" lang=${message.language ?? nothing}>${message.text}</p>
        ${own ? html`<p class="meta">${ct.conversation.states[message.state]}</p>` : nothing}
      </li>
    `;
  }

  private renderUnsent(unsent: Unsent): TemplateResult {
    const ct = this.ct.conversation;
    return html`
      <li class="message agent">
        <p class="meta">${this.ct.you}</p>
        <p class="text" dir="auto">${unsent.text}</p>
        ${
          unsent.failed
            ? html`<p class="meta failed">
              ${ct.failed}<button type="button" class="secondary" @click=${() => this.retry(unsent)}>
                ${ct.retry}
              </button>
            </p>`
            : html`<p class="meta">${ct.sending}</p>`
        }
      </li>
    `;
  }

  private renderActive(): TemplateResult {
    const ct = this.ct.conversation;
    const others = this.agents.filter(
      (each) => each.agentId !== this.agent?.id && each.presence === 'available',
    );
    return html`
      <form class="composer" @submit=${this.onSubmit}>
        <div class="field">
          <label for="reply">${ct.reply}</label>
          <p class="hint" id="reply-hint">${ct.replyHint}</p>
          <textarea
            id="reply"
            name="text"
            rows="3"
            maxlength="2000"
            aria-describedby="reply-hint"
            @keydown=${this.onKeyDown}
            @input=${() => this.typing.input()}
          ></textarea>
        </div>
        <div class="field">
          <label for="reply-language">${ct.replyLanguage}</label>
          <select id="reply-language" name="language">
            ${LOCALES.map(
              (locale) =>
                html`<option value=${locale} ?selected=${locale === this.chat?.locale}>${languageName(locale, this.l10n.locale)}</option>`,
            )}
          </select>
        </div>
        <button type="submit">${ct.send}</button>
      </form>
      <div class="actions">
        <form @submit=${this.handover}>
          <fieldset>
            <legend>${ct.handover}</legend>
            ${
              others.length === 0
                ? html`<p class="hint">${ct.nobodyAvailable}</p>`
                : html`<div class="row">
                  <div class="field">
                    <label for="handover-to">${ct.handoverTo}</label>
                    <select id="handover-to" name="agent">
                      ${others.map((each) => html`<option value=${each.agentId}>${each.name}</option>`)}
                    </select>
                  </div>
                  <button type="submit" ?disabled=${this.busy}>${ct.handoverSubmit}</button>
                </div>`
            }
          </fieldset>
        </form>
        <form @submit=${this.end}>
          <fieldset>
            <legend>${ct.end}</legend>
            <div class="row">
              <div class="field">
                <label for="end-reason">${ct.reason}</label>
                <select id="end-reason" name="reason">
                  <option value="">${ct.noReason}</option>
                  ${this.reasons.map(
                    (reason) =>
                      html`<option value=${reason.id}>
                        ${nameIn(this.l10n.locale, reason.name, reason.id)}
                      </option>`,
                  )}
                </select>
              </div>
              <button type="submit" ?disabled=${this.busy}>${ct.endSubmit}</button>
            </div>
          </fieldset>
        </form>
      </div>
    `;
  }

  /** What is left when the chat is not (or no longer) one's own to answer. */
  private renderOutcome(chat: AgentChat): TemplateResult {
    const ct = this.ct.conversation;
    if (chat.status === 'ended') {
      return html`<p class="notice outcome" tabindex="-1">
        ${ct.ended}
        ${
          chat.caseReference
            ? html`${ct.endedAsCase}
              <a href=${`${this.base}/cases/${encodeURIComponent(chat.caseReference)}`}
                >${chat.caseReference}</a
              >.`
            : nothing
        }
      </p>`;
    }
    return html`<p class="notice outcome" tabindex="-1">${this.notice || ct.notYours}</p>`;
  }

  /** Whether the citizen is still there, in words. */
  private citizenPresence(chat: AgentChat): string {
    const ct = this.ct.conversation;
    if (chat.citizenConnected !== false) return ct.citizenHere;
    return ct.citizenAway(chat.citizenSeenAt ? this.time(chat.citizenSeenAt) : '–');
  }

  private time(value: string): string {
    return new Intl.DateTimeFormat(this.l10n.locale === 'sv' ? 'sv-SE' : 'en-GB', {
      timeStyle: 'short',
    }).format(new Date(value));
  }
}
