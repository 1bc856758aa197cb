import type { Locale, LocalizedText } from '@kontakt/core';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { FirstTexts } from './fault-report.texts.js';

/*
 * Field building blocks shared by the steps: a label with its required/optional marker in text,
 * a hint, and an error tied to the control (`aria-invalid`, `aria-describedby`). The error
 * summary is in `fault-report.steps.ts`: errors come from the checks, which load with it. No state
 * here.
 */

/** Field errors of the step shown, in the order of its fields: field key → text. */
export type Errors = ReadonlyMap<string, Text>;

/** What the field helpers need (the first step has only the first texts). */
export interface FieldContext {
  readonly t: FirstTexts;
  readonly errors: Errors;
}

export type Template = TemplateResult | typeof nothing;

/** Words to show: the report's own (a string), or with a department's Swedish marked in them. */
export type Text = string | TemplateResult;

/**
 * A department's text (a group, a category, a question, an answer) in the report's language, or
 * its Swedish where the department has not translated it: then marked as Swedish (`lang`, and
 * `dir` for a right-to-left page), so that a screen reader reads it as Swedish (WCAG 3.1.2).
 * The status tracker has the same two lines (`status-tracker.case-view.ts`): a module shared by
 * both would be a chunk of its own, one more file in the report's first render.
 */
export const departmentText = (text: LocalizedText, locale: Locale): Text =>
  text[locale] ?? html`<span lang="sv" dir="ltr">${text.sv}</span>`;

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

export const hintText = (field: string, text: Text | undefined): Template =>
  text ? html`<p part="hint" class="hint" id="${field}-hint">${text}</p>` : nothing;
