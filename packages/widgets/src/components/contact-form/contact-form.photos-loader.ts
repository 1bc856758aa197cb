/*
 * Where `<kc-contact-form>`'s photos field comes from: its chunk (`contact-form.photos.ts`),
 * loaded with the submit path for a department that takes photos with messages, and what sending
 * says while the photos are uploaded. Part of the submit path, so none of it is in the first
 * render.
 */
import type { DepartmentPreview, MessagePhotoSettings } from '@kontakt/core';
import type { ReactiveElement, TemplateResult } from 'lit';
import { html } from 'lit';
import type { FirstTranslation } from '../../i18n/translation.js';
import type { FieldsContext } from './contact-form.fields.js';
import type * as Photos from './contact-form.photos.js';
import type { PhotosForm } from './contact-form.photos.js';

let loading: Promise<typeof Photos> | undefined;
let loaded: typeof Photos | undefined;

/** The photos field's chunk: loaded once per page (a failure is tried again at the next call). */
export function loadPhotos(): Promise<typeof Photos> {
  loading ??= import('./contact-form.photos.js').then(
    (chunk) => {
      loaded = chunk;
      return chunk;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The photos field's chunk for `form`, its styles adopted; until it has loaded, `undefined`, and
 * the form renders again once it has.
 */
export function photosChunkOf(form: ReactiveElement): typeof Photos | undefined {
  if (!loaded) {
    loadPhotos().then(
      () => form.requestUpdate(),
      () => undefined,
    );
    return undefined;
  }
  loaded.adoptPhotoStyles(form);
  return loaded;
}

/** Forgets a form's photos (sent, or the form cleared), if it ever had the field. */
export const clearPhotos = (form: ReactiveElement): void => loaded?.clearPhotos(form);

/**
 * The photos to send with a message: none unless the department takes photos (`settings`), else
 * the ready ones, once every photo picked (or named by a draft from before a reload) is there.
 */
export async function photosToSend(
  form: PhotosForm,
  settings: MessagePhotoSettings | undefined,
): Promise<readonly Blob[]> {
  if (!settings) return [];
  const chunk = form.values.photos.length ? await loadPhotos() : loaded;
  return (await chunk?.readyPhotos(form)) ?? [];
}

/**
 * The photos field, for a department that takes photos, once its chunk is there (asked for
 * here, and the form renders again when it has loaded).
 */
export function photosField(
  form: PhotosForm,
  ctx: FieldsContext,
  department: DepartmentPreview | undefined,
): TemplateResult | undefined {
  const settings = department?.photos;
  const chunk = settings && photosChunkOf(form);
  return chunk ? chunk.photosField(form, ctx, settings) : undefined;
}

/** How far each sending form's photos have been uploaded (0–100), while they are. */
export const uploadPercent = new WeakMap<ReactiveElement, number>();

/**
 * The send button's label while the message is sent: "Sending …", or how far the photos have
 * come while they are uploaded before it.
 */
export function sendingLabel(form: ReactiveElement, t: FirstTranslation): TemplateResult {
  const percent = uploadPercent.get(form);
  const text =
    (percent !== undefined && loaded?.uploadingText(t, percent)) || t.contactForm.submitting;
  return html`<span class="spinner" aria-hidden="true"></span>${text}`;
}
