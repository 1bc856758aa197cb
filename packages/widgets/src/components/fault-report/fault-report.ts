import type { KontaktClient, Locale, OutboxEntry, Receipt } from '@kontakt/core';
import { DEFAULT_TIME_ZONE, KontaktError, LOCALES, mayHoldKeptSubmissions } from '@kontakt/core';
import type {
  FaultCatalog,
  FaultReport,
  GeocodeResult,
  LatLon,
  NearbyReport,
} from '@kontakt/core/schemas';
import { Task, TaskStatus } from '@lit/task';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcSubmittedEvent } from '../../events/submitted.js';
import type { ClientTarget } from '../../internal/client.js';
import { ClientController } from '../../internal/client.js';
import { DeferredController } from '../../internal/deferred.js';
import { DraftController, draftKey } from '../../internal/draft-controller.js';
import { KontaktElement } from '../../internal/kontakt-element.js';
import { LangController, pickLocale } from '../../internal/lang.js';
import type {
  SubmissionController,
  SubmissionState,
} from '../../internal/submission-controller.js';
import { fetchFaultCatalog } from './fault-report.catalog.js';
import { categoryStep } from './fault-report.category.js';
import type * as Deferred from './fault-report.deferred.js';
import type { Errors } from './fault-report.fields.js';
import { errorSummary } from './fault-report.fields.js';
import type * as Later from './fault-report.later.js';
import type * as MapChunk from './fault-report.map.js';
import type { FaultValues } from './fault-report.model.js';
import {
  emptyValues,
  hasPoint,
  isStarted,
  pointKey,
  stepsFor,
  valuesFromDraft,
} from './fault-report.model.js';
import type * as PhotoChunk from './fault-report.photos.js';
import type { LookupStatus, PhotoItem, StepContext, StepHandlers } from './fault-report.steps.js';
import { styles } from './fault-report.styles.js';
import type { FailureKind, FaultTexts, PositionProblem, Step } from './fault-report.texts.js';
import { LATER, loadingText, sv } from './fault-report.texts.js';

/** The name this widget gives itself in a submission's `origin.widget`. */
const WIDGET = 'kc-fault-report';

/** What is sent: the report and the prepared photos (the SDK uploads them, and keeps them offline). */
interface FaultMessage {
  readonly report: FaultReport;
  readonly photos: readonly Blob[];
}

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
  'followed',
] as const;
type State = (typeof STATES)[number];

/**
 * A fault report (*felanmälan*) on a street, road or public place, step by step and usable on a
 * phone: what the fault is (grouped categories with a search, then the category's own questions),
 * where it is — without a map first (an address or a description of the place, the geocoder's
 * places, the device's position), or on a map loaded only when asked for — open reports of the
 * same kind nearby that the person can follow instead, photos (scaled down and stripped of their
 * metadata in the browser), a description, optional contact details (anonymous is allowed), a
 * review of every answer with a way back to change it, and a receipt whose link opens the status
 * tracker (`tracker-url`).
 *
 * Each step's heading gets focus when the step changes and the step indicator says where the
 * person is in words. Once the person has answered something, the answers are kept in
 * `sessionStorage` and the photos in IndexedDB, so a reload returns to the same step with
 * everything in place. A report sent offline is kept with its photos and sent once the network
 * returns (the SDK's outbox), and the person is told both.
 *
 * @summary A step-by-step fault report with map-free location, nearby reports, photos and receipt.
 * @since 0.3.0
 * @tag kc-fault-report
 *
 * @event {KcSubmittedEvent} kc-submitted - The report is stored; `event.receipt` holds the reference, the receipt token and the expected date. Also fired when a report kept offline is delivered later.
 * @event {KcErrorEvent} kc-error - Loading the catalog or sending failed; `event.error.code` says why.
 * @slot - Shown instead of the form when it cannot start (and, by the browser, before the element is defined): another way to report, e.g. `Ring 040-34 10 00`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart form - The native form of the step shown.
 * @csspart step-indicator - "Steg 2 av 7", in text.
 * @csspart heading - The step's heading; it gets focus when the step changes.
 * @csspart field - One field: label, hint, control and error.
 * @csspart label - A field's label or a group's legend.
 * @csspart input - A text field, textarea, radio button or checkbox.
 * @csspart hint - Help text under a label.
 * @csspart error - A field's error message.
 * @csspart error-summary - The list of errors of a step, linking to each field.
 * @csspart chosen - The chosen place, in words.
 * @csspart position-button - "Använd min position".
 * @csspart search-button - Searches the typed address with the geocoder.
 * @csspart map-button - Shows the map.
 * @csspart map - The map.
 * @csspart attribution - The map tiles' attribution.
 * @csspart problem - Why the position, the map, a photo or following could not be had.
 * @csspart nearby-report - One open report nearby.
 * @csspart follow-button - "Följ den här i stället".
 * @csspart something-else-button - "Min anmälan gäller något annat".
 * @csspart photo - One photo's preview.
 * @csspart remove-photo-button - Removes a photo.
 * @csspart character-count - The description's character count.
 * @csspart warning - The warning shown when the description seems to hold a personal identity number.
 * @csspart summary - The review's list of answers.
 * @csspart change-button - "Ändra" beside an answer on the review.
 * @csspart progress - The photos' upload progress while sending.
 * @csspart notice - The notice that what is sent becomes a public record (allmän handling).
 * @csspart back-button - Goes to the previous step.
 * @csspart next-button - Goes to the next step (on the review: sends).
 * @csspart alert - Why sending failed.
 * @csspart status - The live region that tells what is happening.
 * @csspart fallback - Around the content inside the tag, when it is shown instead of the form.
 * @csspart retry-button - Loads the form again after it failed to load.
 * @csspart receipt - The confirmation once the report is stored.
 * @csspart receipt-heading - The receipt's (or the followed case's) heading; it gets focus.
 * @csspart reference - The case reference.
 * @csspart tracker-link - The link to the status tracker.
 * @csspart send-now-button - Tries to send a report kept offline at once.
 * @csspart new-report-button - Starts a new report.
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
 * @cssproperty --kc-fault-report-gap - Space between fields. Default `--kc-space-m`.
 * @cssproperty --kc-fault-report-max-width - The form's largest inline size. Default `40rem`.
 * @cssproperty --kc-fault-report-input-border - Border of text fields. Default `2px solid #6b6b6b`.
 * @cssproperty --kc-fault-report-map-height - The map's height. Default `20rem`.
 *
 * @cssstate loading - The form is shown; the department's fault catalog is on its way.
 * @cssstate load-error - The catalog could not be loaded: the content inside the tag and a retry button are shown.
 * @cssstate ready - A step is shown.
 * @cssstate invalid - The step shown has errors.
 * @cssstate submitting - The report is being sent.
 * @cssstate failed - Sending failed; the answers are kept.
 * @cssstate offline - The report is kept in the browser and will be sent when online.
 * @cssstate submitted - The receipt is shown.
 * @cssstate followed - The person follows a nearby report instead.
 */
