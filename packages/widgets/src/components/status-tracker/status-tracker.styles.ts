import { css } from 'lit';
import { base, tokens } from '../../styles/tokens.js';

/** Logical properties throughout, so Arabic (RTL) mirrors without separate rules. */
const component = css`
  :host {
    --_gap: var(--kc-status-tracker-gap, var(--kc-space-m, 1rem));
    --_max-width: var(--kc-status-tracker-max-width, 40rem);
    --_input-border: var(--kc-status-tracker-input-border, 2px solid #6b6b6b);
    max-inline-size: var(--_max-width);
  }
  .base,
  form,
  .case {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--_color-text-muted);
  }
  input,
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
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
    border-inline-start-width: 5px;
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
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .status-panel {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .status-panel .label {
    font-weight: 600;
  }
  .status-label {
    font-size: 1.5em;
    font-weight: 700;
    line-height: 1.2;
  }
  .reference,
  .reference-inline {
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .duplicate {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-inline-start: 4px solid var(--_color-primary);
    background: var(--_color-surface);
  }
  .details {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .details div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
  }
  .details dt {
    font-weight: 600;
  }
  .details dt::after {
    content: ':';
  }
  .details dd {
    margin: 0;
  }
  .timeline {
    display: grid;
    gap: var(--_space-m);
    margin: 0;
    padding-inline-start: 1.75em;
  }
  .timeline li {
    display: grid;
    gap: 0.125rem;
    overflow-wrap: anywhere;
  }
  .timeline time {
    color: var(--_color-text-muted);
  }
  .entry-status {
    font-weight: 600;
  }
  /* The contact center's words, in whatever language they wrote: each reads in its own direction. */
  .note {
    unicode-bidi: plaintext;
  }
  .announcement:not(:empty) {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_color-primary);
  }
  .announcement:has(.reconnecting) {
    background: var(--_color-warning-surface);
    border-inline-start-color: #8a6100;
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
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
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
`;

export const styles = [tokens, base, component];
