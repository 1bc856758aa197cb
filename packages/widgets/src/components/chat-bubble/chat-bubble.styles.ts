import { css } from '@lit/reactive-element/css-tag.js';
import { base, tokens } from '../../styles/tokens.js';

/**
 * The launcher floats in a corner of the page (`placement`), at offsets and a stacking level the
 * page sets (`--kc-chat-bubble-offset-*`, `--kc-chat-bubble-z-index`), so it can sit above a
 * cookie banner or beside another floating button; the host itself takes no space. Logical
 * properties throughout, so Arabic (RTL) mirrors. The panel's styles come with the panel.
 */
const component = css`
  :host {
    --_offset-block: var(--kc-chat-bubble-offset-block, 1rem);
    --_offset-inline: var(--kc-chat-bubble-offset-inline, 1rem);
    --_accent: var(--kc-chat-bubble-accent, var(--_color-primary));
    --_on-accent: var(--kc-chat-bubble-on-accent, var(--_color-on-primary));
    --_panel-width: var(--kc-chat-bubble-panel-width, 24rem);
    --_panel-height: var(--kc-chat-bubble-panel-height, 36rem);
    block-size: 0;
  }
  [hidden] {
    display: none !important;
  }
  [part='launcher'] {
    position: fixed;
    z-index: var(--kc-chat-bubble-z-index, 1000);
    inset-block-end: var(--_offset-block);
    inset-inline-end: var(--_offset-inline);
    display: grid;
    justify-items: end;
    gap: var(--_space-s);
    max-inline-size: calc(100vw - 2 * var(--_offset-inline));
  }
  :host([placement='bottom-start']) [part='launcher'] {
    inset-inline: var(--_offset-inline) auto;
    justify-items: start;
  }
  [part='launcher-button'] {
    position: relative;
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: 3rem;
    max-inline-size: 100%;
    padding: var(--_space-s) var(--_space-m);
    border: 2px solid var(--_on-accent);
    border-radius: 1.5rem;
    background: var(--_accent);
    color: var(--_on-accent);
    font: inherit;
  }
  svg {
    flex: none;
    inline-size: 1.5rem;
    fill: currentColor;
  }
  .text {
    display: grid;
    font-size: 0.875em;
  }
  [part='label'] {
    font-size: 1rem;
    font-weight: 600;
  }
  [part='badge'] {
    position: absolute;
    inset-block-start: -0.5rem;
    inset-inline-end: -0.25rem;
    min-inline-size: 1.5rem;
    padding: 0 0.375rem;
    border-radius: 0.75rem;
    background: var(--_color-danger);
    color: #fff;
    font-weight: 700;
    text-align: center;
  }
  /* On a narrow screen the launcher is its icon alone, its words kept as its accessible name: a
     corner of the page covered, not a band across its bottom that the page's last lines could
     never scroll out from under. */
  @media (max-width: 30rem) {
    [part='launcher-button'] {
      min-inline-size: 3rem;
      padding: var(--_space-s);
      justify-content: center;
    }
    .text {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  [part='fallback'] {
    order: -1;
    display: grid;
    gap: var(--_space-s);
    max-inline-size: 20rem;
    padding: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
`;

export const styles = [tokens, base, component];