export class KcFaultReport extends KontaktElement {
  static override styles = styles;

  /** Reactive options only; each property's type, default and meaning are on its field below. */
  static override properties = {
    endpoint: { reflect: true },
    department: { reflect: true },
    trackerUrl: { attribute: 'tracker-url', reflect: true },
    client: { attribute: false },
    values: { state: true },
    errors: { state: true },
    announcement: { state: true },
    categoryQuery: { state: true },
    geocoder: { state: true },
    position: { state: true },
    mapState: { state: true },
    nearby: { state: true },
    follow: { state: true },
    followEmail: { state: true },
    followed: { state: true },
    photos: { state: true },
    progress: { state: true },
    restored: { state: true },
    loadFailure: { state: true },
    texts: { state: true },
  };

  /** The contact center's base URL, e.g. `https://kontakt.example.se`. */
  endpoint: string | undefined = undefined;
  /** The id of the department that takes the reports (e.g. `gata`). */
  department: string | undefined = undefined;
  /**
   * The status tracker page (`<kc-status-tracker>`), e.g. `https://malmo.se/arende`. The receipt
   * links to it with `#reference=…&token=…` (a fragment never reaches a server's log).
   */
  trackerUrl: string | undefined = undefined;
  /** A client made with `createClient()`; overrides `endpoint` and `department`. */
  client: KontaktClient | undefined = undefined;

  private values: FaultValues = emptyValues();
  private errors: Errors = new Map();
  private announcement = '';
  private categoryQuery = '';
  private geocoder: { status: LookupStatus; results: GeocodeResult[] } = {
    status: 'idle',
    results: [],
  };
  private position: '' | 'locating' | PositionProblem = '';
  private mapState: 'closed' | 'loading' | 'open' | 'failed' = 'closed';
  private nearby: { key: string; status: LookupStatus; reports: NearbyReport[] } = {
    key: '',
    status: 'idle',
    reports: [],
  };
  private follow: { reference: string; status: 'idle' | 'following' | 'failed' } = {
    reference: '',
    status: 'idle',
  };
  private followEmail = '';
  private followed: { reference: string; accessToken: string } | undefined = undefined;
  private photos: PhotoItem[] = [];
  private progress: number | undefined = undefined;
  private restored = false;
  private loadFailure: KontaktError | undefined = undefined;
  /** The texts shown; `undefined` until the first language asked for has arrived. */
  private texts: { locale: Locale; t: FaultTexts } | undefined = undefined;

