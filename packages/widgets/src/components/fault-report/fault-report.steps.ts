import type { Locale } from '@kontakt/core';
import { localize } from '@kontakt/core';
import type {
  FaultAttribute,
  FaultCatalog,
  GeocodeResult,
  NearbyReport,
} from '@kontakt/core/schemas';
import { caseStatusWords } from '@kontakt/core/schemas';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { Errors, FieldContext, FocusIdOf, Template, Text } from './fault-report.fields.js';
import {
  departmentText,
  describedBy,
  fieldError,
  hintText,
  invalid,
  marker,
} from './fault-report.fields.js';
import type { FaultValues } from './fault-report.model.js';
import {
  coordinate,
  DESCRIPTION_MAX_LENGTH,
  hasPoint,
  placeKey,
  questionsOf,
} from './fault-report.model.js';
import type { FaultTexts, PositionProblem } from './fault-report.texts.js';

/*
 * The steps' templates. The element owns the values, the lookups and the handlers and passes
 * them in; nothing here keeps state.
 */

import type { PhotoItem } from '../../internal/photos/picked-photos.js';

export type { PhotoItem };

export type LookupStatus = 'idle' | 'loading' | 'done' | 'failed';

/** What the steps render from. */
export interface StepContext extends FieldContext {
  /** Every text: the later steps load with them (Swedish) or with their language. */
  readonly t: FaultTexts;
  readonly locale: Locale;
  readonly catalog: FaultCatalog | undefined;
  readonly values: FaultValues;
  readonly geocoder: { readonly status: LookupStatus; readonly results: readonly GeocodeResult[] };
  /** The place the geocoder names at the chosen point, for the point `key` (see `placeKey`). */
  readonly placeNear: { readonly key: string; readonly label: string } | undefined;
  readonly position: '' | 'locating' | PositionProblem;
  readonly map: 'closed' | 'loading' | 'open' | 'failed';
  readonly nearby: { readonly status: LookupStatus; readonly reports: readonly NearbyReport[] };
  readonly follow: { readonly reference: string; readonly status: 'idle' | 'following' | 'failed' };
  readonly followEmail: string;
  readonly photos: readonly PhotoItem[];
  /** The description seems to hold a personal identity number (once that check has loaded). */
  readonly personalIdentityNumber: boolean;
  /** Sending, and how far the photos' upload has come (0–100), when it is known. */
  readonly sending: boolean;
  readonly progress: number | undefined;
  readonly on: StepHandlers;
}

export interface StepHandlers {
  /** A control's value under its `name` (values' own fields). */
  input(event: Event): void;
  answer(event: Event): void;
  answerToggle(event: Event): void;
  search(): void;
  pickResult(result: GeocodeResult): void;
  position(): void;
  openMap(): void;
  mapCenter(): void;
  zoom(direction: 1 | -1): void;
  follow(reference: string): void;
  followEmail(event: Event): void;
  somethingElse(): void;
  pickPhotos(event: Event): void;
  removePhoto(id: string): void;
  change(step: import('./fault-report.texts.js').Step): void;
}

/** A labelled text-like control. */
function textField(
  ctx: FieldContext,
  field: string,
  label: Text,
  control: TemplateResult,
  options: { required: boolean; hint?: Text | undefined },
): TemplateResult {
  return html`<div part="field" class="field">
    <label part="label" for=${field}>${label} ${marker(ctx, options.required)}</label>
    ${hintText(field, options.hint)} ${fieldError(ctx, field)} ${control}
  </div>`;
}

/** The list of errors after "Fortsätt", each linking to its field. */
export function errorSummary(
  ctx: { readonly t: FaultTexts; readonly errors: Errors },
  focusIdOf: FocusIdOf,
  onLink: (event: Event, field: string) => void,
): Template {
  if (!ctx.errors.size) return nothing;
  return html`<div part="error-summary" class="error-summary" role="alert" tabindex="-1" id="error-summary">
    <h3>${ctx.t.errors.summary(ctx.errors.size)}</h3>
    <ul>
      ${[...ctx.errors].map(
        ([field, text]) =>
          html`<li><a href="#${focusIdOf(field)}" @click=${(event: Event) => onLink(event, field)}>${text}</a></li>`,
      )}
    </ul>
  </div>`;
}

export const categoryOf = (ctx: { catalog: FaultCatalog | undefined; values: FaultValues }) =>
  ctx.catalog?.categories.find((c) => c.id === ctx.values.category);

