import { css } from 'lit';
import { base, tokens } from '../../styles/tokens.js';

/** Logical properties throughout, so Arabic (RTL) mirrors without separate rules. */
const component = css`
  :host {
    --_gap: var(--kc-contact-form-gap, var(--kc-space-m, 1rem));
    --_max-width: var(--kc-contact-form-max-width, 40rem);
    --_input-border: var(--kc-contact-form-input-border, 2px solid #6b6b6b);
    max-inline-size: var(--_max-width);
  }
  .base {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  form {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }
  .field,
  fieldset {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  .optional {
    font-weight: 400;
  }
  .hint {
    color: var(--_color-text-muted);
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  select,
  textarea {
    inline-size: 100%;
    max-inline-size: 100%;
    min-block-size: 2.75rem;
    padding-block: var(--_space-s);
    padding-inline: var(--_space-s);
    border: var(--_input-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-block-size: 8rem;
    resize: vertical;
  }
  /* Twice the attribute: it must outweigh the input[type=…] rules above. */
  [aria-invalid='true'][aria-invalid] {
    border-color: var(--_color-danger);
    border-inline-start-width: 5px;
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
    font-weight: 400;
  }
  .choice input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--_color-primary);
  }
  .error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .notice {
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-inline-start: 4px solid var(--_color-primary);
    background: var(--_color-surface);
  }
  .alert {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 3px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  button {
    justify-self: start;
    min-block-size: 2.75rem;
    padding-block: var(--_space-s);
    padding-inline: var(--_space-l);
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.secondary {
    background: var(--_color-surface);
    color: var(--_color-primary);
  }
  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-s);
    vertical-align: -0.125em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: kc-spin 0.8s linear infinite;
  }
  @keyframes kc-spin {
    to {
      transform: rotate(360deg);
    }
  }
  [hidden] {
    display: none !important;
  }
`;

export const styles = [tokens, base, component];
