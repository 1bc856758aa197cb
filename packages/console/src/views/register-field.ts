import type { TemplateResult } from 'lit';
import { html, nothing } from 'lit';

/** What a field of the register form needs besides its name and label. */
export interface RegisterFieldOptions {
  type?: string;
  multiline?: boolean;
  /** Said to assistive technology; the server (or the form's own check) says when it is missing. */
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputmode?: string;
}

/** The form's field errors (code by field name) and their words. */
export interface RegisterFieldContext {
  errors: ReadonlyMap<string, string>;
  errorText: (field: string, code: string) => string;
}

/**
 * One labelled field of the register form (`register-<name>`): its hint and its error below it,
 * both named by `aria-describedby`, and `aria-invalid` while it has an error.
 */
export function registerField(
  ctx: RegisterFieldContext,
  name: string,
  label: string,
  options: RegisterFieldOptions = {},
): TemplateResult {
  const code = ctx.errors.get(name);
  const id = `register-${name}`;
  const describedBy = [options.hint && `${id}-hint`, code && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const invalid = code ? 'true' : 'false';
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${`${id}-hint`}>${options.hint}</p>` : nothing}
      ${
        options.multiline
          ? html`<textarea
            id=${id}
            name=${name}
            rows="4"
            ?required=${options.required}
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
          ></textarea>`
          : html`<input
            id=${id}
            name=${name}
            type=${options.type ?? 'text'}
            ?required=${options.required}
            autocomplete=${options.autocomplete ?? nothing}
            inputmode=${options.inputmode ?? nothing}
            aria-invalid=${invalid}
            aria-describedby=${describedBy || nothing}
          />`
      }
      ${code ? html`<p class="error" id=${`${id}-error`}>${ctx.errorText(name, code)}</p>` : nothing}
    </div>
  `;
}
