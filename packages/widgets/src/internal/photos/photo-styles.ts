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
