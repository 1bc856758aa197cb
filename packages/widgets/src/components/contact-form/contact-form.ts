import type { DepartmentPreview, KontaktClient, MessageClient, Need } from '@kontakt/core';
import {
  fetchDepartmentPreview,
  internalError,
  isKontaktError,
  KontaktError,
  MESSAGE_MAX_LENGTH,
  mayHoldKeptSubmissions,
  NEEDS,
  peekDepartmentPreview,
  readDepartmentPreview,
} from '@kontakt/core';
import { Task, TaskStatus } from '@lit/task';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { LOCALE_BASICS, translations } from '../../i18n/locales.js';
import type { ContactFormField } from '../../i18n/translation.js';
import type { ClientTarget } from '../../internal/client.js';
import { ClientController } from '../../internal/client.js';
import { DeferredController } from '../../internal/deferred.js';
import { DraftController, draftKey } from '../../internal/draft-controller.js';
import { KontaktElement } from '../../internal/kontakt-element.js';
import { LocalizeController } from '../../internal/localize.js';
import type {
  SubmissionController,
  SubmissionState,
} from '../../internal/submission-controller.js';
import type * as Deferred from './contact-form.deferred.js';
import type { FieldsContext } from './contact-form.fields.js';
import {
  ANNOUNCE_REMAINING,
  answerLanguageField,
  channelField,
  contactField,
  countText,
  focusId,
  messageField,
  needsFields,
  textField,
  topicField,
} from './contact-form.fields.js';
import type { ContactFormValues, FieldErrorMap } from './contact-form.model.js';
import { contactFieldsFor, emptyValues, valuesFromDraft } from './contact-form.model.js';
import type { Sending } from './contact-form.sending.js';
import { styles } from './contact-form.styles.js';

/** The count is announced once typing pauses this long. */
const ANNOUNCE_DELAY_MS = 1000;

/** The name this widget gives itself in a submission's `origin.widget`. */
const WIDGET = 'kc-contact-form';

type View = 'form' | 'offline' | 'receipt';
/** What the live region says (a key, so it follows a language switch). */
type Announcement = '' | 'submitting' | 'draftRestored' | 'formCleared';
const IDLE: SubmissionState = { status: 'idle' };
const STATES = [
  'loading',
  'load-error',
  'ready',
  'invalid',
  'submitting',
  'failed',
  'offline',
  'submitted',
] as const;
type State = (typeof STATES)[number];

