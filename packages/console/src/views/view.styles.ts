import { css } from 'lit';

/**
 * What the views share: wide tables that scroll on their own, figures aligned at the end of
 * their column, muted detail lines, hints.
 */
export const viewStyles = css`
  .table {
    overflow-x: auto;
  }
  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
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

/** A form of a few fields in a row that wraps (the audit log's and the dashboard's filters). */
export const fieldRowStyles = css`
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s) var(--_space-m);
    margin-block-end: var(--_space-m);
  }
  .field {
    margin: 0;
  }
`;

/** Groups of choices in a form (the case view's actions, the register form's answer). */
export const choiceStyles = css`
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 var(--_space-m);
  }
  legend {
    font-weight: 600;
  }
  .radio {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    min-block-size: 2.75rem;
  }
  .radio input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: auto;
  }
`;
