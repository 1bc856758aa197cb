/*
 * The photos with the sender's answer, for a case whose department takes photos with messages
 * (`Department.messagePhotos`): the button that opens the file picker (the camera too, on
 * phones), the photos added with their previews and remove buttons, kept in the browser with the
 * draft so that a reload keeps them. In the tracker's later chunk, with the form; the photo
 * processing is a chunk of its own, loaded at the first pick.
 */
import type { MessagePhotoSettings } from '@kontakt/core';
import type { ReactiveElement, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import type { PhotoFieldTexts } from '../../i18n/translation.js';
import { photoFieldStyles, photoListStyles } from '../../internal/photos/photo-styles.js';
import { PhotoList, photoItemView } from '../../internal/photos/picked-photos.js';
import { adoptStyles } from './status-tracker.message-view.js';

/** The Swedish words of the field (the other languages' come with their language's texts). */
export const SV_PHOTO_TEXTS: PhotoFieldTexts = {
  legend: 'Bilder',
  hint: (max) =>
    `Du kan skicka ${max === 1 ? 'en bild' : `upp till ${max} bilder`} med ditt svar, till exempel ett foto av det vi frågade om. Bilderna görs mindre, och uppgifter om plats och kamera tas bort innan de skickas.`,
  add: 'Lägg till bild',
  full: (max) => `Du har lagt till ${max === 1 ? 'en bild' : `${max} bilder`}, så många som går.`,
  alt: (n, total) => `Bild ${n} av ${total}`,
  remove: (n, total) => `Ta bort bild ${n} av ${total}`,
  preparing: 'Förbereder bilden …',
  added: (n, total) => `Bild ${n} av ${total} har lagts till.`,
  removed: 'Bilden är borttagen.',
  uploading: (percent) => `Skickar bilder: ${percent} %`,
  problems: {
    heic_unsupported:
      'Bilden är i formatet HEIC, som inte kan användas här. Välj en annan bild, eller ställ in kameran på ”Mest kompatibel” (JPEG).',
    too_large: 'Bilden är för stor för att skickas. Välj en mindre bild.',
    decode_failed: 'Filen kunde inte läsas som en bild. Välj en JPEG-, PNG- eller WebP-bild.',
    not_an_image: 'Den sortens fil kan inte skickas. Välj en JPEG-, PNG- eller WebP-bild.',
  },
};

/**
 * The photos of one answer (see `PhotoList`), with the field's styles and Swedish words; focus
 * goes to the button that adds one when a photo is removed. `onChange` hears when the photos
 * ready to send change, so the host keeps the draft.
 */
export class AnswerPhotos extends PhotoList {
  constructor(host: ReactiveElement, onChange: () => void) {
    super(host, {
      onChange,
      onRemoved: () =>
        void host.updateComplete.then(() =>
          host.renderRoot.querySelector<HTMLElement>('#message-photos')?.focus(),
        ),
    });
    adoptStyles(host, photoListStyles, photoFieldStyles);
  }

  /** The Swedish words, for a page in Swedish (the others come with their language). */
  readonly texts = SV_PHOTO_TEXTS;

  /** The field (see `answerPhotosView`), in `p`'s words, else Swedish. */
  render(p: PhotoFieldTexts | undefined, settings: MessagePhotoSettings): TemplateResult {
    return answerPhotosView(p ?? SV_PHOTO_TEXTS, this, settings);
  }
}

/**
 * The field: legend, hint, the photos added, and the button that adds one (or, when the list is
 * full, a note in its place that focus can go to).
 */
export function answerPhotosView(
  p: PhotoFieldTexts,
  photos: AnswerPhotos,
  settings: MessagePhotoSettings,
): TemplateResult {
  const items = photos.items;
  const full = photos.counted >= settings.maxCount;
  const onPick = (event: Event) => void photos.pick(event.target as HTMLInputElement, settings);
  return html`<fieldset part="field message-photos" class="field">
    <legend part="label">${p.legend}</legend>
    <p part="hint" class="hint" id="message-photos-hint">${p.hint(settings.maxCount)}</p>
    ${
      items.length
        ? html`<ul part="photos" class="photos">
          ${items.map((item, index) =>
            photoItemView(p, item, index, items.length, () => photos.remove(item.id)),
          )}
        </ul>`
        : nothing
    }
    ${
      full
        ? html`<p class="hint" id="message-photos" tabindex="-1">${p.full(settings.maxCount)}</p>`
        : html`<div>
          <input class="file-input" type="file" id="message-photos" accept="image/*" multiple
            aria-describedby="message-photos-hint" @change=${onPick} />
          <label part="photo-button" class="file-button" for="message-photos">${p.add}</label>
        </div>`
    }
    <p class="visually-hidden" role="status">${photos.status?.(p) ?? ''}</p>
  </fieldset>`;
}
