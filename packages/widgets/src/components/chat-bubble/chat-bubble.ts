import type { KontaktClient } from '@kontakt/core';
import { KontaktError } from '@kontakt/core';
import { KcErrorEvent } from '../../events/error.js';
import type { PropertyValues } from '../../internal/kontakt-reactive-element.js';
import { KontaktReactiveElement } from '../../internal/kontakt-reactive-element.js';
import { LangController, languageOf, pickLocale } from '../../internal/lang.js';
import type { SettingsTarget } from '../../internal/settings.js';
import { SettingsController, widgetTarget } from '../../internal/settings.js';
import type { LauncherAvailability } from './chat-bubble.availability.js';
import { fetchAvailability } from './chat-bubble.availability.js';
import { untilText, whenText } from './chat-bubble.hours.js';
import { memoryKey, peekMemory } from './chat-bubble.memory.js';
import type { ChatPanel, PanelHost } from './chat-bubble.panel.js';
import { styles } from './chat-bubble.styles.js';
import type { LauncherLocale, LauncherTexts } from './chat-bubble.texts.js';
import { LAUNCHER_LOCALES, loadLauncherTexts, sv } from './chat-bubble.texts.js';
import type { LauncherView } from './chat-bubble.view.js';
import { createLauncherView } from './chat-bubble.view.js';

const STATES = ['loading', 'open', 'closed', 'unavailable'] as const;

/** Where the launcher floats: the bottom corner at the end (right in LTR) or the start. */
export type ChatBubblePlacement = 'bottom-end' | 'bottom-start';

/**
 * How often the availability is asked again while the page is open (the panel asks at once when
 * it opens, so this only keeps the launcher's words current).
 */
const REFRESH_MS = 120_000;

/** The launcher's other languages, once loaded (shared by every bubble). */
let texts: Record<LauncherLocale, LauncherTexts> | undefined;

