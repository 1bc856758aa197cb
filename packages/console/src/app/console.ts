import type { AgentClient, AgentSession, AgentSessionClient } from '@kontakt/core/agent';
import { createAgentSessionClient } from '@kontakt/core/agent';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { ChatQueueCount } from '../chat/queue-count.js';
import type { ConsoleTexts } from '../i18n/texts.js';
import { ConsoleElement } from '../internal/console-element.js';
import { errorCode } from '../internal/errors.js';
import type { KcAnnounceEvent, KcNavigateEvent } from '../internal/events.js';
import { CONSOLE_LOCALES, pickLocale, resolveLang, TEXTS } from '../internal/lang.js';
import type { Route } from '../router.js';
import { linkToFollow, matchRoute, normalizeBase, pathInBase } from '../router.js';
import { base, tokens } from '../styles/tokens.js';
import { consoleStyles } from './console.styles.js';
import type { ViewName } from './views.js';
import { loadView, VIEWS } from './views.js';

/** Where the chosen language is remembered (the person chose it; nothing else is stored). */
export const LANGUAGE_KEY = 'kontakt.console.lang';

/** The most messages the live region reads out at once (see `announce`). */
const MAX_MESSAGES_AT_ONCE = 3;

/** Why the sign-in form is shown, said above it. */
type SignedOutReason = 'signed-out' | 'expired' | 'unreachable' | undefined;

/**
 * The agent console: sign-in, then the app shell (who is signed in, navigation, language, sign
 * out) around one view per URL under `base`. Talks to the server only through the agent client.
 *
 * @summary The contact center's agent console.
 * @since 0.1.0
 */
export class KcConsole extends ConsoleElement {
  static override styles = [tokens, base, consoleStyles];

  static override properties = {
    endpoint: { type: String },
    base: { type: String },
    client: { attribute: false },
    session: { state: true },
    route: { state: true },
    reason: { state: true },
    announcement: { state: true },
  };

  /** The server's URL. Default: this page's origin (the server serves the console). */
  endpoint = '';
  /** The URL path the console lives under. Default `/console`. */
  base = '/console';
  /**
   * The agent client. When not given, it is made from `endpoint` once someone is signed in (the
   * sign-in page loads only its session part: see `signInClient`).
   */
  client: AgentClient | undefined;