/**
 * A question or message to the municipality's contact center: topic, message, how and in which
 * language the person wants an answer, and needs such as an interpreter. Validated with the
 * contract's own rules, sent through the kontakt SDK, kept in the browser and sent later when the
 * network is down, and confirmed with a receipt (case reference and the date of the answer).
 *
 * Once the person has typed, what they wrote is kept in `sessionStorage` (per server, department
 * and page; it ends with the tab) and filled in again after a reload; nothing is stored before.
 * A message kept offline before a reload is shown as waiting, and its receipt once delivered.
 * Languages other than Swedish load on demand, and so does easy-read Swedish (`lang="sv-simple"`);
 * until the element's language is there, only the loading state shows.
 *
 * For a department that takes them (`messagePhotos`), the person may add photos — a picture of
 * a letter, a screenshot — scaled down and stripped of their metadata in the browser, kept with
 * the draft, uploaded before the message and kept offline with it.
 *
 * The form shows at once; the department's topics fill in when they arrive, and what only
 * sending needs (the client, validation, the outbox, the photos field) loads when the person
 * first focuses, presses or types in the form. Whatever the page writes inside the tag (a phone number, a link to an
 * e-mail address) is shown until the element is defined and whenever it cannot start: a server
 * that cannot be reached on the first load, or an element that is not configured.
 *
 * @summary A contact-center question form with receipt, offline outbox and accessible errors.
 * @since 0.1.0
 * @tag kc-contact-form
 *
 * @event {KcSubmitEvent} kc-submit - Before sending a valid message (`event.message`). Cancelable: `preventDefault()` stops the widget from sending.
 * @event {KcSubmittedEvent} kc-submitted - The message is stored; `event.receipt` holds the reference and the expected answer time. Also fired when a message kept offline is delivered later.
 * @slot - Shown instead of the form when it cannot start (and, by the browser, before the element is defined): a way to reach the contact center without it, e.g. `Ring 040-34 10 00`.
 *
 * @event {KcErrorEvent} kc-error - Loading the form or sending failed; `event.error.code` says why (e.g. `validation_failed`, `rate_limited`, `network_error`).
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The native form.
 * @csspart field - One field: label, hint, control and error.
 * @csspart label - A field's label or a group's legend.
 * @csspart input - A text field, select, textarea, radio button or checkbox.
 * @csspart hint - Help text under a label.
 * @csspart error - A field's error message, or the error when the form could not load.
 * @csspart character-count - The message's character count.
 * @csspart notice - The notice that what is sent becomes a public record (allmän handling).
 * @csspart warning - The warning shown when the message seems to hold a personal identity number.
 * @csspart error-summary - The list of errors shown after a failed submit, linking to each field.
 * @csspart alert - Why sending failed, when it did.
 * @csspart submit-button - The send button.
 * @csspart retry-button - The button that loads the form again after it failed to load.
 * @csspart fallback - Around the content inside the tag, when it is shown instead of the form.
 * @csspart status - The live region that tells what is happening (loading, sending, saved offline).
 * @csspart send-now-button - Tries to send a message kept offline at once.
 * @csspart receipt - The confirmation shown once the message is stored.
 * @csspart receipt-heading - The receipt's heading; it gets focus.
 * @csspart reference - The case reference on the receipt.
 * @csspart new-message-button - Starts a new message from the receipt.
 * @csspart tracker-link - The receipt's link to the status tracker (with `tracker-url`).
 * @csspart clear-button - Empties the form and forgets the draft; shown when a draft from before a reload was filled in.
 * @csspart photos - The list of photos added (for a department that takes photos with messages).
 * @csspart photo - One photo in the list: its preview, or why it cannot be sent, and its remove button.
 * @csspart photo-button - The button that opens the file picker to add a photo.
 * @csspart remove-photo-button - Removes a photo.
 * @csspart problem - Why a photo cannot be sent (not an image, HEIC, too large).
 *
 * @cssproperty --kc-color-primary - Buttons, links and focus accents. Default `#0b5cad`.
 * @cssproperty --kc-color-on-primary - Text on primary buttons. Default `#ffffff`.
 * @cssproperty --kc-color-text - Text. Default `#1b1b1b`.
 * @cssproperty --kc-color-text-muted - Hints. Default `#545454`.
 * @cssproperty --kc-color-surface - Field and panel backgrounds. Default `#ffffff`.
 * @cssproperty --kc-color-border - Borders. Default `#6b6b6b`.
 * @cssproperty --kc-color-danger - Errors. Default `#b3261e`.
 * @cssproperty --kc-color-warning-surface - Warning and offline backgrounds. Default `#fff4ce`.
 * @cssproperty --kc-color-success-surface - Receipt background. Default `#e3f4e8`.
 * @cssproperty --kc-color-focus - The focus outline. Default `#0b5cad`.
 * @cssproperty --kc-font-family - Font. Default the system UI font.
 * @cssproperty --kc-font-size - Base font size. Default `1rem`.
 * @cssproperty --kc-radius - Corner radius. Default `0.375rem`.
 * @cssproperty --kc-space-s - Small spacing. Default `0.5rem`.
 * @cssproperty --kc-space-m - Medium spacing. Default `1rem`.
 * @cssproperty --kc-space-l - Large spacing. Default `1.5rem`.
 * @cssproperty --kc-contact-form-gap - Space between fields. Default `--kc-space-m`.
 * @cssproperty --kc-contact-form-max-width - The form's largest inline size. Default `40rem`.
 * @cssproperty --kc-contact-form-input-border - Border of text fields. Default `2px solid #6b6b6b`.
 *
 * @cssstate loading - The form is shown; the department's topics are on their way.
 * @cssstate load-error - The form could not be loaded: the content inside the tag and a retry button are shown.
 * @cssstate ready - The form is shown.
 * @cssstate invalid - The last submit found errors.
 * @cssstate submitting - The message is being sent.
 * @cssstate failed - Sending failed; the text is kept.
 * @cssstate offline - The message is kept in the browser and will be sent when online.
 * @cssstate submitted - The receipt is shown.
 */
export class KcContactForm extends KontaktElement {
  static override styles = styles;

