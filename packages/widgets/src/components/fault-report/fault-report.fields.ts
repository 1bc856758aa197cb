import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { FaultTexts } from './fault-report.texts.js';

/*
 * Field building blocks shared by the steps: a label with its required/optional marker in text,
 * a hint, an error tied to the control (`aria-invalid`, `aria-describedby`), and the error
 * summary that links to each field. No state here.
 */

/** Field errors of the step shown, in the order of its fields: field key → text. */
export type Errors = ReadonlyMap<string, string>;

/** What the field helpers need. */
export interface FieldContext {
  readonly t: FaultTexts;
  readonly errors: Errors;
}

export type Template = TemplateResult | typeof nothing;

/** The id focus goes to for a field's error (a group's first choice, a control's own id). */
export type FocusIdOf = (field: string) => string;

export const invalid = (ctx: FieldContext, field: string): 'true' | 'false' =>
  ctx.errors.has(field) ? 'true' : 'false';

/** `aria-describedby` for a control: its error first, then hint and any extra ids. */
export function describedBy(
  ctx: FieldContext,
  field: string,
  hint: boolean,
  extra: readonly string[] = [],
): string | typeof nothing {
  const ids = [
    ...(ctx.errors.has(field) ? [`${field}-error`] : []),
    ...(hint ? [`${field}-hint`] : []),
    ...extra,
  ];
  return ids.length ? ids.join(' ') : nothing;
}

/** "(obligatorisk)" or "(frivillig)", in text: never told by an asterisk or colour alone. */
export const marker = (ctx: FieldContext, required: boolean): TemplateResult =>
  html`<span class="marker">${required ? ctx.t.required : ctx.t.optional}</span>`;

export function fieldError(ctx: FieldContext, field: string): Template {
  const text = ctx.errors.get(field);
  return text ? html`<p part="error" class="error" id="${field}-error">${text}</p>` : nothing;
}

export const hintText = (field: string, text: string | undefined): Template =>
  text ? html`<p part="hint" class="hint" id="${field}-hint">${text}</p>` : nothing;

/** The list of errors after "Fortsätt", each linking to its field. */
export function errorSummary(
  ctx: FieldContext,
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

/** A labelled text-like control. */
export function textField(
  ctx: FieldContext,
  field: string,
  label: string,
  control: TemplateResult,
  options: { required: boolean; hint?: string | undefined },
): TemplateResult {
  return html`<div part="field" class="field">
    <label part="label" for=${field}>${label} ${marker(ctx, options.required)}</label>
    ${hintText(field, options.hint)} ${fieldError(ctx, field)} ${control}
  </div>`;
}
