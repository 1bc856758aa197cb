import { css } from 'lit';

/**
 * The panel's styles, adopted into the bubble's shadow root when the panel loads (the launcher's
 * first chunk carries only its own). Tokens are the private locals the launcher resolved.
 */
const rules = css`
  .panel {
    position: fixed;
    inset: auto;
    inset-block-end: var(--_offset-block);
    inset-inline-end: var(--_offset-inline);
    display: flex;
    flex-direction: column;
    inline-size: min(var(--_panel-width, 24rem), calc(100vw - 2 * var(--_offset-inline)));
    block-size: min(var(--_panel-height, 36rem), calc(100dvh - 2 * var(--_offset-block)));
    max-inline-size: none;
    max-block-size: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 4px 24px rgb(0 0 0 / 35%);
    overflow: hidden;
  }
  .panel:not([open]) {
    display: none;
  }
  :host([placement='bottom-start']) .panel {
    inset-inline: var(--_offset-inline) auto;
  }
  .panel::backdrop {
    background: rgb(0 0 0 / 25%);
  }
  /* Narrow screens (320 px): the whole viewport. */
  @media (max-width: 30rem) {
    .panel,
    :host([placement='bottom-start']) .panel {
      inset: 0;
      inline-size: 100vw;
      block-size: 100dvh;
      border: 0;
      border-radius: 0;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .panel[open] {
      animation: kc-chat-bubble-open 0.15s ease-out;
    }
  }
  /* Movement only: text is never faded below its contrast, even for a moment. */
  @keyframes kc-chat-bubble-open {
    from {
      transform: translateY(0.5rem);
    }
  }
  .guard {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .title {
    margin: 0;
    font-size: 1.0625rem;
  }
  .header .close {
    border: 2px solid var(--_on-accent);
    background: transparent;
    color: inherit;
  }
  .header .close:focus-visible {
    outline-color: var(--_on-accent);
  }
  /* On a short screen (a phone held sideways at 200 % zoom: some 180 CSS px) the message list
     shrinks to its least and the body scrolls, so the message box and "Avsluta chatten" are
     never cut off. */
  .body {
    display: flex;
    flex: 1;
    flex-direction: column;
    min-block-size: 0;
    overflow-y: auto;
  }
  .scroll {
    flex: 1;
    min-block-size: 0;
    margin: 0;
    padding: var(--_space-m);
    overflow-y: auto;
  }
  h3,
  h4 {
    margin: 0 0 var(--_space-s);
    font-size: 1.0625rem;
  }
  h4 {
    margin-block-start: var(--_space-m);
    font-size: 1rem;
  }
  h3:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  p {
    margin: 0 0 var(--_space-s);
  }
  .muted,
  .hint,
  .meta {
    color: var(--_color-text-muted);
  }
  .hint {
    font-size: 0.875em;
  }
  .form {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
  }
  .form label:not(.choice) {
    font-weight: 600;
  }
  input:not([type='radio']),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
  }
  textarea {
    resize: vertical;
  }
  /* Twice the attribute: it must outweigh the input[type=…] rules above. */
  [aria-invalid='true'][aria-invalid] {
    border-color: var(--_color-danger);
    border-width: 2px;
  }
  .field-error {
    color: var(--_color-danger);
    font-weight: 600;
  }
  .summary {
    padding: var(--_space-s);
    border: 2px solid var(--_color-danger);
    border-radius: var(--_radius);
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  fieldset {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
  }
  .choice {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    min-block-size: 2.75rem;
  }
  button {
    min-block-size: 2.75rem;
    padding: 0 var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    cursor: pointer;
  }
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button.small {
    min-block-size: 2.25rem;
    padding: 0 var(--_space-s);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .bar,
  .actions,
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    justify-content: space-between;
  }
  .choices {
    justify-content: start;
    margin-block: var(--_space-m);
  }
  .actions {
    padding: 0 var(--_space-m) var(--_space-s);
  }
  .queue {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid var(--_color-border);
    font-weight: 600;
  }
  .notice,
  .error {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    background: var(--_color-warning-surface);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    justify-content: space-between;
    border-inline-start: 0.375rem solid var(--_color-danger);
  }
  .error p {
    margin: 0;
  }
  .messages {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: var(--_space-s);
    min-block-size: 6rem;
    margin: 0;
    padding: var(--_space-m);
    overflow-y: auto;
    list-style: none;
  }
  .message {
    max-inline-size: 85%;
    padding: var(--_space-s);
    border-radius: var(--_radius);
    background: #eef1f4;
    overflow-wrap: anywhere;
  }
  .message.citizen {
    align-self: flex-end;
    background: #e3edf9;
  }
  .message.system {
    align-self: center;
    max-inline-size: 100%;
    background: none;
    color: var(--_color-text-muted);
    font-size: 0.875em;
    text-align: center;
  }
  .message.failed {
    border: 2px solid var(--_color-danger);
  }
  .message .text {
    margin: 0;
    white-space: pre-wrap;
    /* Each message reads in its own direction, whatever the panel's (a Swedish answer in Arabic). */
    unicode-bidi: plaintext;
  }
  .author {
    display: block;
    font-size: 0.875em;
    font-weight: 600;
  }
  .meta {
    display: flex;
    gap: var(--_space-s);
    font-size: 0.8125em;
  }
  .message a {
    color: inherit;
    text-decoration: underline;
  }
  .typing {
    margin: 0;
    padding: 0 var(--_space-m);
    color: var(--_color-text-muted);
    font-style: italic;
  }
  .offer {
    padding: 0 var(--_space-m);
  }
  .composer {
    display: flex;
    gap: var(--_space-s);
    align-items: flex-end;
    padding: var(--_space-s) var(--_space-m);
    border-block-start: 1px solid var(--_color-border);
  }
  .composer textarea {
    flex: 1;
    min-inline-size: 0;
  }
  .receipt {
    padding: var(--_space-s);
    border-radius: var(--_radius);
    background: var(--_color-success-surface);
  }
  .hours {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  .hours div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .hours dd {
    margin: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .messages {
      scroll-behavior: smooth;
    }
  }
`;

/** Adopted once per shadow root (the same sheet for every bubble on the page). */
export const panelStyles: CSSStyleSheet = rules.styleSheet as CSSStyleSheet;
