import type { KontaktClient, Locale } from '@kontakt/core';
import { KontaktError, mayHoldKeptSubmissions } from '@kontakt/core';
import type { FaultCatalog, GeocodeResult, NearbyReport } from '@kontakt/core/schemas';
import { Task, TaskStatus } from '@lit/task';
import type { PropertyValues, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import type { ClientTarget } from '../../internal/client.js';
import { ClientController } from '../../internal/client.js';
import { DeferredController } from '../../internal/deferred.js';
import { DraftController, draftKey } from '../../internal/draft-controller.js';
import { KontaktElement } from '../../internal/kontakt-element.js';
import type { TextsLocale } from '../../internal/lang.js';
import { LangController, languageOf, pickLocale } from '../../internal/lang.js';
import type { SubmissionState } from '../../internal/submission-controller.js';
import { fetchFaultCatalog, peekFaultCatalog } from './fault-report.catalog.js';
import { categoryStep } from './fault-report.category.js';
import type * as Deferred from './fault-report.deferred.js';
import type { Errors } from './fault-report.fields.js';
import type * as Later from './fault-report.later.js';
import type { FaultValues } from './fault-report.model.js';
import {
  emptyValues,
  hasPoint,
  isStarted,
  pointKey,
  stepsFor,
  valuesFromDraft,
} from './fault-report.model.js';
import type { LookupStatus } from './fault-report.steps.js';
import { styles } from './fault-report.styles.js';
import type {
  FailureKind,
  FaultTexts,
  FirstTexts,
  PositionProblem,
  Step,
} from './fault-report.texts.js';
import { LATER, loadingText, SHIPPED, svFirst } from './fault-report.texts.js';

/** The name this widget gives itself in a submission's `origin.widget` and its draft's key. */
const WIDGET = 'kc-fault-report';

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
 * It speaks the language of its `lang` (or an ancestor's, or the page's): Swedish, English,
 * Finnish, Arabic (right to left), or easy-read Swedish for `lang="sv-simple"`.
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
    placeNear: { state: true },
    follow: { state: true },
    followEmail: { state: true },
    followed: { state: true },
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

  // The state below is shared with the later steps (`FaultFlow` in fault-report.flow.ts, a chunk
  // loaded when the report is used), which is why it is not `private`; none of it is API.

  /** @internal */
  values: FaultValues = emptyValues();
  /** @internal */
  errors: Errors = new Map();
  /** @internal */
  announcement = '';
  /** @internal */
  geocoder: { status: LookupStatus; results: GeocodeResult[] } = { status: 'idle', results: [] };
  /** @internal */
  position: '' | 'locating' | PositionProblem = '';
  /** @internal */
  mapState: 'closed' | 'loading' | 'open' | 'failed' = 'closed';
  /** @internal */
  nearby: { key: string; status: LookupStatus; reports: NearbyReport[] } = {
    key: '',
    status: 'idle',
    reports: [],
  };
  /** The place the geocoder names at the chosen point (`key`: that point). @internal */
  placeNear: { key: string; label: string } | undefined = undefined;
  /** @internal */
  follow: { reference: string; status: 'idle' | 'following' | 'failed' } = {
    reference: '',
    status: 'idle',
  };
  /** @internal */
  followEmail = '';
  /** @internal */
  followed: { reference: string; accessToken: string } | undefined = undefined;
  /** @internal */
  progress: number | undefined = undefined;
  /** @internal */
  loadFailure: KontaktError | undefined = undefined;
  /** @internal */
  focusAfterRender: string | undefined;
  /** @internal */
  checkedTarget: string | undefined;
  /** @internal */
  readonly clients = new ClientController(this);
  /** @internal */
  readonly draft = new DraftController<FaultValues>(this);
  /** @internal The submit path (client, schemas, outbox): loaded at the first use. */
  readonly deferred = new DeferredController<typeof Deferred>(
    this,
    () => import('./fault-report.deferred.js'),
  );

  private categoryQuery = '';
  private restored = false;
  /** The texts shown; `undefined` until the first language asked for has arrived. */
  private texts: { locale: TextsLocale; t: FirstTexts; all?: FaultTexts } | undefined = undefined;
  #edited = false;
  #flowOf: Later.FaultFlow | undefined;
  readonly #language = new LangController(this, () => this.#onLang());
  /** The later steps, their checks, lookups and sending: loaded when the report is used. */
  readonly #later = new DeferredController<typeof Later>(
    this,
    () => import('./fault-report.later.js'),
  );
  readonly #catalogTask = new Task(this, {
    task: ([endpoint, department, client], { signal }) =>
      this.#loadCatalog(endpoint, department, client, signal),
    args: () => {
      const target = this.clients.target;
      return [target?.endpoint, target?.department, target?.client] as const;
    },
  });

  /** The first step's texts in the element's language (Swedish until another has loaded). */
  get #t(): FirstTexts {
    return this.texts?.t ?? svFirst;
  }

  /** @internal Every text, once another language than Swedish has loaded (Swedish's rest is later's). */
  get allTexts(): FaultTexts | undefined {
    return this.texts?.all;
  }

  /** @internal */
  get locale(): Locale {
    return languageOf(this.texts?.locale ?? 'sv');
  }

  /** @internal */
  get catalog(): FaultCatalog | undefined {
    const task = this.#catalogTask;
    if (task.status === TaskStatus.COMPLETE) return task.value;
    // An answer already in (the starter's early request, read while the element loaded) is
    // shown at once, in the first frame; the task gives the same a moment later.
    const target = this.clients.target;
    return task.status === TaskStatus.PENDING && target && !target.client
      ? peekFaultCatalog(target.endpoint, target.department)
      : undefined;
  }

  /** The later steps, once their chunk has arrived. */
  get #flow(): Later.FaultFlow | undefined {
    const later = this.#later.value;
    if (later) this.#flowOf ??= new later.FaultFlow(this);
    return this.#flowOf;
  }

  get #submissionState(): SubmissionState {
    return this.#flow?.submission?.state ?? IDLE;
  }

  /** @internal */
  get busy(): boolean {
    return this.#submissionState.status === 'sending';
  }

  /** @internal */
  get steps(): Step[] {
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
    const kept = this.values.photos;
    if (kept.length)
      void this.#later.load().then(
        (later) => later.forgetPhotos(kept),
        () => undefined,
      );
    this.#flow?.startOver();
    this.forgetDraft();
    this.values = emptyValues();
    this.errors = new Map();
    this.categoryQuery = '';
    this.focusAfterRender = 'step-heading';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow?.disconnected();
    this.checkedTarget = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const target = this.clients.target;
    if (target && target.key !== this.checkedTarget) {
      this.checkedTarget = target.key;
      this.#restoreDraft(target);
      void this.#adoptKept(target);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.setExclusiveState(STATES, this.#currentState());
    this.#flow?.syncMap();
    this.#flow?.namePoint();
    if (this.focusAfterRender) {
      const id = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
    }
  }

  #currentState(): State {
    if (!this.texts) return 'loading';
    const { status } = this.#submissionState;
    if (this.followed) return 'followed';
    if (status === 'delivered') return 'submitted';
    if (status === 'offline') return 'offline';
    if (this.#catalogTask.status === TaskStatus.ERROR) return 'load-error';
    if (this.busy) return 'submitting';
    if (this.#failure) return 'failed';
    if (this.errors.size) return 'invalid';
    return this.catalog ? 'ready' : 'loading';
  }

  get #failure(): KontaktError | undefined {
    if (this.loadFailure) return this.loadFailure;
    const state = this.#submissionState;
    return state.status === 'failed' ? state.error : undefined;
  }

  /** The texts `lang` asks for (see `pickLocale`): easy-read Swedish among them. */
  get #requestedTexts(): TextsLocale {
    return pickLocale(this.#language.tag, SHIPPED);
  }

  #onLang(): void {
    const locale = this.#requestedTexts;
    if (this.texts?.locale === locale) return;
    if (locale === 'sv') {
      this.texts = { locale, t: svFirst };
      return;
    }
    LATER[locale]().then(
      (t) => {
        if (this.#requestedTexts === locale) this.texts = { locale, t, all: t };
      },
      () => {
        // The language could not load (offline, a blocked chunk): Swedish beats no form.
        this.texts ??= { locale: 'sv', t: svFirst };
      },
    );
  }

  async #loadCatalog(
    endpoint: string | undefined,
    department: string | undefined,
    client: KontaktClient | undefined,
    signal: AbortSignal,
  ): Promise<FaultCatalog> {
    if (!endpoint || !department) {
      throw new KontaktError(
        '<kc-fault-report> needs an endpoint and a department (attributes, a <kc-provider> around it, or a client).',
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
        <p part="status" role="status">${loadingText(languageOf(this.#requestedTexts))}</p>
      </div>`;
    }
    const t = this.#t;
    return html`<div part="base" class="base" lang=${this.locale} dir=${t.dir}>
      <p part="status" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${
        this.#flow?.renderOutcome() ??
        (this.#catalogTask.status === TaskStatus.ERROR
          ? this.#renderLoadError(t)
          : this.#renderStep(t))
      }
    </div>`;
  }

  #renderLoadError(t: FirstTexts): TemplateResult {
    const configured = Boolean(this.clients.target);
    return html`<div part="fallback"><slot></slot></div>
      ${
        configured
          ? html`<p part="error" class="error" role="alert">${t.loadFailed}</p>
            <button part="retry-button" class="secondary" type="button" @click=${() => this.#catalogTask.run()}>
              ${t.retry}
            </button>`
          : nothing
      }`;
  }

  #renderStep(t: FirstTexts): TemplateResult {
    const steps = this.steps;
    const step = steps.includes(this.values.step) ? this.values.step : 'category';
    const index = steps.indexOf(step);
    const flow = this.#flow;
    return html`<form part="form" novalidate aria-labelledby="step-heading" @submit=${this.#onNext}>
      ${
        this.restored && index === 0
          ? html`<button class="link" type="button" @click=${() => this.reset()}>${t.startOver}</button>`
          : nothing
      }
      <h2 part="heading" id="step-heading" tabindex="-1">
        <span part="step-indicator" class="step-indicator">${t
          .stepOf(index + 1, steps.length, '')
          .replace(/:\s*$/, '')}</span>
        ${t.steps[step]}
      </h2>
      ${flow?.renderErrorSummary() ?? nothing}
      <div class="step">${
        step === 'category'
          ? categoryStep({
              t,
              locale: this.locale,
              errors: this.errors,
              catalog: this.catalog,
              values: this.values,
              categoryQuery: this.categoryQuery,
              on: this.#categoryHandlers,
            })
          : // A draft past the first step waits for the later steps (they load with it).
            (flow?.renderStep(step, steps) ?? html`<p part="status" role="status">${t.loading}</p>`)
      }</div>
      ${this.#renderFailure(t)}
      <div class="actions">
        ${
          index > 0 || this.values.reviewing
            ? html`<button part="back-button" class="secondary" type="button" @click=${this.#onBack}>${t.back}</button>`
            : nothing
        }
        <button part="next-button" type="submit" id="next"
          aria-disabled=${this.busy ? 'true' : 'false'}
          aria-describedby=${step === 'review' ? 'public-record' : nothing}>
          ${flow ? flow.nextLabel(step) : t.next}
        </button>
      </div>
    </form>`;
  }

  #renderFailure(t: FirstTexts): TemplateResult | typeof nothing {
    const failure = this.#failure;
    if (!failure || this.errors.size) return nothing;
    return html`<div part="alert" class="alert" role="alert">
      <h3>${t.failedHeading}</h3>
      <p>${t.failures[failureKind(failure)]}</p>
    </div>`;
  }

  // ——— Steps ———

  /** @internal */
  goTo(step: Step, options: { reviewing?: boolean } = {}): void {
    this.errors = new Map();
    this.loadFailure = undefined;
    this.setValues({ ...this.values, step, reviewing: options.reviewing ?? false }, false);
    this.focusAfterRender = 'step-heading';
  }

  #onNext = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy) return;
    try {
      await this.#later.load();
    } catch {
      this.loadFailure = new KontaktError('The rest of the report could not be loaded.', {
        code: 'network_error',
      });
      return;
    }
    await this.#flow?.next();
  };

  #onBack = (): void => {
    if (this.values.reviewing) {
      this.goTo('review');
      return;
    }
    const steps = this.steps;
    this.goTo(steps[steps.indexOf(this.values.step) - 1] ?? 'category');
  };

  /** @internal A control's value under its `name` (values' own fields), in every step. */
  onInput(event: Event): void {
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
  }

  readonly #categoryHandlers = {
    input: (event: Event) => this.onInput(event),
    categoryQuery: (event: Event) => {
      this.categoryQuery = (event.target as HTMLInputElement).value;
    },
  };

  // ——— Drafts ———

  /** @internal */
  setValues(values: FaultValues, edited = true): void {
    this.values = values;
    if (edited) this.#edited = true;
    if (this.#edited || isStarted(values)) this.draft.save(values);
  }

  /** @internal */
  forgetDraft(): void {
    this.draft.clear();
    this.#edited = false;
    this.restored = false;
  }

  #restoreDraft(target: ClientTarget): void {
    this.draft.use(
      `${draftKey(target.endpoint, target.department, globalThis.location?.pathname ?? '')}#${WIDGET}`,
    );
    if (this.#edited) return;
    const values = valuesFromDraft(this.draft.read());
    if (!values) return;
    this.values = values;
    this.restored = true;
    this.announcement = this.#t.draftRestored;
    // A draft loads the later steps at once: it may be past the first step, and has its photos.
    void this.#later.load().then(
      () => this.#flow?.restorePhotos(values.photos),
      () => undefined,
    );
  }

  /** A report kept offline before a reload is shown as waiting, and its receipt once sent. */
  async #adoptKept(target: ClientTarget): Promise<void> {
    if (!target.client && !this.deferred.value && !(await mayHoldKeptSubmissions())) return;
    await this.#later.load().catch(() => undefined);
    await this.#flow?.adoptKept(target);
  }
}

function failureKind(error: KontaktError): FailureKind {
  if (error.code === 'rate_limited') return 'rateLimited';
  if (error.code === 'validation_failed' || error.code === 'not_configured') return 'misconfigured';
  if (error.code === 'network_error' || error.code === 'timeout') return 'unreachable';
  return 'unexpected';
}
