import type {
  CasesResource,
  CaseWatch,
  CaseWatchErrorEvent,
  DepartmentPreview,
  KontaktClient,
  LocalizedText,
} from '@kontakt/core';
import {
  DEFAULT_TIME_ZONE,
  fetchDepartmentPreview,
  internalError,
  isKontaktError,
} from '@kontakt/core';
import type { CaseAccess, CaseLookup, PublicCase } from '@kontakt/core/schemas';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcStatusChangeEvent } from '../../events/status-change.js';
import { ClientController } from '../../internal/client.js';
import { DeferredController } from '../../internal/deferred.js';
import { KontaktElement } from '../../internal/kontakt-element.js';
import type * as Deferred from './status-tracker.deferred.js';
import { TrackerLocalize } from './status-tracker.localize.js';
import type { LookupFailure } from './status-tracker.model.js';
import {
  forgetToken,
  isOlderCase,
  keepToken,
  keptToken,
  looksLikeReference,
  looksLikeToken,
  readLink,
  TIMING,
  toLookupFailure,
  withoutToken,
} from './status-tracker.model.js';
import { styles } from './status-tracker.styles.js';
import type { TrackerField } from './status-tracker.view.js';
import { failureView, formView } from './status-tracker.view.js';

const STATES = [
  'loading',
  'empty',
  'invalid',
  'opening',
  'shown',
  'not-found',
  'rate-limited',
  'offline',
  'failed',
] as const;
type State = (typeof STATES)[number];

/** What the polite live region says (kept as data, so it follows a language switch). */
type Announcement =
  | { kind: 'changed'; status: PublicCase['status'] }
  | { kind: 'following' | 'reconnecting' | 'reconnected' | 'ended' | 'sent' };

/** How a case was asked for: a link opens it without focus; the form moves focus to it. */
type Way = 'link' | 'kept' | 'form';

