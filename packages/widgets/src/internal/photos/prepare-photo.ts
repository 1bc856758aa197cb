/**
 * Browser-side photo processing for `<kc-fault-report>`'s photo step, a chunk of its own loaded
 * when the step is reached. A photo is decoded upright (`imageOrientation: 'from-image'` applies
 * its Exif rotation), scaled so its longest side is at most `maxEdge`, and encoded anew as JPEG,
 * lowering the quality step by step until it fits `maxBytes`. The new file is made of new bytes
 * only: the original's Exif (its GPS position, camera, time), XMP and comments stay behind.
 */
import { drawScaled, encodeJpeg } from './encode.js';
import type { ImageFormat } from './sniff.js';
import { sniffImage } from './sniff.js';

/**
 * Why a photo cannot be used, for the widget to say in the person's language:
 * - `heic_unsupported`: an iPhone's HEIC/HEIF photo this browser cannot decode (Safari can):
 *   the person can send it as JPEG (Settings → Camera → Formats → Most Compatible, or share it);
 * - `not_an_image`: the file is no picture at all (a PDF, a text file named `.jpg`, an SVG);
 * - `too_large`: more pixels or bytes than any photo needs, or no quality small enough;
 * - `decode_failed`: a picture format, but damaged or not one this browser reads.
 */
export type PhotoRefusal = 'heic_unsupported' | 'not_an_image' | 'too_large' | 'decode_failed';

/** A photo ready to upload: always `image/jpeg`, scaled, without metadata. */
export interface ReadyPhoto {
  ok: true;
  blob: Blob;
  width: number;
  height: number;
  type: 'image/jpeg';
}

export type PreparedPhoto = ReadyPhoto | { ok: false; problem: PhotoRefusal };

export interface PreparePhotoOptions {
  /** The longest side after scaling, in pixels (the catalog's `photos.maxEdge`). */
  maxEdge: number;
  /** The most bytes the result may have (the catalog's `photos.maxBytes`). */
  maxBytes: number;
}

/** Files bigger than this are not read at all (a phone's largest photos are about 20 MB). */
export const MAX_FILE_BYTES = 60_000_000;
/** Declared sizes above this are refused before decoding: 16,000 × 12,500, far beyond any phone. */
export const MAX_PIXELS = 200_000_000;
/** Above this many pixels the browser is asked to decode straight to a smaller size. */
const DECODE_HINT_PIXELS = 16_000_000;
/** Enough of the file to find a JPEG's frame header behind its Exif (at most 64 KB each). */
const HEADER_BYTES = 256 * 1024;

const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45];
/** Each further try after the lowest quality draws it this much smaller. */
const SHRINK = 0.75;
const MIN_EDGE = 320;

/**
 * Decodes, scales and re-encodes a photo the person picked, or says why it cannot be used.
 *
 * @example
 * const prepared = await preparePhoto(input.files[0], catalog.photos);
 * if (prepared.ok) await client.photos.upload(prepared.blob, { onProgress });
 * else announce(texts.photos.problems[prepared.problem]);
 */
export async function preparePhoto(
  file: Blob,
  options: PreparePhotoOptions,
): Promise<PreparedPhoto> {
  if (file.size > MAX_FILE_BYTES) return refuse('too_large');
  const sniffed = sniffImage(new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()));
  if (!sniffed) return refuse('not_an_image');
  const { width = 0, height = 0 } = sniffed;
  if (width * height > MAX_PIXELS) return refuse('too_large');
  const bitmap = await decode(file, sniffed.format, width * height > DECODE_HINT_PIXELS, options);
  if (typeof bitmap === 'string') return refuse(bitmap);
  try {
    return await encodeToFit(bitmap, options);
  } finally {
    bitmap.close();
  }
}

const refuse = (problem: PhotoRefusal): PreparedPhoto => ({ ok: false, problem });

/**
 * The photo decoded upright. A very large one is decoded straight to about `maxEdge` wide, so a
 * 50-megapixel photo never takes 200 MB of memory on a phone; the width alone is given so the
 * aspect ratio holds however the Exif rotation is applied.
 */
async function decode(
  file: Blob,
  format: ImageFormat,
  huge: boolean,
  options: PreparePhotoOptions,
): Promise<ImageBitmap | PhotoRefusal> {
  try {
    return await createImageBitmap(file, {
      imageOrientation: 'from-image',
      ...(huge ? { resizeWidth: options.maxEdge, resizeQuality: 'high' as const } : {}),
    });
  } catch {
    return format === 'heic' ? 'heic_unsupported' : 'decode_failed';
  }
}

/** Scales to `maxEdge` and lowers quality, then size, until the JPEG fits `maxBytes`. */
async function encodeToFit(
  bitmap: ImageBitmap,
  options: PreparePhotoOptions,
): Promise<PreparedPhoto> {
  let edge = Math.min(options.maxEdge, Math.max(bitmap.width, bitmap.height));
  for (;;) {
    const scale = edge / Math.max(bitmap.width, bitmap.height);
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = drawScaled(bitmap, width, height);
    for (const quality of QUALITIES) {
      const blob = await encodeJpeg(canvas, quality);
      if (blob.size <= options.maxBytes) {
        return { ok: true, blob, width, height, type: 'image/jpeg' };
      }
    }
    if (edge <= MIN_EDGE) return refuse('too_large');
    edge = Math.max(MIN_EDGE, Math.round(edge * SHRINK));
  }
}