  private readonly language = new LangController(this, () => this.onLang());
  private readonly clients = new ClientController(this);
  private readonly draft = new DraftController<FaultValues>(this);
  private readonly deferred = new DeferredController<typeof Deferred>(
    this,
    () => import('./fault-report.deferred.js'),
  );
  /** The later steps, their checks and lookups: loaded when the person starts to use the report. */
  private readonly later = new DeferredController<typeof Later>(
    this,
    () => import('./fault-report.later.js'),
  );
  private submission: SubmissionController<FaultMessage> | undefined;
  private checkedTarget: string | undefined;
  private edited = false;
  private focusAfterRender: string | undefined;
  private pinMap: MapChunk.PinMap | undefined;
  private geocodeAbort: AbortController | undefined;
  private readonly catalogTask = new Task(this, {
    task: ([endpoint, department, client], { signal }) =>
      this.loadCatalog(endpoint, department, client, signal),
    args: () => {
      const target = this.clients.target;
      return [target?.endpoint, target?.department, target?.client] as const;
    },
  });

  /** The texts in the element's language (Swedish until another has loaded). */
  private get t(): FaultTexts {
    return this.texts?.t ?? sv;
  }

  private get locale(): Locale {
    return this.texts?.locale ?? 'sv';
  }

  private get catalog(): FaultCatalog | undefined {
    return this.catalogTask.status === TaskStatus.COMPLETE ? this.catalogTask.value : undefined;
  }

  private get submissionState(): SubmissionState {
    return this.submission?.state ?? IDLE;
  }

  private get busy(): boolean {
    return this.submissionState.status === 'sending';
  }

  private get steps(): Step[] {
    const key = pointKey(this.values);
    // Reports nearby are a step of their own until the person said theirs is something else.
    const nearby =
      this.nearby.key === key && this.values.nearbyDismissed !== key
        ? this.nearby.reports.length
        : 0;
    return stepsFor(this.catalog, this.values, nearby);
  }