  /** `undefined` while asking the server; `null` when no one is signed in. */
  protected session: AgentSession | null | undefined;
  protected route: Route = { name: 'inbox' };
  protected reason: SignedOutReason;
  protected announcement = '';
  /** What the live region says in the next frame, in order (see `announce`). */
  private nextAnnouncement: string[] = [];
  /** Set by navigation (not by the first load): focus goes to the new view's heading. */
  private moveFocus = false;
  /** The waiting chats for the navigation: a chunk loaded once someone has signed in. */
  private chatQueue: ChatQueueCount | undefined;
  /** The session part of the client made from `endpoint`, before anyone has signed in. */
  private sessionClient: AgentSessionClient | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('lang', this.initialLanguage());
    addEventListener('popstate', this.onPopState);
    this.addEventListener('click', this.onClick);
    this.addEventListener('kc-announce', this.onAnnounce);
    this.addEventListener('kc-session-expired', this.onSessionExpired);
    this.addEventListener('kc-navigate', this.onNavigate);
    this.route = this.currentRoute();
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
  }

  /**
   * What the sign-in page needs: the given or made client, or else the session part of one (the
   * resources, with every schema they parse with, are a chunk of their own: `withResources`).
   */
  private get signInClient(): AgentSessionClient {
    if (this.client) return this.client;
    this.sessionClient ??= createAgentSessionClient({ endpoint: this.endpoint || location.origin });
    return this.sessionClient;
  }

  /** Makes `client` whole (the same session) once someone is signed in: the views need it. */
  private async withResources(): Promise<AgentClient> {
    if (this.client) return this.client;
    const { withAgentResources } = await import('./agent-resources.js');
    this.client ??= withAgentResources(this.signInClient);
    return this.client;
  }

  /**
   * What has to be there before `session` is set: the whole client. The view's chunk starts
   * loading beside it rather than after it (`willUpdate` loads it again, from the module cache,
   * and says so if it fails).
   */
  private async signingIn(session: AgentSession): Promise<void> {
    const view = this.viewOf(this.route, session);
    if (view !== 'forbidden') loadView(view).catch(() => undefined);
    await this.withResources();
  }

  private get t(): ConsoleTexts {
    return this.l10n.t;
  }

  private initialLanguage(): string {
    let stored: string | null = null;
    try {
      stored = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      // Storage may be blocked; the page's language is then used.
    }
    return pickLocale(stored ?? resolveLang(this));
  }

  private async checkSession(): Promise<void> {
    try {
      const session = (await this.signInClient.session.current()) ?? null;
      if (session) await this.signingIn(session);
      this.session = session;
    } catch (error) {
      this.session = null;
      this.reason = errorCode(error) === 'unauthorized' ? undefined : 'unreachable';
    }
  }

  private currentRoute(): Route {
    const path = pathInBase(new URL(location.href), normalizeBase(this.base), location.origin);
    return matchRoute(path ?? '/');
  }

  /** Goes to `path` inside the console, as a link would: a new history entry, focus on the heading. */
  navigate(path: string): void {
    const target = `${normalizeBase(this.base)}${path.startsWith('/') ? path : `/${path}`}`;
    if (target !== location.pathname + location.search) history.pushState(null, '', target);
    this.showRoute();
  }

  private showRoute(): void {
    this.route = this.currentRoute();
    this.moveFocus = true;
  }

  private readonly onPopState = () => this.showRoute();

  private readonly onClick = (event: MouseEvent) => {
    const anchor = linkToFollow(event);
    if (!anchor) return;
    const path = pathInBase(new URL(anchor.href), normalizeBase(this.base), location.origin);
    if (path === undefined) return;
    event.preventDefault();
    this.navigate(path);
  };

  private readonly onNavigate = (event: KcNavigateEvent) => this.navigate(event.path);

  private readonly onAnnounce = (event: KcAnnounceEvent) => this.announce(event.message);

  private readonly onSessionExpired = () => {
    if (!this.session) return;
    this.session = null;
    this.reason = 'expired';
    this.moveFocus = true;
  };

  /**
   * Reads `message` out politely; the same message twice is read twice, and messages that come
   * in one frame (the inbox's count and a new chat) are read one after the other, not only the last.
   * A tab in the background draws no frames: of what piled up meanwhile, the last few different
   * messages are read when it is shown again, not an hour of them.
   */
  private announce(message: string): void {
    const pending = this.nextAnnouncement;
    const scheduled = pending.length > 0;
    const earlier = pending.indexOf(message);
    if (earlier !== -1) pending.splice(earlier, 1);
    pending.push(message);
    if (pending.length > MAX_MESSAGES_AT_ONCE) pending.shift();
    if (scheduled) return;
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = pending.join(' ');
      this.nextAnnouncement = [];
    });
  }

  private readonly onSignedIn = (event: CustomEvent<AgentSession>) => {
    const session = event.detail;
    this.signingIn(session).then(
      () => {
        this.session = session;
        this.reason = undefined;
        this.moveFocus = true;
      },
      // A chunk that cannot load (offline, a new release replaced it): at least say so.
      () => this.announce(this.t.errors.load),
    );
  };

  private async signOut(): Promise<void> {
    try {
      await this.signInClient.session.signOut();
    } catch {
      // The session ends here either way; the cookie expires on its own.
    }
    this.session = null;
    this.reason = 'signed-out';
    this.moveFocus = true;
    this.announce(this.t.signedOut);
  }

  private switchLanguage(locale: string): void {
    this.setAttribute('lang', locale);
    document.documentElement.lang = locale;
    try {
      localStorage.setItem(LANGUAGE_KEY, locale);
    } catch {
      // Not remembered then; it still applies now.
    }
  }

  /** Follows the chat queue for the navigation's count (not on the sign-in page's first load). */
  private async countChats(): Promise<void> {
    const { ChatQueueCount } = await import('../chat/queue-count.js');
    this.chatQueue ??= new ChatQueueCount(this, () => ({
      client: this.session ? this.client : undefined,
      inChatView: this.route.name === 'chat',
      arrived: this.t.nav.chatArrived,
      offered: this.t.nav.chatOffered,
    }));
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('session') && this.session && !this.chatQueue) {
      this.countChats().catch(() => undefined);
    }
    if ((changed.has('route') || changed.has('session')) && this.session) {
      const view = this.viewOf(this.route);
      // A chunk that cannot load (offline, a new release replaced it): at least say so.
      if (view !== 'forbidden') loadView(view).catch(() => this.announce(this.t.errors.load));
    }
  }

  protected override updated(changed: PropertyValues): void {
    document.title = `${this.heading()} – ${this.t.appName}`;
    if (document.documentElement.lang !== this.l10n.locale && this.isConnected) {
      document.documentElement.lang = this.l10n.locale;
    }
    if (this.moveFocus && (changed.has('route') || changed.has('session'))) {
      this.moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  /** Which view a route shows this person: admin views are refused to other roles. */
  private viewOf(route: Route, session = this.session): ViewName | 'forbidden' {
    const view = VIEWS[route.name];
    if (view.adminOnly && session?.agent.role !== 'admin') return 'forbidden';
    return route.name;
  }

  private heading(): string {
    if (this.session === undefined) return this.t.loading;
    if (this.session === null) return this.t.signIn.heading;
    const view = this.viewOf(this.route);
    if (view === 'forbidden') return this.t.forbidden.heading;
    return VIEWS[view].heading(this.t, this.route);
  }

  protected override render(): TemplateResult {
    return html`
      <button class="skip secondary" type="button" @click=${this.skipToMain}>
        ${this.t.skipToContent}
      </button>
      <header class="banner" role="banner">
        <p class="app-name">${this.t.appName}</p>
        ${this.session ? this.renderNav() : nothing}
        <div class="tools">
          ${this.session ? this.renderWho(this.session) : nothing} ${this.renderLanguageSwitch()}
        </div>
      </header>
      <main id="main" tabindex="-1" data-view=${this.route.name}>
        <h1 tabindex="-1">${this.heading()}</h1>
        ${this.renderMain()}
      </main>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  private renderMain(): TemplateResult | typeof nothing {
    if (this.session === undefined) return html`<p>${this.t.loading}</p>`;
    if (this.session === null) {
      const message =
        this.reason === 'expired'
          ? this.t.sessionExpired
          : this.reason === 'signed-out'
            ? this.t.signedOut
            : this.reason === 'unreachable'
              ? this.t.signIn.unreachable
              : '';
      return html`
        ${message ? html`<p class="reason" role="status">${message}</p>` : nothing}
        <kc-sign-in .client=${this.signInClient} @kc-signed-in=${this.onSignedIn}></kc-sign-in>
      `;
    }
    const view = this.viewOf(this.route);
    if (view === 'forbidden') return html`<p>${this.t.forbidden.text}</p>`;
    // Set before `session` is (withResources); a client taken away meanwhile waits for a new one.
    if (!this.client) return html`<p>${this.t.loading}</p>`;
    return VIEWS[view].render({
      client: this.client,
      agent: this.session.agent,
      route: this.route,
      base: normalizeBase(this.base),
      t: this.t,
    });
  }

  private renderNav(): TemplateResult {
    const admin = this.session?.agent.role === 'admin';
    const link = (name: Route['name'], path: string, label: string) => html`
      <li>
        <a
          href=${`${normalizeBase(this.base)}${path}`}
          aria-current=${this.route.name === name ? 'page' : nothing}
          >${label}</a
        >
      </li>
    `;
    return html`
      <nav aria-label=${this.t.nav.label}>
        <ul>
          ${link('inbox', '/', this.t.nav.inbox)}
          <li>
            <a
              href=${`${normalizeBase(this.base)}/chat`}
              aria-current=${this.route.name === 'chat' ? 'page' : nothing}
              >${this.t.nav.chat}<span class="visually-hidden">, </span
              ><span class="count">${this.t.nav.chatWaiting(this.chatQueue?.waiting ?? 0)}</span></a
            >
          </li>
          ${this.session?.agent.role === 'specialist' ? nothing : link('dashboard', '/dashboard', this.t.dashboard.heading)}
          ${admin ? link('notices', '/notices', this.t.nav.notices) : nothing}
          ${admin ? link('audit', '/audit', this.t.nav.audit) : nothing}
        </ul>
      </nav>
    `;
  }

  private renderWho(session: AgentSession): TemplateResult {
    const { agent } = session;
    return html`
      <p class="who">${this.t.signedInAs(agent.name, this.t.roles[agent.role])}</p>
      <button class="secondary" type="button" @click=${() => this.signOut()}>
        ${this.t.signOut}
      </button>
    `;
  }

  /** One button per other language, named in that language (and marked with its `lang`). */
  private renderLanguageSwitch(): TemplateResult[] {
    return CONSOLE_LOCALES.filter((locale) => locale !== this.l10n.locale).map((locale) => {
      const texts = TEXTS[locale];
      return html`
        <button
          class="secondary"
          type="button"
          lang=${locale}
          aria-label=${texts.switchToThis}
          @click=${() => this.switchLanguage(locale)}
        >
          ${texts.languageName}
        </button>
      `;
    });
  }

  /**
   * The skip "link" is a button: in a shadow root `#main` is no fragment a link can point to
   * (nor one axe can check), so focus moves to the main heading by hand.
   */
  private skipToMain(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
