import type { Notice, NoticeWatch, NoticeWatchOptions } from '@kontakt/core';
import { KontaktError, LOCALES, watchNotices } from '@kontakt/core';
import { KcErrorEvent } from '../../events/error.js';
import { KcNoticeChangeEvent } from '../../events/notice-change.js';
import type { PropertyValues } from '../../internal/kontakt-reactive-element.js';
import { KontaktReactiveElement } from '../../internal/kontakt-reactive-element.js';
import { LangController, pickLanguage } from '../../internal/lang.js';
import { SettingsController, settingsTarget } from '../../internal/settings.js';
import type { Target } from '../../internal/target.js';
import { HiddenNotices } from './notice.hidden.js';
import { activeNotices, untilNextChange, versionOf } from './notice.model.js';
import { styles } from './notice.styles.js';
import type { NoticeTexts } from './notice.texts.js';
import { noticeTexts } from './notice.texts.js';
import type { NoticeView, Skeleton } from './notice.view.js';
import { announcement, createNoticeView, createSkeleton, fillNoticeView } from './notice.view.js';

/**
 * How `<kc-notice>` reads and follows a department's notices: `watchNotices` from `@kontakt/core`
 * (the default) or anything with its signature, e.g. fixed notices in a story or a test.
 */
export type NoticeSource = (
  endpoint: string,
  department: string,
  options: NoticeWatchOptions,
) => NoticeWatch;

const STATES = ['loading', 'load-error', 'none', 'shown'] as const;

/**
 * `loading`: no answer yet; `load-error`: none could be had (not configured, unreachable,
 * unknown), named as the states they show.
 */
type Status = 'loading' | 'load-error' | 'ok';

/**
 * What a live region said is emptied after this long, so that reading the page later does not
 * meet it twice (the notice itself is in the page).
 */
const ANNOUNCEMENT_MS = 10_000;

/**
 * The crisis and service notices that are active now for a department's pages ("Vattenläcka på
 * Storgatan", "Telefonerna är stängda i dag"), from the contact center, live: a notice appears
 * when it is published or its start time comes, changes when it is changed, and goes when it ends
 * or is withdrawn. A notice that appears while the page is open is read out by screen readers
 * without moving focus: an alert for `danger`, politely otherwise (a `danger` notice is also read
 * out when the page opens). Most serious first, then the newest.
 *
 * A person can hide a notice; which ones is remembered in `localStorage` only once they hide one
 * (nothing is written before), and a notice that is changed later shows again.
 *
 * Without a notice it shows nothing and takes no space. Whatever the page writes inside the tag
 * (a link to the municipality's disruption page) is shown until the element is defined, until the
 * notices are known, and whenever they cannot be read on the first load (server unreachable,
 * unknown department, not configured); it then keeps trying in the background.
 *
 * Built with DOM APIs on a small reactive base of kontakt's own instead of Lit, so that it loads
 * as little as it can (DESIGN.md: 8 KB); it needs no Trusted Types policy.
 *
 * @summary Active crisis and service notices for a department, live and announced.
 * @since 0.3.0
 * @tag kc-notice
 *
 * @slot - Shown until the notices are known and when they cannot be read: a way to find them without the widget, e.g. `<a href="/storningar">Aktuella störningar</a>`.
 *
 * @event {KcNoticeChangeEvent} kc-notice-change - The notices shown changed (one arrived, started, changed, ended, was withdrawn or hidden), and once when they are first known; `event.notices` holds those shown now.
 * @event {KcErrorEvent} kc-error - The notices could not be read or followed; `event.error.code` says why (`network_error`, `department_not_found`, `not_configured`, …). Fired once until they can be read again.
 *
 * @csspart base - The wrapper around everything.
 * @csspart notices - The labelled region with the list of notices; only there while a notice is shown (and, empty, while it holds focus after the person hid the last one).
 * @csspart notice - One notice.
 * @csspart notice-info - A notice of severity `info` (beside `notice`).
 * @csspart notice-warning - A notice of severity `warning` (beside `notice`).
 * @csspart notice-danger - A notice of severity `danger` (beside `notice`).
 * @csspart title - A notice's title (a heading, level `heading-level`), its severity first.
 * @csspart severity - The severity's name, above the title ("Varning").
 * @csspart text - A notice's text.
 * @csspart hide-button - Hides a notice for this person until it changes.
 * @csspart fallback - Around the content inside the tag, when it is shown.
 *
 * @cssproperty --kc-color-primary - Info notices' accent. Default `#0b5cad`.
 * @cssproperty --kc-color-text - Text. Default `#1b1b1b`.
 * @cssproperty --kc-color-surface - The hide button's background. Default `#ffffff`.
 * @cssproperty --kc-color-danger - Danger notices' accent. Default `#b3261e`.
 * @cssproperty --kc-color-warning-surface - Warning notices' background. Default `#fff4ce`.
 * @cssproperty --kc-color-focus - The focus outline. Default `#0b5cad`.
 * @cssproperty --kc-font-family - Font. Default the system UI font.
 * @cssproperty --kc-font-size - Base font size. Default `1rem`.
 * @cssproperty --kc-radius - Corner radius. Default `0.375rem`.
 * @cssproperty --kc-space-s - Small spacing. Default `0.5rem`.
 * @cssproperty --kc-space-m - Medium spacing. Default `1rem`.
 * @cssproperty --kc-notice-gap - Space between notices. Default `--kc-space-s`.
 * @cssproperty --kc-notice-info-accent - Border and severity colour of info notices. Default `--kc-color-primary`.
 * @cssproperty --kc-notice-info-surface - Background of info notices. Default `#e8f1fb`.
 * @cssproperty --kc-notice-warning-accent - Border and severity colour of warning notices. Default `#7a4a00`.
 * @cssproperty --kc-notice-warning-surface - Background of warning notices. Default `--kc-color-warning-surface`.
 * @cssproperty --kc-notice-danger-accent - Border and severity colour of danger notices. Default `--kc-color-danger`.
 * @cssproperty --kc-notice-danger-surface - Background of danger notices. Default `#fdecea`.
 *
 * @cssstate loading - The notices are not known yet: the content inside the tag shows.
 * @cssstate load-error - The notices could not be read: the content inside the tag shows (tried again in the background).
 * @cssstate none - No notice to show: nothing is shown and the element takes no space.
 * @cssstate shown - One or more notices are shown.
 * @cssstate danger - A `danger` notice is among those shown.
 */
