import { css } from 'lit';

/**
 * The styles only the later steps, the receipt and the offline panel use: adopted into the
 * element's shadow root with them (`FaultFlow`), so the first render does not carry them. The
 * photo step's list is `photoListStyles`, adopted with these.
 */
export const laterStyles = css`
  textarea {
    min-block-size: 8rem;
    resize: vertical;
  }
  .notice {
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-inline-start: 4px solid var(--_color-primary);
  }
  .warning p,
  .problem {
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-inline-start: 4px solid #8a6100;
    background: var(--_color-warning-surface);
  }
  .error-summary ul,
  .plain {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .list {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .map {
    block-size: var(--_map-height);
    inline-size: 100%;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  progress {
    inline-size: 100%;
  }
  .summary {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .summary > div {
    display: grid;
    gap: 0.25rem;
    padding-block-end: var(--_space-s);
    border-block-end: 1px solid var(--_color-border);
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .panel {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .offline {
    background: var(--_color-warning-surface);
  }
  .reference {
    font-size: 1.5em;
    font-weight: 700;
    letter-spacing: 0.05em;
    overflow-wrap: anywhere;
  }
  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    margin-inline-end: var(--_space-s);
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: kc-spin 0.8s linear infinite;
  }
  @keyframes kc-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
