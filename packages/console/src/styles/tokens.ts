import { css } from 'lit';

/**
 * The console's design tokens: the widgets' public `--kc-*` properties (so one theme styles both),
 * resolved once into private locals, each with a literal fallback that meets WCAG 2.1 AA contrast
 * on white.
 */
export const tokens = css`
  :host {
    --_color-primary: var(--kc-color-primary, #0b5cad);
    --_color-on-primary: var(--kc-color-on-primary, #ffffff);
    --_color-text: var(--kc-color-text, #1b1b1b);
    --_color-text-muted: var(--kc-color-text-muted, #545454);
    --_color-surface: var(--kc-color-surface, #ffffff);
    --_color-surface-raised: var(--kc-color-surface-raised, #f3f5f8);
    --_color-border: var(--kc-color-border, #6b6b6b);
    --_color-danger: var(--kc-color-danger, #b3261e);
    --_color-warning-surface: var(--kc-color-warning-surface, #fff4ce);
    --_color-success-surface: var(--kc-color-success-surface, #e3f4e8);
    --_color-focus: var(--kc-color-focus, #0b5cad);
    --_font-family: var(--kc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--kc-font-size, 1rem);
    --_radius: var(--kc-radius, 0.375rem);
    --_space-s: var(--kc-space-s, 0.5rem);
    --_space-m: var(--kc-space-m, 1rem);
    --_space-l: var(--kc-space-l, 1.5rem);
  }
`;

/** Rules every console element shares: box model, visible focus, hidden-but-read text, motion. */
export const base = css`
  :host {
    display: block;
    color: var(--_color-text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  a {
    color: var(--_color-primary);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
  }
  button {
    min-block-size: 2.75rem;
    padding: 0 var(--_space-m);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    cursor: pointer;
  }
  button.secondary {
    background: var(--_color-surface);
    color: var(--_color-primary);
  }
  button[disabled] {
    opacity: 0.7;
    cursor: default;
  }
  input,
  select,
  textarea {
    min-block-size: 2.75rem;
    max-inline-size: 100%;
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  label {
    display: block;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: var(--_space-m);
  }
  .error {
    color: var(--_color-danger);
  }
  [aria-invalid='true'] {
    border-color: var(--_color-danger);
    border-width: 2px;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--_space-s);
    border-block-end: 1px solid var(--_color-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
