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
import type { PhotoItem } from '../../internal/photos/picked-photos.js';
import {
  forgetPhotos,
  photoItemView,
  photoPreparation,
  preparePicked,
  preparingPhoto,
  readyBlobs,
  restorePhotos,
} from '../../internal/photos/picked-photos.js';
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

/** A form's photos as shown, and what the field's live region says (in the form's language). */
interface PhotoState {
  readonly photos: readonly PhotoItem[];
  readonly status?: ((texts: PhotoFieldTexts) => string) | undefined;
}

/** Each form's photos: kept here, with the field's code, not on the element. */
const states = new WeakMap<ReactiveElement, PhotoState>();

/** The photos `form` shows (being prepared, ready, or refused). */
const photosOf = (form: ReactiveElement): readonly PhotoItem[] => states.get(form)?.photos ?? [];

/** Changes a form's photos or what it says about them, and renders it again. */
function change(form: ReactiveElement, next: Partial<PhotoState>): void {
  states.set(form, { photos: photosOf(form), ...states.get(form), ...next });
  form.requestUpdate();
}

/** The photos' texts in the form's language (Swedish ones come with this chunk). */
function photoTexts(t: FirstTranslation): PhotoFieldTexts {
  return (t.contactForm as Partial<KontaktTranslation['contactForm']>).photos ?? svPhotos;
}

/** "Sending pictures: 40 %", while the photos are uploaded before the message. */
export const uploadingText = (t: FirstTranslation, percent: number): string =>
  photoTexts(t).uploading(percent);

/** The photos that count against the department's `maxCount`: all but those refused. */
const counted = (photos: readonly PhotoItem[]) => photos.filter((p) => p.status !== 'failed');

/** The photos field: legend, hint, error, the photos added, and the button to add one. */
export function photosField(
  form: PhotosForm,
  ctx: FieldsContext,
  settings: MessagePhotoSettings,
): TemplateResult {
  const p = photoTexts(ctx.t);
  void restored(form);
  const photos = photosOf(form);
  const full = counted(photos).length >= settings.maxCount;
  const onPick = (event: Event) => void addPhotos(form, event.target as HTMLInputElement, settings);
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
            photoItemView(p, photo, index, photos.length, () => removePhoto(form, photo.id)),
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
    <p class="visually-hidden" role="status">${states.get(form)?.status?.(p) ?? ''}</p>
  </fieldset>`;
}

/**
 * Adds the files picked in the field's input, as many as the department takes: each is shown as
 * being prepared, then ready (and named in the draft) or refused with why, and said in the live
 * region. Photos are prepared one at a time, in the order picked.
 */
function addPhotos(
  form: PhotosForm,
  input: HTMLInputElement,
  settings: MessagePhotoSettings,
): Promise<void> {
  // Picks are prepared in turn; sending waits for all of them (`readyPhotos`).
  const added = (adding.get(form) ?? Promise.resolve()).then(() => add(form, input, settings));
  adding.set(form, added);
  return added;
}

/** Each form's picks being prepared, in turn. */
const adding = new WeakMap<ReactiveElement, Promise<void>>();

/** The photos to send: the ready ones, once every photo picked so far has been prepared. */
export async function readyPhotos(form: PhotosForm): Promise<Blob[]> {
  await restored(form);
  await adding.get(form);
  return readyBlobs(photosOf(form));
}

async function add(
  form: PhotosForm,
  input: HTMLInputElement,
  settings: MessagePhotoSettings,
): Promise<void> {
  const files = [...(input.files ?? [])];
  // The same file may be picked again after it was removed.
  input.value = '';
  const room = Math.max(0, settings.maxCount - counted(photosOf(form)).length);
  for (const file of files.slice(0, room)) {
    const preparing = preparingPhoto();
    const { id } = preparing;
    change(form, { photos: [...photosOf(form), preparing], status: (p) => p.preparing });
    const item = await preparePicked(preparing, file, photoPreparation(settings));
    // Removed while it was prepared: it stays removed.
    if (!photosOf(form).some((photo) => photo.id === id)) {
      void forgetPhotos([id]);
      continue;
    }
    const photos = photosOf(form).map((photo) => (photo.id === id ? item : photo));
    if (item.status === 'ready') {
      form.setValues({ ...form.values, photos: [...form.values.photos, id] });
      const index = photos.findIndex((photo) => photo.id === id);
      change(form, { photos, status: (p) => p.added(index + 1, photos.length) });
    } else {
      const problem = item.problem ?? 'decode_failed';
      change(form, { photos, status: (p) => p.problems[problem] });
    }
  }
}

/** Removes a photo; focus goes to the button that adds one (there is room again). */
function removePhoto(form: PhotosForm, id: string): void {
  void forgetPhotos([id]);
  form.setValues({ ...form.values, photos: form.values.photos.filter((each) => each !== id) });
  form.focusAfterRender = 'photos';
  change(form, {
    photos: photosOf(form).filter((photo) => photo.id !== id),
    status: (p) => p.removed,
  });
}

/**
 * The photos a form's draft names (from before a reload), read from the browser's storage once,
 * the first time the field or sending asks; those no longer there leave the draft.
 */
function restored(form: PhotosForm): Promise<void> | undefined {
  if (states.has(form) || !form.values.photos.length) return undefined;
  let restoring = restorations.get(form);
  if (!restoring) {
    const ids = form.values.photos;
    restoring = restorePhotos(ids).then((photos) => {
      // Something else (an added photo, a cleared form) came first: that stands.
      if (states.has(form)) return;
      const found = photos.map((photo) => photo.id);
      if (found.length !== ids.length) form.values = { ...form.values, photos: found };
      change(form, { photos });
    });
    restorations.set(form, restoring);
  }
  return restoring;
}
const restorations = new WeakMap<PhotosForm, Promise<void>>();

/** Forgets every photo (sent, or the form cleared): the list and what the browser kept. */
export function clearPhotos(form: ReactiveElement): void {
  void forgetPhotos(photosOf(form).map((photo) => photo.id));
  change(form, { photos: [], status: undefined });
}

/** The field's styles join the element's when the field first shows (see `addLateStyles`). */
export function adoptPhotoStyles(element: ReactiveElement): void {
  addLateStyles(element, photoListStyles, photoFieldStyles);
}
