import type {
  Department,
  KontaktClient,
  Need,
  OutboxDeliveredEvent,
  OutboxEntry,
  OutboxFailedEvent,
  Receipt,
} from '@kontakt/core';
import {
  ANSWER_CHANNELS,
  containsPersonalIdentityNumber,
  createIdempotencyKey,
  isKontaktError,
  isNetworkError,
  KontaktError,
  LOCALES,
  localize,
  MESSAGE_MAX_LENGTH,
  NEEDS,
} from '@kontakt/core';
import { Task, TaskStatus } from '@lit/task';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcSubmitEvent } from '../../events/submit.js';
import { KcSubmittedEvent } from '../../events/submitted.js';
import { LOCALE_BASICS, translations } from '../../i18n/locales.js';
import type { ContactFormField, KontaktTranslation } from '../../i18n/translation.js';
import { ClientController } from '../../internal/client.js';
import { DraftController, draftKey } from '../../internal/draft-controller.js';
import { KontaktElement } from '../../internal/kontakt-element.js';
import { LocalizeController } from '../../internal/localize.js';
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

/** Near this many characters left, the count is announced (politely, after typing pauses). */
const ANNOUNCE_REMAINING = 500;
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
    view: { state: true },
    busy: { state: true },
    failure: { state: true },
    receipt: { state: true },
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
  declare private view: View;
  declare private busy: boolean;
  declare private failure: KontaktError | undefined;
  declare private receipt: Receipt | undefined;
  declare private announcement: Announcement;
  declare private countAnnouncement: string;
  /** The form holds a draft from before a reload (so the clear button is offered). */
  declare private restored: boolean;

  private readonly localize = new LocalizeController(this, translations);
  private readonly clients = new ClientController(this);
  private readonly draft = new DraftController<ContactFormValues>(this);
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
  private queuedId: string | undefined;
  private queuedClient: KontaktClient | undefined;
  /** The idempotency key of the message last sent, so sending it again cannot make a second case. */
  private sendKey: { fingerprint: string; key: string } | undefined;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  /** While looking for a message kept before a reload: which outbox entries are this form's. */
  private adopting: ((entry: OutboxEntry) => boolean) | undefined;

  constructor() {
    super();
    this.endpoint = undefined;
    this.department = undefined;
    this.client = undefined;
    this.values = emptyValues();
    this.errors = new Map();
    this.view = 'form';
    this.busy = false;
    this.failure = undefined;
    this.receipt = undefined;
    this.announcement = '';
    this.countAnnouncement = '';
    this.restored = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page while a message waits offline: listen for its delivery again.
    if (this.view === 'offline' && this.queuedId && this.checkedClient) {
      this.waitForDelivery(this.checkedClient, this.queuedId, false);
    } else if (this.hasUpdated) {
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A send in flight is not aborted: a page that removes the form must not lose the message
    // (if it fails, the outbox keeps it).
    this.stopListening();
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
      void this.adoptQueued(client);
    }
  }

  /** Clears the form (keeping name and contact details) for a new message, and forgets the draft. */
  reset(): void {
    const { name, email, phone, answerChannel, answerLanguage } = this.values;
    this.values = { ...emptyValues(), name, email, phone, answerChannel, answerLanguage };
    this.draft.clear();
    this.edited = false;
    this.restored = false;
    this.errors = new Map();
    this.failure = undefined;
    this.receipt = undefined;
    this.announcement = '';
    this.view = 'form';
    this.focusAfterRender = 'topic';
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
    if (this.view === 'receipt' && this.receipt)
      return this.renderReceipt(this.receipt, department);
    if (this.view === 'offline') return nothing;
    return this.renderForm(department);
  }

  private renderForm(department: Department): TemplateResult {
    const { t } = this.localize;
    const cf = t.contactForm;
    return html`<form part="form" novalidate aria-label=${cf.formLabel} @submit=${this.onSubmit}>
      ${this.renderClear()} ${this.renderErrorSummary()} ${this.renderTopic(department)} ${this.renderMessage()}
      ${this.renderChannel()} ${contactFieldsFor(this.values.answerChannel).map((f) => this.renderContact(f))}
      ${this.renderText('name', cf.name, { optional: true, autocomplete: 'name' })}
      ${this.renderAnswerLanguage()} ${this.renderNeeds()}
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

  private renderClear(): TemplateResult | typeof nothing {
    if (!this.restored) return nothing;
    return html`<button part="clear-button" class="secondary" type="button" @click=${this.onClear}>
      ${this.localize.t.contactForm.clearForm}
    </button>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.size) return nothing;
    const cf = this.localize.t.contactForm;
    return html`<div part="error-summary" class="error-summary" role="alert">
      <h2>${cf.errorSummary(this.errors.size)}</h2>
      <ul>
        ${[...this.errors].map(
          ([field, error]) =>
            html`<li>
              <a href="#${focusId(field)}" @click=${(event: Event) => this.onSummaryLink(event, field)}
                >${cf.fieldError(field, error.code, error.params ?? {})}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderTopic(department: Department): TemplateResult {
    const cf = this.localize.t.contactForm;
    const locale = this.localize.locale;
    return this.renderField(
      'topic',
      cf.topic,
      html`<select
        part="input"
        id="topic"
        name="topic"
        aria-required="true"
        aria-invalid=${this.invalid('topic')}
        aria-describedby=${this.describedBy('topic')}
        @change=${this.onInput}
      >
        <option value="" ?selected=${!this.values.topic}>${cf.chooseTopic}</option>
        ${department.categories.map(
          (category) =>
            html`<option value=${category.id} ?selected=${this.values.topic === category.id}>
              ${localize(category.name, locale)}
            </option>`,
        )}
      </select>`,
    );
  }

  private renderMessage(): TemplateResult {
    const cf = this.localize.t.contactForm;
    const length = this.values.message.length;
    const pin = containsPersonalIdentityNumber(this.values.message);
    return this.renderField(
      'message',
      cf.message,
      html`<textarea
          part="input"
          id="message"
          name="message"
          rows="6"
          aria-required="true"
          aria-invalid=${this.invalid('message')}
          aria-describedby=${this.describedBy('message', ['message-count', ...(pin ? ['message-warning'] : [])])}
          .value=${this.values.message}
          @input=${this.onMessageInput}
        ></textarea>
        <p part="character-count" class="hint" id="message-count">${this.countText(length)}</p>
        <p class="visually-hidden" aria-live="polite">${this.countAnnouncement}</p>
        <div part="warning" class="warning" id="message-warning" aria-live="polite">
          ${pin ? html`<p>${cf.personalIdentityNumberWarning}</p>` : nothing}
        </div>`,
      { hint: cf.messageHint },
    );
  }

  private countText(length: number): string {
    const cf = this.localize.t.contactForm;
    const left = MESSAGE_MAX_LENGTH - length;
    if (left < 0) return cf.charactersTooMany(-left);
    if (left <= ANNOUNCE_REMAINING) return cf.charactersLeft(left);
    return cf.characterCount(length, MESSAGE_MAX_LENGTH);
  }

  private renderChannel(): TemplateResult {
    const cf = this.localize.t.contactForm;
    return html`<fieldset
      part="field"
      aria-invalid=${this.invalid('answerChannel')}
      aria-describedby=${this.describedBy('answerChannel')}
    >
      <legend part="label">${cf.answerChannel}</legend>
      ${this.renderError('answerChannel')}
      ${ANSWER_CHANNELS.map(
        (channel) =>
          html`<label class="choice">
            <input
              part="input"
              type="radio"
              id=${`answerChannel-${channel}`}
              name="answerChannel"
              value=${channel}
              .checked=${this.values.answerChannel === channel}
              @change=${this.onInput}
            />
            <span>${cf.channels[channel]}</span>
          </label>`,
      )}
    </fieldset>`;
  }

  private renderContact(field: 'email' | 'phone'): TemplateResult {
    const cf = this.localize.t.contactForm;
    const visit = this.values.answerChannel === 'visit';
    // For a visit the one hint (either will do) sits on the first of the two fields.
    const hint =
      visit && field === 'phone' ? cf.visitHint : field === 'email' ? cf.emailHint : cf.phoneHint;
    return this.renderText(field, field === 'email' ? cf.email : cf.phone, {
      type: field === 'email' ? 'email' : 'tel',
      dir: 'ltr',
      inputmode: field === 'email' ? 'email' : 'tel',
      autocomplete: field === 'email' ? 'email' : 'tel',
      hint,
      required: !visit,
    });
  }

  private renderText(
    field: 'name' | 'email' | 'phone' | 'interpreterLanguage',
    label: string,
    options: {
      type?: string;
      /** Addresses and numbers read left to right in Arabic too. */
      dir?: 'ltr';
      inputmode?: string;
      autocomplete?: string;
      hint?: string;
      optional?: boolean;
      required?: boolean;
    },
  ): TemplateResult {
    return this.renderField(
      field,
      label,
      html`<input
        part="input"
        id=${field}
        name=${field}
        type=${options.type ?? 'text'}
        dir=${options.dir ?? nothing}
        inputmode=${options.inputmode ?? nothing}
        autocomplete=${options.autocomplete ?? nothing}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${this.invalid(field)}
        aria-describedby=${this.describedBy(field)}
        .value=${this.values[field]}
        @input=${this.onInput}
      />`,
      options,
    );
  }

  private renderAnswerLanguage(): TemplateResult {
    const selected = this.values.answerLanguage || this.localize.locale;
    return this.renderField(
      'answerLanguage',
      this.localize.t.contactForm.answerLanguage,
      html`<select
        part="input"
        id="answerLanguage"
        name="answerLanguage"
        aria-describedby=${this.describedBy('answerLanguage')}
        @change=${this.onInput}
      >
        ${LOCALES.map(
          (locale) =>
            html`<option value=${locale} lang=${locale} ?selected=${selected === locale}>${LOCALE_BASICS[locale].name}</option>`,
        )}
      </select>`,
    );
  }

  private renderNeeds(): TemplateResult {
    const cf = this.localize.t.contactForm;
    const interpreter = this.values.needs.includes('interpreter');
    return html`<fieldset part="field">
        <legend part="label">
          ${cf.needsLegend} <span class="optional">${this.localize.t.common.optional}</span>
        </legend>
        ${NEEDS.map(
          (need) =>
            html`<label class="choice">
              <input
                part="input"
                type="checkbox"
                id=${`needs-${need}`}
                name="needs"
                value=${need}
                .checked=${this.values.needs.includes(need)}
                @change=${this.onNeedChange}
              />
              <span>${cf.needs[need]}</span>
            </label>`,
        )}
      </fieldset>
      ${
        interpreter
          ? this.renderText('interpreterLanguage', cf.interpreterLanguage, {
              hint: cf.interpreterLanguageHint,
              required: true,
            })
          : nothing
      }`;
  }

  private renderField(
    field: ContactFormField,
    label: string,
    control: TemplateResult,
    options: { hint?: string; optional?: boolean } = {},
  ): TemplateResult {
    return html`<div part="field" class="field">
      <label part="label" for=${field}>
        ${label}${options.optional ? html` <span class="optional">${this.localize.t.common.optional}</span>` : nothing}
      </label>
      ${options.hint ? html`<p part="hint" class="hint" id=${`${field}-hint`}>${options.hint}</p>` : nothing}
      ${this.renderError(field)} ${control}
    </div>`;
  }

  private renderError(field: ContactFormField): TemplateResult | typeof nothing {
    const error = this.errors.get(field);
    if (!error) return nothing;
    const text = this.localize.t.contactForm.fieldError(field, error.code, error.params ?? {});
    return html`<p part="error" class="error" id=${`${field}-error`}>${text}</p>`;
  }

  private renderFailure(): TemplateResult | typeof nothing {
    if (!this.failure || this.errors.size) return nothing;
    const cf = this.localize.t.contactForm;
    return html`<div part="alert" class="alert" role="alert">
      <h2>${cf.failedHeading}</h2>
      <p>${cf.failed(failureCode(this.failure))}</p>
    </div>`;
  }

  private renderOffline(t: KontaktTranslation): TemplateResult {
    return html`<div class="panel offline">
      <h2 id="offline-heading" tabindex="-1">${t.contactForm.offlineHeading}</h2>
      <p>${t.contactForm.offlineText}</p>
      <button part="send-now-button" class="secondary" type="button" @click=${this.onSendNow}>
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

  private invalid(field: ContactFormField): 'true' | typeof nothing {
    return this.errors.has(field) ? 'true' : nothing;
  }

  private describedBy(field: ContactFormField, extra: string[] = []): string | typeof nothing {
    const ids = [
      ...(this.errors.has(field) ? [`${field}-error`] : []),
      ...(this.hasHint(field) ? [`${field}-hint`] : []),
      ...extra,
    ];
    return ids.length ? ids.join(' ') : nothing;
  }

  private hasHint(field: ContactFormField): boolean {
    return (
      field === 'message' ||
      field === 'email' ||
      field === 'phone' ||
      field === 'interpreterLanguage'
    );
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
        left <= ANNOUNCE_REMAINING ? this.countText(this.values.message.length) : '';
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
    this.values = emptyValues();
    this.draft.clear();
    this.edited = false;
    this.restored = false;
    this.errors = new Map();
    this.failure = undefined;
    this.sendKey = undefined;
    this.announcement = 'formCleared';
    // The button goes away with the draft; the first field is where a new message starts.
    this.focusAfterRender = 'topic';
  };

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

  /**
   * A message this form kept offline before a reload is still in the outbox (the SDK sends it):
   * show it as waiting, and its receipt once delivered. Listening starts before looking, so a
   * delivery that happens meanwhile is not missed.
   */
  private async adoptQueued(client: KontaktClient): Promise<void> {
    if (this.view !== 'form') return;
    const ours = (entry: OutboxEntry) =>
      entry.department === client.department && entry.submission.origin.widget === WIDGET;
    this.listen(client);
    this.adopting = ours;
    let entries: OutboxEntry[] = [];
    try {
      entries = await client.outbox.pending();
    } catch {
      // Storage that cannot be read holds nothing we could show.
    }
    if (this.adopting !== ours) return;
    this.adopting = undefined;
    const entry = entries.find(ours);
    if (entry && this.view === 'form' && this.queuedClient === client) {
      // Shown quietly: a page that loads must not move the person's focus.
      this.waitForDelivery(client, entry.id, false);
    } else if (this.view === 'form') {
      this.stopListening();
    }
  }

  private onSummaryLink(event: Event, field: ContactFormField): void {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${focusId(field)}`)?.focus();
  }

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
    await this.send(client, result.message);
  };

  private async send(client: KontaktClient, message: KcSubmitEvent['message']): Promise<void> {
    this.busy = true;
    this.failure = undefined;
    this.announcement = 'submitting';
    try {
      const receipt = await client.cases.submit(message, {
        widget: WIDGET,
        idempotencyKey: this.keyFor(message),
      });
      this.showReceipt(receipt, true);
    } catch (error) {
      this.onSendError(client, error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * The same key for the same message from the same page: after a failure whose request did reach
   * the server (the answer was lost), "send" again returns the first receipt instead of a new case.
   * A changed message is a new request and gets a new key.
   */
  private keyFor(message: KcSubmitEvent['message']): string {
    const fingerprint = JSON.stringify([message, globalThis.location?.href]);
    if (this.sendKey?.fingerprint !== fingerprint) {
      this.sendKey = { fingerprint, key: createIdempotencyKey() };
    }
    return this.sendKey.key;
  }

  private onSendError(client: KontaktClient | undefined, error: unknown): void {
    if (client && isNetworkError(error) && error.queued) {
      this.waitForDelivery(client, error.queued.id, true);
      return;
    }
    const failure = asKontaktError(error);
    this.announcement = '';
    const fieldErrors = toErrorMap(failure.fieldErrors);
    // The alert is announced; focus stays on the button, ready to try again.
    if (fieldErrors.size) this.showErrors(fieldErrors);
    else this.failure = failure;
    this.dispatchEvent(new KcErrorEvent(failure));
  }

  private showErrors(errors: FieldErrorMap): void {
    this.errors = errors;
    this.announcement = '';
    const [first] = errors.keys();
    if (first) this.focusAfterRender = focusId(first);
  }

  private showReceipt(receipt: Receipt, focus: boolean): void {
    this.stopListening();
    this.sendKey = undefined;
    this.receipt = receipt;
    this.view = 'receipt';
    this.values = { ...this.values, message: '', topic: '' };
    this.draft.clear();
    this.edited = false;
    this.restored = false;
    this.announcement = '';
    if (focus) this.focusAfterRender = 'receipt-heading';
    this.dispatchEvent(new KcSubmittedEvent(receipt));
  }

  /** The message is in the outbox: show that, and the receipt once the outbox delivers it. */
  private waitForDelivery(client: KontaktClient, id: string, focus: boolean): void {
    this.queuedId = id;
    this.listen(client);
    // Whatever the outbox does next, the text is kept for a reload.
    this.draft.flush();
    this.view = 'offline';
    this.announcement = '';
    if (focus) this.focusAfterRender = 'offline-heading';
  }

  private listen(client: KontaktClient): void {
    this.stopListening();
    this.queuedClient = client;
    client.outbox.addEventListener('delivered', this.onDelivered);
    client.outbox.addEventListener('failed', this.onDeliveryFailed);
  }

  /**
   * A delivery can come minutes later: focus moves to the receipt only when it is in this form
   * or nowhere in particular, never away from what the person is doing elsewhere on the page.
   */
  private mayTakeFocus(): boolean {
    const active = this.ownerDocument.activeElement;
    return !active || active === this.ownerDocument.body || this.matches(':focus-within');
  }

  private stopListening(): void {
    this.queuedClient?.outbox.removeEventListener('delivered', this.onDelivered);
    this.queuedClient?.outbox.removeEventListener('failed', this.onDeliveryFailed);
    this.queuedClient = undefined;
    this.adopting = undefined;
  }

  /** The entry this form waits for, or (while looking after a reload) any entry of this form's. */
  private isAwaited(entry: OutboxEntry): boolean {
    return entry.id === this.queuedId || (this.adopting?.(entry) ?? false);
  }

  private onDelivered = ({ entry, receipt }: OutboxDeliveredEvent): void => {
    if (this.isAwaited(entry)) this.showReceipt(receipt, this.mayTakeFocus());
  };

  private onDeliveryFailed = ({ entry, error }: OutboxFailedEvent): void => {
    if (!this.isAwaited(entry)) return;
    // After a reload without a draft, the outbox still has the text: give it back.
    if (isEmpty(this.values))
      this.values = valuesFromDraft(entry.submission.message) ?? this.values;
    // Refused for good (e.g. the topic was removed meanwhile): back to the form, text kept.
    this.stopListening();
    this.view = 'form';
    this.onSendError(undefined, error);
  };

  private onSendNow = (): void => {
    void this.queuedClient?.outbox.flush();
  };
}

/** The element a field's error links to: the control itself, or a group's first choice. */
function focusId(field: ContactFormField): string {
  if (field === 'answerChannel') return `answerChannel-${ANSWER_CHANNELS[0]}`;
  if (field === 'needs') return 'needs-interpreter';
  return field;
}

/**
 * A refusal about fields the form does not show (e.g. `origin.department`) is not the person's to
 * fix: it means the widget is set up wrong on this page.
 */
function failureCode(error: KontaktError): string {
  return error.code === 'validation_failed' ? 'misconfigured' : error.code;
}

function asKontaktError(error: unknown): KontaktError {
  if (isKontaktError(error)) return error;
  return new KontaktError(error instanceof Error ? error.message : String(error), {
    code: 'internal_error',
    cause: error,
  });
}
