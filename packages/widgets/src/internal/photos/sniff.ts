/**
 * What a file is, by its first bytes (never its name or the type the browser guessed), and the
 * size its header declares, read without decoding it.
 */

/** Formats a browser may decode; `heic` only Safari does. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'avif' | 'heic';

export interface SniffedImage {
  format: ImageFormat;
  /** As the header declares it, before any Exif rotation; absent when the header does not say. */
  width?: number;
  height?: number;
}

const text = (b: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...b.subarray(from, to));

/** HEIF brands: iPhones write `heic`; `mif1`/`msf1` are the general image/sequence brands. */
const HEIF_BRANDS = /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/;

/** The format of `b` (a file's first bytes) and its declared size; `undefined`: not an image. */
export function sniffImage(b: Uint8Array): SniffedImage | undefined {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { format: 'jpeg', ...jpegSize(b) };
  if (text(b, 0, 8) === '\x89PNG\r\n\x1a\n') {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return b.length >= 24
      ? { format: 'png', width: v.getUint32(16), height: v.getUint32(20) }
      : { format: 'png' };
  }
  if (text(b, 0, 4) === 'RIFF' && text(b, 8, 12) === 'WEBP')
    return { format: 'webp', ...webpSize(b) };
  if (text(b, 0, 4) === 'GIF8' && b.length >= 10) {
    return {
      format: 'gif',
      width: (b[6] ?? 0) | ((b[7] ?? 0) << 8),
      height: (b[8] ?? 0) | ((b[9] ?? 0) << 8),
    };
  }
  if (text(b, 0, 2) === 'BM' && b.length >= 26) {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return {
      format: 'bmp',
      width: Math.abs(v.getInt32(18, true)),
      height: Math.abs(v.getInt32(22, true)),
    };
  }
  if (text(b, 4, 8) === 'ftyp') {
    const brand = text(b, 8, 12);
    if (/^avi[fs]$/.test(brand) || hasCompatibleBrand(b, /^avi[fs]$/)) return { format: 'avif' };
    if (HEIF_BRANDS.test(brand) || hasCompatibleBrand(b, HEIF_BRANDS)) return { format: 'heic' };
  }
  return undefined;
}

/** ISO BMFF lists further brands after the major one; some HEIC files lead with another. */
function hasCompatibleBrand(b: Uint8Array, brands: RegExp): boolean {
  const size = new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(0);
  for (let at = 16; at + 4 <= Math.min(size, b.length); at += 4) {
    if (brands.test(text(b, at, at + 4))) return true;
  }
  return false;
}

/** The frame size from the first SOF segment, walking the segments before it. */
function jpegSize(b: Uint8Array): { width?: number; height?: number } {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return {};
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0);
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      return {
        height: ((b[at + 5] ?? 0) << 8) | (b[at + 6] ?? 0),
        width: ((b[at + 7] ?? 0) << 8) | (b[at + 8] ?? 0),
      };
    }
    at += 2 + length;
  }
  return {};
}

function webpSize(b: Uint8Array): { width?: number; height?: number } {
  const chunk = text(b, 12, 16);
  const p = 20;
  const u24 = (at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16);
  if (chunk === 'VP8X') return { width: u24(p + 4) + 1, height: u24(p + 7) + 1 };
  if (chunk === 'VP8 ') {
    return {
      width: ((b[p + 6] ?? 0) | ((b[p + 7] ?? 0) << 8)) & 0x3fff,
      height: ((b[p + 8] ?? 0) | ((b[p + 9] ?? 0) << 8)) & 0x3fff,
    };
  }
  if (chunk === 'VP8L') {
    const bits =
      (b[p + 1] ?? 0) | ((b[p + 2] ?? 0) << 8) | ((b[p + 3] ?? 0) << 16) | ((b[p + 4] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return {};
}
