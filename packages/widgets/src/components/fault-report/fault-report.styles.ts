import { css } from 'lit';
import { base, tokens } from '../../styles/tokens.js';

/**
 * Logical properties throughout, so Arabic (RTL) mirrors without rules of its own; one column
 * that reflows at 320 px; no motion but the sending spinner, which stops for reduced motion.
 */
const component = css`
  :host {
    --_gap: var(--kc-fault-report-gap, var(--kc-space-m, 1rem));
    --_input-border: var(--kc-fault-report-input-border, 2px solid #6b6b6b);
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
  textarea {
    min-block-size: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
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
  .notice {
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-inline-start: 4px solid var(--_color-primary);
  }
  .warning p,
  .problem {
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-inline-start: 4px solid #8a6100;
    background: var(--_color-warning-surface);
  }
  .error-summary,
  .alert {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 3px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  .error-summary ul,
  .plain {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .list {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .chosen {
    font-weight: 600;
  }
  .map {
    block-size: var(--_map-height);
    inline-size: 100%;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .photos img {
    display: block;
    inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  progress {
    inline-size: 100%;
  }
  .summary {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .summary > div {
    display: grid;
    gap: 0.25rem;
    padding-block-end: var(--_space-s);
    border-block-end: 1px solid var(--_color-border);
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .panel {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .offline {
    background: var(--_color-warning-surface);
  }
  .reference {
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
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
  .file-input {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
  }
  .file-input:focus-visible + .file-button {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-s);
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