/**
 * Lets a citizen follow a case: its status in plain words, the expected answer date and the
 * public timeline, updated live while the page is open. Works for every kind of case (fault
 * reports and contact-form questions alike).
 *
 * Its sender (who opened it with the receipt link or their e-mail address) can answer the contact
 * center's question while it waits for them ("Väntar på dig"), or add to the case while it is open:
 * the answer is kept in the tab until it is sent, and sent again, once, when the connection comes
 * back. Someone who follows another person's fault report cannot.
 *
 * Two ways in: the receipt's link (the tracker page's address with the fragment
 * `#reference=KC-XXXX-XXXX&token=…`, or the `reference` and `token` attributes) opens the case at
 * once; otherwise a form asks for the case reference and the e-mail address used. An unknown
 * reference and a wrong address or token get the same answer, so the form cannot be used to learn
 * which references exist. Nothing personal is ever shown: the server sends the status, the
 * timeline and public notes only, and the token is never displayed.
 *
 * After a link has opened a case, its access token is kept in `sessionStorage` (per reference;
 * it ends with the tab) and removed from the address bar, so a reload still shows the case and
 * a copied address does not hand the case to someone else.
 *
 * The first frame needs only Lit, the Swedish texts and the status words; the client and the
 * checks of what is typed load when the person first uses the form, or at once for a link.
 * It speaks the language of its `lang` (or an ancestor's, or the page's): Swedish, English,
 * Finnish, Arabic (right to left), or easy-read Swedish for `lang="sv-simple"`, which also says
 * the statuses more simply.
 *
 * @summary Follow a case's status and public timeline, live, by receipt link or reference + e-mail.
 * @since 0.4.0
 * @tag kc-status-tracker
 *
 * @event {KcStatusChangeEvent} kc-status-change - A case is shown, or the shown case changed; `event.publicCase` is what the citizen may see.
 * @event {KcErrorEvent} kc-error - A lookup, the live updates or sending a message failed; `event.error.code` says why (`case_not_found`, `rate_limited`, `network_error`, `case_finished`, …).
 * @slot - Shown instead of the tracker when it is not configured (and, by the browser, before the element is defined): another way to ask about a case, e.g. a phone number.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The form asking for the reference and the e-mail address.
 * @csspart field - One field: label, hint, error and input.
 * @csspart label - A field's label.
 * @csspart input - A text field.
 * @csspart hint - Help text under a label, and the note that no personal data is shown.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors after a submit, linking to each field.
 * @csspart alert - Why the case could not be shown (not found, too many tries, no connection), or a message not sent.
 * @csspart submit-button - The button that looks the case up.
 * @csspart announcement - The polite live region: a live change, a dropped connection.
 * @csspart case - The shown case.
 * @csspart case-heading - The case's heading with its reference; it gets focus when a lookup from the form succeeds.
 * @csspart reference - The case reference.
 * @csspart status - The case's status panel: label, meaning and expected date.
 * @csspart status-label - The status in a few words.
 * @csspart status-meaning - What the status means for the person.
 * @csspart expected - The date an answer is promised by.
 * @csspart details - The kind of case, its topic or category, and the number of photos.
 * @csspart duplicate - The note that the case is a duplicate, with the follow button.
 * @csspart follow-button - Follows the case this one duplicates instead.
 * @csspart timeline - The public timeline (an ordered list, newest first).
 * @csspart timeline-entry - One entry of the timeline.
 * @csspart message-form - The sender's form to answer the contact center's question, or to add to an open case.
 * @csspart question - The contact center's question, while it waits for the person.
 * @csspart message-input - The text of the answer (also `input`).
 * @csspart message-button - Sends the answer.
 * @csspart message-sent - Says the answer was received.
 * @csspart message-queued - An answer that could not be sent: kept in the browser and sent when the connection is back, shown instead of the field (the `message-button` then tries now).
 * @csspart message-photos - The answer's photos (also `field`), for a case whose department takes photos with messages.
 * @csspart photos - The list of photos added to the answer.
 * @csspart photo - One photo added: its preview, or why it was refused, and its remove button.
 * @csspart photo-button - Opens the file picker (the camera too, on phones) to add a photo.
 * @csspart remove-photo-button - Removes a photo from the answer.
 * @csspart problem - Why a picked photo cannot be used.
 * @csspart another-button - Goes back to the form to look up another case.
 * @csspart fallback - Around the content inside the tag, when it is shown instead of the tracker.
 *
 * @cssproperty --kc-color-primary - Buttons, links and focus accents. Default `#0b5cad`.
 * @cssproperty --kc-color-on-primary - Text on primary buttons. Default `#ffffff`.
 * @cssproperty --kc-color-text - Text. Default `#1b1b1b`.
 * @cssproperty --kc-color-text-muted - Hints. Default `#545454`.
 * @cssproperty --kc-color-surface - Field and panel backgrounds. Default `#ffffff`.
 * @cssproperty --kc-color-border - Borders. Default `#6b6b6b`.
 * @cssproperty --kc-color-danger - Errors. Default `#b3261e`.
 * @cssproperty --kc-color-warning-surface - The dropped-connection note. Default `#fff4ce`.
 * @cssproperty --kc-color-success-surface - The status panel. Default `#e3f4e8`.
 * @cssproperty --kc-color-focus - The focus outline. Default `#0b5cad`.
 * @cssproperty --kc-font-family - Font. Default the system UI font.
 * @cssproperty --kc-font-size - Base font size. Default `1rem`.
 * @cssproperty --kc-radius - Corner radius. Default `0.375rem`.
 * @cssproperty --kc-space-s - Small spacing. Default `0.5rem`.
 * @cssproperty --kc-space-m - Medium spacing. Default `1rem`.
 * @cssproperty --kc-space-l - Large spacing. Default `1.5rem`.
 * @cssproperty --kc-status-tracker-gap - Space between parts. Default `--kc-space-m`.
 * @cssproperty --kc-status-tracker-max-width - The tracker's largest inline size. Default `40rem`.
 * @cssproperty --kc-status-tracker-input-border - Border of text fields. Default `2px solid #6b6b6b`.
 *
 * @cssstate loading - The element's language is loading.
 * @cssstate empty - The form is shown, nothing asked yet.
 * @cssstate invalid - The last submit found errors in what was typed.
 * @cssstate opening - A case is being looked up.
 * @cssstate shown - A case is shown.
 * @cssstate not-found - No case matched (an unknown reference, a wrong e-mail address or token).
 * @cssstate rate-limited - Too many lookups: the person is told when to try again.
 * @cssstate offline - The contact center could not be reached.
 * @cssstate failed - The lookup failed for another reason.
 * @cssstate reconnecting - A shown case's live updates have been cut off for a while.
 */
export class KcStatusTracker extends KontaktElement {
  static override styles = styles;