/** The category's extra questions, each of its Open311 type. */
export function questionsStep(ctx: StepContext): TemplateResult {
  const category = categoryOf(ctx);
  return html`<p>${ctx.t.questions.intro}</p>
    ${questionsOf(category).map((attribute) => question(ctx, attribute))}`;
}

function question(ctx: StepContext, attribute: FaultAttribute): TemplateResult {
  const label = departmentText(attribute.description, ctx.locale);
  const hint = attribute.hint && departmentText(attribute.hint, ctx.locale);
  const field = `answer-${attribute.code}`;
  if (!attribute.variable) {
    return html`<p part="notice" class="notice">${label}${hint ? html`<br />${hint}` : nothing}</p>`;
  }
  const answer = ctx.values.answers[attribute.code];
  const text = typeof answer === 'string' ? answer : '';
  const common = {
    required: attribute.required,
    describedby: describedBy(ctx, field, Boolean(hint)),
  };
  switch (attribute.datatype) {
    case 'singlevaluelist':
    case 'multivaluelist': {
      const multiple = attribute.datatype === 'multivaluelist';
      const chosen = Array.isArray(answer) ? answer : text ? [text] : [];
      return html`<fieldset
        part="field"
        aria-invalid=${invalid(ctx, field)}
        aria-describedby=${common.describedby}
      >
        <legend part="label">${label} ${marker(ctx, attribute.required)}</legend>
        ${hintText(field, hint)} ${fieldError(ctx, field)}
        ${attribute.values.map((value) => {
          const id = `${field}-${value.key}`;
          return html`<label class="choice" for=${id}>
            <input
              part="input"
              type=${multiple ? 'checkbox' : 'radio'}
              id=${id}
              name=${attribute.code}
              .value=${value.key}
              .checked=${chosen.includes(value.key)}
              @change=${multiple ? ctx.on.answerToggle : ctx.on.answer}
            />
            <span>${departmentText(value.name, ctx.locale)}</span>
          </label>`;
        })}
      </fieldset>`;
    }
    case 'text':
      return textField(
        ctx,
        field,
        label,
        html`<textarea
          part="input"
          id=${field}
          name=${attribute.code}
          rows="4"
          aria-required=${attribute.required ? 'true' : 'false'}
          aria-invalid=${invalid(ctx, field)}
          aria-describedby=${common.describedby}
          .value=${text}
          @input=${ctx.on.answer}
        ></textarea>`,
        { required: attribute.required, hint },
      );
    default: {
      const type =
        attribute.datatype === 'number'
          ? 'number'
          : attribute.datatype === 'datetime'
            ? 'datetime-local'
            : 'text';
      return textField(
        ctx,
        field,
        label,
        html`<input
          part="input"
          type=${type}
          id=${field}
          name=${attribute.code}
          inputmode=${type === 'number' ? 'decimal' : nothing}
          aria-required=${attribute.required ? 'true' : 'false'}
          aria-invalid=${invalid(ctx, field)}
          aria-describedby=${common.describedby}
          .value=${text}
          @input=${ctx.on.answer}
        />`,
        { required: attribute.required, hint },
      );
    }
  }
}

/**
 * What the location step has chosen, in words: the map's point and the device's position as
 * coordinates, and the place the department's geocoder names there once it has answered.
 */
export function chosenText(ctx: StepContext): string {
  const l = ctx.t.location;
  const { values, placeNear } = ctx;
  const near =
    placeNear?.label && placeNear.key === placeKey(values) ? ` ${l.near(placeNear.label)}` : '';
  if (hasPoint(values) && values.source === 'map') {
    return l.chosenPoint(coordinate(values.lat ?? 0), coordinate(values.lon ?? 0)) + near;
  }
  if (hasPoint(values) && values.source === 'position') {
    return l.chosenPosition(coordinate(values.lat ?? 0), coordinate(values.lon ?? 0)) + near;
  }
  if (values.address.trim()) return l.chosenPlace(values.address.trim());
  return l.nothingChosen;
}

/**
 * Location: the way without a map first and complete on its own (an address or a description,
 * the geocoder's places as a list of buttons, the device's position), then the map on request.
 * The address is the fault's, not the person's: no autocomplete, or a browser would offer
 * their home address for it.
 */
