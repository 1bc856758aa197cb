/*
 * The photos a person adds to a form (`<kc-fault-report>`'s photo step, `<kc-contact-form>`'s
 * photos, `<kc-status-tracker>`'s answer): a `PhotoList` each, every photo prepared in the
 * browser by the photo processing chunk, loaded at the first pick; kept in IndexedDB so that it
 * survives a reload with the draft that names it; previewed as a `data:` URL. Loaded with each
 * form's later chunk, never with its first render.
 */

import type { MessagePhotoSettings } from '@kontakt/core';
import type { ReactiveElement, TemplateResult } from 'lit';
import { html } from 'lit';
import type { PhotoFieldTexts } from '../../i18n/translation.js';
import type * as PhotoProcessing from './photo-processing.js';
import { forgetPhotos, keepPhoto, keptPhotos } from './photo-store.js';
import type { PhotoRefusal, PreparedPhoto, PreparePhotoOptions } from './prepare-photo.js';

export { forgetPhotos };

/** A photo as a form shows it: being prepared, ready to send, or refused (and why). */
export interface PhotoItem {
  readonly id: string;
  /** The prepared photo as a `data:` URL, for the preview. */
  readonly url: string | undefined;
  readonly blob: Blob | undefined;
  readonly status: 'preparing' | 'ready' | 'failed';
  readonly problem?: PhotoRefusal;
}

/**
 * What a photo is prepared with: the department's size settings where they are sane (the page
 * reads only `maxCount` before it is used), else the contract's defaults. The bounds and defaults
 * are `photoSettingsSchema`'s (core's `schemas/photo.ts`), written out: importing them as
 * constants put a chunk more on every page that sends a message (measured: 0.1–0.2 KB each).
 */
export function photoPreparation({
  maxEdge,
  maxBytes,
}: Pick<MessagePhotoSettings, 'maxEdge' | 'maxBytes'>): PreparePhotoOptions {
  const within = (value: unknown, min: number, max: number, fallback: number) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : fallback;
  return {
    maxEdge: within(maxEdge, 320, 4096, 1600),
    maxBytes: within(maxBytes, 50_000, 10_000_000, 2_000_000),
  };
}

let processing: Promise<typeof PhotoProcessing> | undefined;

/** A photo just picked, shown as being prepared while `preparePicked` works on it. */
export function preparingPhoto(): PhotoItem {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return { id, url: undefined, blob: undefined, status: 'preparing' };
}

/**
 * Prepares the picked `file` as `photo` (from `preparingPhoto`): scaled and stripped, then kept
 * for a reload before it is shown, so a reload the moment it appears still has it. A file that
 * cannot be used, or a processing chunk that cannot load (offline), comes back `failed`.
 */
export async function preparePicked(
  photo: PhotoItem,
  file: File,
  settings: PreparePhotoOptions,
): Promise<PhotoItem> {
  let prepared: PreparedPhoto;
  try {
    processing ??= import('./photo-processing.js');
    prepared = await (await processing).preparePhoto(file, settings);
  } catch {
    // Tried again at the next pick.
    processing = undefined;
    prepared = { ok: false, problem: 'decode_failed' };
  }
  const { id } = photo;
  if (!prepared.ok) {
    return { id, url: undefined, blob: undefined, status: 'failed', problem: prepared.problem };
  }
  await keepPhoto(id, prepared.blob);
  return { id, blob: prepared.blob, url: await dataUrl(prepared.blob), status: 'ready' };
}

/** The photos a restored draft names, from IndexedDB, in its order; those not found are left out. */
export async function restorePhotos(ids: readonly string[]): Promise<PhotoItem[]> {
  const kept = await keptPhotos(ids);
  return Promise.all(
    kept.map(async ({ id, blob }) => ({
      id,
      blob,
      url: await dataUrl(blob),
      status: 'ready' as const,
    })),
  );
}

/**
 * One photo in a form's list: being prepared, why it was refused, or its preview; and the button
 * that removes it (`id` `remove-<photo id>`, for focus to go to).
 */
export function photoItemView(
  p: Pick<PhotoFieldTexts, 'preparing' | 'problems' | 'alt' | 'remove'>,
  photo: PhotoItem,
  index: number,
  total: number,
  onRemove: () => void,
): TemplateResult {
  return html`<li part="photo" class="photo">
    ${
      photo.status === 'preparing'
        ? html`<p class="hint"><span class="spinner" aria-hidden="true"></span>${p.preparing}</p>`
        : photo.status === 'failed'
          ? html`<p part="problem" class="problem">${p.problems[photo.problem ?? 'decode_failed']}</p>`
          : html`<img src=${photo.url ?? ''} alt=${p.alt(index + 1, total)} />`
    }
    <button part="remove-photo-button" class="secondary" type="button" id=${`remove-${photo.id}`}
      @click=${onRemove}>${p.remove(index + 1, total)}</button>
  </li>`;
}

