import { css } from 'lit';

/**
 * The paper, for the document (a shadow root's `@page` is not applied): A4, the first page from
 * its very edge, so the window's place is measured from there; later pages with room above and
 * below. On paper the page's own margin goes too.
 */
export const pageStyles = new CSSStyleSheet();
pageStyles.replaceSync(`
  @media print {
    @page { size: A4; margin: 20mm 0; }
    @page :first { margin: 0 0 20mm; }
    body { margin: 0; }
  }
`);

/**
 * The letter: a page that flows on screen, and blocks placed in millimetres on paper. Physical
 * `left` and `right` on paper, also right to left: the envelope's window does not move.
 */
export const letterStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-l);
    margin-block-end: var(--_space-s);
  }
  .howto {
    margin-block-end: var(--_space-m);
  }
  .warning {
    margin-block: 0 var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_color-danger);
    background: var(--_color-warning-surface);
    color: var(--_color-text);
  }
  .sheet {
    display: grid;
    gap: var(--_space-m);
    max-inline-size: 210mm;
    padding: var(--_space-l);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text);
    overflow-wrap: anywhere;
  }
  .sheet p,
  .sheet dl {
    margin: 0;
  }
  .sender {
    font-weight: 700;
  }
  .contact {
    font-size: 0.875rem;
    font-style: normal;
  }
  .meta {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 var(--_space-m);
  }
  .meta dt {
    font-weight: 600;
  }
  .meta dd {
    margin: 0;
  }
  .window {
    font-style: normal;
    inline-size: fit-content;
    max-inline-size: 100%;
    padding: var(--_space-s) var(--_space-m);
    border: 1px dashed var(--_color-border);
    text-align: left;
  }
  .window span {
    display: block;
    unicode-bidi: isolate;
  }
  .window .return {
    font-size: 0.75rem;
    margin-block-end: 0.25rem;
  }
  .body {
    white-space: pre-wrap;
    unicode-bidi: plaintext;
  }

  @media print {
    .toolbar,
    .howto,
    .warning {
      display: none;
    }
    .sheet {
      position: relative;
      display: block;
      max-inline-size: none;
      inline-size: 210mm;
      margin: 0;
      padding: 100mm 20mm 0;
      border: 0;
      background: none;
      color: #000;
      font: 11pt/1.45 Arial, Helvetica, sans-serif;
    }
    .letterhead {
      position: absolute;
      top: 15mm;
      left: 20mm;
      inline-size: 90mm;
      font-size: 9pt;
    }
    .sender {
      font-size: 11pt;
    }
    .meta {
      position: absolute;
      top: var(--kc-letter-window-top, 45mm);
      right: 20mm;
      inline-size: 65mm;
    }
    .contact {
      position: absolute;
      top: calc(var(--kc-letter-window-top, 45mm) + 15mm);
      right: 20mm;
      inline-size: 65mm;
      font-size: 8pt;
    }
    .window {
      position: absolute;
      top: var(--kc-letter-window-top, 45mm);
      left: var(--kc-letter-window-left, 20mm);
      inline-size: 90mm;
      block-size: 35mm;
      padding: 0;
      border: 0;
      overflow: hidden;
    }
    .window .return {
      font-size: 7pt;
      margin-block-end: 1mm;
    }
    .sheet .closing {
      margin-block-start: 8mm;
      break-inside: avoid;
    }
  }
`;