/**
 * A chat with a *kommunvägledare* at the contact center, behind a small launcher that floats in a
 * corner of the page: it says whether the chat is open and until when ("Öppet i dag till 17.00"),
 * or when it opens next ("Stängt. Vi öppnar måndag 08.00"), and counts the messages that arrive
 * while the panel is closed. On a screen narrower than 30rem the launcher is its icon alone (its
 * words stay its accessible name), so it covers a corner of the page rather than its last lines. Opening it shows the chat in a dialog: the place in the queue and the
 * expected wait, the agent's name and typing, the messages (links only when they are web
 * addresses), and "Avsluta" with the transcript by e-mail and the case reference. When the contact
 * center is closed the panel offers a written message or a call-back instead; while the queue is
 * long, a call-back too.
 *
 * Until it is opened the launcher loads only itself (no client, no schemas: DESIGN.md's 10 KB);
 * the panel and the SDK load on open, and already when the pointer or the focus reaches the
 * launcher. The conversation survives a reload and navigation to another page of the same site
 * (`sessionStorage`, written only once a chat has started or something is typed).
 *
 * Whatever the page writes inside the tag (the contact center's phone number) is shown by the page
 * until the element is defined, and above the launcher when it is pressed while the chat cannot be
 * reached (or is not configured); the page stays usable either way.
 *
 * It speaks the language of its `lang` (or an ancestor's, or the page's): Swedish, English,
 * Finnish, Arabic (right to left), or easy-read Swedish for `lang="sv-simple"`.
 *
 * @summary A chat launcher and panel: queue, agent, messages, opening hours and call-back.
 * @since 0.4.0
 * @tag kc-chat-bubble
 *
 * @slot - The way in without the chat, shown when the chat cannot be reached or is not configured, e.g. `Ring 040-34 10 00`.
 *
 * @event {KcChatPanelEvent} kc-open - The panel opened.
 * @event {KcChatPanelEvent} kc-close - The panel closed (the conversation goes on).
 * @event {KcChatEndedEvent} kc-chat-ended - The chat ended; `event.caseReference` is the case it was stored as.
 * @event {KcSubmittedEvent} kc-submitted - A call-back request was received; `event.receipt` holds its case reference.
 * @event {KcErrorEvent} kc-error - The chat could not be reached or refused something; `event.error.code` says why (`network_error`, `not_configured`, `chat_closed`, …).
 *
 * @csspart base - The wrapper around everything.
 * @csspart launcher - The floating box around the launcher button and the fallback (placed with `placement` and the offset properties).
 * @csspart launcher-button - The button that opens the panel.
 * @csspart label - The launcher's label ("Chatta med oss").
 * @csspart hours - Open or closed and the hours, under the label.
 * @csspart badge - The unread count on the launcher.
 * @csspart panel - The dialog with the chat.
 * @csspart header - The panel's title bar.
 * @csspart title - The panel's title.
 * @csspart close-button - Closes the panel (the chat goes on).
 * @csspart body - Below the header: the chat, or the forms when closed.
 * @csspart fallback - Above the launcher, when it is pressed while the chat cannot be reached (the launcher says so): the content inside the tag and a retry button.
 * @csspart retry-button - Tries to reach the chat again.
 * @csspart messages - The list of messages.
 * @csspart message - One message (with `message-citizen`, `message-agent` or `message-system`).
 * @csspart composer - The form to write a message in.
 * @csspart queue - The place in the queue and the expected wait.
 * @csspart button - The panel's buttons.
 *
 * @cssproperty --kc-color-primary - The launcher's and the header's colour. Default `#0b5cad`.
 * @cssproperty --kc-color-on-primary - Text on it. Default `#ffffff`.
 * @cssproperty --kc-color-text - Text. Default `#1b1b1b`.
 * @cssproperty --kc-color-text-muted - Times and message states. Default `#545454`.
 * @cssproperty --kc-color-surface - The panel's background. Default `#ffffff`.
 * @cssproperty --kc-color-border - Borders. Default `#6b6b6b`.
 * @cssproperty --kc-color-danger - The unread badge and errors. Default `#b3261e`.
 * @cssproperty --kc-color-warning-surface - Not used by this widget; resolved with the shared tokens. Default `#fff4ce`.
 * @cssproperty --kc-color-success-surface - A receipt. Default `#e3f4e8`.
 * @cssproperty --kc-color-focus - The focus outline. Default `#0b5cad`.
 * @cssproperty --kc-font-family - Font. Default the system UI font.
 * @cssproperty --kc-font-size - Base font size. Default `1rem`.
 * @cssproperty --kc-radius - Corner radius. Default `0.375rem`.
 * @cssproperty --kc-space-s - Small spacing. Default `0.5rem`.
 * @cssproperty --kc-space-m - Medium spacing. Default `1rem`.
 * @cssproperty --kc-space-l - Not used by this widget; resolved with the shared tokens. Default `1.5rem`.
 * @cssproperty --kc-chat-bubble-offset-block - Distance from the bottom of the viewport (above a cookie banner). Default `1rem`.
 * @cssproperty --kc-chat-bubble-offset-inline - Distance from the side of the viewport (beside another floating button). Default `1rem`.
 * @cssproperty --kc-chat-bubble-z-index - The launcher's stacking level (the open panel is above everything). Default `1000`.
 * @cssproperty --kc-chat-bubble-accent - The launcher's and the header's colour. Default `--kc-color-primary`.
 * @cssproperty --kc-chat-bubble-on-accent - Text on the accent. Default `--kc-color-on-primary`.
 * @cssproperty --kc-chat-bubble-panel-width - The panel's width on wide screens. Default `24rem`.
 * @cssproperty --kc-chat-bubble-panel-height - The panel's height on tall screens. Default `36rem`.
 *
 * @cssstate loading - The availability is not known yet.
 * @cssstate open - The chat is open now.
 * @cssstate closed - The chat is closed now (outside opening hours).
 * @cssstate unavailable - The chat cannot be reached or is not configured: the launcher offers the content inside the tag.
 * @cssstate panel-open - The panel is open.
 * @cssstate unread - Messages arrived while the panel was closed.
 */
export class KcChatBubble extends KontaktReactiveElement {
  static override styles = styles;

