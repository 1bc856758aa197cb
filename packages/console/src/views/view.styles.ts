import { css } from 'lit';

/** What the views share: wide tables that scroll on their own, muted detail lines, hints. */
export const viewStyles = css`
  .table {
    overflow-x: auto;
  }
  .muted,
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: 0.875rem;
  }
  .late {
    display: block;
    color: var(--_color-danger);
  }
  input,
  select,
  textarea {
    inline-size: 100%;
  }
`;
