import { css } from 'lit';

/**
 * The styles of what shows only once the form is used: the personal identity number warning, the
 * button while sending, the error summary, the receipt and the offline panel. They come with the submit path, which renders
 * all of these (`lateStyles` of contact-form.deferred.ts, adopted by the `DeferredController`), so
 * the first render does not carry them.
 */
export const outcomeStyles = css`
  .warning p {
    padding-block: var(--_space-s);
    padding-inline: var(--_space-m);
    border-inline-start: 4px solid #8a6100;
    background: var(--_color-warning-surface);
  }
  .error-summary {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 3px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_color-danger);
    font-weight: 600;
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
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
`;
