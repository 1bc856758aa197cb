/*
 * `<kc-contact-form>`'s photos, for a department that takes them with messages
 * (`Department.messagePhotos`): a button that opens the file picker (the camera too, on phones),
 * the photos added with their previews and remove buttons, what adding and removing does, and
 * what sending them says. A chunk of its own, loaded with the submit path for such a department
 * only (`contact-form.deferred.ts`): the field shows once the person has started to use the
 * form, below the message, so it moves nothing they are doing.
 */
import type { MessagePhotoSettings } from '@kontakt/core';
import type { ReactiveElement, TemplateResult } from 'lit';
import { html, nothing } from 'lit';
import { svPhotos } from '../../i18n/sv.photos.js';
import type {
  FirstTranslation,
  KontaktTranslation,
  PhotoFieldTexts,
} from '../../i18n/translation.js';
import { addLateStyles } from '../../internal/late-styles.js';
import { photoFieldStyles, photoListStyles } from '../../internal/photos/photo-styles.js';
import { PhotoList, photoItemView } from '../../internal/photos/picked-photos.js';
import type { FieldsContext } from './contact-form.fields.js';
import { describedBy, fieldError } from './contact-form.fields.js';
import type { ContactFormValues } from './contact-form.model.js';

/** What the photos change on the element (its `@internal` state). */
export interface PhotosForm extends ReactiveElement {
  values: ContactFormValues;
  focusAfterRender: string | undefined;
  /** Takes new values and keeps them as the draft. */
  setValues(values: ContactFormValues): void;
}

/** Each form's photos: kept here, with the field's code, not on the element. */
const lists = new WeakMap<ReactiveElement, PhotoList>();

/**
 * The photos of `form`, made the first time the field or sending asks: the photos its draft
 * names (from before a reload) are read back from the browser's storage then, and those no
 * longer there leave the draft.
 */
function photosOf(form: PhotosForm): PhotoList {
  const made = lists.get(form);
  if (made) return made;
  const list: PhotoList = new PhotoList(form, {
    onChange: () => form.setValues({ ...form.values, photos: list.ids }),
    onRemoved: () => {
      form.focusAfterRender = 'photos';
    },
  });
  lists.set(form, list);
  const ids = form.values.photos;
  void list.restore(ids).then(() => {
    // Unless something else (a pick, a cleared form) changed the draft first.
    if (form.values.photos === ids && list.ids.length !== ids.length) {
      form.values = { ...form.values, photos: list.ids };
    }
  });
  return list;
}

/** The photos' texts in the form's language (Swedish ones come with this chunk). */
function photoTexts(t: FirstTranslation): PhotoFieldTexts {
  return (t.contactForm as Partial<KontaktTranslation['contactForm']>).photos ?? svPhotos;
}

/** "Sending pictures: 40 %", while the photos are uploaded before the message. */
export const uploadingText = (t: FirstTranslation, percent: number): string =>
  photoTexts(t).uploading(percent);

/** The photos field: legend, hint, error, the photos added, and the button to add one. */
export function photosField(
  form: PhotosForm,
  ctx: FieldsContext,
  settings: MessagePhotoSettings,
): TemplateResult {
  const p = photoTexts(ctx.t);
  const list = photosOf(form);
  const photos = list.items;
  const full = list.counted >= settings.maxCount;
  const onPick = (event: Event) => void list.pick(event.target as HTMLInputElement, settings);
  return html`<fieldset part="field" class="field">
    <legend part="label">
      ${p.legend} <span class="optional">${ctx.t.common.optional}</span>
    </legend>
    <p part="hint" class="hint" id="photos-hint">${p.hint(settings.maxCount)}</p>
    ${fieldError(ctx, 'photos')}
    ${
      photos.length
        ? html`<ul part="photos" class="photos">
          ${photos.map((photo, index) =>
            photoItemView(p, photo, index, photos.length, () => list.remove(photo.id)),
          )}
        </ul>`
        : nothing
    }
    ${
      full
        ? // Where focus goes when the field's error links here and there is no button.
          html`<p class="hint" id="photos" tabindex="-1">${p.full(settings.maxCount)}</p>`
        : html`<div>
          <input class="file-input" type="file" id="photos" accept="image/*" multiple
            aria-invalid=${ctx.errors.has('photos') ? 'true' : nothing} aria-describedby=${describedBy(ctx, 'photos', ['photos-hint'])}
            @change=${onPick} />
          <label part="photo-button" class="file-button" for="photos">${p.add}</label>
        </div>`
    }
    <p class="visually-hidden" role="status">${list.status?.(p) ?? ''}</p>
  </fieldset>`;
}

/** The photos to send: the ready ones, once every photo picked so far has been prepared. */
export const readyPhotos = (form: PhotosForm): Promise<Blob[]> => photosOf(form).ready();

/** Forgets every photo (sent, or the form cleared): the list and what the browser kept. */
export function clearPhotos(form: ReactiveElement): void {
  lists.get(form)?.clear();
}

/** The field's styles join the element's when the field first shows (see `addLateStyles`). */
export function adoptPhotoStyles(element: ReactiveElement): void {
  addLateStyles(element, photoListStyles, photoFieldStyles);
}
