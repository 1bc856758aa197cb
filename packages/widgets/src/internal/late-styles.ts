import type { CSSResult, ReactiveElement } from 'lit';

/**
 * Adds style sheets to a widget's shadow root when a part that needs them first shows (the contact
 * form's photos, a letter's address), so that the first render does not carry them. Appended to
 * the root's own, each once, so parts that load in any order keep each other's: constructable
 * sheets came to every browser before the custom states the widgets use (see
 * `KontaktReactiveElement.createRenderRoot`), so there is no `<style>` fallback to keep in step.
 */
export function addLateStyles(element: ReactiveElement, ...styles: CSSResult[]): void {
  const root = element.renderRoot as ShadowRoot;
  const sheets = styles
    .map((style) => style.styleSheet as CSSStyleSheet)
    .filter((sheet) => !root.adoptedStyleSheets.includes(sheet));
  if (sheets.length > 0) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}