  /** Starts over with an empty report and forgets the draft and its photos. */
  reset(): void {
    this.startOver();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pinMap?.destroy();
    this.pinMap = undefined;
    if (this.mapState === 'open') this.mapState = 'closed';
    this.checkedTarget = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const target = this.clients.target;
    if (target && target.key !== this.checkedTarget) {
      this.checkedTarget = target.key;
      this.restoreDraft(target);
      void this.adoptKept(target);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setExclusiveState(STATES, this.currentState());
    this.syncMap();
    if (this.focusAfterRender) {
      const id = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
    }
  }

  private currentState(): State {
    if (!this.texts) return 'loading';
    const { status } = this.submissionState;
    if (this.followed) return 'followed';
    if (status === 'delivered') return 'submitted';
    if (status === 'offline') return 'offline';
    if (this.catalogTask.status === TaskStatus.ERROR) return 'load-error';
    if (this.busy) return 'submitting';
    if (this.failure) return 'failed';
    if (this.errors.size) return 'invalid';
    return this.catalog ? 'ready' : 'loading';
  }

  private get failure(): KontaktError | undefined {
    if (this.loadFailure) return this.loadFailure;
    const state = this.submissionState;
    return state.status === 'failed' ? state.error : undefined;
  }

  private onLang(): void {
    const locale = pickLocale(this.language.tag, LOCALES);
    if (this.texts?.locale === locale) return;
    if (locale === 'sv') {
      this.texts = { locale, t: sv };
      return;
    }
    LATER[locale]().then(
      (t) => {
        if (pickLocale(this.language.tag, LOCALES) === locale) this.texts = { locale, t };
      },
      () => {
        // The language could not load (offline, a blocked chunk): Swedish beats no form.
        this.texts ??= { locale: 'sv', t: sv };
      },
    );
  }

  private async loadCatalog(
    endpoint: string | undefined,
    department: string | undefined,
    client: KontaktClient | undefined,
    signal: AbortSignal,
  ): Promise<FaultCatalog> {
    if (!endpoint || !department) {
      throw new KontaktError(
        '<kc-fault-report> needs endpoint and department attributes or a client.',
        { code: 'not_configured' },
      );
    }
    try {
      // A client given from JavaScript is loaded already: its own request is used.
      if (client) return await client.faults.catalog({ signal });
      return await fetchFaultCatalog(endpoint, department);
    } catch (error) {
      this.dispatchEvent(
        new KcErrorEvent(
          error instanceof KontaktError
            ? error
            : new KontaktError('The catalog could not be loaded.', {
                code: 'internal_error',
                cause: error,
              }),
        ),
      );
      throw error;
    }
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    if (!this.texts) {
      return html`<div part="base" class="base" aria-busy="true">
        <p part="status" role="status">${loadingText(pickLocale(this.language.tag, LOCALES))}</p>
      </div>`;
    }
    const t = this.t;
    return html`<div part="base" class="base" lang=${this.locale} dir=${t.dir}>
      <p part="status" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderView(t)}
    </div>`;
  }

  private renderView(t: FaultTexts): TemplateResult {
    const state = this.submissionState;
    if (this.followed) return this.renderFollowed(t, this.followed);
    if (state.status === 'delivered') return this.renderReceipt(t, state.receipt);
    if (state.status === 'offline') return this.renderOffline(t);
    if (this.catalogTask.status === TaskStatus.ERROR) return this.renderLoadError(t);
    return this.renderStep(t);
  }

  private renderLoadError(t: FaultTexts): TemplateResult {
    const configured = Boolean(this.clients.target);
    return html`<div part="fallback"><slot></slot></div>
      ${
        configured
          ? html`<p part="error" class="error" role="alert">${t.loadFailed}</p>
            <button part="retry-button" class="secondary" type="button" @click=${() => this.catalogTask.run()}>
              ${t.retry}
            </button>`
          : nothing
      }`;
  }

  private renderStep(t: FaultTexts): TemplateResult {
    const steps = this.steps;
    const step = steps.includes(this.values.step) ? this.values.step : 'category';
    const index = steps.indexOf(step);
    const ctx = this.stepContext();
    const last = step === 'review';
    return html`<form part="form" novalidate aria-labelledby="step-heading" @submit=${this.onNext}>
      ${
        this.restored && index === 0
          ? html`<button class="link" type="button" @click=${() => this.startOver()}>${t.startOver}</button>`
          : nothing
      }
      <h2 part="heading" id="step-heading" tabindex="-1">
        <span part="step-indicator" class="step-indicator">${t
          .stepOf(index + 1, steps.length, '')
          .replace(/:\s*$/, '')}</span>
        ${t.steps[step]}
      </h2>
      ${errorSummary(ctx, (field) => this.focusIdOf(field), this.onSummaryLink)}
      <div class="step">${this.renderStepBody(step, ctx, steps)}</div>
      ${this.renderFailure(t)}
      <div class="actions">
        ${
          index > 0 || this.values.reviewing
            ? html`<button part="back-button" class="secondary" type="button" @click=${this.onBack}>${t.back}</button>`
            : nothing
        }
        <button part="next-button" type="submit" id="next"
          aria-disabled=${this.busy ? 'true' : 'false'}
          aria-describedby=${last ? 'public-record' : nothing}>
          ${
            last
              ? this.busy
                ? html`<span class="spinner" aria-hidden="true"></span>${t.review.submitting}`
                : t.review.submit
              : this.values.reviewing
                ? t.backToReview
                : t.next
          }
        </button>
      </div>
    </form>`;
  }

  private renderStepBody(step: Step, ctx: StepContext, steps: Step[]): TemplateResult {
    const later = this.later.value;
    if (step === 'category') return categoryStep(ctx);
    // A draft past the first step waits for the later steps (they load with it).
    if (!later) return html`<p part="status" role="status">${this.t.loading}</p>`;
    switch (step) {
      case 'questions':
        return later.questionsStep(ctx);
      case 'location':
        return later.locationStep(ctx);
      case 'nearby':
        return later.nearbyStep(ctx);
      case 'photos':
        return later.photosStep(ctx);
      case 'description':
        return later.descriptionStep(ctx);
      case 'contact':
        return later.contactStep(ctx);
      default:
        return later.reviewStep(ctx, steps);
    }
  }

  /** The control a field's error links to (known once the checks have loaded). */
  private focusIdOf(field: string): string {
    return this.later.value?.focusIdFor(field, this.catalog, this.values) ?? field;
  }

  private stepContext(): StepContext {
    return {
      t: this.t,
      locale: this.locale,
      errors: this.errors,
      catalog: this.catalog,
      values: this.values,
      categoryQuery: this.categoryQuery,
      geocoder: this.geocoder,
      position: this.position,
      map: this.mapState,
      nearby: this.nearby,
      follow: this.follow,
      followEmail: this.followEmail,
      photos: this.photos,
      personalIdentityNumber:
        this.deferred.value?.containsPersonalIdentityNumber(this.values.description) ?? false,
      sending: this.busy,
      progress: this.progress,
      on: this.handlers,
    };
  }

  private renderFailure(t: FaultTexts): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure || this.errors.size) return nothing;
    return html`<div part="alert" class="alert" role="alert">
      <h3>${t.failedHeading}</h3>
      <p>${t.failures[failureKind(failure)]}</p>
    </div>`;
  }

  private renderReceipt(t: FaultTexts, receipt: Receipt): TemplateResult {
    const r = t.receipt;
    const date = this.formatDate(receipt.expectedAnswerBy);
    return html`<section part="receipt" class="panel" aria-labelledby="receipt-heading">
      <h2 part="receipt-heading" id="receipt-heading" tabindex="-1">${r.heading}</h2>
      <p>${r.reference}:</p>
      <p part="reference" class="reference" dir="ltr" translate="no">${receipt.reference}</p>
      <p>${r.expected(date)}</p>
      ${this.trackerLink(t, receipt.reference, receipt.receiptToken)}
      <p>${r.keep}</p>
      <button part="new-report-button" class="secondary" type="button" @click=${() => this.startOver()}>
        ${r.newReport}
      </button>
    </section>`;
  }

  private renderFollowed(
    t: FaultTexts,
    followed: { reference: string; accessToken: string },
  ): TemplateResult {
    return html`<section part="receipt" class="panel" aria-labelledby="receipt-heading">
      <h2 part="receipt-heading" id="receipt-heading" tabindex="-1">${t.nearby.followedHeading}</h2>
      <p part="reference" class="reference" dir="ltr" translate="no">${followed.reference}</p>
      <p>${t.nearby.followedText}</p>
      ${this.trackerLink(t, followed.reference, followed.accessToken)}
      <p>${t.receipt.keep}</p>
      <button part="new-report-button" class="secondary" type="button" @click=${() => this.startOver()}>
        ${t.receipt.newReport}
      </button>
    </section>`;
  }

  private trackerLink(
    t: FaultTexts,
    reference: string,
    token: string,
  ): TemplateResult | typeof nothing {
    const href = trackerHref(this.trackerUrl, reference, token);
    return href
      ? html`<p><a part="tracker-link" href=${href}>${t.receipt.tracker}</a></p>`
      : nothing;
  }

  private renderOffline(t: FaultTexts): TemplateResult {
    return html`<section class="panel offline" aria-labelledby="offline-heading">
      <h2 id="offline-heading" tabindex="-1">${t.offline.heading}</h2>
      <p>${t.offline.text}</p>
      <button part="send-now-button" class="secondary" type="button" @click=${() => this.submission?.sendNow()}>
        ${t.offline.sendNow}
      </button>
    </section>`;
  }

  private formatDate(iso: string): string {
    const options = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
    return new Intl.DateTimeFormat(this.locale, { ...options, timeZone: DEFAULT_TIME_ZONE }).format(
      new Date(iso),
    );
  }

  // ——— Steps ———

  private goTo(step: Step, options: { reviewing?: boolean } = {}): void {
    this.errors = new Map();
    this.loadFailure = undefined;
    this.setValues({ ...this.values, step, reviewing: options.reviewing ?? false }, false);
    this.focusAfterRender = 'step-heading';
  }

  private onNext = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    const step = this.values.step;
    let later: typeof Later;
    try {
      later = await this.later.load();
    } catch {
      this.loadFailure = new KontaktError('The rest of the report could not be loaded.', {
        code: 'network_error',
      });
      return;
    }
    const errors = later.checkStep(step, this.catalog, this.values, this.t, this.locale);
    if (errors.size) {
      this.showErrors(errors);
      return;
    }
    if (step === 'review') {
      await this.send();
      return;
    }
    if (step === 'location' && (await this.showNearby())) return;
    if (this.values.reviewing) {
      this.goTo('review');
      return;
    }
    const steps = this.steps;
    this.goTo(steps[steps.indexOf(step) + 1] ?? 'review');
  };

  private onBack = (): void => {
    if (this.values.reviewing) {
      this.goTo('review');
      return;
    }
    const steps = this.steps;
    this.goTo(steps[steps.indexOf(this.values.step) - 1] ?? 'category');
  };

  private showErrors(errors: Map<string, string>): void {
    this.errors = errors;
    this.announcement = '';
    const [first] = errors.keys();
    if (first) this.focusAfterRender = this.focusIdOf(first);
  }

  private onSummaryLink = (event: Event, field: string): void => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    event.preventDefault();
    const id = this.focusIdOf(field);
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  };

  /**
   * Looks for open reports of the category near the chosen point, once per point; shows the
   * nearby step when there are some. A failed lookup goes on without it: the person can report.
   */
  private async showNearby(): Promise<boolean> {
    const target = this.clients.target;
    const key = pointKey(this.values);
    const { lat, lon, category } = this.values;
    if (!target || !key || lat === undefined || lon === undefined) return false;
    if (this.values.nearbyDismissed === key) return false;
    if (this.nearby.key !== key || this.nearby.status !== 'done') {
      this.nearby = { key, status: 'loading', reports: [] };
      this.announcement = this.t.nearby.checking;
      try {
        const { nearbyReports } = await this.later.load();
        const reports = await nearbyReports(target, { lat, lon, category });
        this.nearby = { key, status: 'done', reports };
      } catch {
        this.nearby = { key, status: 'failed', reports: [] };
      }
      this.announcement = '';
    }
    if (!this.nearby.reports.length) return false;
    this.announcement = this.t.nearby.found(this.nearby.reports.length);
    this.goTo('nearby', { reviewing: this.values.reviewing });
    return true;
  }

  private readonly handlers: StepHandlers = {
    input: (event) => {
      const target = event.target as HTMLInputElement;
      const name = target.name as keyof FaultValues;
      const next: FaultValues = { ...this.values, [name]: target.value };
      // A typed address replaces a point from a search result (not one from the map or device).
      if (name === 'address' && this.values.source === 'geocoder') {
        Object.assign(next, { lat: undefined, lon: undefined, source: 'address' });
      } else if (name === 'address' && !hasPoint(this.values)) {
        next.source = target.value.trim() ? 'address' : '';
      }
      if (name === 'category' && target.value !== this.values.category) next.answers = {};
      this.setValues(next);
    },
    answer: (event) => {
      const target = event.target as HTMLInputElement;
      this.setValues({
        ...this.values,
        answers: { ...this.values.answers, [target.name]: target.value },
      });
    },
    answerToggle: (event) => {
      const target = event.target as HTMLInputElement;
      const before = this.values.answers[target.name];
      const chosen = Array.isArray(before) ? before : [];
      const next = target.checked
        ? [...chosen, target.value]
        : chosen.filter((key) => key !== target.value);
      this.setValues({ ...this.values, answers: { ...this.values.answers, [target.name]: next } });
    },
    categoryQuery: (event) => {
      this.categoryQuery = (event.target as HTMLInputElement).value;
    },
    search: () => void this.search(),
    pickResult: (result) => {
      this.setValues({
        ...this.values,
        address: result.label,
        lat: result.lat,
        lon: result.lon,
        accuracy: undefined,
        source: 'geocoder',
      });
      this.geocoder = { status: 'idle', results: [] };
      this.pinMap?.setPoint({ lat: result.lat, lon: result.lon });
      this.focusAfterRender = 'address';
    },
    position: () => this.locate(),
    openMap: () => void this.openMap(),
    mapCenter: () => this.pinMap?.placeAtCenter(),
    zoom: (direction) => (direction > 0 ? this.pinMap?.zoomIn() : this.pinMap?.zoomOut()),
    follow: (reference) => void this.followInstead(reference),
    followEmail: (event) => {
      this.followEmail = (event.target as HTMLInputElement).value;
    },
    somethingElse: () => {
      const steps = this.steps;
      const next = this.values.reviewing
        ? 'review'
        : (steps[steps.indexOf('nearby') + 1] ?? 'review');
      this.values = { ...this.values, nearbyDismissed: pointKey(this.values) };
      this.goTo(next);
    },
    pickPhotos: (event) => void this.addPhotos(event.target as HTMLInputElement),
    removePhoto: (id) => this.removePhoto(id),
    change: (step) => this.goTo(step, { reviewing: true }),
  };

  // ——— Location ———

  private async search(): Promise<void> {
    const target = this.clients.target;
    const query = this.values.address.trim();
    if (!target || !query) return;
    this.geocodeAbort?.abort();
    const abort = new AbortController();
    this.geocodeAbort = abort;
    this.geocoder = { status: 'loading', results: [] };
    try {
      const { geocode } = await this.later.load();
      const results = await geocode(target.endpoint, target.department, query, abort.signal);
      if (abort.signal.aborted) return;
      this.geocoder = { status: 'done', results };
    } catch {
      if (!abort.signal.aborted) this.geocoder = { status: 'failed', results: [] };
    }
  }

  private locate(): void {
    if (!('geolocation' in navigator)) {
      this.position = 'unsupported';
      return;
    }
    this.position = 'locating';
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.position = '';
        const accuracy = Math.round(coords.accuracy);
        const point = { lat: round(coords.latitude), lon: round(coords.longitude) };
        this.setValues({ ...this.values, ...point, accuracy, source: 'position' });
        this.pinMap?.setPoint(point);
        this.announcement = this.t.location.positionFound(accuracy);
      },
      (error) => {
        this.position =
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable';
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  private mapChunk: typeof MapChunk | undefined;

  private async openMap(): Promise<void> {
    this.mapState = 'loading';
    try {
      this.mapChunk ??= await import('./fault-report.map.js');
      this.mapState = 'open';
      // The button that opened it is gone: the map itself is where the person goes on.
      this.focusAfterRender = 'map';
    } catch {
      this.mapState = 'failed';
    }
  }

  /** Draws the map once its container is rendered; removes it when the step is left. */
  private syncMap(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('#map');
    const settings = this.catalog?.map;
    if (this.pinMap && (!container || this.mapState !== 'open')) {
      this.pinMap.destroy();
      this.pinMap = undefined;
    }
    if (this.pinMap || !container || this.mapState !== 'open' || !this.mapChunk || !settings)
      return;
    const { lat, lon } = this.values;
    try {
      this.pinMap = this.mapChunk.createPinMap({
        container,
        root: this.renderRoot as ShadowRoot,
        settings,
        point: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
        label: this.t.location.mapLabel,
        describedBy: 'map-instructions chosen-place',
        pinLabel: this.t.location.pin,
        onPick: (point: LatLon) =>
          this.setValues({ ...this.values, ...point, accuracy: undefined, source: 'map' }),
      });
    } catch {
      this.mapState = 'failed';
    }
  }

  // ——— Photos ———

  private photoChunk: Promise<typeof PhotoChunk> | undefined;

  private async addPhotos(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    const max = this.catalog?.photos.maxCount ?? 3;
    const settings = this.catalog?.photos ?? { maxEdge: 1600, maxBytes: 2_000_000 };
    for (const file of files.slice(0, Math.max(0, max - this.photos.length))) {
      const id = randomId();
      this.photos = [...this.photos, { id, url: undefined, blob: undefined, status: 'preparing' }];
      this.announcement = this.t.photos.preparing;
      let prepared: PhotoChunk.PreparedPhoto;
      try {
        this.photoChunk ??= import('./fault-report.photos.js');
        prepared = await (await this.photoChunk).preparePhoto(file, settings);
      } catch {
        this.photoChunk = undefined;
        prepared = { ok: false, problem: 'decode_failed' };
      }
      const item: PhotoItem = prepared.ok
        ? { id, blob: prepared.blob, url: await dataUrl(prepared.blob), status: 'ready' }
        : { id, blob: undefined, url: undefined, status: 'failed', problem: prepared.problem };
      if (prepared.ok) {
        // Kept and in the draft before it shows: a reload the moment it appears still has it.
        await (await this.later.load()).keepPhoto(id, prepared.blob);
        this.setValues({ ...this.values, photos: [...this.values.photos, id] });
        this.photos = this.photos.map((p) => (p.id === id ? item : p));
        const index = this.photos.findIndex((p) => p.id === id);
        this.announcement = this.t.photos.added(index + 1, this.photos.length);
      } else {
        this.photos = this.photos.map((p) => (p.id === id ? item : p));
        this.announcement = this.t.photos.problems[prepared.problem];
      }
    }
  }

  private removePhoto(id: string): void {
    this.photos = this.photos.filter((p) => p.id !== id);
    void this.later.value?.forgetPhotos([id]);
    this.setValues({ ...this.values, photos: this.values.photos.filter((p) => p !== id) });
    this.announcement = this.t.photos.removed;
    this.focusAfterRender = 'photo-take';
  }

  // ——— Following a nearby report ———

  private async followInstead(reference: string): Promise<void> {
    if (this.follow.status === 'following') return;
    const email = this.followEmail.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.showErrors(new Map([['follow-email', this.t.errors.email]]));
      return;
    }
    this.errors = new Map();
    this.follow = { reference, status: 'following' };
    this.announcement = this.t.nearby.following;
    try {
      const submit = await this.deferred.load();
      const client = this.clients.client(submit.createClient);
      if (!client) throw new KontaktError('Not configured.', { code: 'not_configured' });
      const { followCase } = await this.later.load();
      const access = await followCase(client, reference, {
        ...(email ? { email } : {}),
        locale: this.locale,
      });
      this.follow = { reference, status: 'idle' };
      this.followed = { reference, accessToken: access.accessToken };
      this.forgetDraft();
      this.announcement = '';
      this.focusAfterRender = 'receipt-heading';
    } catch {
      this.follow = { reference, status: 'failed' };
      this.announcement = '';
    }
  }

  // ——— Sending ———

  private async send(): Promise<void> {
    const catalog = this.catalog;
    if (!catalog || !this.clients.target) return;
    this.loadFailure = undefined;
    let submit = this.deferred.value;
    try {
      submit ??= await this.deferred.load();
    } catch (error) {
      this.draft.flush();
      this.loadFailure = new KontaktError('What sending needs could not be loaded.', {
        code: 'network_error',
        cause: error,
      });
      this.dispatchEvent(new KcErrorEvent(this.loadFailure));
      return;
    }
    const client = this.clients.client(submit.createClient);
    if (!client) return;
    const { toReport } = await this.later.load();
    const result = submit.validateReport(toReport(catalog, this.values, [], this.locale));
    if (!result.success) {
      this.showFieldErrors(result.errors);
      return;
    }
    const photos = this.photos.flatMap((p) => (p.status === 'ready' && p.blob ? [p.blob] : []));
    this.progress = photos.length ? 0 : undefined;
    await this.submissionFor(submit).submit(client, { report: result.report, photos });
  }

  /** Errors from the schema or the server: back to the first step that has one, shown there. */
  private showFieldErrors(fieldErrors: readonly import('@kontakt/core').FieldError[]): void {
    const later = this.later.value;
    if (!later) return;
    const placed = fieldErrors.flatMap((error) => {
      const place = later.placeError(error);
      return place ? [{ ...place, error }] : [];
    });
    const steps = this.steps;
    const first = placed.sort((a, b) => steps.indexOf(a.step) - steps.indexOf(b.step))[0];
    if (!first) return;
    this.goTo(first.step, { reviewing: true });
    const errors = new Map<string, string>();
    for (const { step, field, error } of placed) {
      if (step === first.step && !errors.has(field))
        errors.set(field, later.errorText(this.t, field, error));
    }
    this.showErrors(errors);
  }

  private submissionFor(submit: typeof Deferred): SubmissionController<FaultMessage> {
    this.submission ??= new submit.SubmissionController<FaultMessage>(this, {
      widget: WIDGET,
      send: (client, message, options) =>
        client.faults.submit(message.report, {
          ...options,
          photos: message.photos,
          onProgress: ({ loaded, total }) => {
            this.progress = total ? (loaded / total) * 100 : undefined;
          },
        }),
      onChange: (state, focus) => this.onSubmissionChange(state, focus),
    });
    return this.submission;
  }

  private onSubmissionChange(state: SubmissionState, focus: boolean): void {
    const wasOffline = this.announcement === this.t.offline.heading;
    this.announcement = state.status === 'sending' ? this.t.sending : '';
    if (state.status === 'offline') {
      this.draft.flush();
      this.announcement = this.t.offline.heading;
      if (focus) this.focusAfterRender = 'offline-heading';
    } else if (state.status === 'delivered') {
      if (!focus || wasOffline) this.announcement = this.t.sentLater;
      this.forgetDraft();
      if (focus) this.focusAfterRender = 'receipt-heading';
      this.dispatchEvent(new KcSubmittedEvent(state.receipt));
    } else if (state.status === 'failed') {
      this.progress = undefined;
      this.restoreFromOutbox(state.entry);
      if (state.error.fieldErrors.length) this.showFieldErrors(state.error.fieldErrors);
      this.dispatchEvent(new KcErrorEvent(state.error));
    }
  }

  /** After a reload without a draft, a refused report kept offline still has the answers. */
  private restoreFromOutbox(entry: OutboxEntry | undefined): void {
    if (!entry || isStarted(this.values)) return;
    const report = (entry.submission as unknown as { report?: Partial<FaultReport> }).report;
    if (!report?.category) return;
    this.values = {
      ...this.values,
      category: report.category,
      description: report.description ?? '',
      address: report.location?.address ?? '',
      lat: report.location?.lat,
      lon: report.location?.lon,
      step: 'review',
    };
  }

  // ——— Drafts ———

  private setValues(values: FaultValues, edited = true): void {
    this.values = values;
    if (edited) this.edited = true;
    if (this.edited || isStarted(values)) this.draft.save(values);
  }

  private startOver(): void {
    const kept = this.values.photos;
    if (kept.length)
      void this.later.load().then(
        (later) => later.forgetPhotos(kept),
        () => undefined,
      );
    this.photos = [];
    this.forgetDraft();
    this.values = emptyValues();
    this.errors = new Map();
    this.followed = undefined;
    this.follow = { reference: '', status: 'idle' };
    this.nearby = { key: '', status: 'idle', reports: [] };
    this.geocoder = { status: 'idle', results: [] };
    this.categoryQuery = '';
    this.mapState = 'closed';
    this.progress = undefined;
    this.submission?.reset();
    this.submission?.forgetKey();
    this.focusAfterRender = 'step-heading';
  }

  private forgetDraft(): void {
    this.draft.clear();
    this.edited = false;
    this.restored = false;
  }

  private restoreDraft(target: ClientTarget): void {
    this.draft.use(
      `${draftKey(target.endpoint, target.department, globalThis.location?.pathname ?? '')}#${WIDGET}`,
    );
    if (this.edited) return;
    const values = valuesFromDraft(this.draft.read());
    if (!values) return;
    this.values = values;
    this.restored = true;
    this.announcement = this.t.draftRestored;
    void this.restorePhotos(values.photos);
  }

  private async restorePhotos(ids: readonly string[]): Promise<void> {
    const later = await this.later.load().catch(() => undefined);
    const kept = (await later?.keptPhotos(ids)) ?? [];
    this.photos = await Promise.all(
      kept.map(async ({ id, blob }) => ({
        id,
        blob,
        url: await dataUrl(blob),
        status: 'ready' as const,
      })),
    );
    const found = kept.map((k) => k.id);
    if (found.length !== this.values.photos.length) {
      this.values = { ...this.values, photos: found };
    }
  }

  /** A report kept offline before a reload is shown as waiting, and its receipt once sent. */
  private async adoptKept(target: ClientTarget): Promise<void> {
    if (!target.client && !this.deferred.value && !(await mayHoldKeptSubmissions())) return;
    const submit = await this.deferred.load().catch(() => undefined);
    const client = submit && this.clients.client(submit.createClient);
    if (client && this.checkedTarget === target.key) {
      void this.submissionFor(submit).adopt(client);
    }
  }
}

/** The status tracker link of a receipt: the reference and token in the fragment. */
export function trackerHref(
  trackerUrl: string | undefined,
  reference: string,
  token: string,
): string | undefined {
  if (!trackerUrl) return undefined;
  let url: URL;
  try {
    url = new URL(trackerUrl, globalThis.location?.href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hash = `reference=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}`;
  return url.href;
}

function failureKind(error: KontaktError): FailureKind {
  if (error.code === 'rate_limited') return 'rateLimited';
  if (error.code === 'validation_failed' || error.code === 'not_configured') return 'misconfigured';
  if (error.code === 'network_error' || error.code === 'timeout') return 'unreachable';
  return 'unexpected';
}

/**
 * A photo's preview as a `data:` URL: pages under a strict CSP allow `img-src data:` far more
 * often than `blob:`, and the photo is small once prepared.
 */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

const round = (value: number): number => Math.round(value * 1e5) / 1e5;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
