/*
 * The shared tokens and rules as CSS text, without Lit: `<kc-notice>` adopts them as they are
 * (a page with the notice alone loads nothing of Lit), the widgets built on Lit take them as
 * `CSSResult`s from `tokens.ts`.
 */
// Each template literal is marked `/* css */`, so that the build minifies it as it does every
// `css` template (rollup/minify-templates.mjs).

/**
 * Global design tokens, resolved once per widget into private locals (`--_name`). Pages theme every
 * widget at once with the public `--kc-*` properties; each has a literal fallback, so a widget looks
 * right on a page that sets none. Defaults meet WCAG 2.1 AA contrast on white.
 */
export const tokensText = /* css */ `
  :host {
    --_color-primary: var(--kc-color-primary, #0b5cad);
    --_color-on-primary: var(--kc-color-on-primary, #ffffff);
    --_color-text: var(--kc-color-text, #1b1b1b);
    --_color-text-muted: var(--kc-color-text-muted, #545454);
    --_color-surface: var(--kc-color-surface, #ffffff);
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

/** Rules every widget shares: box model, visible focus, hidden-but-announced text, reduced motion. */
export const baseText = /* css */ `
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
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
