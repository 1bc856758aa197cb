import { css } from 'lit';

/**
 * The list of photos added and the file input behind the button that adds one, as both forms
 * show them (`<kc-fault-report>`'s photo step, `<kc-contact-form>`'s photos): adopted with the
 * code that shows them, never in a first render. The button itself is styled by each form.
 */
export const photoListStyles = css`
  .photos {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .photos img {
    display: block;
    inline-size: 100%;
    aspect-ratio: 4 / 3;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .file-input {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    opacity: 0;
  }
  .file-input:focus-visible + .file-button {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;

/**
 * A form's photo field around the list (`<kc-contact-form>`'s photos, `<kc-status-tracker>`'s
 * answer): each photo with its remove button, why one was refused, and the button that adds one.
 */
export const photoFieldStyles = css`
  .photo {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
  }
  .photo button {
    justify-self: stretch;
    padding-inline: var(--_space-s);
  }
  .problem {
    padding: var(--_space-s);
    border-inline-start: 4px solid #8a6100;
    background: var(--_color-warning-surface);
  }
  .file-button {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    padding-block: var(--_space-s);
    padding-inline: var(--_space-l);
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-primary);
    font-weight: 600;
    cursor: pointer;
  }
`;
