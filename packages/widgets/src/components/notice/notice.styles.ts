import { baseText } from '../../styles/tokens.text.js';

/**
 * The shared tokens (`styles/tokens.text.ts`) this widget uses, and only those: it is on every
 * page, and the others would cost bytes there for nothing. Declared as the shared ones are, each
 * to the letter (`notice.test.ts` holds them together).
 */
export const noticeTokensText = /* css */ `
  :host {
    --_color-primary: var(--kc-color-primary, #0b5cad);
    --_color-text: var(--kc-color-text, #1b1b1b);
    --_color-surface: var(--kc-color-surface, #ffffff);
    --_color-danger: var(--kc-color-danger, #b3261e);
    --_color-warning-surface: var(--kc-color-warning-surface, #fff4ce);
    --_color-focus: var(--kc-color-focus, #0b5cad);
    --_font-family: var(--kc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--kc-font-size, 1rem);
    --_radius: var(--kc-radius, 0.375rem);
    --_space-s: var(--kc-space-s, 0.5rem);
    --_space-m: var(--kc-space-m, 1rem);
  }
`;

/**
 * Logical properties throughout, so Arabic (RTL) mirrors without separate rules. Without a notice
 * nothing here has a size: the host is an empty block and the live regions are visually hidden.
 * Each `--kc-notice-*` property is read where it is used, with its default there: no private
 * copies on the host, which would cost bytes on every page for nothing.
 */
const component = /* css */ `
  [hidden] {
    display: none !important;
  }
  .notices {
    display: grid;
    gap: var(--kc-notice-gap, var(--_space-s));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .notice {
    --_accent: var(--kc-notice-info-accent, var(--_color-primary));
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space-s) var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_accent);
    border-inline-start-width: 0.5rem;
    border-radius: var(--_radius);
    background: var(--kc-notice-info-surface, #e8f1fb);
  }
  .warning {
    --_accent: var(--kc-notice-warning-accent, #7a4a00);
    background: var(--kc-notice-warning-surface, var(--_color-warning-surface));
  }
  .danger {
    --_accent: var(--kc-notice-danger-accent, var(--_color-danger));
    background: var(--kc-notice-danger-surface, #fdecea);
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
  cssText: noticeTokensText + baseText + component,
  get styleSheet(): CSSStyleSheet {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(this.cssText);
    }
    return sheet;
  },
};