  /** Reactive options only; each property's type, default and meaning are on its field below. */
  static override properties = {
    endpoint: { reflect: true },
    department: { reflect: true },
    client: { attribute: false },
    trackerUrl: { attribute: 'tracker-url' },
    values: { state: true },
    errors: { state: true },
    announcement: { state: true },
    countAnnouncement: { state: true },
    restored: { state: true },
    loadFailure: { state: true },
  };

  // With `useDefineForClassFields: false` these initialisers are assignments in the constructor,
  // so they go through Lit's accessors (a defined field would shadow them).
  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  endpoint: string | undefined = undefined;
  /** The id of the department whose page this is (e.g. `gata`); its topics are offered. */
  department: string | undefined = undefined;
  /** A client made with `createClient()`; overrides `endpoint` and `department`. */
  client: KontaktClient | undefined = undefined;
  /**
   * The page with `<kc-status-tracker>` (e.g. `/arende.html`): the receipt then links there with
   * the case reference and its receipt token in the fragment, which opens the case at once.
   */
  trackerUrl: string | undefined = undefined;

  /** @internal */
  values: ContactFormValues = emptyValues();
  /** @internal */
  errors: FieldErrorMap = new Map();
  /** What the live region says (a key, so it follows a language switch). @internal */
  announcement: Announcement = '';
  private countAnnouncement = '';
  /** The form holds a draft from before a reload (so the clear button is offered). */
  private restored = false;
  /** The submit path could not be loaded when the person sent (offline since the page loaded). */
  private loadFailure: KontaktError | undefined = undefined;

