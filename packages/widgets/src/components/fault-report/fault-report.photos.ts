/**
 * Photo processing for the photo step, a chunk of its own loaded when the person picks a photo:
 * the photo is drawn scaled down to `maxEdge` and encoded anew as JPEG, which leaves every byte of
 * the original file behind (EXIF, GPS position, maker notes). Formats the browser cannot decode
 * (HEIC on most browsers) and photos still too large are refused with a code the element says in
 * the person's language.
 */
import type { PhotoProblem } from './fault-report.texts.js';

export type PreparedPhoto =
  | { ok: true; blob: Blob; width: number; height: number }
  | { ok: false; problem: PhotoProblem };

const HEIC = /^image\/hei[cf]/i;
const HEIC_NAME = /\.(heic|heif)$/i;

/** A photo ready to send, or why it cannot be. */
export async function preparePhoto(
  file: Blob,
  options: { maxEdge: number; maxBytes: number },
): Promise<PreparedPhoto> {
  const name = 'name' in file && typeof file.name === 'string' ? file.name : '';
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (HEIC.test(file.type) || HEIC_NAME.test(name))
      return { ok: false, problem: 'heic_unsupported' };
    if (file.type && !file.type.startsWith('image/'))
      return { ok: false, problem: 'unsupported_type' };
    return { ok: false, problem: 'unreadable' };
  }
  const scale = Math.min(1, options.maxEdge / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return { ok: false, problem: 'unreadable' };
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.55]) {
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (blob.size <= options.maxBytes) return { ok: true, blob, width, height };
  }
  return { ok: false, problem: 'too_large' };
}
