import type { UploadedPhoto } from '@kontakt/core/schemas';
import type { CleanImage } from './image-error.js';
import { ImageRefusal } from './image-error.js';
import { cleanJpeg, isJpeg } from './jpeg.js';
import { cleanPng, isPng } from './png.js';
import { cleanWebp, isWebp } from './webp.js';

/** An accepted photo: its sniffed type, size and metadata-free bytes. */
export interface CleanPhoto extends CleanImage {
  readonly type: UploadedPhoto['type'];
}

/**
 * Decides what an upload is by its bytes alone (never its name or the type the client claims),
 * accepts JPEG, PNG and WebP, and returns it without metadata (Exif with GPS, XMP, comments, text
 * chunks). Refuses everything else with an `ImageRefusal` whose message names what it found, so a
 * person sending an iPhone's HEIC photo is told that, not just "unsupported".
 */
export function cleanImage(bytes: Uint8Array): CleanPhoto {
  if (isJpeg(bytes)) return { type: 'image/jpeg', ...cleanJpeg(bytes) };
  if (isPng(bytes)) return { type: 'image/png', ...cleanPng(bytes) };
  if (isWebp(bytes)) return { type: 'image/webp', ...cleanWebp(bytes) };
  const found = recognise(bytes);
  throw new ImageRefusal(
    'unsupported',
    `${found ? `The file is ${found}; only` : 'The file is not an image; only'} JPEG, PNG and ` +
      'WebP photos are accepted (decided by its content, not its name or Content-Type).',
  );
}

/** What a refused file looks like, for the message: the formats people send by mistake. */
function recognise(b: Uint8Array): string | undefined {
  const text = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (text(4, 8) === 'ftyp') {
    // The major brand, then the compatible ones: an AVIF may lead with the generic `mif1`.
    const end = Math.min(b.length, new DataView(b.buffer, b.byteOffset).getUint32(0));
    const brands = [text(8, 12)];
    for (let at = 16; at + 4 <= end; at += 4) brands.push(text(at, at + 4));
    if (brands.some((brand) => /^avi[fs]$/.test(brand))) return 'an AVIF image';
    if (brands.some((brand) => /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(brand))) {
      return 'a HEIC/HEIF photo (as iPhones take them); send it as JPEG instead';
    }
    return 'a video or other ISO media file';
  }
  if (text(0, 4) === 'GIF8') return 'a GIF';
  if (text(0, 2) === 'BM') return 'a BMP';
  if (text(0, 4) === 'II*\0' || text(0, 4) === 'MM\0*') return 'a TIFF';
  if (text(0, 5) === '%PDF-') return 'a PDF';
  if (text(0, 4) === 'RIFF') return 'a RIFF file that is not WebP';
  const head = new TextDecoder()
    .decode(b.subarray(0, 256))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<(\?xml|svg|!DOCTYPE svg)/i.test(head) && /<svg/i.test(head)) return 'an SVG drawing';
  if (head.startsWith('<')) return 'an XML or HTML document';
  return undefined;
}