  /** Reactive options only; each property's type, default and meaning are on its field below. */
  static override properties = {
    endpoint: { reflect: true },
    department: { reflect: true },
    placement: { reflect: true },
    open: { type: Boolean, reflect: true },
    client: { attribute: false },
  };

  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  declare endpoint: string | undefined;
  /** The id of the department whose page this is (e.g. `gata`). */
  declare department: string | undefined;
  /** The corner the launcher and the panel sit in. */
  placement: ChatBubblePlacement = 'bottom-end';
  /** Whether the panel is open; only one bubble's panel on a page is open at a time. */
  open = false;
  /** A client to use instead of one made from `endpoint` and `department` (set from JavaScript). */
  declare client: KontaktClient | undefined;

  readonly #language = new LangController(this);
  readonly #settings = new SettingsController(this);
  #view: LauncherView | undefined;
  /** The target followed (`''`: none yet). */
  #followed: string | undefined;
  #target: SettingsTarget | undefined;
  #known: LauncherAvailability | undefined;
  #failed = false;
  #request: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #unreadCount = 0;
  #ongoing = false;
  #showFallback = false;
  #panel: ChatPanel | undefined;
  #panelLoad: Promise<ChatPanel> | undefined;
  #panelFailed = false;

  /** Messages that arrived while the panel was closed. */
  get unread(): number {
    return this.#unreadCount;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    clearTimeout(this.#timer);
    this.#panel?.dispose();
    this.#panel = this.#panelLoad = this.#followed = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved, or put back: its target is followed again.
    this.requestUpdate();
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot() as ShadowRoot;
    const view = createLauncherView(root);
    this.#view = view;
    view.button.onclick = () => {
      if (this.#unreachable()) {
        this.#showFallback = !this.#showFallback;
        this.requestUpdate();
      } else this.open = !this.open;
    };
    // Intent: the panel's chunk loads while the person moves to the button.
    view.button.onpointerenter = view.button.onfocus = () => {
      if (!this.#unreachable()) this.#loadPanel().catch(() => undefined);
    };
    view.retry.onclick = () => {
      this.#failed = this.#panelFailed = this.#showFallback = false;
      this.#panelLoad = undefined;
      this.#load();
      this.requestUpdate();
      view.button.focus();
    };
    return root;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.#follow();
    this.#render();
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('open')) return;
    if (this.open) {
      this.#unreadCount = 0;
      this.#loadPanel().then(
        (panel) => panel.setOpen(this.open),
        () => undefined,
      );
    } else this.#panel?.setOpen(false);
  }

  /** A new target: its availability, and what this tab kept of its chat. */
  #follow(): void {
    // As the forms' ClientController: a client set here is used for its own target; else each
    // attribute left out is the nearest <kc-provider>'s (or configure()'s).
    const target = widgetTarget(this, this.#settings.settings);
    const key = target?.key ?? '';
    if (!this.isConnected || key === this.#followed) return;
    this.#followed = key;
    this.#target = target;
    this.#request?.abort();
    this.#panel?.dispose();
    this.#panel = this.#panelLoad = this.#known = undefined;
    this.#failed = !target;
    if (!target) {
      this.#fail('not_configured');
      return;
    }
    const memory = peekMemory(memoryKey(key));
    this.#unreadCount = Number(memory.unread) || 0;
    this.#ongoing = memory.conversation !== undefined;
    this.#load();
    // A conversation going on in this tab is followed at once (the unread count stays live), and
    // the panel opens again if it was open when the page was left.
    if (this.#ongoing) this.#loadPanel().catch(() => undefined);
    if (memory.open === true) queueMicrotask(() => (this.open = true));
  }

  #load(): void {
    const target = this.#target;
    if (!target) return;
    this.#request?.abort();
    clearTimeout(this.#timer);
    const request = new AbortController();
    this.#request = request;
    const done = (known: LauncherAvailability | undefined, error?: unknown) => {
      if (this.#request !== request) return;
      // Known before: kept (a blip); never known: the page's own way in is offered.
      if (known) this.#known = known;
      else if (!this.#known) this.#failed = true;
      if (error) this.#fail('network_error', error);
      // Asked again now and then: it opens and closes while the page is open.
      this.#timer = setTimeout(() => this.#load(), REFRESH_MS);
      this.requestUpdate();
    };
    fetchAvailability(target.endpoint, target.department, request.signal).then(done, (error) =>
      done(undefined, error),
    );
  }

  /** Tells the page why the chat cannot be used (`kc-error`). */
  #fail(code: 'not_configured' | 'network_error', cause?: unknown): void {
    this.dispatchEvent(new KcErrorEvent(new KontaktError(code, { code, cause })));
  }

  #unreachable(): boolean {
    return (this.#failed && !this.#ongoing) || this.#panelFailed;
  }

  /** The panel, made once its chunk is in; a chunk that cannot load offers the page's own way in. */
  #loadPanel(): Promise<ChatPanel> {
    const target = this.#target;
    const view = this.#view;
    if (!target || !view) return Promise.reject();
    this.#panelLoad ??= import('./chat-bubble.panel.js').then(
      ({ ChatPanel }) => {
        this.#panel = new ChatPanel(this.#panelHost(target, view));
        return this.#panel;
      },
      (error: unknown) => {
        this.#panelLoad = undefined;
        this.#panelFailed = this.#showFallback = this.open;
        this.open = false;
        this.requestUpdate();
        throw error;
      },
    );
    return this.#panelLoad;
  }

  #panelHost(target: SettingsTarget, view: LauncherView): PanelHost {
    return {
      element: this,
      view,
      target,
      availability: () => this.#known?.body,
      lang: () => this.#language.tag,
      setOngoing: (ongoing) => {
        this.#ongoing = ongoing;
        this.requestUpdate();
      },
      setUnread: (count) => {
        if (count > this.#unreadCount) view.status.textContent = this.#texts().unread(count);
        this.#unreadCount = count;
        this.requestUpdate();
      },
      refreshAvailability: () => this.#load(),
    };
  }

  #texts(): LauncherTexts {
    const locale = pickLocale(this.#language.tag, LAUNCHER_LOCALES);
    if (locale !== 'sv' && !texts) {
      loadLauncherTexts().then(
        (loaded) => {
          texts = loaded;
          this.requestUpdate();
        },
        () => undefined,
      );
    }
    return texts?.[locale] ?? sv;
  }

  #render(): void {
    const view = this.#view;
    if (!view) return;
    const t = this.#texts();
    const locale = t === sv ? 'sv' : languageOf(pickLocale(this.#language.tag, LAUNCHER_LOCALES));
    const unreachable = this.#unreachable();
    view.base.lang = locale;
    view.base.dir = t.dir;
    view.label.textContent = t.label;
    view.hours.textContent = this.#hoursText(locale, t);
    view.button.setAttribute('aria-expanded', String(unreachable ? this.#showFallback : this.open));
    // A dialog when the chat can open; the fallback below the button when it cannot.
    view.button.setAttribute('aria-haspopup', unreachable ? 'false' : 'dialog');
    if (unreachable) view.button.setAttribute('aria-controls', 'fallback');
    else view.button.removeAttribute('aria-controls');
    view.fallback.hidden = !(unreachable && this.#showFallback);
    view.retry.textContent = t.retry;
    view.badge.hidden = this.#unreadCount === 0;
    // The count, and for screen readers what it counts (the button's name ends with it).
    view.badge.textContent = String(this.#unreadCount);
    view.badge.setAttribute('aria-label', t.unread(this.#unreadCount));
    if (!this.#unreadCount) view.status.textContent = '';
    this.setExclusiveState(
      STATES,
      this.#failed
        ? 'unavailable'
        : this.#known
          ? this.#known.open
            ? 'open'
            : 'closed'
          : 'loading',
    );
    this.setState('panel-open', this.open);
    this.setState('unread', this.#unreadCount > 0);
    this.#panel?.update();
  }

  #hoursText(locale: string, t: LauncherTexts): string {
    const known = this.#known;
    if (this.#ongoing) return t.ongoing;
    if (this.#failed) return t.unavailable;
    if (!known) return t.loading;
    if (known.open) return untilText(t, known.closesAt, new Date(), known.timeZone, locale);
    return t.opensNext(
      known.opensAt && whenText(known.opensAt, new Date(), known.timeZone, locale),
    );
  }
}