/** The prepared photos of `items`, in order: what is sent. */
export const readyBlobs = (items: readonly PhotoItem[]): Blob[] =>
  items.flatMap((item) => (item.status === 'ready' && item.blob ? [item.blob] : []));

/** What a photo list says in its field's live region, in the form's words. */
export type PhotoStatusTexts = Pick<
  PhotoFieldTexts,
  'preparing' | 'added' | 'removed' | 'problems'
>;

/** What a form tells its `PhotoList`. */
export interface PhotoListOptions {
  /** The photos ready to send changed (what the form's draft names: `ids`). */
  onChange(): void;
  /** A photo was removed: focus goes to what adds one (there is room again). */
  onRemoved(): void;
  /** `status` changed (for a form that says it in a live region of its own). */
  onStatus?(): void;
}

/**
 * The photos a person adds to one form, from picking to sent, the same in every form that takes
 * them. Each is prepared in the browser (scaled down, stripped of where and with what it was
 * taken) and kept in IndexedDB under its id, which the form's draft names, so a reload keeps it.
 * Picks and a restore are worked in turn, in order; a photo removed while it is prepared stays
 * removed, and `ready()` waits for every photo picked so far, so none is left behind at sending.
 */
export class PhotoList {
  /** The photos as shown: being prepared, ready to send, or refused (and why). */
  items: readonly PhotoItem[] = [];
  /** What the field's live region says now. */
  status: ((texts: PhotoStatusTexts) => string) | undefined;
  readonly #host: ReactiveElement;
  readonly #options: PhotoListOptions;
  #adding: Promise<void> = Promise.resolve();
  /** Which restore is the latest: a newer one (another draft) or a pick wins. */
  #restoring = 0;

  constructor(host: ReactiveElement, options: PhotoListOptions) {
    this.#host = host;
    this.#options = options;
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
   * no longer there are left out: `ids`, once it has resolved, says which are there (`onChange`
   * is not called: a draft read back is not a change). Sending waits for it, as for a pick.
   */
  restore(ids: readonly string[]): Promise<void> {
    const restoring = ++this.#restoring;
    this.items = [];
    this.status = undefined;
    if (!ids.length) return this.#adding;
    this.#adding = this.#adding.then(async () => {
      const photos = await restorePhotos(ids).catch(() => []);
      // Another draft, or a pick, came first: that stands.
      if (restoring !== this.#restoring || this.items.length) return;
      this.items = photos;
      this.#host.requestUpdate();
    });
    return this.#adding;
  }

  /** Adds the files picked in `input`, as many as there is room for. */
  pick(input: HTMLInputElement, settings: MessagePhotoSettings): Promise<void> {
    this.#restoring++;
    const files = [...(input.files ?? [])];
    // The same file may be picked again after it was removed.
    input.value = '';
    this.#adding = this.#adding.then(() => this.#add(files, settings));
    return this.#adding;
  }

  /** Removes a photo, and forgets the browser's copy. */
  remove(id: string): void {
    void forgetPhotos([id]);
    this.items = this.items.filter((item) => item.id !== id);
    this.#say((p) => p.removed);
    this.#options.onChange();
    this.#options.onRemoved();
  }

  /** The photos to send: the ready ones, once every photo picked so far has been prepared. */
  async ready(): Promise<Blob[]> {
    await this.#adding;
    return readyBlobs(this.items);
  }

  /** Forgets every photo (sent, kept with the message in the outbox, or the form cleared). */
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
      this.#say((p) => p.preparing);
      const item = await preparePicked(preparing, file, photoPreparation(settings));
      // Removed while it was prepared: it stays removed, and its copy goes.
      if (!this.items.some((photo) => photo.id === id)) {
        void forgetPhotos([id]);
        continue;
      }
      this.items = this.items.map((photo) => (photo.id === id ? item : photo));
      const index = this.items.findIndex((photo) => photo.id === id);
      const total = this.items.length;
      const problem = item.problem ?? 'decode_failed';
      this.#say(
        item.status === 'ready' ? (p) => p.added(index + 1, total) : (p) => p.problems[problem],
      );
      if (item.status === 'ready') this.#options.onChange();
    }
  }

  /** Says `status` in the field's live region, with the list as it now is. */
  #say(status: (texts: PhotoStatusTexts) => string): void {
    this.status = status;
    this.#host.requestUpdate();
    this.#options.onStatus?.();
  }
}

/**
 * A photo's preview as a `data:` URL: pages under a strict CSP allow `img-src data:` far more
 * often than `blob:`, and the photo is small once prepared.
 */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
