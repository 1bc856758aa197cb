import { baseText, tokensText } from '../../styles/tokens.text.js';

/**
 * Logical properties throughout, so Arabic (RTL) mirrors without separate rules. Without a notice
 * nothing here has a size: the host is an empty block and the live regions are visually hidden.
 */
const component = /* css */ `
  :host {
    --_gap: var(--kc-notice-gap, var(--_space-s));
    --_info-accent: var(--kc-notice-info-accent, var(--_color-primary));
    --_info-surface: var(--kc-notice-info-surface, #e8f1fb);
    --_warning-accent: var(--kc-notice-warning-accent, #7a4a00);
    --_warning-surface: var(--kc-notice-warning-surface, var(--_color-warning-surface));
    --_danger-accent: var(--kc-notice-danger-accent, var(--_color-danger));
    --_danger-surface: var(--kc-notice-danger-surface, #fdecea);
  }
  [hidden] {
    display: none !important;
  }
  .notices {
    display: grid;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .notice {
    --_accent: var(--_info-accent);
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_accent);
    border-inline-start-width: 0.5rem;
    border-radius: var(--_radius);
    background: var(--_info-surface);
  }
  .warning {
    --_accent: var(--_warning-accent);
    background: var(--_warning-surface);
  }
  .danger {
    --_accent: var(--_danger-accent);
    background: var(--_danger-surface);
  }
  @media (prefers-reduced-motion: no-preference) {
    .arrived {
      animation: kc-notice-arrive 0.3s ease-out;
    }
  }
  @keyframes kc-notice-arrive {
    from {
      opacity: 0;
    }
  }
  .content {
    flex: 1 1 14rem;
    min-inline-size: 0;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .severity {
    display: block;
    font-size: 0.875rem;
    color: var(--_accent);
  }
  .text {
    margin: 0.25em 0 0;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  button {
    min-block-size: 2.75rem;
    padding-inline: var(--_space-m);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  button:hover {
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    .notice,
    button {
      border-color: CanvasText;
    }
  }
`;

let sheet: CSSStyleSheet | undefined;

/**
 * The notice's styles as one sheet, made when first adopted: never at import (Node imports the
 * widgets too). Plain text, so that the notice loads nothing of Lit's `css` tag.
 */
export const styles = {
  cssText: tokensText + baseText + component,
  get styleSheet(): CSSStyleSheet {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(this.cssText);
    }
    return sheet;
  },
};
