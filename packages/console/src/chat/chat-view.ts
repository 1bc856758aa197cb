import type {
  Agent,
  AgentChatSummary,
  AgentClient,
  AgentPresence,
  CallbackSummary,
  ContactReason,
} from '@kontakt/core/agent';
import { AGENT_PRESENCES } from '@kontakt/core/agent';
import type { Department } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { departmentName, departmentsOf } from '../departments.js';
import { ConsoleElement } from '../internal/console-element.js';
import { errorCode, reportSessionEnd } from '../internal/errors.js';
import { KcAnnounceEvent } from '../internal/events.js';
import { safeLink } from '../safe-link.js';
import { base, tokens } from '../styles/tokens.js';
import { viewStyles } from '../views/view.styles.js';
import { KcChatConversation } from './chat-conversation.js';
import type { ChatQueueStore } from './queue-store.js';
import { chatQueueOf } from './queue-store.js';
import type { ChatTexts } from './texts.js';
import { CHAT_TEXTS, chatError } from './texts.js';

/**
 * The chat view beside the inbox: one's presence, the chat offered to one (a prompt that takes
 * no focus), the waiting chats to take, one's own chats with their unread counts (several at
 * once, one open at a time), the call-backs waiting (linked to their cases), and the open chat.
 * New chats, offers and messages are announced politely through the shell's live region.
 *
 * @summary The chat queue and one's chats.
 */