export class KcNotice extends KontaktReactiveElement {
  static override styles = styles;

  /** Reactive options only; each property's type, default and meaning are on its field below. */
  static override properties = {
    endpoint: { reflect: true },
    department: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    source: { attribute: false },
  };

  // With `useDefineForClassFields: false` these initialisers are assignments in the constructor,
  // so they go through the reactive accessors (a defined field would shadow them).
  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  endpoint: string | undefined = undefined;
  /** The id of the department whose page this is (e.g. `gata`): its notices and those for all. */
  department: string | undefined = undefined;
  /** The level of the notices' title headings (2–6), to fit the page's outline. */
  headingLevel = 2;
  /** Reads and follows the notices; `watchNotices` from `@kontakt/core` unless set. */
  source: NoticeSource = watchNotices;

  readonly #language = new LangController(this);
  readonly #settings = new SettingsController(this);
  readonly #hiddenNotices = new HiddenNotices();
  /** Made with the shadow root; every render fills it. */
  #skeleton: Skeleton | undefined;
  /** The nodes of each notice shown, by id: kept, so a focused hide button stays where it is. */
  readonly #views = new Map<string, NoticeView>();
  /** Every notice the source has that has not ended (later ones too), as last received. */
  #received: readonly Notice[] = [];
  #status: Status = 'loading';
  /** The running source, while connected. */
  #watch: { handle: NoticeWatch | undefined } | undefined;
  /** The target (`''` for none) and source last followed. */
  #followed: { key: string; source: NoticeSource } | undefined;
  /** An error was reported and nothing has been read since (one `kc-error` per outage). */
  #failing = false;
  /** `id → updatedAt` of the active notices at the last render; `undefined` before the first answer. */
  #known: Map<string, string> | undefined;
  /** The notices shown at the last render. */
  #shownNotices: readonly Notice[] = [];
  /** The versions last told in `kc-notice-change`. */
  #reported: string | undefined;
  /** The person just hid a notice: say so. */
  #justHid = false;
  #changeTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #clearTimers = new Map<HTMLElement, ReturnType<typeof setTimeout>>();

