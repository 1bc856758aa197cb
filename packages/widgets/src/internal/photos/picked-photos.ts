/*
 * The photos a person adds to a form (`<kc-fault-report>`'s photo step, `<kc-contact-form>`'s
 * photos): each prepared in the browser by the photo processing chunk, loaded at the first pick;
 * kept in IndexedDB so that it survives a reload with the draft that names it; previewed as a
 * `data:` URL. Loaded with each form's later chunk, never with its first render.
 */

import type { MessagePhotoSettings } from '@kontakt/core';
import type { TemplateResult } from 'lit';
import { html } from 'lit';
import type { PhotoFieldTexts } from '../../i18n/translation.js';
import type * as PhotoProcessing from './photo-processing.js';
import { keepPhoto, keptPhotos } from './photo-store.js';
import type { PhotoRefusal, PreparedPhoto, PreparePhotoOptions } from './prepare-photo.js';

export { forgetPhotos } from './photo-store.js';

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