  static override properties = {
    endpoint: { reflect: true },
    department: { reflect: true },
    reference: {},
    token: {},
    client: { attribute: false },
    values: { state: true },
    errors: { state: true },
    failure: { state: true },
    opening: { state: true },
    publicCase: { state: true },
    following: { state: true },
    announcement: { state: true },
    names: { state: true },
    categoryNames: { state: true },
  };

  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  endpoint: string | undefined = undefined;
  /** The id of the department whose page this is (e.g. `gata`); any department's case can be followed. */
  department: string | undefined = undefined;
  /**
   * A case reference to open (with `token`) or to fill into the form (without). The page's
   * address (`#reference=…&token=…`, as the receipts link) is read when this is not set.
   */
  reference: string | undefined = undefined;
  /** The receipt token that, with `reference`, opens the case without the form. Never shown. */
  token: string | undefined = undefined;
  /** A client made with `createClient()`; overrides `endpoint` and `department`. */
  client: KontaktClient | undefined = undefined;

  private values: Record<TrackerField, string> = { reference: '', email: '' };
  private errors: Map<TrackerField, string> = new Map();
  private failure: LookupFailure | undefined = undefined;
  /** How the case being looked up was asked for, while it is. */
  private opening: Way | undefined = undefined;
  private publicCase: PublicCase | undefined = undefined;
  private following: 'idle' | 'busy' | 'failed' = 'idle';
  private announcement: Announcement | undefined = undefined;
  /** Departments' names and categories, by id, as they arrive (`null`: could not be read). */
  private names: ReadonlyMap<string, DepartmentPreview | null> = new Map();
  /** Fault categories' names by id, from the fault catalog, once read. */
  private categoryNames: ReadonlyMap<string, LocalizedText> = new Map();

  readonly #localize = new TrackerLocalize(this);
  readonly #clients = new ClientController(this);
  private readonly deferred = new DeferredController<typeof Deferred>(
    this,
    () => import('./status-tracker.deferred.js'),
  );
  /** Never rendered: it reads the case, and the person may share their screen. */
  #accessToken: string | undefined;
  #watch: CaseWatch | undefined;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #startedFor: string | undefined;
  #focusAfterRender: string | undefined;
  /** The person's message to the shown case: made when a case is first opened by its sender. */
  #message: Deferred.CaseMessageController | undefined;
  readonly #requested = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page, a shown case keeps updating.
    if (this.publicCase && this.#accessToken && !this.#watch)
      this.#follow(this.publicCase.reference);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWatching();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const target = this.#clients.target;
    const key = target && `${target.key}\n${this.reference ?? ''}\n${this.token ?? ''}`;
    if (target && key !== this.#startedFor) {
      this.#startedFor = key;
      this.#openFromLink(target.endpoint);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setExclusiveState(STATES, this.#currentState());
    this.setState('reconnecting', this.announcement?.kind === 'reconnecting');
    if (this.#focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${this.#focusAfterRender}`);
      this.#focusAfterRender = undefined;
      target?.focus();
    }
  }

  #currentState(): State {
    if (!this.#localize.ready) return 'loading';
    if (this.opening) return 'opening';
    if (this.publicCase) return 'shown';
    if (this.failure) {
      return this.failure.kind === 'unexpected' ? 'failed' : this.failure.kind;
    }
    return this.errors.size ? 'invalid' : 'empty';
  }

  /**
   * Opens the case the attributes or the receipt link name, at once; a reference alone fills
   * the form, or opens with the token this tab kept for it.
   */
  #openFromLink(endpoint: string): void {
    const fromAttributes = this.reference?.trim().toUpperCase();
    const link =
      fromAttributes && looksLikeReference(fromAttributes)
        ? {
            reference: fromAttributes,
            token: this.token && looksLikeToken(this.token) ? this.token : undefined,
          }
        : readLink(globalThis.location?.hash ?? '');
    if (!link) return;
    this.values = { ...this.values, reference: link.reference };
    if (link.token) {
      void this.#open(link.reference, { token: link.token }, 'link');
      return;
    }
    const kept = keptToken(endpoint, link.reference);
    if (kept) void this.#open(link.reference, { token: kept }, 'kept');
  }

