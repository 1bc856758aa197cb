import type { Category, FieldError, Locale } from '@kontakt/core';
import { ANSWER_CHANNELS, LOCALES, localize, MESSAGE_MAX_LENGTH, NEEDS } from '@kontakt/core';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { LOCALE_BASICS } from '../../i18n/locales.js';
import type {
  ContactFormField,
  ContactFormLaterTexts,
  FirstTranslation,
} from '../../i18n/translation.js';
import type { ContactFormValues, FieldErrorMap } from './contact-form.model.js';

/*
 * The contact form's fields as template functions: what each field shows and how it is tied to
 * its label, hint and error (`for`, ids, `aria-invalid`, `aria-describedby`). The element owns the
 * values and the handlers and passes them in; nothing here keeps state.
 */

/** Near this many characters left, the count is announced (politely, after typing pauses). */
export const ANNOUNCE_REMAINING = 500;

/** What the fields are rendered from. */
export interface FieldsContext {
  readonly values: ContactFormValues;
  readonly errors: FieldErrorMap;
  readonly t: FirstTranslation;
  /** The texts shown once the form is used; with the submit path, so `undefined` before. */
  readonly later: ContactFormLaterTexts | undefined;
  readonly locale: Locale;
  /** The message's character count as last announced (empty until typing pauses near the limit). */
  readonly countAnnouncement: string;
  /**
   * Finds a personal identity number in the message, to warn before it is sent; loaded with the
   * rest of the submit path, so `undefined` until the person has started to use the form.
   */
  readonly findsPersonalIdentityNumber: ((text: string) => boolean) | undefined;
  /** Takes a control's value under its `name`. */
  readonly onInput: (event: Event) => void;
  readonly onMessageInput: (event: Event) => void;
  readonly onNeedChange: (event: Event) => void;
  /** An error summary link was followed to `field`. */
  readonly onSummaryLink: (event: Event, field: ContactFormField) => void;
  /**
   * A field error's text; loaded with the submit path, as errors come only from its checks or
   * from sending, so `undefined` before.
   */
  readonly errorText: ((field: ContactFormField, error: FieldError) => string) | undefined;
}

export type Template = TemplateResult | typeof nothing;

/** The element a field's error links to: the control itself, or a group's first choice. */
export function focusId(field: ContactFormField): string {
  if (field === 'answerChannel') return `answerChannel-${ANSWER_CHANNELS[0]}`;
  if (field === 'needs') return 'needs-interpreter';
  return field;
}

/** The message's character count, or what is left (or too many) near the limit. */
export function countText(t: FirstTranslation, length: number): string {
  const cf = t.contactForm;
  const left = MESSAGE_MAX_LENGTH - length;
  if (left < 0) return cf.charactersTooMany(-left);
  if (left <= ANNOUNCE_REMAINING) return cf.charactersLeft(left);
  return cf.characterCount(length, MESSAGE_MAX_LENGTH);
}

/**
 * The topic list. Until the department's topics have arrived (`undefined`) it is already there,
 * with one choice that says they are loading, so nothing moves when they fill in.
 */
export function topicField(
  ctx: FieldsContext,
  categories: readonly Category[] | undefined,
): TemplateResult {
  const cf = ctx.t.contactForm;
  return field(
    ctx,
    'topic',
    cf.topic,
    html`<select
        part="input"
        id="topic"
        name="topic"
        aria-required="true"
        aria-invalid=${invalid(ctx, 'topic')}
        aria-describedby=${describedBy(ctx, 'topic')}
        aria-busy=${categories ? nothing : 'true'}
        @change=${ctx.onInput}
      >
        <option value="" ?selected=${!ctx.values.topic}>
          ${categories ? cf.chooseTopic : cf.loadingTopics}
        </option>
        ${(categories ?? []).map(
          (category) =>
            // The department's Swedish where it has no translation, marked so that it is read as
            // Swedish (WCAG 3.1.2).
            html`<option value=${category.id} ?selected=${ctx.values.topic === category.id} lang=${category.name[ctx.locale] ? nothing : 'sv'}>
              ${localize(category.name, ctx.locale)}
            </option>`,
        )}
      </select>`,
  );
}

export function messageField(ctx: FieldsContext): TemplateResult {
  const cf = ctx.t.contactForm;
  const { message } = ctx.values;
  const pin = ctx.findsPersonalIdentityNumber?.(message) ?? false;
  return field(
    ctx,
    'message',
    cf.message,
    html`<textarea
          part="input"
          id="message"
          name="message"
          rows="6"
          aria-required="true"
          aria-invalid=${invalid(ctx, 'message')}
          aria-describedby=${describedBy(ctx, 'message', ['message-count', ...(pin ? ['message-warning'] : [])])}
          .value=${message}
          @input=${ctx.onMessageInput}
        ></textarea>
        <p part="character-count" class="hint" id="message-count">${countText(ctx.t, message.length)}</p>
        <p class="visually-hidden" aria-live="polite">${ctx.countAnnouncement}</p>
        <div part="warning" class="warning" id="message-warning" aria-live="polite">
          ${pin ? html`<p>${ctx.later?.personalIdentityNumberWarning}</p>` : nothing}
        </div>`,
    { hint: cf.messageHint },
  );
}