export function locationStep(ctx: StepContext): TemplateResult {
  const l = ctx.t.location;
  const { catalog } = ctx;
  return html`<p>${l.intro}</p>
    <section aria-labelledby="without-map">
      <h3 id="without-map">${l.withoutMap}</h3>
      ${textField(
        ctx,
        'address',
        l.address,
        html`<input
          part="input"
          type="text"
          id="address"
          name="address"
          autocomplete="off"
          aria-invalid=${invalid(ctx, 'address')}
          aria-describedby=${describedBy(ctx, 'address', true, ['chosen-place'])}
          .value=${ctx.values.address}
          @input=${ctx.on.input}
          @keydown=${(event: KeyboardEvent) => {
            // Enter in the address searches (when a geocoder is there) instead of going on.
            if (event.key === 'Enter' && catalog?.geocoder) {
              event.preventDefault();
              ctx.on.search();
            }
          }}
        />`,
        { required: false, hint: l.addressHint },
      )}
      ${catalog?.geocoder ? geocoderResults(ctx) : nothing}
      <div class="actions">
        <button part="position-button" class="secondary" type="button" id="position" @click=${ctx.on.position}>
          ${ctx.position === 'locating' ? html`<span class="spinner" aria-hidden="true"></span>${l.locating}` : l.position}
        </button>
      </div>
      ${ctx.position && ctx.position !== 'locating' ? html`<p part="problem" class="problem" role="alert">${l.positionProblems[ctx.position]}</p>` : nothing}
    </section>
    <p part="chosen" class="chosen" id="chosen-place" aria-live="polite">${chosenText(ctx)}</p>
    ${catalog?.map ? mapSection(ctx) : nothing}`;
}

function geocoderResults(ctx: StepContext): TemplateResult {
  const l = ctx.t.location;
  const { status, results } = ctx.geocoder;
  const said =
    status === 'loading'
      ? l.searching
      : status === 'failed'
        ? l.searchFailed
        : status === 'done'
          ? results.length
            ? l.results(results.length)
            : l.noResults
          : '';
  return html`<div class="actions">
      <button part="search-button" class="secondary" type="button" id="address-search" @click=${ctx.on.search}>
        ${l.search}
      </button>
    </div>
    <p class="hint" aria-live="polite" id="search-status">${said}</p>
    ${
      status === 'done' && results.length
        ? html`<ul class="list" aria-label=${l.resultsLabel}>
          ${results.map(
            (result, index) =>
              html`<li><button class="link" type="button" id="result-${index}" @click=${() => ctx.on.pickResult(result)}>
                ${result.label}
              </button></li>`,
          )}
        </ul>`
        : nothing
    }`;
}

function mapSection(ctx: StepContext): TemplateResult {
  const l = ctx.t.location;
  const attribution = ctx.catalog?.map?.attribution;
  return html`<section aria-labelledby="map-heading">
    <h3 id="map-heading">${l.mapHeading}</h3>
    ${
      ctx.map === 'closed' || ctx.map === 'failed'
        ? html`<div class="actions">
          <button part="map-button" class="secondary" type="button" id="open-map" @click=${ctx.on.openMap}>${l.openMap}</button>
        </div>`
        : nothing
    }
    ${ctx.map === 'loading' ? html`<p role="status">${l.mapLoading}</p>` : nothing}
    ${ctx.map === 'failed' ? html`<p part="problem" class="problem" role="alert">${l.mapFailed}</p>` : nothing}
    <div ?hidden=${ctx.map !== 'open' && ctx.map !== 'loading'} class="step">
      <p class="hint" id="map-instructions">${l.mapInstructions}</p>
      <div part="map" class="map" id="map"></div>
      ${attribution ? html`<p class="hint" part="attribution">${attribution}</p>` : nothing}
      <div class="actions">
        <button class="secondary" type="button" id="map-center" @click=${ctx.on.mapCenter}>${l.mapCenter}</button>
        <button class="secondary" type="button" @click=${() => ctx.on.zoom(1)} aria-label=${l.zoomIn}>+</button>
        <button class="secondary" type="button" @click=${() => ctx.on.zoom(-1)} aria-label=${l.zoomOut}>−</button>
      </div>
    </div>
  </section>`;
}

