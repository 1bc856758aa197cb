import { css } from 'lit';

/**
 * The app shell: a banner that wraps at 320 px, one main column, a skip link on focus. On paper,
 * the view alone: no banner, menu or live region; a letter without its heading either.
 */
export const consoleStyles = css`
  :host {
    min-block-size: 100vh;
    background: var(--_color-surface);
  }
  .skip {
    position: absolute;
    inset-inline-start: var(--_space-s);
    inset-block-start: -4rem;
    padding: var(--_space-s) var(--_space-m);
    background: var(--_color-surface);
    z-index: 10;
  }
  .skip:focus {
    inset-block-start: var(--_space-s);
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-l);
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid var(--_color-border);
    background: var(--_color-surface-raised);
  }
  .app-name {
    margin: 0;
    font-weight: 700;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  nav a {
    display: inline-block;
    padding: var(--_space-s) 0;
  }
  nav .count {
    margin-inline-start: 0.25rem;
    padding: 0 0.5rem;
    border-radius: 1rem;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-size: 0.875rem;
  }
  nav a[aria-current='page'] {
    font-weight: 700;
    text-decoration-thickness: 3px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    margin-inline-start: auto;
  }
  .who {
    margin: 0;
  }
  main {
    max-inline-size: 72rem;
    margin: 0 auto;
    padding: var(--_space-m);
  }
  main:focus {
    outline: none;
  }
  h1 {
    margin-block: var(--_space-s) var(--_space-m);
    font-size: 1.75rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  .reason {
    padding: var(--_space-s) var(--_space-m);
    background: var(--_color-warning-surface);
  }
  @media print {
    :host {
      min-block-size: 0;
      background: none;
    }
    .skip,
    .banner,
    [role='status'] {
      display: none;
    }
    main[data-view='letter'] {
      max-inline-size: none;
      padding: 0;
    }
    main[data-view='letter'] > h1 {
      display: none;
    }
  }
`;
