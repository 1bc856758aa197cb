/**
 * The widgets' design tokens and shared rules as Lit styles (`@kontakt/widgets/styles`), for
 * elements of one's own that should follow the same theme: add `tokens` and `base` to their
 * `static styles`, then use the private locals (`var(--_color-primary)`) they resolve from the
 * public `--kc-*` properties. The agent console is built on them.
 *
 * @module @kontakt/widgets/styles
 */
// From reactive-element's css-tag, not `lit`: the DOM-built widgets share these without Lit.
import { unsafeCSS } from '@lit/reactive-element/css-tag.js';
import { baseText, tokensText } from './tokens.text.js';

/**
 * Global design tokens, resolved once per widget into private locals (`--_name`). Pages theme every
 * widget at once with the public `--kc-*` properties; each has a literal fallback, so a widget looks
 * right on a page that sets none. Defaults meet WCAG 2.1 AA contrast on white.
 */
export const tokens = unsafeCSS(tokensText);

/** Rules every widget shares: box model, visible focus, hidden-but-announced text, reduced motion. */
export const base = unsafeCSS(baseText);
