/*
 * The tracker's first-frame templates: the form and a failure. Functions of what they are given
 * (no state of their own), so the element decides what shows and these only say how. A case's
 * templates are in status-tracker.case-view.ts, loaded with the lookup.
 */
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { LookupFailure } from './status-tracker.model.js';
import type { TrackerTexts } from './status-tracker.texts.js';

type Template = TemplateResult | typeof nothing;

/** The fields of the form, as they carry errors. */
export type TrackerField = 'reference' | 'email';

export interface FormContext {
  readonly t: TrackerTexts;
  readonly values: Readonly<Record<TrackerField, string>>;
  readonly errors: ReadonlyMap<TrackerField, string>;
  readonly busy: boolean;
  readonly failure: Template;
  readonly onInput: (event: Event) => void;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onSummaryLink: (event: Event, field: TrackerField) => void;
}

export function formView(ctx: FormContext): TemplateResult {
  const { t } = ctx;
  return html`<form part="form" novalidate aria-labelledby="form-heading" @submit=${ctx.onSubmit}>
    <h2 id="form-heading">${t.formHeading}</h2>
    <p>${t.formIntro}</p>
    ${errorSummary(ctx)} ${ctx.failure}
    ${field(ctx, 'reference', t.reference, t.referenceHint, {
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      type: 'text',
    })}
    ${field(ctx, 'email', t.email, t.emailHint, {
      autocomplete: 'email',
      autocapitalize: 'off',
      spellcheck: 'false',
      type: 'email',
    })}
    <button part="submit-button" type="submit" aria-disabled=${ctx.busy ? 'true' : 'false'}>
      ${ctx.busy ? html`<span class="spinner" aria-hidden="true"></span>${t.submitting}` : t.submit}
    </button>
    <p part="hint" class="hint">${t.noPersonalData}</p>
  </form>`;
}

function errorSummary(ctx: FormContext): Template {
  if (!ctx.errors.size) return nothing;
  return html`<div part="error-summary" class="error-summary" role="alert">
    <h3>${ctx.t.errorSummary(ctx.errors.size)}</h3>
    <ul>
      ${[...ctx.errors].map(
        ([name, message]) =>
          html`<li>
            <a href="#${name}" @click=${(event: Event) => ctx.onSummaryLink(event, name)}>${message}</a>
          </li>`,
      )}
    </ul>
  </div>`;
}

interface InputOptions {
  autocomplete: string;
  autocapitalize: string;
  spellcheck: 'false';
  type: 'text' | 'email';
}

function field(
  ctx: FormContext,
  name: TrackerField,
  label: string,
  hint: string,
  options: InputOptions,
): TemplateResult {
  const error = ctx.errors.get(name);
  const describedBy = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div part="field" class="field">
    <label part="label" for=${name}>${label}</label>
    <span part="hint" class="hint" id="${name}-hint">${hint}</span>
    ${error ? html`<span part="error" class="error" id="${name}-error">${error}</span>` : nothing}
    <input
      part="input"
      id=${name}
      name=${name}
      type=${options.type}
      dir="ltr"
      autocomplete=${options.autocomplete}
      autocapitalize=${options.autocapitalize}
      spellcheck=${options.spellcheck}
      aria-required="true"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy}
      .value=${ctx.values[name]}
      @input=${ctx.onInput}
    />
  </div>`;
}

/** Why a lookup failed, announced (`role="alert"`); the same words for every wrong guess. */
export function failureView(
  t: TrackerTexts,
  failure: LookupFailure,
  retryAt: string | undefined,
): TemplateResult {
  const text =
    failure.kind === 'not-found'
      ? t.notFound
      : failure.kind === 'rate-limited'
        ? t.rateLimited(retryAt)
        : failure.kind === 'offline'
          ? t.unreachable
          : t.unexpected;
  const heading = failure.kind === 'not-found' ? t.notFoundHeading : t.failedHeading;
  return html`<div part="alert" class="alert" role="alert" id="failure" tabindex="-1">
    <h3>${heading}</h3>
    <p>${text}</p>
  </div>`;
}
