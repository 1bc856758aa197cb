import { css } from 'lit';
import { base, tokens } from '../../styles/tokens.js';

/**
 * The frame's and the first step's styles; the later steps' are in `fault-report.later.styles.ts`,
 * adopted when they load. Logical properties throughout, so Arabic (RTL) mirrors without rules of
 * its own; one column that reflows at 320 px; no motion but the sending spinner, which stops for
 * reduced motion.
 */
const component = css`
  :host {
    --_gap: var(--kc-fault-report-gap, var(--kc-space-m, 1rem));
    --_input-border: var(--kc-fault-report-input-border, 2px solid #6b6b6b);
    /* The map's (a later step), here so every --kc-* property the element reads is on its host. */
    --_map-height: var(--kc-fault-report-map-height, 20rem);
    max-inline-size: var(--kc-fault-report-max-width, 40rem);
  }
  .base,
  form,
  section,
  .step {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .base {
    /* An address or description without spaces must not push the page sideways at 320 px. */
    overflow-wrap: anywhere;
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_color-focus);
  }
  .step-indicator {
    display: block;
    color: var(--_color-text-muted);
    font-size: 0.875em;
    font-weight: 600;
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
  .marker {
    font-weight: 400;
  }
  .hint {
    color: var(--_color-text-muted);
  }
  input[type='text'],
  input[type='search'],
  input[type='email'],
  input[type='tel'],
  input[type='number'],
  input[type='datetime-local'],
  textarea {
    inline-size: 100%;
    max-inline-size: 100%;
    min-block-size: 2.75rem;
    padding: var(--_space-s);
    border: var(--_input-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: inherit;
    font: inherit;
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
  .choice-hint {
    display: block;
    color: var(--_color-text-muted);
  }
  .error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .error-summary,
  .alert {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 3px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  .chosen {
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  a {
    color: var(--_color-primary);
  }
  button,
  .file-button {
    display: inline-flex;
    align-items: center;
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
    text-align: start;
  }
  button.secondary,
  .file-button {
    background: var(--_color-surface);
    color: var(--_color-primary);
  }
  button.link {
    min-block-size: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-primary);
    text-decoration: underline;
    font-weight: 400;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  [hidden] {
    display: none !important;
  }
`;

export const styles = [tokens, base, component];