  async #open(reference: string, lookup: CaseLookup, way: Way): Promise<void> {
    this.opening = way;
    this.failure = undefined;
    const access = await this.#request((cases) => cases.lookup(reference, lookup));
    this.opening = undefined;
    const endpoint = this.#clients.target?.endpoint ?? '';
    if (!access) {
      // A kept token that no longer opens the case is forgotten; the form is there instead.
      if (way === 'kept') forgetToken(endpoint, reference);
      if (way === 'form') this.#focusAfterRender = 'failure';
      return;
    }
    if (way === 'link') {
      keepToken(endpoint, access.case.reference, access.accessToken);
      this.#dropTokenFromAddress();
    }
    // A kept token may be a follower's: the server says whose it is (an older one does not).
    this.#show(access, way === 'form', access.sender !== false);
  }

  /**
   * Removes the receipt token from the address bar once it has opened the case (it is kept in
   * this tab's `sessionStorage` instead): a person who copies the address to share the page, or
   * whose screen shows it, does not hand over access to the case. The reference stays, so a
   * reload finds the kept token. `replaceState` adds no history entry, and the fragment never
   * reached a server log in the first place.
   */
  #dropTokenFromAddress(): void {
    if (this.token) return;
    const href = globalThis.location?.href;
    const clean = href ? withoutToken(href) : undefined;
    if (clean) history.replaceState(history.state, '', clean);
  }

  /** Runs one call of `client.cases`; on failure says why and resolves `undefined`. */
  async #request<T>(call: (cases: CasesResource) => Promise<T>): Promise<T | undefined> {
    try {
      const module = await this.deferred.load();
      const client = this.#clients.client(module.createClient);
      if (!client) return undefined;
      return await call(client.cases);
    } catch (error) {
      // Not the SDK's error: the lookup's own code could not load (offline since the page
      // loaded), which the person meets as a contact center that cannot be reached.
      const failure = isKontaktError(error) ? error : internalError(error);
      this.failure = isKontaktError(error) ? toLookupFailure(error) : { kind: 'offline' };
      this.dispatchEvent(new KcErrorEvent(failure));
      return undefined;
    }
  }

  /** Shows a case; `sender`: opened by its receipt token or e-mail address, so it may be answered. */
  #show(access: CaseAccess, focus: boolean, sender: boolean): void {
    this.#stopWatching();
    this.#accessToken = access.accessToken;
    this.publicCase = access.case;
    this.#answer(access, sender);
    this.errors = new Map();
    this.failure = undefined;
    this.following = 'idle';
    if (focus) this.#focusAfterRender = 'case-heading';
    this.#learnNames(access.case);
    this.dispatchEvent(new KcStatusChangeEvent(access.case));
    this.#follow(access.case.reference);
  }

  /** The client, once the later chunk that makes it has loaded. */
  #loadedClient(): KontaktClient | undefined {
    const module = this.deferred.value;
    return module && this.#clients.client(module.createClient);
  }

  /** Readies the sender's message to the case (its kept draft, a message still to send). */
  #answer(access: CaseAccess, sender: boolean): void {
    const module = this.deferred.value;
    const loaded = this.#loadedClient();
    // A client the page gave answers as it is; the tracker's own is for the page's department.
    const own = !this.#clients.target?.client;
    const client = loaded && module?.answerClientFor(loaded, access.case.department, own);
    if (!sender || !module || !client) {
      this.#message?.use(undefined);
      return;
    }
    this.#message ??= new module.CaseMessageController(this, (answered) => {
      // A kept message can reach its case after the person went on to another.
      if (answered.reference !== this.publicCase?.reference) return;
      this.announcement = { kind: 'sent' };
      this.#onCaseChange(answered, false);
    });
    const reference = access.case.reference;
    this.#message.use({
      client,
      reference,
      accessToken: access.accessToken,
      draftKey: module.messageDraftKey(this.#clients.target?.endpoint ?? '', reference),
    });
  }

  /** Follows the shown case live; each change is announced politely, focus stays where it is. */
  #follow(reference: string): void {
    const client = this.#loadedClient();
    if (!client || !this.#accessToken) return;
    const watch = client.cases.watch(reference, { accessToken: this.#accessToken });
    this.#watch = watch;
    watch.addEventListener('error', (event) => {
      if (this.#watch === watch) this.#onWatchError(event as CaseWatchErrorEvent);
    });
    void (async () => {
      for await (const next of watch) {
        if (this.#watch !== watch) break;
        this.#onCaseChange(next);
      }
    })().catch(() => undefined);
  }

  #stopWatching(): void {
    this.#watch?.close();
    this.#watch = undefined;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  /** `announce`: say the change (not after the person's own message: that says it was sent). */
  #onCaseChange(next: PublicCase, announce = true): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    const before = this.publicCase;
    const wasCut = this.announcement?.kind === 'reconnecting';
    const unchanged =
      before &&
      (isOlderCase(next, before) ||
        (next.updatedAt === before.updatedAt && next.status === before.status));
    if (unchanged) {
      if (wasCut) this.announcement = { kind: 'reconnected' };
      return;
    }
    this.publicCase = next;
    this.#learnNames(next);
    if (announce) this.announcement = { kind: 'changed', status: next.status };
    this.dispatchEvent(new KcStatusChangeEvent(next));
  }

  #onWatchError(event: CaseWatchErrorEvent): void {
    if (!event.willRetry) {
      clearTimeout(this.#reconnectTimer);
      this.announcement = { kind: 'ended' };
      this.dispatchEvent(new KcErrorEvent(event.error));
      return;
    }
    // Quiet at first: most drops heal before anyone would notice.
    this.#reconnectTimer ??= setTimeout(() => {
      this.announcement = { kind: 'reconnecting' };
      // Started over, the watch reads the case first: that answer says the connection is back
      // (the stream it had resumes without one, and a case that did not change sends nothing).
      const reference = this.publicCase?.reference;
      this.#watch?.close();
      this.#watch = undefined;
      if (reference) this.#follow(reference);
    }, TIMING.reconnectNoticeMs);
  }

  /** Reads the names of the case's department and of any it was forwarded to. */
  #learnNames(publicCase: PublicCase): void {
    const endpoint = this.#clients.target?.endpoint;
    if (!endpoint) return;
    if (publicCase.fault) this.#learnCategory(publicCase);
    const ids = [
      publicCase.department,
      ...publicCase.timeline.flatMap((entry) => (entry.department ? [entry.department] : [])),
    ];
    for (const id of ids) {
      if (this.#requested.has(id)) continue;
      this.#requested.add(id);
      fetchDepartmentPreview(endpoint, id).then(
        (preview) => {
          this.names = new Map(this.names).set(id, preview);
        },
        () => {
          // Names are a courtesy: the case shows without them.
          this.names = new Map(this.names).set(id, null);
        },
      );
    }
  }

  /**
   * A fault report's category name, from the fault catalog of the department this element's
   * client is for (the page's department: where its own reports are filed).
   */
  #learnCategory(publicCase: PublicCase): void {
    const client = this.#loadedClient();
    if (!client || client.department !== publicCase.department) return;
    const key = `faults:${publicCase.department}`;
    if (this.#requested.has(key)) return;
    this.#requested.add(key);
    client.faults.categories().then(
      (categories) => {
        this.categoryNames = new Map(categories.map((each) => [each.id, each.name]));
      },
      () => {
        // The category's name is a courtesy too; a later case may try again.
        this.#requested.delete(key);
      },
    );
  }

  protected override render(): TemplateResult {
    const { ready, requested, t } = this.#localize;
    const lang = ready ? this.#localize.locale : requested;
    return html`<div part="base" class="base" lang=${lang} dir=${ready ? t.dir : 'auto'}>
      ${ready ? this.#renderView() : nothing}
      <div part="announcement" class="announcement" role="status" aria-live="polite">${ready ? this.#renderAnnouncement() : nothing}</div>
    </div>`;
  }

  #renderView(): TemplateResult {
    const { t } = this.#localize;
    if (!this.#clients.target) {
      return html`<div part="fallback" class="fallback"><slot></slot></div>`;
    }
    if (this.opening === 'link' || this.opening === 'kept') {
      return html`<p class="loading"><span class="spinner" aria-hidden="true"></span>${t.loading}</p>`;
    }
    const deferred = this.deferred.value;
    if (this.publicCase && deferred) {
      return deferred.caseView({
        t,
        locale: this.#localize.locale,
        publicCase: this.publicCase,
        formatDate: this.#formatDate,
        topicName: this.#topicName(this.publicCase),
        departmentName: (id) => {
          return this.names.get(id)?.name;
        },
        following: this.following,
        onFollow: this.#onFollow,
        onAnother: this.#onAnother,
        message: this.#message?.active ? this.#message : undefined,
        answerPhotos: this.#answerPhotos(this.publicCase),
      });
    }
    return formView({
      t,
      values: this.values,
      errors: this.errors,
      busy: this.opening === 'form',
      failure: this.failure ? failureView(t, this.failure, this.#retryAt()) : nothing,
      onInput: this.#onInput,
      onSubmit: this.#onSubmit,
      onSummaryLink: this.#onSummaryLink,
    });
  }

  #renderAnnouncement(): TemplateResult | typeof nothing {
    const { t, locale } = this.#localize;
    const said = this.announcement;
    const words = this.deferred.value?.statusWords;
    if (!said || !words) return nothing;
    switch (said.kind) {
      case 'changed':
        return html`<p>${t.changed(words(t, said.status, locale).label)}</p>`;
      case 'following':
        return html`<p>${t.following}</p>`;
      case 'reconnecting':
        return html`<p class="reconnecting">${t.reconnecting}</p>`;
      case 'reconnected':
        return html`<p>${t.reconnected}</p>`;
      case 'ended':
        return html`<p class="reconnecting">${t.watchEnded}</p>`;
      case 'sent':
        return html`<p>${(t.message ?? this.deferred.value?.SV_MESSAGE_TEXTS)?.sent}</p>`;
    }
  }

  /** The photos an answer to `publicCase` may carry: its department's, if the answer can. */
  #answerPhotos(publicCase: PublicCase) {
    const { department } = publicCase;
    if (this.#message?.department !== department) return undefined;
    return this.names.get(department)?.photos;
  }

  /** The topic's (or a fault report's category's) name, when it has been read. */
  #topicName(publicCase: PublicCase): LocalizedText | undefined {
    const categoryName = publicCase.fault && this.categoryNames.get(publicCase.fault.category);
    if (categoryName) return categoryName;
    const preview = this.names.get(publicCase.department);
    return preview?.categories.find((each) => each.id === publicCase.topic)?.name;
  }

  /** When the person may try again after a 429, as a time on their own clock. */
  #retryAt(): string | undefined {
    if (this.failure?.kind !== 'rate-limited' || !this.failure.retryAt) return undefined;
    return new Intl.DateTimeFormat(this.#localize.formatLocale, {
      hour: '2-digit',
      minute: '2-digit',
    }).format(this.failure.retryAt);
  }

  /** Dates as the municipality keeps them: in Sweden's time zone, in the element's language. */
  #formatDate = (iso: string, withTime: boolean): string => {
    const options: Intl.DateTimeFormatOptions = withTime
      ? { dateStyle: 'long', timeStyle: 'short' }
      : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
    return new Intl.DateTimeFormat(this.#localize.formatLocale, {
      ...options,
      timeZone: DEFAULT_TIME_ZONE,
    }).format(new Date(iso));
  };

  #onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.values = { ...this.values, [input.name]: input.value };
  };

  #onSummaryLink = (event: Event, field: TrackerField): void => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.opening || !this.#clients.target) return;
    this.failure = undefined;
    let module: typeof Deferred;
    try {
      module = this.deferred.value ?? (await this.deferred.load());
    } catch {
      this.failure = { kind: 'offline' };
      this.#focusAfterRender = 'failure';
      return;
    }
    const { t } = this.#localize;
    const errors = new Map<TrackerField, string>();
    const reference = module.normalizeCaseReference(this.values.reference);
    const email = this.values.email.trim();
    if (!this.values.reference.trim()) errors.set('reference', t.referenceMissing);
    else if (!reference) errors.set('reference', t.referenceInvalid);
    if (!email) errors.set('email', t.emailMissing);
    else if (!module.EmailSchema.safeParse(email).success) errors.set('email', t.emailInvalid);
    this.errors = errors;
    const [first] = errors.keys();
    if (first || !reference) {
      if (first) this.#focusAfterRender = first;
      return;
    }
    // What the person typed, shown as the reference really is (`kc 7f3k 9qxm` → `KC-7F3K-9QXM`).
    this.values = { ...this.values, reference };
    await this.#open(reference, { email }, 'form');
  };

  #onFollow = async (): Promise<void> => {
    const original = this.publicCase?.duplicateOf;
    if (!original || this.following === 'busy') return;
    this.following = 'busy';
    const access = await this.#request((cases) =>
      cases.follow(original, { locale: this.#localize.locale }),
    );
    if (!access) {
      // Said next to the button; the case shown stays as it was.
      this.failure = undefined;
      this.following = 'failed';
      return;
    }
    keepToken(this.#clients.target?.endpoint ?? '', access.case.reference, access.accessToken);
    this.#show(access, true, false);
    this.announcement = { kind: 'following' };
  };

  #onAnother = (): void => {
    this.#stopWatching();
    this.#message?.use(undefined);
    this.publicCase = undefined;
    this.#accessToken = undefined;
    this.announcement = undefined;
    this.values = { reference: '', email: '' };
    this.#focusAfterRender = 'reference';
  };
}