/** Open reports of the same kind nearby: follow one instead, or go on with one's own. */
export function nearbyStep(ctx: StepContext): TemplateResult {
  const n = ctx.t.nearby;
  const { reports } = ctx.nearby;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(ctx.locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(iso),
    );
  return html`<p>${n.intro(reports.length)}</p>
    ${textField(
      ctx,
      'follow-email',
      n.followEmail,
      html`<input
        part="input"
        type="email"
        id="follow-email"
        autocomplete="email"
        aria-invalid=${invalid(ctx, 'follow-email')}
        aria-describedby=${describedBy(ctx, 'follow-email', true)}
        .value=${ctx.followEmail}
        @input=${ctx.on.followEmail}
      />`,
      { required: false, hint: n.followEmailHint },
    )}
    <ul class="list">
      ${reports.map(
        (report) => html`<li part="nearby-report" class="card">
          <h3 dir="ltr" translate="no">${report.reference}</h3>
          <p>${n.report(report.distanceMeters)} · ${n.reported(date(report.createdAt))}</p>
          <p>${n.status}: ${caseStatusWords(report.status, ctx.locale).label}</p>
          <button
            part="follow-button"
            class="secondary"
            type="button"
            aria-describedby="follow-${report.reference}"
            aria-disabled=${ctx.follow.status === 'following' ? 'true' : 'false'}
            @click=${() => ctx.on.follow(report.reference)}
          >${n.follow}</button>
          <span hidden id="follow-${report.reference}">${report.reference}</span>
          ${
            ctx.follow.reference === report.reference && ctx.follow.status === 'failed'
              ? html`<p part="problem" class="problem" role="alert">${n.followFailed}</p>`
              : nothing
          }
        </li>`,
      )}
    </ul>
    <div class="actions">
      <button part="something-else-button" class="secondary" type="button" id="something-else" @click=${ctx.on.somethingElse}>
        ${n.somethingElse}
      </button>
    </div>`;
}

/** Photos: take or choose (camera on phones), previews with their number, remove. */
export function photosStep(ctx: StepContext): TemplateResult {
  const p = ctx.t.photos;
  const max = ctx.catalog?.photos.maxCount ?? 3;
  const kept = ctx.photos;
  // A refused photo (shown with why) takes no place: the list counts as `PhotoList` does.
  const full = kept.filter((photo) => photo.status !== 'failed').length >= max;
  return html`<p>${p.intro(max)}</p>
    <p class="hint" id="photos-hint">${p.addHint}</p>
    ${fieldError(ctx, 'photos')}
    ${
      full
        ? html`<p class="hint">${p.tooMany(max)}</p>`
        : html`<div class="actions">
          <input class="file-input" type="file" id="photo-take" accept="image/*" capture="environment"
            aria-describedby="photos-hint" @change=${ctx.on.pickPhotos} />
          <label class="file-button" for="photo-take">${p.add}</label>
        </div>`
    }
    <ul class="photos">
      ${kept.map((photo, index) => photoPreview(ctx, photo, index, kept.length))}
    </ul>`;
}

function photoPreview(
  ctx: StepContext,
  photo: PhotoItem,
  index: number,
  total: number,
): TemplateResult {
  const p = ctx.t.photos;
  return html`<li part="photo" class="card">
    ${
      photo.status === 'preparing'
        ? html`<p role="status">${p.preparing}</p>`
        : photo.status === 'failed'
          ? html`<p part="problem" class="problem" role="alert">${photo.problem ? p.problems[photo.problem] : p.problems.decode_failed}</p>`
          : html`<img src=${photo.url ?? ''} alt=${p.alt(index + 1, total)} />`
    }
    <button part="remove-photo-button" class="secondary" type="button" id="remove-${photo.id}"
      @click=${() => ctx.on.removePhoto(photo.id)}>${p.remove(index + 1, total)}</button>
  </li>`;
}

export function descriptionStep(ctx: StepContext): TemplateResult {
  const d = ctx.t.description;
  const { description } = ctx.values;
  return html`${textField(
    ctx,
    'description',
    d.label,
    html`<textarea
      part="input"
      id="description"
      name="description"
      rows="6"
      aria-required="true"
      aria-invalid=${invalid(ctx, 'description')}
      aria-describedby=${describedBy(ctx, 'description', true, [
        'description-count',
        ...(ctx.personalIdentityNumber ? ['description-warning'] : []),
      ])}
      .value=${description}
      @input=${ctx.on.input}
    ></textarea>
    <p part="character-count" class="hint" id="description-count">
      ${d.count(description.length, DESCRIPTION_MAX_LENGTH)}
    </p>
    <div part="warning" class="warning" id="description-warning" aria-live="polite">
      ${ctx.personalIdentityNumber ? html`<p>${d.personalIdentityNumber}</p>` : nothing}
    </div>`,
    { required: true, hint: d.hint },
  )}`;
}

