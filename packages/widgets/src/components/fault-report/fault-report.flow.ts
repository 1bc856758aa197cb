import type { FieldError, OutboxEntry, Receipt } from '@kontakt/core';
import { DEFAULT_TIME_ZONE, KontaktError } from '@kontakt/core';
import type { FaultReport, LatLon } from '@kontakt/core/schemas';
import type { ReactiveElement, TemplateResult } from 'lit';
import { adoptStyles, html, nothing, supportsAdoptingStyleSheets } from 'lit';
import { KcErrorEvent } from '../../events/error.js';
import { KcSubmittedEvent } from '../../events/submitted.js';
import type { ClientTarget } from '../../internal/client.js';
import { photoListStyles } from '../../internal/photos/photo-styles.js';
import { PhotoList } from '../../internal/photos/picked-photos.js';
import type {
  SubmissionController,
  SubmissionState,
} from '../../internal/submission-controller.js';
import { followCase, geocode, nearbyReports, placeAt } from './fault-report.api.js';
import type * as Deferred from './fault-report.deferred.js';
import type { Errors } from './fault-report.fields.js';
import type { KcFaultReport } from './fault-report.js';
import { laterStyles } from './fault-report.later.styles.js';
import type * as MapChunk from './fault-report.map.js';
import { isStarted, placeKey, pointKey } from './fault-report.model.js';
import { toReport } from './fault-report.report.js';
import { checkStep, errorText, focusIdFor, placeError } from './fault-report.step-check.js';
import type { StepContext, StepHandlers } from './fault-report.steps.js';
import {
  contactStep,
  descriptionStep,
  errorSummary,
  locationStep,
  nearbyStep,
  photosStep,
  questionsStep,
  reviewStep,
} from './fault-report.steps.js';
import type { FaultTexts, Step } from './fault-report.texts.js';
import { sv } from './fault-report.texts.sv.js';

/*
 * Everything `<kc-fault-report>` does once a person uses it, in the chunk loaded then
 * (`fault-report.later.ts`): the later steps' handlers, the place and nearby lookups, the map and
 * the photos, following a nearby report, sending and what follows it (the receipt, the offline
 * panel). The element keeps the first step, its frame and the state every step shares; this works
 * on that state (`@internal` members) and keeps what only the later steps need.
 */

/** The name this widget gives itself in a submission's `origin.widget`. */
const WIDGET = 'kc-fault-report';
/** How long a chosen point stays before its place is asked for: a pin moved by keys settles. */
const PLACE_DELAY_MS = 400;

/** What is sent: the report and the prepared photos (the SDK uploads them, and keeps them offline). */
interface FaultMessage {
  readonly report: FaultReport;
  readonly photos: readonly Blob[];
}

/** The later steps of one `<kc-fault-report>`: made by the element when this chunk arrives. */
export class FaultFlow {
  /** Sends the report and keeps it offline; made at the first send or at start-up with a kept one. */
  submission: SubmissionController<FaultMessage> | undefined;

