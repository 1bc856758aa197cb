import type { ReactiveElement, TemplateResult } from 'lit';
import { css, html, nothing } from 'lit';
import { addLateStyles } from '../../internal/late-styles.js';
import type { FieldsContext } from './contact-form.fields.js';
import { textField } from './contact-form.fields.js';

/**
 * For an answer by letter: who and where to send it, in the order of an envelope (name, street,
 * postcode, town), as one group. With the submit path, which choosing a channel loads: the first
 * render carries none of it. Nothing for the other channels (their name field is the form's own).
 */
export function addressFields(
  form: ReactiveElement,
  ctx: FieldsContext,
): TemplateResult | typeof nothing {
  const texts = ctx.later?.postalAddress;
  if (ctx.values.answerChannel !== 'letter' || !texts) return nothing;
  addLateStyles(form, addressStyles);
  return html`<fieldset part="field" class="address">
    <legend part="label">${texts.legend}</legend>
    ${textField(ctx, 'name', ctx.t.contactForm.name, { autocomplete: 'name', required: true })}
    ${textField(ctx, 'street', texts.street, {
      autocomplete: 'address-line1',
      hint: texts.streetHint,
      required: true,
    })}
    ${textField(ctx, 'postalCode', texts.postalCode, {
      autocomplete: 'postal-code',
      inputmode: 'numeric',
      dir: 'ltr',
      required: true,
    })}
    ${textField(ctx, 'city', texts.city, { autocomplete: 'address-level2', required: true })}
  </fieldset>`;
}

/** The address's fields as far apart as the form's; a postcode's box as wide as a postcode. */
const addressStyles = css`
  .address {
    gap: var(--_gap);
  }
  #postalCode {
    max-inline-size: 10em;
  }
`;