  /** The notices shown now, in the order shown. */
  get notices(): readonly Notice[] {
    return this.#shownNotices;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Connected again after a disconnect: follow the notices again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    clearTimeout(this.#changeTimer);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    this.#skeleton = createSkeleton(root as ShadowRoot);
    return root;
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    this.#render();
  }

  protected override updated(): void {
    // Started after the first render: the live regions are in place before anything arrives.
    this.#follow();
    this.#report();
  }

  /**
   * Follows the notices of the configured department while connected: started once, again when
   * the target or the source changes, and again after a reconnect (keeping what it showed).
   */
  #follow(): void {
    if (!this.isConnected) return;
    // As the contact form: each attribute left out is the nearest <kc-provider>'s (or
    // configure()'s); an empty endpoint is not "this page".
    const target = this.#target();
    const key = target?.key ?? '';
    const same = key === this.#followed?.key && this.source === this.#followed.source;
    if (same && (this.#watch || !target)) return;
    this.#stop();
    this.#followed = { key, source: this.source };
    if (!same) {
      this.#received = [];
      this.#status = 'loading';
      this.#known = undefined;
      this.#reported = undefined;
      this.#failing = false;
    }
    if (!target) {
      this.#fail(
        new KontaktError('<kc-notice> needs an endpoint and a department.', {
          code: 'not_configured',
        }),
      );
      return;
    }
    // A source may call back at once, before it has returned its handle.
    const watch = { handle: undefined as NoticeWatch | undefined };
    this.#watch = watch;
    const current = () => this.#watch === watch;
    watch.handle = this.source(target.endpoint, target.department, {
      onChange: (notices) => {
        if (!current()) return;
        this.#received = notices;
        this.#status = 'ok';
        this.#failing = false;
        this.requestUpdate();
      },
      onError: (error) => {
        if (current()) this.#fail(error);
      },
    });
    this.requestUpdate();
  }

  /** Where the notices come from: the attributes, each left out the nearest provider's. */
  #target(): Target | undefined {
    return settingsTarget(this.endpoint, this.department, this.#settings.settings);
  }