  /** The photos of the report: picked, prepared and kept with the draft. */
  readonly photos: PhotoList;
  readonly #el: KcFaultReport;
  #pinMap: MapChunk.PinMap | undefined;
  #mapChunk: typeof MapChunk | undefined;
  #geocodeAbort: AbortController | undefined;
  /** The point whose place was last asked for (`placeKey`), its request and its delay. */
  #placeAsked = '';
  #placeAbort: AbortController | undefined;
  #placeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(element: KcFaultReport) {
    this.#el = element;
    this.photos = new PhotoList(element, {
      onChange: () => element.setValues({ ...element.values, photos: this.photos.ids }),
      onRemoved: () => {
        element.focusAfterRender = 'photo-take';
      },
      onStatus: () => {
        element.announcement = this.photos.status?.(this.t.photos) ?? '';
      },
    });
    // The later steps' styles join the element's (made when this chunk arrives, before the first
    // render that shows a later step). Without constructable style sheets (Safari before 16.4)
    // Lit appends a <style> per sheet, so only the new one is given. Not `addLateStyles`: its
    // module would become a chunk the contact form loads as a file of its own (0.14 KB more).
    const own = (element.constructor as typeof ReactiveElement).elementStyles;
    adoptStyles(element.renderRoot as ShadowRoot, [
      ...(supportsAdoptingStyleSheets ? own : []),
      laterStyles,
      photoListStyles,
    ]);
  }

  /** The texts in the element's language (Swedish until another has loaded). */
  get t(): FaultTexts {
    return this.#el.allTexts ?? sv;
  }

  // ——— Rendering ———

  /** The receipt, the followed case or the offline panel, when one of them is what to show. */
  renderOutcome(): TemplateResult | undefined {
    const state = this.submission?.state;
    if (this.#el.followed) return this.#renderFollowed(this.#el.followed);
    if (state?.status === 'delivered') return this.#renderReceipt(state.receipt);
    if (state?.status === 'offline') return this.#renderOffline();
    return undefined;
  }

  /** A later step's fields. */
  renderStep(step: Step, steps: readonly Step[]): TemplateResult {
    const ctx = this.#context();
    switch (step) {
      case 'questions':
        return questionsStep(ctx);
      case 'location':
        return locationStep(ctx);
      case 'nearby':
        return nearbyStep(ctx);
      case 'photos':
        return photosStep(ctx);
      case 'description':
        return descriptionStep(ctx);
      case 'contact':
        return contactStep(ctx);
      default:
        return reviewStep(ctx, steps);
    }
  }

  renderErrorSummary(): TemplateResult | typeof nothing {
    return errorSummary(
      { t: this.t, errors: this.#el.errors },
      (field) => this.focusIdOf(field),
      this.#onSummaryLink,
    );
  }

  /** The next button's text: send on the review, back to it when changing an answer from it. */
  nextLabel(step: Step): TemplateResult | string {
    const t = this.t;
    if (step !== 'review') return this.#el.values.reviewing ? t.backToReview : t.next;
    return this.#el.busy
      ? html`<span class="spinner" aria-hidden="true"></span>${t.review.submitting}`
      : t.review.submit;
  }

  #context(): StepContext {
    const el = this.#el;
    return {
      t: this.t,
      locale: el.locale,
      errors: el.errors,
      catalog: el.catalog,
      values: el.values,
      geocoder: el.geocoder,
      placeNear: el.placeNear,
      position: el.position,
      map: el.mapState,
      nearby: el.nearby,
      follow: el.follow,
      followEmail: el.followEmail,
      photos: this.photos.items,
      personalIdentityNumber:
        el.deferred.value?.containsPersonalIdentityNumber(el.values.description) ?? false,
      sending: el.busy,
      progress: el.progress,
      on: this.handlers,
    };
  }

  #renderReceipt(receipt: Receipt): TemplateResult {
    const r = this.t.receipt;
    return html`<section part="receipt" class="panel" aria-labelledby="receipt-heading">
      <h2 part="receipt-heading" id="receipt-heading" tabindex="-1">${r.heading}</h2>
      <p>${r.reference}:</p>
      <p part="reference" class="reference" dir="ltr" translate="no">${receipt.reference}</p>
      <p>${r.expected(this.#formatDate(receipt.expectedAnswerBy))}</p>
      ${this.#trackerLink(receipt.reference, receipt.receiptToken)}
      <p>${r.keep}</p>
      ${this.#newReportButton()}
    </section>`;
  }

  #renderFollowed(followed: { reference: string; accessToken: string }): TemplateResult {
    const t = this.t;
    return html`<section part="receipt" class="panel" aria-labelledby="receipt-heading">
      <h2 part="receipt-heading" id="receipt-heading" tabindex="-1">${t.nearby.followedHeading}</h2>
      <p part="reference" class="reference" dir="ltr" translate="no">${followed.reference}</p>
      <p>${t.nearby.followedText}</p>
      ${this.#trackerLink(followed.reference, followed.accessToken)}
      <p>${t.receipt.keep}</p>
      ${this.#newReportButton()}
    </section>`;
  }

  #newReportButton(): TemplateResult {
    return html`<button part="new-report-button" class="secondary" type="button" @click=${() => this.#el.reset()}>
      ${this.t.receipt.newReport}
    </button>`;
  }

  #trackerLink(reference: string, token: string): TemplateResult | typeof nothing {
    const href = trackerHref(this.#el.trackerUrl, reference, token);
    return href
      ? html`<p><a part="tracker-link" href=${href}>${this.t.receipt.tracker}</a></p>`
      : nothing;
  }

  #renderOffline(): TemplateResult {
    const o = this.t.offline;
    return html`<section class="panel offline" aria-labelledby="offline-heading">
      <h2 id="offline-heading" tabindex="-1">${o.heading}</h2>
      <p>${o.text}</p>
      <button part="send-now-button" class="secondary" type="button" @click=${() => this.submission?.sendNow()}>
        ${o.sendNow}
      </button>
    </section>`;
  }

  #formatDate(iso: string): string {
    const options = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
    return new Intl.DateTimeFormat(this.#el.locale, {
      ...options,
      timeZone: DEFAULT_TIME_ZONE,
    }).format(new Date(iso));
  }

  // ——— Steps ———

  /** "Fortsätt" (on the review: send): the step's checks, then the next step or sending. */
  async next(): Promise<void> {
    const el = this.#el;
    const step = el.values.step;
    const errors = checkStep(step, el.catalog, el.values, this.t, el.locale);
    if (errors.size) {
      this.#showErrors(errors);
      return;
    }
    if (step === 'review') {
      await this.#send();
      return;
    }
    if (step === 'location' && (await this.#showNearby())) return;
    if (el.values.reviewing) {
      el.goTo('review');
      return;
    }
    const steps = el.steps;
    el.goTo(steps[steps.indexOf(step) + 1] ?? 'review');
  }

  /** The control a field's error links to. */
  focusIdOf(field: string): string {
    return focusIdFor(field, this.#el.catalog, this.#el.values);
  }

  #showErrors(errors: Errors): void {
    const el = this.#el;
    el.errors = errors;
    el.announcement = '';
    const [first] = errors.keys();
    if (first) el.focusAfterRender = this.focusIdOf(first);
  }

  #onSummaryLink = (event: Event, field: string): void => {
    // Fragment links do not reach into a shadow root; move focus ourselves.
    event.preventDefault();
    const id = this.focusIdOf(field);
    this.#el.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus();
  };

  /**
   * Looks for open reports of the category near the chosen point, once per point; shows the
   * nearby step when there are some. A failed lookup goes on without it: the person can report.
   */
  async #showNearby(): Promise<boolean> {
    const el = this.#el;
    const target = el.clients.target;
    const key = pointKey(el.values);
    const { lat, lon, category } = el.values;
    if (!target || !key || lat === undefined || lon === undefined) return false;
    if (el.values.nearbyDismissed === key) return false;
    if (el.nearby.key !== key || el.nearby.status !== 'done') {
      el.nearby = { key, status: 'loading', reports: [] };
      el.announcement = this.t.nearby.checking;
      try {
        const reports = await nearbyReports(target, { lat, lon, category });
        el.nearby = { key, status: 'done', reports };
      } catch {
        el.nearby = { key, status: 'failed', reports: [] };
      }
      el.announcement = '';
    }
    if (!el.nearby.reports.length) return false;
    el.announcement = this.t.nearby.found(el.nearby.reports.length);
    el.goTo('nearby', { reviewing: el.values.reviewing });
    return true;
  }

  readonly handlers: StepHandlers = {
    input: (event) => this.#el.onInput(event),
    answer: (event) => {
      const target = event.target as HTMLInputElement;
      const values = this.#el.values;
      this.#el.setValues({
        ...values,
        answers: { ...values.answers, [target.name]: target.value },
      });
    },
    answerToggle: (event) => {
      const target = event.target as HTMLInputElement;
      const values = this.#el.values;
      const before = values.answers[target.name];
      const chosen = Array.isArray(before) ? before : [];
      const next = target.checked
        ? [...chosen, target.value]
        : chosen.filter((key) => key !== target.value);
      this.#el.setValues({ ...values, answers: { ...values.answers, [target.name]: next } });
    },
    search: () => void this.#search(),
    pickResult: (result) => {
      const el = this.#el;
      el.setValues({
        ...el.values,
        address: result.label,
        lat: result.lat,
        lon: result.lon,
        accuracy: undefined,
        source: 'geocoder',
      });
      el.geocoder = { status: 'idle', results: [] };
      this.#pinMap?.setPoint({ lat: result.lat, lon: result.lon });
      el.focusAfterRender = 'address';
    },
    position: () => this.#locate(),
    openMap: () => void this.#openMap(),
    mapCenter: () => this.#pinMap?.placeAtCenter(),
    zoom: (direction) => (direction > 0 ? this.#pinMap?.zoomIn() : this.#pinMap?.zoomOut()),
    follow: (reference) => void this.#followInstead(reference),
    followEmail: (event) => {
      this.#el.followEmail = (event.target as HTMLInputElement).value;
    },
    somethingElse: () => {
      const el = this.#el;
      const steps = el.steps;
      const next = el.values.reviewing
        ? 'review'
        : (steps[steps.indexOf('nearby') + 1] ?? 'review');
      el.values = { ...el.values, nearbyDismissed: pointKey(el.values) };
      el.goTo(next);
    },
    pickPhotos: (event) => void this.#addPhotos(event.target as HTMLInputElement),
    removePhoto: (id) => this.photos.remove(id),
    change: (step) => this.#el.goTo(step, { reviewing: true }),
  };

  // ——— Location ———

  async #search(): Promise<void> {
    const el = this.#el;
    const target = el.clients.target;
    const query = el.values.address.trim();
    if (!target || !query) return;
    this.#geocodeAbort?.abort();
    const abort = new AbortController();
    this.#geocodeAbort = abort;
    el.geocoder = { status: 'loading', results: [] };
    try {
      const results = await geocode(target, query, abort.signal);
      if (abort.signal.aborted) return;
      el.geocoder = { status: 'done', results };
    } catch {
      if (!abort.signal.aborted) el.geocoder = { status: 'failed', results: [] };
    }
  }

  #locate(): void {
    const el = this.#el;
    if (!('geolocation' in navigator)) {
      el.position = 'unsupported';
      return;
    }
    el.position = 'locating';
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        el.position = '';
        const accuracy = Math.round(coords.accuracy);
        const point = { lat: round(coords.latitude), lon: round(coords.longitude) };
        el.setValues({ ...el.values, ...point, accuracy, source: 'position' });
        this.#pinMap?.setPoint(point);
        el.announcement = this.t.location.positionFound(accuracy);
      },
      (error) => {
        el.position =
          error.code === error.PERMISSION_DENIED
            ? 'denied'
            : error.code === error.TIMEOUT
              ? 'timeout'
              : 'unavailable';
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  /**
   * Asks the department's geocoder which place the chosen point is at, so that a point from the
   * map or the device is said in words too, not only as coordinates (screen-reader users cannot
   * see the pin). Once per point, after a pause (a pin moved by the arrow keys asks once it
   * stops), the last point's request only. Without a geocoder, or when it fails, the coordinates
   * are said alone.
   */
  namePoint(): void {
    const el = this.#el;
    const key = placeKey(el.values);
    const target = el.clients.target;
    if (key === this.#placeAsked || !target || !el.catalog?.geocoder) return;
    this.#placeAsked = key;
    clearTimeout(this.#placeTimer);
    this.#placeAbort?.abort();
    const { lat, lon } = el.values;
    if (!key || lat === undefined || lon === undefined) return;
    const abort = new AbortController();
    this.#placeAbort = abort;
    this.#placeTimer = setTimeout(async () => {
      try {
        const place = await placeAt(target, { lat, lon }, abort.signal);
        if (!abort.signal.aborted) el.placeNear = { key, label: place?.label ?? '' };
      } catch {
        // Said as coordinates only; the next point asks again.
      }
    }, PLACE_DELAY_MS);
  }

  async #openMap(): Promise<void> {
    const el = this.#el;
    el.mapState = 'loading';
    try {
      this.#mapChunk ??= await import('./fault-report.map.js');
      el.mapState = 'open';
      // The button that opened it is gone: the map itself is where the person goes on.
      el.focusAfterRender = 'map';
    } catch {
      el.mapState = 'failed';
    }
  }

  /** Draws the map once its container is rendered; removes it when the step is left. */
  syncMap(): void {
    const el = this.#el;
    const container = el.renderRoot.querySelector<HTMLElement>('#map');
    const settings = el.catalog?.map;
    if (this.#pinMap && (!container || el.mapState !== 'open')) {
      this.#pinMap.destroy();
      this.#pinMap = undefined;
    }
    if (this.#pinMap || !container || el.mapState !== 'open' || !this.#mapChunk || !settings)
      return;
    const { lat, lon } = el.values;
    try {
      this.#pinMap = this.#mapChunk.createPinMap({
        container,
        root: el.renderRoot as ShadowRoot,
        settings,
        point: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
        label: this.t.location.mapLabel,
        describedBy: 'map-instructions chosen-place',
        pinLabel: this.t.location.pin,
        onPick: (point: LatLon) =>
          el.setValues({ ...el.values, ...point, accuracy: undefined, source: 'map' }),
      });
    } catch {
      el.mapState = 'failed';
    }
  }

  /** The element left the page: the map goes (it is drawn again when the step is shown). */
  disconnected(): void {
    this.#pinMap?.destroy();
    this.#pinMap = undefined;
    clearTimeout(this.#placeTimer);
    this.#placeAbort?.abort();
    this.#placeAsked = '';
    if (this.#el.mapState === 'open') this.#el.mapState = 'closed';
  }

  // ——— Photos ———

  #addPhotos(input: HTMLInputElement): Promise<void> {
    const catalog = this.#el.catalog?.photos;
    return this.photos.pick(input, {
      maxCount: catalog?.maxCount ?? 3,
      maxEdge: catalog?.maxEdge ?? 1600,
      maxBytes: catalog?.maxBytes ?? 2_000_000,
    });
  }

  /** The photos of a restored draft, from IndexedDB; those not found leave the draft. */
  async restorePhotos(ids: readonly string[]): Promise<void> {
    const el = this.#el;
    await this.photos.restore(ids);
    const found = this.photos.ids;
    // Unless something else (a pick, starting over) changed the draft first.
    if (el.values.photos === ids && found.length !== ids.length) {
      el.values = { ...el.values, photos: found };
    }
  }

  // ——— Following a nearby report ———

  async #followInstead(reference: string): Promise<void> {
    const el = this.#el;
    if (el.follow.status === 'following') return;
    const email = el.followEmail.trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      this.#showErrors(new Map([['follow-email', this.t.errors.email]]));
      return;
    }
    el.errors = new Map();
    el.follow = { reference, status: 'following' };
    el.announcement = this.t.nearby.following;
    try {
      const submit = await el.deferred.load();
      const client = el.clients.client(submit.createClient);
      if (!client) throw new KontaktError('Not configured.', { code: 'not_configured' });
      const access = await followCase(client, reference, {
        ...(email ? { email } : {}),
        locale: el.locale,
      });
      el.follow = { reference, status: 'idle' };
      el.followed = { reference, accessToken: access.accessToken };
      el.forgetDraft();
      el.announcement = '';
      el.focusAfterRender = 'receipt-heading';
    } catch {
      el.follow = { reference, status: 'failed' };
      el.announcement = '';
    }
  }

  // ——— Sending ———

  async #send(): Promise<void> {
    const el = this.#el;
    const catalog = el.catalog;
    if (!catalog || !el.clients.target) return;
    el.loadFailure = undefined;
    let submit = el.deferred.value;
    try {
      submit ??= await el.deferred.load();
    } catch (error) {
      el.draft.flush();
      el.loadFailure = new KontaktError('What sending needs could not be loaded.', {
        code: 'network_error',
        cause: error,
      });
      el.dispatchEvent(new KcErrorEvent(el.loadFailure));
      return;
    }
    const client = el.clients.client(submit.createClient);
    if (!client) return;
    const result = submit.validateReport(toReport(catalog, el.values, [], el.locale));
    if (!result.success) {
      this.#showFieldErrors(result.errors);
      return;
    }
    // A photo still being prepared goes too: sending waits for it.
    const photos = await this.photos.ready();
    el.progress = photos.length ? 0 : undefined;
    await this.#submissionFor(submit).submit(client, { report: result.report, photos });
  }

  /** Errors from the schema or the server: back to the first step that has one, shown there. */
  #showFieldErrors(fieldErrors: readonly FieldError[]): void {
    const el = this.#el;
    const placed = fieldErrors.flatMap((error) => {
      const place = placeError(error);
      return place ? [{ ...place, error }] : [];
    });
    const steps = el.steps;
    const first = placed.sort((a, b) => steps.indexOf(a.step) - steps.indexOf(b.step))[0];
    if (!first) return;
    el.goTo(first.step, { reviewing: true });
    const errors = new Map<string, string>();
    for (const { step, field, error } of placed) {
      if (step === first.step && !errors.has(field))
        errors.set(field, errorText(this.t, field, error));
    }
    this.#showErrors(errors);
  }

  #submissionFor(submit: typeof Deferred): SubmissionController<FaultMessage> {
    this.submission ??= new submit.SubmissionController<FaultMessage>(this.#el, {
      widget: WIDGET,
      send: (client, message, options) =>
        client.faults.submit(message.report, {
          ...options,
          photos: message.photos,
          onProgress: ({ loaded, total }) => {
            this.#el.progress = total ? (loaded / total) * 100 : undefined;
          },
        }),
      onChange: (state, focus) => this.#onSubmissionChange(state, focus),
    });
    return this.submission;
  }

  #onSubmissionChange(state: SubmissionState, focus: boolean): void {
    const el = this.#el;
    const t = this.t;
    const wasOffline = el.announcement === t.offline.heading;
    el.announcement = state.status === 'sending' ? t.sending : '';
    if (state.status === 'offline') {
      el.draft.flush();
      el.announcement = t.offline.heading;
      if (focus) el.focusAfterRender = 'offline-heading';
    } else if (state.status === 'delivered') {
      if (!focus || wasOffline) el.announcement = t.sentLater;
      el.forgetDraft();
      if (focus) el.focusAfterRender = 'receipt-heading';
      el.dispatchEvent(new KcSubmittedEvent(state.receipt));
    } else if (state.status === 'failed') {
      el.progress = undefined;
      this.#restoreFromOutbox(state.entry);
      if (state.error.fieldErrors.length) this.#showFieldErrors(state.error.fieldErrors);
      el.dispatchEvent(new KcErrorEvent(state.error));
    }
  }

  /** After a reload without a draft, a refused report kept offline still has the answers. */
  #restoreFromOutbox(entry: OutboxEntry | undefined): void {
    const el = this.#el;
    if (!entry || isStarted(el.values)) return;
    const report = (entry.submission as unknown as { report?: Partial<FaultReport> }).report;
    if (!report?.category) return;
    el.values = {
      ...el.values,
      category: report.category,
      description: report.description ?? '',
      address: report.location?.address ?? '',
      lat: report.location?.lat,
      lon: report.location?.lon,
      step: 'review',
    };
  }

  /** A report kept offline before a reload is shown as waiting, and its receipt once sent. */
  async adoptKept(target: ClientTarget): Promise<void> {
    const el = this.#el;
    const submit = await el.deferred.load().catch(() => undefined);
    const client = submit && el.clients.client(submit.createClient);
    if (client && el.checkedTarget === target.key) {
      void this.#submissionFor(submit).adopt(client);
    }
  }

  /** Starting over: the lookups, the map, the photos and the sending state go. */
  startOver(): void {
    const el = this.#el;
    this.photos.clear();
    el.followed = undefined;
    el.follow = { reference: '', status: 'idle' };
    el.nearby = { key: '', status: 'idle', reports: [] };
    el.geocoder = { status: 'idle', results: [] };
    el.mapState = 'closed';
    el.progress = undefined;
    this.submission?.reset();
    this.submission?.forgetKey();
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

const round = (value: number): number => Math.round(value * 1e5) / 1e5;
