import type { Department, KontaktClient, Need, OutboxEntry, Receipt } from '@kontakt/core';
import { isKontaktError, KontaktError, MESSAGE_MAX_LENGTH, NEEDS } from '@kontakt/core';
import { Task, TaskStatus } from '@lit/task';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcSubmitEvent } from '../../events/submit.js';
import { KcSubmittedEvent } from '../../events/submitted.js';
import { LOCALE_BASICS, translations } from '../../i18n/locales.js';
import { failureText } from '../../i18n/messages.js';
import type { ContactFormField, KontaktTranslation } from '../../i18n/translation.js';
import { asKontaktError } from '../../internal/as-kontakt-error.js';
import { ClientController } from '../../internal/client.js';
import { DraftController, draftKey } from '../../internal/draft-controller.js';
import { KontaktElement } from '../../internal/kontakt-element.js';
import { LocalizeController } from '../../internal/localize.js';
import type { SubmissionState } from '../../internal/submission-controller.js';
import { SubmissionController } from '../../internal/submission-controller.js';
import type { FieldsContext } from './contact-form.fields.js';
import {
  ANNOUNCE_REMAINING,
  answerLanguageField,
  channelField,
  contactField,
  countText,
  errorSummary,
  focusId,
  messageField,
  needsFields,
  textField,
  topicField,
} from './contact-form.fields.js';
import type { ContactFormValues, FieldErrorMap } from './contact-form.model.js';
import {
  contactFieldsFor,
  emptyValues,
  isEmpty,
  toErrorMap,
  validate,
  valuesFromDraft,
} from './contact-form.model.js';
import { styles } from './contact-form.styles.js';

/** The count is announced once typing pauses this long. */
const ANNOUNCE_DELAY_MS = 1000;

/** The name this widget gives itself in a submission's `origin.widget`. */
const WIDGET = 'kc-contact-form';

type View = 'form' | 'offline' | 'receipt';
/** What the live region says (a key, so it follows a language switch). */
type Announcement = '' | 'submitting' | 'draftRestored' | 'formCleared';
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
 * Languages other than Swedish load on demand; until the element's language is there, only the
 * loading state shows.
 *
 * @summary A contact-center question form with receipt, offline outbox and accessible errors.
 * @since 0.1.0
 * @tag kc-contact-form
 *
 * @event {KcSubmitEvent} kc-submit - Before sending a valid message (`event.message`). Cancelable: `preventDefault()` stops the widget from sending.
 * @event {KcSubmittedEvent} kc-submitted - The message is stored; `event.receipt` holds the reference and the expected answer time. Also fired when a message kept offline is delivered later.
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
 * @csspart status - The live region that tells what is happening (loading, sending, saved offline).
 * @csspart send-now-button - Tries to send a message kept offline at once.
 * @csspart receipt - The confirmation shown once the message is stored.
 * @csspart receipt-heading - The receipt's heading; it gets focus.
 * @csspart reference - The case reference on the receipt.
 * @csspart new-message-button - Starts a new message from the receipt.
 * @csspart clear-button - Empties the form and forgets the draft; shown when a draft from before a reload was filled in.
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
 * @cssstate loading - The department's topics are being loaded.
 * @cssstate load-error - The form could not be loaded; a retry button is shown.
 * @cssstate ready - The form is shown.
 * @cssstate invalid - The last submit found errors.
 * @cssstate submitting - The message is being sent.
 * @cssstate failed - Sending failed; the text is kept.
 * @cssstate offline - The message is kept in the browser and will be sent when online.
 * @cssstate submitted - The receipt is shown.
 */
export class KcContactForm extends KontaktElement {
  static override styles = styles;

  static override properties = {
    endpoint: { reflect: true },
    department: { reflect: true },
    client: { attribute: false },
    values: { state: true },
    errors: { state: true },
    announcement: { state: true },
    countAnnouncement: { state: true },
    restored: { state: true },
  };

  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  declare endpoint: string | undefined;
  /** The id of the department whose page this is (e.g. `gata`); its topics are offered. */
  declare department: string | undefined;
  /** A client made with `createClient()`; overrides `endpoint` and `department`. */
  declare client: KontaktClient | undefined;

  declare private values: ContactFormValues;
  declare private errors: FieldErrorMap;
  declare private announcement: Announcement;
  declare private countAnnouncement: string;
  /** The form holds a draft from before a reload (so the clear button is offered). */
  declare private restored: boolean;