/** How the person wants the answer: a radio group. */
export function channelField(ctx: FieldsContext): TemplateResult {
  const cf = ctx.t.contactForm;
  return html`<fieldset
      part="field"
      aria-invalid=${invalid(ctx, 'answerChannel')}
      aria-describedby=${describedBy(ctx, 'answerChannel')}
    >
      <legend part="label">${cf.answerChannel}</legend>
      ${fieldError(ctx, 'answerChannel')}
      ${ANSWER_CHANNELS.map(
        (channel) =>
          html`<label class="choice">
            <input
              part="input"
              type="radio"
              id=${`answerChannel-${channel}`}
              name="answerChannel"
              value=${channel}
              .checked=${ctx.values.answerChannel === channel}
              @change=${ctx.onInput}
            />
            <span>${cf.channels[channel]}</span>
          </label>`,
      )}
    </fieldset>`;
}

/** The e-mail address or phone number the chosen channel needs. */
export function contactField(ctx: FieldsContext, name: 'email' | 'phone'): TemplateResult {
  const cf = ctx.t.contactForm;
  const visit = ctx.values.answerChannel === 'visit';
  // For a visit the one hint (either will do) sits on the first of the two fields.
  const hint =
    visit && name === 'phone' ? cf.visitHint : name === 'email' ? cf.emailHint : cf.phoneHint;
  return textField(ctx, name, name === 'email' ? cf.email : cf.phone, {
    type: name === 'email' ? 'email' : 'tel',
    dir: 'ltr',
    inputmode: name === 'email' ? 'email' : 'tel',
    autocomplete: name === 'email' ? 'email' : 'tel',
    hint,
    required: !visit,
  });
}

export interface TextFieldOptions {
  type?: string;
  /** Addresses and numbers read left to right in Arabic too. */
  dir?: 'ltr';
  inputmode?: string;
  autocomplete?: string;
  hint?: string;
  optional?: boolean;
  required?: boolean;
}

/** A labelled single-line text input. */
export function textField(
  ctx: FieldsContext,
  name: 'name' | 'email' | 'phone' | 'interpreterLanguage' | 'street' | 'postalCode' | 'city',
  label: string,
  options: TextFieldOptions,
): TemplateResult {
  return field(
    ctx,
    name,
    label,
    html`<input
        part="input"
        id=${name}
        name=${name}
        type=${options.type ?? 'text'}
        dir=${options.dir ?? nothing}
        inputmode=${options.inputmode ?? nothing}
        autocomplete=${options.autocomplete ?? nothing}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${invalid(ctx, name)}
        aria-describedby=${describedBy(ctx, name)}
        .value=${ctx.values[name]}
        @input=${ctx.onInput}
      />`,
    options,
  );
}

/** The answer's language: the element's own until the person picks another. */
export function answerLanguageField(ctx: FieldsContext): TemplateResult {
  const selected = ctx.values.answerLanguage || ctx.locale;
  return field(
    ctx,
    'answerLanguage',
    ctx.t.contactForm.answerLanguage,
    html`<select
        part="input"
        id="answerLanguage"
        name="answerLanguage"
        aria-describedby=${describedBy(ctx, 'answerLanguage')}
        @change=${ctx.onInput}
      >
        ${LOCALES.map(
          (locale) =>
            html`<option value=${locale} lang=${locale} ?selected=${selected === locale}>${LOCALE_BASICS[locale].name}</option>`,
        )}
      </select>`,
  );
}

/** Needs such as an interpreter (checkboxes), and the interpreter's language when asked for. */
export function needsFields(ctx: FieldsContext): TemplateResult {
  const { t, values } = ctx;
  const cf = t.contactForm;
  return html`<fieldset part="field">
        <legend part="label">
          ${cf.needsLegend} <span class="optional">${t.common.optional}</span>
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
                .checked=${values.needs.includes(need)}
                @change=${ctx.onNeedChange}
              />
              <span>${cf.needs[need]}</span>
            </label>`,
        )}
      </fieldset>
      ${
        values.needs.includes('interpreter')
          ? textField(ctx, 'interpreterLanguage', cf.interpreterLanguage, {
              hint: cf.interpreterLanguageHint,
              required: true,
            })
          : nothing
      }`;
}

/** One field: label (with "optional"), hint, error and the control, tied together by ids. */
function field(
  ctx: FieldsContext,
  name: ContactFormField,
  label: string,
  control: TemplateResult,
  options: { hint?: string; optional?: boolean } = {},
): TemplateResult {
  return html`<div part="field" class="field">
      <label part="label" for=${name}>
        ${label}${options.optional ? html` <span class="optional">${ctx.t.common.optional}</span>` : nothing}
      </label>
      ${options.hint ? html`<p part="hint" class="hint" id=${`${name}-hint`}>${options.hint}</p>` : nothing}
      ${fieldError(ctx, name)} ${control}
    </div>`;
}

/** The field's error, linked from the control by `describedBy`. */
export function fieldError(ctx: FieldsContext, name: ContactFormField): Template {
  const error = ctx.errors.get(name);
  if (!error) return nothing;
  return html`<p part="error" class="error" id=${`${name}-error`}>${ctx.errorText?.(name, error)}</p>`;
}

function invalid(ctx: FieldsContext, name: ContactFormField): 'true' | typeof nothing {
  return ctx.errors.has(name) ? 'true' : nothing;
}

/** The field's error first (read first), then its hint, then anything else about it. */
export function describedBy(
  ctx: FieldsContext,
  name: ContactFormField,
  extra: string[] = [],
): string | typeof nothing {
  const ids = [
    ...(ctx.errors.has(name) ? [`${name}-error`] : []),
    ...(hasHint(name) ? [`${name}-hint`] : []),
    ...extra,
  ];
  return ids.length ? ids.join(' ') : nothing;
}

function hasHint(name: ContactFormField): boolean {
  return (
    name === 'message' ||
    name === 'email' ||
    name === 'phone' ||
    name === 'interpreterLanguage' ||
    name === 'street'
  );
}
