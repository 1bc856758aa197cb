/**
 * The notice's own stylesheet, whole: it is on every page, so it carries only the rules it uses
 * (the shared base's, `styles/tokens.text.ts`, that apply to it) and reads each shared token
 * (`--kc-color-text`, `--kc-space-s`, …) where it is used, with the shared default
 * (`notice.test.ts` holds the defaults together), instead of resolving all of them on the host.
 *
 * Logical properties throughout, so Arabic (RTL) mirrors without separate rules. Without a notice
 * nothing here has a size: the host is an empty block and the live regions are visually hidden.
 * Its one animation, a notice arriving, runs only when motion is welcome. The region shows only
 * with a notice or focus in it, in a rule of its own: a browser without `:has()` drops that rule
 * alone (the region then stays, empty and without a size), never the `[hidden]` one.
 */
const cssText = /* css */ `
  :host {
    --_s: var(--kc-space-s, 0.5rem);
    --_m: var(--kc-space-m, 1rem);
    display: block;
    color: var(--kc-color-text, #1b1b1b);
    font-family: var(--kc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--kc-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  section:not(:focus, :has(li)) {
    display: none;
  }
  :focus-visible {
    outline: 3px solid var(--kc-color-focus, #0b5cad);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  ul {
    display: grid;
    gap: var(--kc-notice-gap, var(--_s));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    --_accent: var(--kc-notice-info-accent, var(--kc-color-primary, #0b5cad));
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_s) var(--_m);
    padding: var(--_s) var(--_m);
    border: 1px solid var(--_accent);
    border-inline-start-width: .5rem;
    border-radius: var(--kc-radius, 0.375rem);
    background: var(--kc-notice-info-surface, #e8f1fb);
  }
  .warning {
    --_accent: var(--kc-notice-warning-accent, #7a4a00);
    background: var(--kc-notice-warning-surface, var(--kc-color-warning-surface, #fff4ce));
  }
  .danger {
    --_accent: var(--kc-notice-danger-accent, var(--kc-color-danger, #b3261e));
    background: var(--kc-notice-danger-surface, #fdecea);
  }
  @media (prefers-reduced-motion: no-preference) {
    .arrived {
      animation: arrive .3s ease-out;
    }
  }
  @keyframes arrive {
    from {
      opacity: 0;
    }
  }
  li > div {
    flex: 1 1 14rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .severity {
    display: block;
    font-size: .875rem;
    color: var(--_accent);
  }
  li p {
    margin: .25em 0 0;
    white-space: pre-line;
  }
  button {
    min-block-size: 2.75rem;
    padding-inline: var(--_m);
    border: 2px solid var(--_accent);
    border-radius: var(--kc-radius, 0.375rem);
    background: var(--kc-color-surface, #ffffff);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  button:hover {
    text-decoration: underline;
  }
  @media (forced-colors: active) {
    li,
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
  cssText,
  get styleSheet(): CSSStyleSheet {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(this.cssText);
    }
    return sheet;
  },
};