  readonly #localize = new LocalizeController(this, translations);
  readonly #clients = new ClientController(this);
  readonly #draft = new DraftController<ContactFormValues>(this);
  /** The submit path: loaded when the person starts to use the form, or on submit. */
  private readonly deferred = new DeferredController<typeof Deferred>(
    this,
    () => import('./contact-form.deferred.js'),
  );
  /** Made when the submit path has loaded. */
  #submission: SubmissionController<Sending, MessageClient> | undefined;
  /** The target whose draft and outbox were last looked at. */
  #checkedTarget: string | undefined;
  /** The person has typed or chosen something since the form was connected or cleared. */
  #edited = false;
  /** Started as soon as the element knows its server and department; the form does not wait. */
  readonly #departmentTask = new Task(this, {
    task: ([endpoint, department, client], { signal }) =>
      this.#loadDepartment(endpoint, department, client, signal),
    args: () => {
      const target = this.#clients.target;
      return [target?.endpoint, target?.department, target?.client] as const;
    },
  });
  /** Where focus goes after the next render (an error, the receipt heading). @internal */
  focusAfterRender: string | undefined;
  #countTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Disconnected showing the form, it looks again for a draft and a message kept offline.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#countTimer);
    // Connected again later, it looks again for a message kept offline.
    if (this.#view === 'form') this.#checkedTarget = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const target = this.#clients.target;
    if (target && target.key !== this.#checkedTarget) {
      this.#checkedTarget = target.key;
      this.#restoreDraft(target);
      void this.#adoptKept(target);
    }
  }

  /** Clears the form (keeping name and contact details) for a new message, and forgets the draft. */
  reset(): void {
    const { name, email, phone, answerChannel, answerLanguage } = this.values;
    this.#startOver({ ...emptyValues(), name, email, phone, answerChannel, answerLanguage }, '');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setExclusiveState(STATES, this.#currentState());
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${this.focusAfterRender}`);
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }

  get #submissionState(): SubmissionState {
    return this.#submission?.state ?? IDLE;
  }

  /** What the form area shows, from where the submission stands. */
  get #view(): View {
    const { status } = this.#submissionState;
    return status === 'delivered' ? 'receipt' : status === 'offline' ? 'offline' : 'form';
  }

  get #busy(): boolean {
    return this.#submissionState.status === 'sending';
  }

  /** Why sending failed, unless the refusal is about fields (those are shown on the fields). */
  get #failure(): KontaktError | undefined {
    if (this.loadFailure) return this.loadFailure;
    const state = this.#submissionState;
    // Failed means the submit path is there: it sorts the errors that are about fields.
    if (state.status !== 'failed' || this.deferred.value?.toErrorMap(state.error.fieldErrors).size)
      return undefined;
    return state.error;
  }

  /** The department's topics and time zone, once they have arrived. */
  get #departmentPreview(): DepartmentPreview | undefined {
    const task = this.#departmentTask;
    if (task.status === TaskStatus.COMPLETE) return task.value;
    // An answer already in (the starter's early request, read while the element loaded, or
    // another element's) is shown at once: the first frame holds the topics, with no second
    // frame for them. The task gives the same answer a moment later.
    const target = this.#clients.target;
    return task.status === TaskStatus.PENDING && target && !target.client
      ? peekDepartmentPreview(target.endpoint, target.department)
      : undefined;
  }

  #currentState(): State {
    if (!this.#localize.ready) return 'loading';
    if (this.#view === 'receipt') return 'submitted';
    if (this.#view === 'offline') return 'offline';
    if (this.#departmentTask.status === TaskStatus.ERROR) return 'load-error';
    if (this.#busy) return 'submitting';
    if (this.#failure) return 'failed';
    if (this.errors.size) return 'invalid';
    return this.#departmentPreview ? 'ready' : 'loading';
  }

  async #loadDepartment(
    endpoint: string | undefined,
    department: string | undefined,
    client: KontaktClient | undefined,
    signal: AbortSignal,
  ): Promise<DepartmentPreview> {
    if (!endpoint || !department) {
      throw new KontaktError(
        '<kc-contact-form> needs an endpoint and a department (attributes, a <kc-provider> around it, or a client).',
        { code: 'not_configured' },
      );
    }
    try {
      if (!client) return await fetchDepartmentPreview(endpoint, department, { signal });
      // A client given from JavaScript is loaded already: its own request (fetch, retries) is used.
      // Checked by the client already; read as the page's own request is (`DepartmentSchema`'s
      // every department is one `readDepartmentPreview` reads).
      const full = await client.departments.get(undefined, { signal });
      return readDepartmentPreview(full) as DepartmentPreview;
    } catch (error) {
      // The SDK rejects with its own errors; anything else is a bug (e.g. a broken injected fetch).
      if (!signal.aborted) {
        this.dispatchEvent(new KcErrorEvent(isKontaktError(error) ? error : internalError(error)));
      }
      throw error;
    }
  }

  protected override render(): TemplateResult {
    const { ready, requested } = this.#localize;
    // Until the element's language has loaded, only the loading state shows, in that language
    // (the department loads meanwhile). The live region stays the same node throughout, so what
    // it says next is announced.
    const lang = ready ? this.#localize.locale : requested;
    const dir = ready ? this.#localize.dir : LOCALE_BASICS[requested].dir;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${ready ? this.#renderView() : nothing}
      <div part="status" class="status" role="status">${this.#renderStatus()}</div>
    </div>`;
  }

  #renderStatus(): TemplateResult | typeof nothing {
    const { t, ready } = this.#localize;
    if (!ready) return this.#renderLoading(LOCALE_BASICS[this.#localize.requested].loading);
    // Offline and the receipt come from sending, so the submit path (and their views) are there.
    const deferred = this.deferred.value;
    if (this.#view === 'offline' && deferred) {
      return deferred.offlineView(deferred.laterTexts(t), () => this.#submission?.sendNow());
    }
    return this.announcement ? html`<p>${t.contactForm[this.announcement]}</p>` : nothing;
  }

  #renderLoading(text: string): TemplateResult | typeof nothing {
    // Without a target nothing loads: an unconfigured element shows the page's own content.
    if (!this.#clients.target) return nothing;
    return html`<p><span class="spinner" aria-hidden="true"></span>${text}</p>`;
  }

  #renderView(): TemplateResult | typeof nothing {
    const state = this.#submissionState;
    const deferred = this.deferred.value;
    if (state.status === 'delivered' && deferred) {
      return deferred.receiptView({
        later: deferred.laterTexts(this.#localize.t),
        receipt: state.receipt,
        timeZone: this.#departmentPreview?.timeZone,
        formatDate: (value, options) => this.#localize.formatDate(value, options),
        trackerUrl: this.trackerUrl,
        onNewMessage: () => this.reset(),
      });
    }
    if (state.status === 'offline') return nothing;
    if (this.#departmentTask.status === TaskStatus.ERROR) {
      return this.#renderLoadError(this.#departmentTask.error);
    }
    return this.#renderForm(this.#departmentPreview);
  }

  /** The page's own content inside the tag: the way in when the form cannot start. */
  #renderFallback(): TemplateResult {
    return html`<div part="fallback" class="fallback"><slot></slot></div>`;
  }

  #renderLoadError(error: unknown): TemplateResult {
    if (isKontaktError(error) && error.code === 'not_configured') return this.#renderFallback();
    const { t } = this.#localize;
    return html`<div class="alert" role="alert">
        <p part="error" class="error">${t.common.loadFailed}</p>
        <button part="retry-button" type="button" @click=${() => this.#departmentTask.run()}>
          ${t.common.retry}
        </button>
      </div>
      ${this.#renderFallback()}`;
  }

  #renderForm(department: DepartmentPreview | undefined): TemplateResult {
    const ctx = this.#fieldsContext();
    const cf = ctx.t.contactForm;
    return html`<form part="form" novalidate aria-label=${cf.formLabel} @submit=${this.#onSubmit}>
      ${this.#renderClear()} ${this.deferred.value?.errorSummary(ctx) ?? nothing}
      ${topicField(ctx, department?.categories)}
      ${messageField(ctx)} ${this.deferred.value?.photosField(this, ctx, department)}
      ${channelField(ctx)}
      ${contactFieldsFor(this.values.answerChannel).map((f) => contactField(ctx, f))}
      ${
        this.values.answerChannel === 'letter'
          ? this.deferred.value?.addressFields(this, ctx)
          : textField(ctx, 'name', cf.name, { optional: true, autocomplete: 'name' })
      }
      ${answerLanguageField(ctx)} ${needsFields(ctx)}
      <p part="notice" class="notice" id="public-record">${cf.publicRecord}</p>
      ${this.#renderFailure()}
      <button
        part="submit-button"
        type="submit"
        aria-disabled=${this.#busy ? 'true' : 'false'}
        aria-describedby="public-record"
      >
        ${this.#busy ? this.deferred.value?.sendingLabel(this, ctx.t) : cf.submit}
      </button>
    </form>`;
  }

  #fieldsContext(): FieldsContext {
    const later = this.deferred.value?.laterTexts(this.#localize.t);
    return {
      values: this.values,
      errors: this.errors,
      t: this.#localize.t,
      locale: this.#localize.locale,
      countAnnouncement: this.countAnnouncement,
      findsPersonalIdentityNumber: this.deferred.value?.containsPersonalIdentityNumber,
      onInput: this.#onInput,
      onMessageInput: this.#onMessageInput,
      onNeedChange: this.#onNeedChange,
      onSummaryLink: this.#onSummaryLink,
      later,
      errorText: later && this.deferred.value?.errorText(later),
    };
  }

  #renderClear(): TemplateResult | typeof nothing {
    if (!this.restored) return nothing;
    return html`<button part="clear-button" class="secondary" type="button" @click=${this.#onClear}>
      ${this.#localize.t.contactForm.clearForm}
    </button>`;
  }

  #renderFailure(): TemplateResult | typeof nothing {
    if (!this.#failure || this.errors.size) return nothing;
    const { t } = this.#localize;
    // Why, in words, comes with the submit path; when that could not load, the form could not.
    const deferred = this.deferred.value;
    return html`<div part="alert" class="alert" role="alert">
      <h2>${t.contactForm.failedHeading}</h2>
      <p>
        ${
          deferred
            ? deferred.failureText(deferred.laterTexts(t), this.#failure)
            : t.common.loadFailed
        }
      </p>
    </div>`;
  }

  #onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.setValues({ ...this.values, [target.name]: target.value });
  };

  #onMessageInput = (event: Event): void => {
    this.#onInput(event);
    // The visible count changes on every key; screen readers hear it only once typing pauses.
    clearTimeout(this.#countTimer);
    const left = MESSAGE_MAX_LENGTH - this.values.message.length;
    this.#countTimer = setTimeout(() => {
      this.countAnnouncement =
        left <= ANNOUNCE_REMAINING ? countText(this.#localize.t, this.values.message.length) : '';
    }, ANNOUNCE_DELAY_MS);
  };

  #onNeedChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const need = target.value as Need;
    const needs = target.checked
      ? [...this.values.needs, need]
      : this.values.needs.filter((n) => n !== need);
    this.setValues({ ...this.values, needs: NEEDS.filter((n) => needs.includes(n)) });
  };

  /** Takes what the person typed or chose, and keeps it as the draft. @internal */
  setValues(values: ContactFormValues): void {
    this.values = values;
    this.#edited = true;
    this.#draft.save(values);
  }

  #onClear = (): void => {
    this.#submission?.forgetKey();
    // The button goes away with the draft; the first field is where a new message starts.
    this.#startOver(emptyValues(), 'formCleared');
  };

  /** An empty form (but for `values`) for a new message, with focus on its first field. */
  #startOver(values: ContactFormValues, announcement: Announcement): void {
    this.values = values;
    this.forgetDraft();
    this.errors = new Map();
    this.#submission?.reset();
    this.announcement = announcement;
    this.focusAfterRender = 'topic';
  }

  /** @internal */
  flushDraft(): void {
    this.#draft.flush();
  }

  /** @internal */
  forgetDraft(): void {
    // The photos are part of the draft.
    this.deferred.value?.clearPhotos(this);
    this.#draft.clear();
    this.#edited = false;
    this.restored = false;
  }

  /** Fills in the draft kept before a reload, once the element knows which form it is. */
  #restoreDraft(target: ClientTarget): void {
    this.#draft.use(
      draftKey(target.endpoint, target.department, globalThis.location?.pathname ?? ''),
    );
    if (this.#edited || this.#view !== 'form') return;
    const values = valuesFromDraft(this.#draft.read());
    if (!values) return;
    this.values = values;
    this.restored = true;
    // The person had started: what shows only with the rest (photos, a letter's address) loads now.
    this.deferred.load().catch(() => undefined);
    this.announcement = 'draftRestored';
  }

  /**
   * A message kept offline before a reload is shown as waiting (and sent by the outbox). Only
   * when the outbox may hold something is the submit path loaded for it: an empty outbox has no
   * database, and looking for one opens nothing.
   */
  async #adoptKept(target: ClientTarget): Promise<void> {
    if (!target.client && !this.deferred.value && !(await mayHoldKeptSubmissions())) return;
    const submit = await this.deferred.load().catch(() => undefined);
    const client = submit && this.#clients.client(submit.createClient);
    if (client && this.#checkedTarget === target.key) {
      void this.#submissionFor(submit).adopt(client);
    }
  }

  /** This element's submission controller, made with the submit path when that has loaded. */
  #submissionFor(submit: typeof Deferred): SubmissionController<Sending, MessageClient> {
    this.#submission ??= new submit.SubmissionController<Sending, MessageClient>(this, {
      widget: WIDGET,
      send: submit.messageSender(this),
      onChange: (state, focus) => submit.onSubmissionChange(this, state, focus),
    });
    return this.#submission;
  }

  #onSummaryLink = (event: Event, field: ContactFormField): void => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${focusId(field)}`)?.focus();
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#busy || !this.#clients.target) return;
    this.loadFailure = undefined;
    // Loaded at the first focus or press, so normally there already: then nothing waits.
    let submit = this.deferred.value;
    try {
      submit ??= await this.deferred.load();
    } catch (error) {
      // The rest of the form could not be loaded (offline since the page loaded): the text stays.
      this.#showLoadFailure(error);
      return;
    }
    const client = this.#clients.client(submit.createClient);
    if (!client) return;
    const result = submit.validate(this.values, this.#localize.locale);
    if (!result.success) {
      submit.showErrors(this, result.errors);
      return;
    }
    this.errors = new Map();
    if (!this.dispatchEvent(new submit.KcSubmitEvent(result.message))) return;
    // A photo still being prepared is sent too: its preparation is waited for.
    const photos = await submit.photosToSend(this, this.#departmentPreview?.photos);
    await this.#submissionFor(submit).submit(client, { message: result.message, photos });
  };

  /** The submit path did not load: said like a server that cannot be reached, text kept. */
  #showLoadFailure(cause: unknown): void {
    this.flushDraft();
    this.loadFailure = new KontaktError('The form could not load what sending needs.', {
      code: 'network_error',
      cause,
    });
    this.dispatchEvent(new KcErrorEvent(this.loadFailure));
  }
}