  private readonly localize = new LocalizeController(this, translations);
  private readonly clients = new ClientController(this);
  private readonly draft = new DraftController<ContactFormValues>(this);
  private readonly submission = new SubmissionController<KcSubmitEvent['message']>(this, {
    widget: WIDGET,
    send: (client, message, options) => client.cases.submit(message, options),
    onChange: (state, focus) => this.onSubmissionChange(state, focus),
  });
  /** The client whose draft and outbox were last looked at. */
  private checkedClient: KontaktClient | undefined;
  /** The person has typed or chosen something since the form was connected or cleared. */
  private edited = false;
  private readonly departmentTask = new Task(this, {
    task: ([client], { signal }) => this.loadDepartment(client, signal),
    args: () => [this.clients.value] as const,
  });
  /** Where focus goes after the next render (an error, the receipt heading). */
  private focusAfterRender: string | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.endpoint = undefined;
    this.department = undefined;
    this.client = undefined;
    this.values = emptyValues();
    this.errors = new Map();
    this.announcement = '';
    this.countAnnouncement = '';
    this.restored = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Disconnected showing the form, it looks again for a draft and a message kept offline.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
    // Connected again later, it looks again for a message kept offline.
    if (this.view === 'form') this.checkedClient = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const client = this.clients.value;
    if (client && client !== this.checkedClient) {
      this.checkedClient = client;
      this.restoreDraft(client);
      void this.submission.adopt(client);
    }
  }

  /** Clears the form (keeping name and contact details) for a new message, and forgets the draft. */
  reset(): void {
    const { name, email, phone, answerChannel, answerLanguage } = this.values;
    this.startOver({ ...emptyValues(), name, email, phone, answerChannel, answerLanguage }, '');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setExclusiveState(STATES, this.currentState());
    if (this.focusAfterRender) {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${this.focusAfterRender}`);
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }

  /** What the form area shows, from where the submission stands. */
  private get view(): View {
    const { status } = this.submission.state;
    return status === 'delivered' ? 'receipt' : status === 'offline' ? 'offline' : 'form';
  }

  private get busy(): boolean {
    return this.submission.state.status === 'sending';
  }

  /** Why sending failed, unless the refusal is about fields (those are shown on the fields). */
  private get failure(): KontaktError | undefined {
    const state = this.submission.state;
    if (state.status !== 'failed' || toErrorMap(state.error.fieldErrors).size) return undefined;
    return state.error;
  }

  private currentState(): State {
    if (!this.localize.ready) return 'loading';
    if (this.view === 'receipt') return 'submitted';
    if (this.view === 'offline') return 'offline';
    if (this.departmentTask.status === TaskStatus.ERROR) return 'load-error';
    if (this.departmentTask.status !== TaskStatus.COMPLETE) return 'loading';
    if (this.busy) return 'submitting';
    if (this.failure) return 'failed';
    return this.errors.size ? 'invalid' : 'ready';
  }

  private async loadDepartment(
    client: KontaktClient | undefined,
    signal: AbortSignal,
  ): Promise<Department> {
    if (!client) {
      throw new KontaktError(
        '<kc-contact-form> needs endpoint and department attributes or a client.',
        {
          code: 'not_configured',
        },
      );
    }
    try {
      return await client.departments.get(undefined, { signal });
    } catch (error) {
      if (!signal.aborted) this.dispatchEvent(new KcErrorEvent(asKontaktError(error)));
      throw error;
    }
  }

  protected override render(): TemplateResult {
    const { ready, requested } = this.localize;
    // Until the element's language has loaded, only the loading state shows, in that language
    // (the department loads meanwhile). The live region stays the same node throughout, so what
    // it says next is announced.
    const lang = ready ? this.localize.locale : requested;
    const dir = ready ? this.localize.dir : LOCALE_BASICS[requested].dir;
    return html`<div part="base" class="base" lang=${lang} dir=${dir}>
      ${
        ready
          ? this.departmentTask.render({
              pending: () => nothing,
              error: (error) => this.renderLoadError(error),
              complete: (department) => this.renderView(department),
            })
          : nothing
      }
      <div part="status" class="status" role="status">${this.renderStatus()}</div>
    </div>`;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    const { t, ready } = this.localize;
    if (!ready) return this.renderLoading(LOCALE_BASICS[this.localize.requested].loading);
    if (this.view === 'offline') return this.renderOffline(t);
    if (
      this.departmentTask.status === TaskStatus.PENDING ||
      this.departmentTask.status === TaskStatus.INITIAL
    ) {
      return this.renderLoading(t.common.loading);
    }
    return this.announcement ? html`<p>${t.contactForm[this.announcement]}</p>` : nothing;
  }

  private renderLoading(text: string): TemplateResult | typeof nothing {
    // Without a client nothing loads: an unconfigured element stays silent.
    if (!this.clients.value) return nothing;
    return html`<p><span class="spinner" aria-hidden="true"></span>${text}</p>`;
  }

  private renderLoadError(error: unknown): TemplateResult | typeof nothing {
    if (isKontaktError(error) && error.code === 'not_configured') return nothing;
    const { t } = this.localize;
    return html`<div class="alert" role="alert">
      <p part="error" class="error">${t.common.loadFailed}</p>
      <button part="retry-button" type="button" @click=${() => this.departmentTask.run()}>
        ${t.common.retry}
      </button>
    </div>`;
  }

  private renderView(department: Department): TemplateResult | typeof nothing {
    const state = this.submission.state;
    if (state.status === 'delivered') return this.renderReceipt(state.receipt, department);
    if (state.status === 'offline') return nothing;
    return this.renderForm(department);
  }

  private renderForm(department: Department): TemplateResult {
    const ctx = this.fieldsContext();
    const cf = ctx.t.contactForm;
    return html`<form part="form" novalidate aria-label=${cf.formLabel} @submit=${this.onSubmit}>
      ${this.renderClear()} ${errorSummary(ctx)} ${topicField(ctx, department)} ${messageField(ctx)}
      ${channelField(ctx)} ${contactFieldsFor(this.values.answerChannel).map((f) => contactField(ctx, f))}
      ${textField(ctx, 'name', cf.name, { optional: true, autocomplete: 'name' })}
      ${answerLanguageField(ctx)} ${needsFields(ctx)}
      <p part="notice" class="notice" id="public-record">${cf.publicRecord}</p>
      ${this.renderFailure()}
      <button
        part="submit-button"
        type="submit"
        aria-disabled=${this.busy ? 'true' : 'false'}
        aria-describedby="public-record"
      >
        ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${cf.submitting}` : cf.submit}
      </button>
    </form>`;
  }

  private fieldsContext(): FieldsContext {
    return {
      values: this.values,
      errors: this.errors,
      t: this.localize.t,
      locale: this.localize.locale,
      countAnnouncement: this.countAnnouncement,
      onInput: this.onInput,
      onMessageInput: this.onMessageInput,
      onNeedChange: this.onNeedChange,
      onSummaryLink: this.onSummaryLink,
    };
  }

  private renderClear(): TemplateResult | typeof nothing {
    if (!this.restored) return nothing;
    return html`<button part="clear-button" class="secondary" type="button" @click=${this.onClear}>
      ${this.localize.t.contactForm.clearForm}
    </button>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    if (!this.failure || this.errors.size) return nothing;
    const cf = this.localize.t.contactForm;
    return html`<div part="alert" class="alert" role="alert">
      <h2>${cf.failedHeading}</h2>
      <p>${failureText(cf.failures, failureCode(this.failure))}</p>
    </div>`;
  }

  private renderOffline(t: KontaktTranslation): TemplateResult {
    return html`<div class="panel offline">
      <h2 id="offline-heading" tabindex="-1">${t.contactForm.offlineHeading}</h2>
      <p>${t.contactForm.offlineText}</p>
      <button part="send-now-button" class="secondary" type="button" @click=${() => this.submission.sendNow()}>
        ${t.contactForm.sendNow}
      </button>
    </div>`;
  }

  private renderReceipt(receipt: Receipt, department: Department): TemplateResult {
    const cf = this.localize.t.contactForm;
    const date = this.localize.formatDate(receipt.expectedAnswerBy, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: department.openingHours.timeZone,
    });
    return html`<section part="receipt" class="panel" aria-labelledby="receipt-heading">
      <h2 part="receipt-heading" id="receipt-heading" tabindex="-1">${cf.receiptHeading}</h2>
      <p>${cf.receiptReference}:</p>
      <p part="reference" class="reference" dir="ltr" translate="no">${receipt.reference}</p>
      <p>${cf.receiptAnswerBy(date)}</p>
      <p>${cf.receiptKeep}</p>
      <button part="new-message-button" class="secondary" type="button" @click=${() => this.reset()}>
        ${cf.newMessage}
      </button>
    </section>`;
  }

  private onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    this.setValues({ ...this.values, [target.name]: target.value });
  };

  private onMessageInput = (event: Event): void => {
    this.onInput(event);
    // The visible count changes on every key; screen readers hear it only once typing pauses.
    clearTimeout(this.countTimer);
    const left = MESSAGE_MAX_LENGTH - this.values.message.length;
    this.countTimer = setTimeout(() => {
      this.countAnnouncement =
        left <= ANNOUNCE_REMAINING ? countText(this.localize.t, this.values.message.length) : '';
    }, ANNOUNCE_DELAY_MS);
  };

  private onNeedChange = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const need = target.value as Need;
    const needs = target.checked
      ? [...this.values.needs, need]
      : this.values.needs.filter((n) => n !== need);
    this.setValues({ ...this.values, needs: NEEDS.filter((n) => needs.includes(n)) });
  };

  /** Takes what the person typed or chose, and keeps it as the draft. */
  private setValues(values: ContactFormValues): void {
    this.values = values;
    this.edited = true;
    this.draft.save(values);
  }

  private onClear = (): void => {
    this.submission.forgetKey();
    // The button goes away with the draft; the first field is where a new message starts.
    this.startOver(emptyValues(), 'formCleared');
  };

  /** An empty form (but for `values`) for a new message, with focus on its first field. */
  private startOver(values: ContactFormValues, announcement: Announcement): void {
    this.values = values;
    this.forgetDraft();
    this.errors = new Map();
    this.submission.reset();
    this.announcement = announcement;
    this.focusAfterRender = 'topic';
  }

  private forgetDraft(): void {
    this.draft.clear();
    this.edited = false;
    this.restored = false;
  }

  /** Fills in the draft kept before a reload, once the element knows which form it is. */
  private restoreDraft(client: KontaktClient): void {
    this.draft.use(
      draftKey(client.endpoint, client.department, globalThis.location?.pathname ?? ''),
    );
    if (this.edited || this.view !== 'form') return;
    const values = valuesFromDraft(this.draft.read());
    if (!values) return;
    this.values = values;
    this.restored = true;
    this.announcement = 'draftRestored';
  }

  private onSummaryLink = (event: Event, field: ContactFormField): void => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${focusId(field)}`)?.focus();
  };

  private onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const client = this.clients.value;
    if (!client) return;
    const result = validate(this.values, this.localize.locale);
    if (!result.success) {
      this.showErrors(result.errors);
      return;
    }
    this.errors = new Map();
    if (!this.dispatchEvent(new KcSubmitEvent(result.message))) return;
    await this.submission.submit(client, result.message);
  };

  private onSubmissionChange(state: SubmissionState, focus: boolean): void {
    this.announcement = state.status === 'sending' ? 'submitting' : '';
    if (state.status === 'offline') this.showOffline(focus);
    else if (state.status === 'delivered') this.showReceipt(state.receipt, focus);
    else if (state.status === 'failed') this.showFailure(state.error, state.entry);
  }

  private showFailure(failure: KontaktError, entry: OutboxEntry | undefined): void {
    // After a reload without a draft, the outbox still has the text: give it back.
    if (entry && isEmpty(this.values))
      this.values = valuesFromDraft(entry.submission.message) ?? this.values;
    const fieldErrors = toErrorMap(failure.fieldErrors);
    // The alert is announced; focus stays on the button, ready to try again.
    if (fieldErrors.size) this.showErrors(fieldErrors);
    this.dispatchEvent(new KcErrorEvent(failure));
  }

  private showErrors(errors: FieldErrorMap): void {
    this.errors = errors;
    this.announcement = '';
    const [first] = errors.keys();
    if (first) this.focusAfterRender = focusId(first);
  }

  private showReceipt(receipt: Receipt, focus: boolean): void {
    this.values = { ...this.values, message: '', topic: '' };
    this.forgetDraft();
    if (focus) this.focusAfterRender = 'receipt-heading';
    this.dispatchEvent(new KcSubmittedEvent(receipt));
  }

  /** The message is in the outbox: the offline panel shows until it is delivered or refused. */
  private showOffline(focus: boolean): void {
    // Whatever the outbox does next, the text is kept for a reload.
    this.draft.flush();
    if (focus) this.focusAfterRender = 'offline-heading';
  }
}

/**
 * A refusal about fields the form does not show (e.g. `origin.department`) is not the person's to
 * fix: it means the widget is set up wrong on this page.
 */
function failureCode(error: KontaktError): string {
  return error.code === 'validation_failed' ? 'misconfigured' : error.code;
}
