import type { TemplateResult } from 'lit';
import { css, html } from 'lit';
import type { ConsoleLocale } from '../i18n/texts.js';

/*
 * A case's photos as the case view shows them, wherever they came from (a fault report's
 * `fault.photos`, a contact message's `message.photos`, a later message's `photos` on the
 * timeline): thumbnails loaded from the agent photo route with the session cookie, each a link
 * that opens it full size. One markup and one set of words for all, so a photo is named the same
 * wherever it is shown.
 */

/** The photo list's words. */
export interface PhotoTexts {
  photos: string;
  noPhotos: string;
  /** The alt text of photo `n` of `count`. */
  photo: (n: number, count: number) => string;
  /** The link text that opens photo `n` of `count` full size. */
  openPhoto: (n: number, count: number) => string;
}

/** The photo list's words per console language. */
export const PHOTO_TEXTS: Record<ConsoleLocale, PhotoTexts> = {
  sv: {
    photos: 'Foton',
    noPhotos: 'Inga foton.',
    photo: (n, count) => `Foto ${n} av ${count}`,
    openPhoto: (n, count) => `Öppna foto ${n} av ${count} i full storlek`,
  },
  en: {
    photos: 'Photos',
    noPhotos: 'No photos.',
    photo: (n, count) => `Photo ${n} of ${count}`,
    openPhoto: (n, count) => `Open photo ${n} of ${count} full size`,
  },
};

/** The list's styles, for the styles of an element that renders `photoList`. */
export const photoListStyles = css`
  .photos-heading {
    font-size: 1.0625rem;
    margin-block: var(--_space-m) var(--_space-s);
  }
  .photos {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .photos a {
    display: block;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 2px;
  }
  .photos img {
    display: block;
    inline-size: 9rem;
    block-size: 9rem;
    object-fit: cover;
  }
`;

/** What `photoList` shows: the case's photos by id, in order, from the server at `endpoint`. */
export interface PhotoListOptions {
  locale: ConsoleLocale;
  /** The agent client's endpoint (`''`: this origin). */
  endpoint: string;
  reference: string;
  ids: readonly string[];
}

/** A heading (`<h3>`) and the photos as thumbnails that open full size, or "No photos.". */
export function photoList({ locale, endpoint, reference, ids }: PhotoListOptions): TemplateResult {
  const t = PHOTO_TEXTS[locale];
  const count = ids.length;
  return html`<h3 class="photos-heading">${t.photos}</h3>
    ${
      count
        ? html`<ul class="photos">
          ${ids.map((id, index) => {
            const url = agentPhotoUrl(endpoint, reference, id);
            return html`<li>
              <a href=${url} target="_blank" rel="noopener" title=${t.openPhoto(index + 1, count)}
                ><img src=${url} alt=${t.photo(index + 1, count)} loading="lazy" decoding="async"
              /></a>
            </li>`;
          })}
        </ul>`
        : html`<p>${t.noPhotos}</p>`
    }`;
}

/** The agent photo route: served with the session cookie, under the case's access rules. */
function agentPhotoUrl(endpoint: string, reference: string, id: string): string {
  return `${endpoint}/v1/agent/cases/${encodeURIComponent(reference)}/photos/${encodeURIComponent(id)}`;
}