  #stop(): void {
    this.#watch?.handle?.close();
    this.#watch = undefined;
  }

  /** Reports an outage once; before the first answer, the page's own content shows. */
  #fail(error: KontaktError): void {
    if (this.#status !== 'ok') this.#status = 'load-error';
    if (!this.#failing) {
      this.#failing = true;
      this.dispatchEvent(new KcErrorEvent(error));
    }
    this.requestUpdate();
  }

  #render(): void {
    const skeleton = this.#skeleton;
    if (!skeleton) return;
    const locale = pickLanguage(this.#language.tag, LOCALES);
    // Another language's words are on their way: rendered once they are here (the page's own
    // content shows meanwhile at first, and what was shown stays after a change of `lang`).
    const t = noticeTexts(locale, () => this.requestUpdate());
    if (!t) return;
    skeleton.base.lang = locale;
    skeleton.base.dir = t.dir;
    skeleton.region.ariaLabel = t.region;

    const now = Date.now();
    const department = this.#target()?.department ?? '';
    const active = activeNotices(this.#received, department, now);
    const shown = active.filter((notice) => !this.#hiddenNotices.has(notice));
    this.#renderNotices(skeleton, shown, locale, t);
    skeleton.fallback.hidden = this.#status === 'ok';
    this.#announce(skeleton, active, shown, locale, t);
    this.#shownNotices = shown;

    this.setExclusiveState(
      STATES,
      this.#status !== 'ok' ? this.#status : shown.length ? 'shown' : 'none',
    );
    this.setState(
      'danger',
      shown.some((notice) => notice.severity === 'danger'),
    );
    // Looked at again when the next notice starts or ends.
    clearTimeout(this.#changeTimer);
    const wait = untilNextChange(this.#received, department, now);
    if (wait !== undefined && this.isConnected)
      this.#changeTimer = setTimeout(() => this.requestUpdate(), wait);
  }

  /**
   * Puts the shown notices in the list in order, keeping each one's nodes (a focused button is
   * never recreated). Focus that was on a notice that went away moves to its neighbour's hide
   * button, or to the region when it was the last (WCAG 2.4.3: not dropped to the page; read as
   * "Aktuella meddelanden", with "Meddelandet är dolt" in the live region; the styles show it
   * empty only while it has focus); focus that was elsewhere is never touched.
   */
  #renderNotices(
    skeleton: Skeleton,
    shown: readonly Notice[],
    locale: keyof Notice['title'],
    t: NoticeTexts,
  ): void {
    const { list } = skeleton;
    const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const items = [...list.children];
    const focusedAt = items.findIndex((item) => focused && item.contains(focused));
    // The last notice goes with focus in it: the region takes focus first, while it still shows.
    if (focusedAt !== -1 && !shown.length) skeleton.region.focus();

    const ids = new Set(shown.map((notice) => notice.id));
    for (const [id, view] of this.#views) {
      if (ids.has(id)) continue;
      view.item.remove();
      this.#views.delete(id);
    }
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
    let previous: Element | null = null;
    for (const notice of shown) {
      let view = this.#views.get(notice.id);
      if (!view) {
        view = createNoticeView(() => this.#hide(notice.id));
        if (this.#known) view.item.classList.add('arrived');
        this.#views.set(notice.id, view);
      }
      fillNoticeView(view, notice, locale, t, level);
      const wanted: ChildNode | null = previous ? previous.nextSibling : list.firstChild;
      if (view.item !== wanted) list.insertBefore(view.item, wanted);
      previous = view.item;
    }

    if (!focused || focusedAt === -1) return;
    if (focused.isConnected) {
      // Moved within the list (its severity changed): moving a node drops its focus.
      if ((this.renderRoot as ShadowRoot).activeElement !== focused) focused.focus();
      return;
    }
    const neighbour = list.children[Math.min(focusedAt, list.children.length - 1)];
    neighbour?.querySelector('button')?.focus();
  }

  /**
   * Reads out what is new since the last render: every notice that appeared or changed while the
   * page is open (danger as an alert, the rest politely), and at the first answer the danger
   * notices only. Hidden notices are not news; a notice the person just hid is confirmed.
   */
  #announce(
    skeleton: Skeleton,
    active: readonly Notice[],
    shown: readonly Notice[],
    locale: keyof Notice['title'],
    t: NoticeTexts,
  ): void {
    if (this.#status !== 'ok') return;
    const first = this.#known === undefined;
    const known = this.#known ?? new Map<string, string>();
    const fresh = shown.filter(
      (notice) =>
        known.get(notice.id) !== notice.updatedAt && (!first || notice.severity === 'danger'),
    );
    this.#known = new Map(active.map((notice) => [notice.id, notice.updatedAt]));

    const urgent = fresh.filter((notice) => notice.severity === 'danger');
    const polite = fresh.filter((notice) => notice.severity !== 'danger');
    if (urgent.length) this.#say(skeleton.assertive, announcement(urgent, known, locale, t));
    const confirmation = this.#justHid ? [t.hidden] : [];
    this.#justHid = false;
    if (polite.length || confirmation.length) {
      this.#say(skeleton.polite, [...confirmation, ...announcement(polite, known, locale, t)]);
    }
  }

  /** Puts `nodes` in a live region (read out), and takes them away later. */
  #say(region: HTMLElement, nodes: (Node | string)[]): void {
    region.replaceChildren(...nodes);
    clearTimeout(this.#clearTimers.get(region));
    this.#clearTimers.set(
      region,
      setTimeout(() => region.replaceChildren(), ANNOUNCEMENT_MS),
    );
  }

  /** The person hides a notice: remembered (for this version of it) from now on. */
  #hide(id: string): void {
    const notice = this.#shownNotices.find((each) => each.id === id);
    if (!notice) return;
    this.#hiddenNotices.add(notice);
    this.#justHid = true;
    this.requestUpdate();
  }

  /** Tells the page when the notices shown have changed (once they are rendered: `#known`). */
  #report(): void {
    if (!this.#known) return;
    const versions = this.#shownNotices.map(versionOf).join(' ');
    if (versions === this.#reported) return;
    this.#reported = versions;
    this.dispatchEvent(new KcNoticeChangeEvent(this.#shownNotices));
  }
}