/** Optional contact: anonymous is allowed and what it means is said before the choice. */
export function contactStep(ctx: StepContext): TemplateResult {
  const c = ctx.t.contact;
  const withContact = ctx.values.anonymous === 'no';
  return html`<fieldset part="field" aria-describedby="anonymous-hint">
      <legend part="label">${c.legend} ${marker(ctx, false)}</legend>
      <p part="hint" class="hint" id="anonymous-hint">${c.anonymousHint}</p>
      ${(['yes', 'no'] as const).map(
        (choice) => html`<label class="choice" for="anonymous-${choice}">
          <input part="input" type="radio" id="anonymous-${choice}" name="anonymous" .value=${choice}
            .checked=${(ctx.values.anonymous || 'yes') === choice} @change=${ctx.on.input} />
          <span>${choice === 'yes' ? c.anonymous : c.withContact}</span>
        </label>`,
      )}
    </fieldset>
    ${
      withContact
        ? html`${fieldError(ctx, 'contact')}
          ${textField(
            ctx,
            'name',
            c.name,
            html`<input part="input" type="text" id="name" name="name" autocomplete="name"
              aria-invalid=${invalid(ctx, 'name')} aria-describedby=${describedBy(ctx, 'name', false)}
              .value=${ctx.values.name} @input=${ctx.on.input} />`,
            { required: false },
          )}
          ${textField(
            ctx,
            'email',
            c.email,
            html`<input part="input" type="email" id="email" name="email" autocomplete="email"
              aria-invalid=${invalid(ctx, 'email')} aria-describedby=${describedBy(ctx, 'email', true)}
              .value=${ctx.values.email} @input=${ctx.on.input} />`,
            { required: false, hint: c.emailHint },
          )}
          ${textField(
            ctx,
            'phone',
            c.phone,
            html`<input part="input" type="tel" id="phone" name="phone" autocomplete="tel"
              aria-invalid=${invalid(ctx, 'phone')} aria-describedby=${describedBy(ctx, 'phone', false)}
              .value=${ctx.values.phone} @input=${ctx.on.input} />`,
            { required: false },
          )}`
        : nothing
    }`;
}

/** "Check your answers": each answer with a way back to change it, the notice, and send. */
export function reviewStep(ctx: StepContext, steps: readonly string[]): TemplateResult {
  const r = ctx.t.review;
  const category = categoryOf(ctx);
  const row = (
    step: import('./fault-report.texts.js').Step,
    key: string,
    label: string,
    value: Template | Text | readonly Text[],
    // The label as shown, where it is a department's text (its button's name is a plain string).
    shownLabel: Text = label,
  ) => html`<div>
    <dt>${shownLabel}</dt>
    <dd>${value || r.notAnswered}</dd>
    <dd>
      <button part="change-button" class="link" type="button" id="change-${key}"
        aria-label=${r.changeWhat(label)} @click=${() => ctx.on.change(step)}>${r.change}</button>
    </dd>
  </div>`;
  const answers = questionsOf(category)
    .filter((a) => a.variable)
    .map((attribute) => {
      const answer = ctx.values.answers[attribute.code];
      const keys = Array.isArray(answer) ? answer : answer ? [answer] : [];
      const chosen = attribute.values.filter((v) => keys.includes(v.key));
      const shown = attribute.datatype.endsWith('valuelist')
        ? chosen.flatMap((v, i) => [i ? ', ' : '', departmentText(v.name, ctx.locale)])
        : keys.join('');
      return row(
        'questions',
        `answer-${attribute.code}`,
        localize(attribute.description, ctx.locale),
        shown.length ? shown : '',
        departmentText(attribute.description, ctx.locale),
      );
    });
  const photos = ctx.photos.filter((p) => p.status === 'ready');
  const contact =
    ctx.values.anonymous === 'no'
      ? [ctx.values.name, ctx.values.email, ctx.values.phone].filter((v) => v.trim()).join('\n')
      : r.anonymous;
  return html`<p>${r.intro}</p>
    <dl part="summary" class="summary">
      ${row('category', 'category', r.category, category ? departmentText(category.name, ctx.locale) : '')}
      ${answers}
      ${row('location', 'location', r.location, chosenText(ctx))}
      ${steps.includes('photos') ? row('photos', 'photos', r.photos, r.photoCount(photos.length)) : nothing}
      ${row('description', 'description', r.description, ctx.values.description)}
      ${row('contact', 'contact', r.contact, contact)}
    </dl>
    ${
      ctx.sending && ctx.progress !== undefined && photos.length
        ? html`<div class="field">
          <progress part="progress" max="100" .value=${ctx.progress} aria-labelledby="upload-text"></progress>
          <p id="upload-text" aria-live="polite">${ctx.t.photos.uploading(Math.round(ctx.progress))}</p>
        </div>`
        : nothing
    }
    <p part="notice" class="notice" id="public-record">${r.publicRecord}</p>`;
}
