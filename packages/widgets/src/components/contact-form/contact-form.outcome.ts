import type { FieldError, Receipt } from '@kontakt/core';
import { DEFAULT_TIME_ZONE } from '@kontakt/core';
import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { fieldErrorText } from '../../i18n/field-error-text.js';
import { svLater } from '../../i18n/sv.later.js';
import type {
  ContactFormField,
  ContactFormLaterTexts,
  FirstTranslation,
} from '../../i18n/translation.js';
import { receiptLink } from '../status-tracker/receipt-link.js';
import type { FieldsContext, Template } from './contact-form.fields.js';
import { focusId } from './contact-form.fields.js';

/*
 * What `<kc-contact-form>` shows only once it has been used, loaded with the submit path
 * (`contact-form.deferred.ts`): the errors of its checks and of sending, the receipt and the
 * offline panel. Nothing of it can show before the submit path is there.
 */

/**
 * The texts shown once the form is used, in its language: a loaded language has them; Swedish's
 * are in `sv.later.ts`, which loads with this module.
 */
export function laterTexts(t: FirstTranslation): ContactFormLaterTexts {
  const texts = t.contactForm as Partial<ContactFormLaterTexts>;
  return texts.fieldErrors ? (texts as ContactFormLaterTexts) : svLater;
}

/** A field error's text in the form's language. */
export const errorText =
  (later: ContactFormLaterTexts) =>
  (field: ContactFormField, error: FieldError): string =>
    fieldErrorText(later.fieldErrors, field, error.code, error.params ?? {});

/** The list of errors after a failed submit, each linking to its field. */
export function errorSummary(ctx: FieldsContext): Template {
  if (!ctx.errors.size) return nothing;
  const later = ctx.later ?? laterTexts(ctx.t);
  const text = errorText(later);
  return html`<div part="error-summary" class="error-summary" role="alert">
      <h2>${later.errorSummary(ctx.errors.size)}</h2>
      <ul>
        ${[...ctx.errors].map(
          ([field, error]) =>
            html`<li>
              <a href="#${focusId(field)}" @click=${(event: Event) => ctx.onSummaryLink(event, field)}
                >${text(field, error)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
}

/** What the receipt shows and does. */
export interface ReceiptContext {
  readonly later: ContactFormLaterTexts;
  readonly receipt: Receipt;
  /** The department's time zone, when known: the promised date is given in it. */
  readonly timeZone: string | undefined;
  /** Formats a date in the form's language (`LocalizeController.formatDate`). */
  readonly formatDate: (value: string, options: Intl.DateTimeFormatOptions) => string;
  /** The page with `<kc-status-tracker>`, when the form names one. */
  readonly trackerUrl: string | undefined;
  readonly onNewMessage: () => void;
}

/** The receipt: the reference, the promised date, the tracker link and a new message. */
export function receiptView(ctx: ReceiptContext): TemplateResult {
  const cf = ctx.later;
  const { receipt } = ctx;
  const href =
    ctx.trackerUrl &&
    receiptLink(ctx.trackerUrl, receipt.reference, receipt.receiptToken, document.baseURI);
  return html`<section part="receipt" class="panel" aria-labelledby="receipt-heading">
      <h2 part="receipt-heading" id="receipt-heading" tabindex="-1">${cf.receiptHeading}</h2>
      <p>${cf.receiptReference}:</p>
      <p part="reference" class="reference" dir="ltr" translate="no">${receipt.reference}</p>
      <p>${cf.receiptAnswerBy(answerDate(ctx))}</p>
      <p>${cf.receiptKeep}</p>
      ${href ? html`<p><a part="tracker-link" href=${href}>${cf.receiptTrack}</a></p>` : nothing}
      <button part="new-message-button" class="secondary" type="button" @click=${ctx.onNewMessage}>
        ${cf.newMessage}
      </button>
    </section>`;
}

/** The promised date, in the department's time zone (or Sweden's, for one the browser lacks). */
function answerDate(ctx: ReceiptContext): string {
  const options = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
  const iso = ctx.receipt.expectedAnswerBy;
  try {
    return ctx.formatDate(iso, { ...options, timeZone: ctx.timeZone ?? DEFAULT_TIME_ZONE });
  } catch {
    return ctx.formatDate(iso, { ...options, timeZone: DEFAULT_TIME_ZONE });
  }
}

/** The message is kept in the browser until it can be sent; the person may try at once. */
export function offlineView(later: ContactFormLaterTexts, onSendNow: () => void): TemplateResult {
  return html`<div class="panel offline">
    <h2 id="offline-heading" tabindex="-1">${later.offlineHeading}</h2>
    <p>${later.offlineText}</p>
    <button part="send-now-button" class="secondary" type="button" @click=${onSendNow}>
      ${later.sendNow}
    </button>
  </div>`;
}
