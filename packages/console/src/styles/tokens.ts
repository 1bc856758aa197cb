import { base as widgetBase, tokens as widgetTokens } from '@kontakt/widgets/styles';
import { css } from 'lit';

/**
 * The console's design tokens: the widgets' own (`@kontakt/widgets/styles`: the public `--kc-*`
 * properties resolved into private locals, so one theme styles both), and the one surface only
 * the console has, with a fallback that meets WCAG 2.1 AA contrast with the text on it.
 */
export const tokens = [
  widgetTokens,
  css`
    :host {
      --_color-surface-raised: var(--kc-color-surface-raised, #f3f5f8);
    }
  `,
];

/**
 * Rules every console element shares: the widgets' (box model, visible focus, hidden-but-read
 * text, reduced motion), and the console's controls, links and tables. A table cell breaks a
 * word only when it cannot fit its column (`break-word`: `anywhere` let a table narrow its
 * columns until headings broke mid-word, "Statu|s", with room to spare); a table wider than the
 * view scrolls on its own (`scrollingTable`).
 */
export const base = [
  widgetBase,
  css`
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
      overflow-wrap: break-word;
    }
  `,
];