export class KcChatView extends ConsoleElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .layout {
        display: grid;
        gap: var(--_space-l);
      }
      @media (min-width: 60rem) {
        .layout {
          grid-template-columns: minmax(18rem, 24rem) minmax(0, 1fr);
          align-items: start;
        }
      }
      h2 {
        font-size: 1.125rem;
        margin-block: var(--_space-m) var(--_space-s);
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_space-s);
      }
      li.item {
        padding: var(--_space-s);
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
        overflow-wrap: anywhere;
      }
      .item p {
        margin: 0;
      }
      .item button {
        margin-block-start: var(--_space-s);
      }
      .open-chat {
        inline-size: 100%;
        text-align: start;
        display: flex;
        justify-content: space-between;
        gap: var(--_space-s);
        align-items: center;
      }
      .open-chat[aria-current='true'] {
        outline: 3px solid var(--_color-text);
        outline-offset: -3px;
      }
      .badge {
        flex: none;
        padding: 0 0.5rem;
        border-radius: 1rem;
        background: var(--_color-primary);
        color: var(--_color-on-primary);
        font-weight: 700;
      }
      .offer {
        padding: var(--_space-m);
        border: 2px solid var(--_color-primary);
        border-radius: var(--_radius);
        background: var(--_color-warning-surface);
      }
      .offer h2 {
        margin-block-start: 0;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-s);
        margin-block-start: var(--_space-s);
      }
      fieldset {
        /* A fieldset is as wide as its widest option by default: at 320 px it must not be. */
        min-inline-size: 0;
        border: 1px solid var(--_color-border);
        border-radius: var(--_radius);
        margin: 0;
        padding: var(--_space-s) var(--_space-m);
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .presence label {
        display: flex;
        gap: var(--_space-s);
        align-items: center;
        min-block-size: 2.75rem;
        font-weight: 400;
      }
      .presence input {
        min-block-size: auto;
        inline-size: 1.25rem;
        block-size: 1.25rem;
      }
      .conversation {
        min-inline-size: 0;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    agent: { attribute: false },
    base: { type: String },
    openId: { state: true },
    departments: { state: true },
    reasons: { state: true },
    problem: { state: true },
    presenceProblem: { state: true },
    tick: { state: true },
  };

  client: AgentClient | undefined;
  agent: Agent | undefined;
  /** The console's base path, for links to cases. */
  base = '/console';
  /** The chat shown (one at a time). */
  protected openId = '';
  protected departments: Department[] = [];
  protected reasons: ContactReason[] = [];
  protected problem = '';
  protected presenceProblem = '';
  /** Bumped when the shared queue changed, to render it again. */
  protected tick = 0;
  private store: ChatQueueStore | undefined;
  private release: (() => void) | undefined;

  private get ct(): ChatTexts {
    return CHAT_TEXTS[this.l10n.locale];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    KcChatConversation.define('kc-chat-conversation');
    if (this.client) this.follow(this.client);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollow();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client') && this.client) {
      this.follow(this.client);
      void this.loadLists(this.client);
    }
  }

  private follow(client: AgentClient): void {
    if (this.store === chatQueueOf(client) && this.release) return;
    this.unfollow();
    const store = chatQueueOf(client);
    this.store = store;
    store.addEventListener('change', this.onQueue);
    store.addEventListener('offer', this.onOffer);
    store.addEventListener('ended', this.onEnded);
    this.release = store.use();
    if (store.queue) this.onQueue();
  }

  private unfollow(): void {
    this.store?.removeEventListener('change', this.onQueue);
    this.store?.removeEventListener('offer', this.onOffer);
    this.store?.removeEventListener('ended', this.onEnded);
    this.release?.();
    this.release = undefined;
  }

  private async loadLists(client: AgentClient): Promise<void> {
    const [departments, reasons] = await Promise.allSettled([
      departmentsOf(client),
      client.cases.reasons(),
    ]);
    if (departments.status === 'fulfilled') this.departments = departments.value;
    if (reasons.status === 'fulfilled') this.reasons = reasons.value;
    else reportSessionEnd(this, reasons.reason);
  }

  private readonly onQueue = () => {
    const store = this.store;
    const queue = store?.queue;
    if (!store || !queue) return;
    this.tick += 1;
    this.openId ||= queue.mine[0]?.id ?? '';
    const before = store.previous;
    if (!before) return;
    const waited = new Set(before.waiting.map((chat) => chat.id));
    const arrived = queue.waiting.filter((chat) => !waited.has(chat.id)).length;
    if (arrived > 0) this.announce(this.ct.announce.waiting(arrived));
    // A message in one of one's other chats: the open one announces its own.
    for (const chat of queue.mine) {
      const old = before.mine.find((each) => each.id === chat.id);
      if (chat.id !== this.openId && chat.unread > (old?.unread ?? 0) && chat.preview) {
        this.announce(this.ct.announce.message(this.who(chat), chat.preview));
      }
    }
  };

  private readonly onOffer = () => {
    const offered = this.offered();
    this.tick += 1;
    if (offered) this.announce(this.ct.announce.offered(this.who(offered)));
  };

  private readonly onEnded = () => {
    if (this.store?.error) reportSessionEnd(this, this.store.error);
  };

  private announce(message: string): void {
    this.dispatchEvent(new KcAnnounceEvent(message));
  }

  private who(chat: AgentChatSummary): string {
    return chat.citizenName ?? this.ct.anonymous;
  }

  private department(id: string): string {
    return departmentName(this.departments, this.l10n.locale, id);
  }

  private offered(): AgentChatSummary | undefined {
    const offer = this.store?.offer;
    return offer ? this.store?.queue?.waiting.find((chat) => chat.id === offer) : undefined;
  }

  private async take(id?: string): Promise<void> {
    if (!this.client) return;
    this.problem = '';
    try {
      const chat = await this.client.chat.take(id);
      this.store?.dropOffer();
      this.openId = chat.id;
      this.announce(this.ct.announce.taken(chat.citizenName ?? this.ct.anonymous));
      void this.store?.reload();
      await this.focusConversation();
    } catch (error) {
      if (reportSessionEnd(this, error)) return;
      this.problem = chatError(this.ct, errorCode(error));
      void this.store?.reload();
      // The chat's button may be gone with it: focus goes to what happened.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.problem')?.focus();
    }
  }

  /** Lets the offer pass; focus, which was on the prompt that goes, moves to the waiting chats. */
  private async pass(): Promise<void> {
    this.store?.dropOffer();
    this.tick += 1;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#waiting-heading')?.focus();
  }

  private async openChat(id: string): Promise<void> {
    this.openId = id;
    await this.focusConversation();
  }

  /** After one's own choice (take, open): focus on the chat's heading once it is shown. */
  private async focusConversation(): Promise<void> {
    await this.updateComplete;
    const conversation = this.renderRoot.querySelector<KcChatConversation>('kc-chat-conversation');
    for (let i = 0; conversation && i < 50; i += 1) {
      await conversation.updateComplete;
      const heading = conversation.shadowRoot?.querySelector<HTMLElement>('#chat-heading');
      if (heading) {
        heading.focus();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async setPresence(presence: AgentPresence): Promise<void> {
    if (!this.client) return;
    this.presenceProblem = '';
    try {
      await this.client.chat.setPresence(presence);
      await this.store?.reload();
    } catch (error) {
      if (reportSessionEnd(this, error)) return;
      this.presenceProblem = this.ct.presenceFailed;
    }
  }

  protected override render(): TemplateResult {
    const queue = this.store?.queue;
    if (!queue) {
      return this.store?.failed
        ? html`<p role="alert">${this.l10n.t.errors.load}</p>
            <button type="button" @click=${() => this.store?.reload()}>
              ${this.l10n.t.errors.retry}
            </button>`
        : html`<p>${this.l10n.t.loading}</p>`;
    }
    return html`
      <div class="layout">
        <div class="lists">
          ${this.renderPresence(queue.presence)} ${this.renderOffer()}
          ${
            this.problem
              ? html`<p class="error problem" role="alert" tabindex="-1">${this.problem}</p>`
              : nothing
          }
          ${this.renderWaiting(queue.waiting)} ${this.renderMine(queue.mine)}
          ${this.renderCallbacks(queue.callbacks)}
        </div>
        <div class="conversation">
          ${
            this.openId
              ? html`<kc-chat-conversation
                .client=${this.client}
                .agent=${this.agent}
                .agents=${queue.agents}
                .reasons=${this.reasons}
                .departments=${this.departments}
                chat-id=${this.openId}
                base=${this.base}
                @kc-chat-changed=${() => this.store?.reload()}
              ></kc-chat-conversation>`
              : html`<p>${this.ct.conversation.choose}</p>`
          }
        </div>
      </div>
    `;
  }

  private renderPresence(presence: AgentPresence): TemplateResult {
    const ct = this.ct;
    return html`
      <fieldset class="presence" aria-describedby="presence-hint">
        <legend>${ct.presence}</legend>
        <p class="hint" id="presence-hint">${ct.presenceHint}</p>
        ${AGENT_PRESENCES.map(
          (each) => html`<label>
            <input
              type="radio"
              name="presence"
              value=${each}
              .checked=${each === presence}
              @change=${() => this.setPresence(each)}
            />
            ${ct.presences[each]}
          </label>`,
        )}
        ${
          this.presenceProblem
            ? html`<p class="error" role="alert">${this.presenceProblem}</p>`
            : nothing
        }
      </fieldset>
    `;
  }

  /** The server's offer: said once, shown until taken, passed or gone; focus stays where it is. */
  private renderOffer(): TemplateResult | typeof nothing {
    const chat = this.offered();
    if (!chat) return nothing;
    const ct = this.ct.offer;
    return html`
      <section class="offer" aria-labelledby="offer-heading">
        <h2 id="offer-heading">${ct.heading}</h2>
        <p>${ct.text(this.who(chat), this.department(chat.department))}</p>
        ${chat.preview ? html`<p dir="auto">${chat.preview}</p>` : nothing}
        <div class="buttons">
          <button type="button" @click=${() => this.take(chat.id)}>${ct.take}</button>
          <button type="button" class="secondary" @click=${() => this.pass()}>
            ${ct.pass}
          </button>
        </div>
      </section>
    `;
  }

  private renderWaiting(waiting: AgentChatSummary[]): TemplateResult {
    const ct = this.ct.queue;
    return html`
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" tabindex="-1">${ct.heading(waiting.length)}</h2>
        ${
          waiting.length === 0
            ? html`<p>${ct.none}</p>`
            : html`<button type="button" @click=${() => this.take()}>${ct.takeNext}</button>
              <ul class="waiting">
                ${
                  // Keyed: a chat that leaves the queue takes its own item along, so a button the
                  // agent has focused stays with its chat (and keeps focus).
                  repeat(
                    waiting,
                    (chat) => chat.id,
                    (chat) => this.renderWaitingChat(chat),
                  )
                }
              </ul>`
        }
      </section>
    `;
  }

  private renderWaitingChat(chat: AgentChatSummary): TemplateResult {
    const ct = this.ct;
    const since = chat.queuedAt ?? chat.startedAt;
    return html`
      <li class="item">
        <p><strong>${this.who(chat)}</strong> · ${this.department(chat.department)}</p>
        <p class="muted">
          ${ct.queue.waitingSince(this.l10n.dateTime(since))} · ${ct.page}:
          ${safeLink(chat.origin.pageUrl)}
        </p>
        ${chat.preview ? html`<p dir="auto">${chat.preview}</p>` : nothing}
        <button
          type="button"
          class="secondary"
          aria-label=${ct.queue.takeLabel(this.who(chat))}
          @click=${() => this.take(chat.id)}
        >
          ${ct.queue.take}
        </button>
      </li>
    `;
  }

  private renderMine(mine: AgentChatSummary[]): TemplateResult {
    const ct = this.ct.mine;
    return html`
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading" tabindex="-1">${ct.heading(mine.length)}</h2>
        ${
          mine.length === 0
            ? html`<p>${ct.none}</p>`
            : html`<ul class="mine">
              ${repeat(
                mine,
                (chat) => chat.id,
                (chat) => html`<li>
                  <button
                    type="button"
                    class="open-chat secondary"
                    aria-current=${chat.id === this.openId ? 'true' : 'false'}
                    @click=${() => this.openChat(chat.id)}
                  >
                    <span>${this.who(chat)} · ${this.department(chat.department)}</span>
                    ${
                      chat.unread > 0 && chat.id !== this.openId
                        ? html`<span class="badge">${ct.unread(chat.unread)}</span>`
                        : nothing
                    }
                  </button>
                </li>`,
              )}
            </ul>`
        }
      </section>
    `;
  }

  private renderCallbacks(callbacks: CallbackSummary[]): TemplateResult {
    const ct = this.ct.callbacks;
    return html`
      <section aria-labelledby="callbacks-heading">
        <h2 id="callbacks-heading">${ct.heading(callbacks.length)}</h2>
        ${
          callbacks.length === 0
            ? html`<p>${ct.none}</p>`
            : html`<ul class="callbacks">
              ${callbacks.map((callback) => this.renderCallback(callback))}
            </ul>`
        }
      </section>
    `;
  }

  private renderCallback(callback: CallbackSummary): TemplateResult {
    const ct = this.ct.callbacks;
    const when = callback.slot
      ? ct.slot(this.l10n.dateTime(callback.slot.start), this.time(callback.slot.end))
      : ct.asap;
    return html`
      <li class="item">
        <p>
          <a href=${`${this.base}/cases/${encodeURIComponent(callback.caseReference)}`}
            >${callback.caseReference}</a
          >
          · ${when}
        </p>
        <p>
          ${callback.name ?? this.ct.anonymous} · ${ct.phone}: <span dir="ltr">${callback.phone}</span>
        </p>
        <p class="muted">${this.department(callback.department)}</p>
        ${callback.note ? html`<p dir="auto">${callback.note}</p>` : nothing}
      </li>
    `;
  }

  private time(value: string): string {
    return new Intl.DateTimeFormat(this.l10n.locale === 'sv' ? 'sv-SE' : 'en-GB', {
      timeStyle: 'short',
    }).format(new Date(value));
  }
}
