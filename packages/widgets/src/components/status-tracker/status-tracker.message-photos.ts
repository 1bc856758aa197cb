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
 * The photos of one answer, from picking to sent. Each is prepared in the browser (scaled down,
 * stripped of where and with what it was taken) and kept in IndexedDB under its id, which the
 * answer's draft names; `onChange` hears when the photos ready to send change, so the host keeps
 * the draft. Picks are prepared in turn, in the order picked.
 */
export class AnswerPhotos {
  /** The photos as shown: being prepared, ready to send, or refused (and why). */
  items: readonly PhotoItem[] = [];
  /** What the field's live region says, in the form's language. */
  status: ((texts: PhotoFieldTexts) => string) | undefined;
  readonly #host: ReactiveElement;
  readonly #onChange: () => void;
  #adding: Promise<void> = Promise.resolve();
  /** Which restore is the latest: a newer one (another case) wins. */
  #restoring = 0;

  constructor(host: ReactiveElement, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    adoptStyles(host, photoListStyles, photoFieldStyles);
  }

  /** The Swedish words, for a page in Swedish (the others come with their language). */
  readonly texts = SV_PHOTO_TEXTS;

  /** The field (see `answerPhotosView`), in `p`'s words, else Swedish. */
  render(p: PhotoFieldTexts | undefined, settings: MessagePhotoSettings): TemplateResult {
    return answerPhotosView(p ?? SV_PHOTO_TEXTS, this, settings);
  }

  /** The ids of the photos ready to send, in order: what the draft names. */
  get ids(): string[] {
    return this.items.flatMap((item) => (item.status === 'ready' ? [item.id] : []));
  }

  /** How many count against the department's `maxCount`: all but those refused. */
  get counted(): number {
    return this.items.filter((item) => item.status !== 'failed').length;
  }

  /**
   * The photos a kept draft names (from before a reload), read from the browser's storage; those
   * no longer there are left out. Sending waits for it, as for a pick.
   */
  restore(ids: readonly string[]): Promise<void> {
    const restoring = ++this.#restoring;
    this.items = [];
    this.status = undefined;
    if (!ids.length) return this.#adding;
    this.#adding = this.#adding.then(async () => {
      const photos = await restorePhotos(ids).catch(() => []);
      // Another case, or a pick, came first: that stands.
      if (restoring !== this.#restoring || this.items.length) return;
      this.items = photos;
      this.#host.requestUpdate();
    });
    return this.#adding;
  }

  /** Adds the files picked in `input`, as many as there is room for. */
  readonly pick = (input: HTMLInputElement, settings: MessagePhotoSettings): Promise<void> => {
    this.#restoring++;
    const files = [...(input.files ?? [])];
    // The same file may be picked again after it was removed.
    input.value = '';
    this.#adding = this.#adding.then(() => this.#add(files, settings));
    return this.#adding;
  };

  /** Removes a photo; focus goes to the button that adds one (there is room again). */
  remove(id: string): void {
    void forgetPhotos([id]);
    this.items = this.items.filter((item) => item.id !== id);
    this.status = (p) => p.removed;
    this.#changed();
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>('#message-photos')?.focus(),
    );
  }

  /** The photos to send: the ready ones, once every photo picked so far has been prepared. */
  async ready(): Promise<Blob[]> {
    await this.#adding;
    return readyBlobs(this.items);
  }

  /** Forgets every photo (sent, or kept in the outbox with the answer): the list and the copies. */
  clear(): void {
    this.#restoring++;
    void forgetPhotos(this.items.map((item) => item.id));
    this.items = [];
    this.status = undefined;
    this.#host.requestUpdate();
  }

  async #add(files: File[], settings: MessagePhotoSettings): Promise<void> {
    const room = Math.max(0, settings.maxCount - this.counted);
    for (const file of files.slice(0, room)) {
      const preparing = preparingPhoto();
      const { id } = preparing;
      this.items = [...this.items, preparing];
      this.status = (p) => p.preparing;
      this.#host.requestUpdate();
      const item = await preparePicked(preparing, file, photoPreparation(settings));
      // Removed while it was prepared: it stays removed.
      if (!this.items.some((photo) => photo.id === id)) {
        void forgetPhotos([id]);
        continue;
      }
      this.items = this.items.map((photo) => (photo.id === id ? item : photo));
      const index = this.items.findIndex((photo) => photo.id === id);
      const total = this.items.length;
      const problem = item.problem ?? 'decode_failed';
      this.status =
        item.status === 'ready' ? (p) => p.added(index + 1, total) : (p) => p.problems[problem];
      this.#changed();
    }
  }

  #changed(): void {
    this.#host.requestUpdate();
    this.#onChange();
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
