import type { CleanImage } from './image-error.js';
import { checkDimensions, concat, malformed } from './image-error.js';

/*
 * WebP (RFC 9649): a RIFF container of chunks (four-character code, little-endian size, data,
 * a pad byte when the size is odd). The image is `VP8 ` (lossy), `VP8L` (lossless) or, in the
 * extended format, `VP8X` with `ALPH`, `ICCP` and animation chunks. `EXIF` and `XMP ` are dropped,
 * with their flags in `VP8X`, and so is any unknown chunk; the RIFF size is written anew.
 */

const bad = (what: string) => malformed('WebP', what);

/** Chunks that make up the picture and its colour. */
const KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP', 'ANIM', 'ANMF']);

/** `VP8X` flags: Exif and XMP metadata present. */
const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

const fourcc = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/** True when the bytes are a RIFF container of WebP. */
export const isWebp = (b: Uint8Array) =>
  b.length >= 12 && fourcc(b, 0) === 'RIFF' && fourcc(b, 8) === 'WEBP';

/** The image's size and its bytes without metadata; throws `ImageRefusal` when it is not a WebP. */
export function cleanWebp(b: Uint8Array): CleanImage {
  if (!isWebp(b)) throw bad('it is not a RIFF WEBP container');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > b.length) throw bad('it is shorter than its RIFF header says');
  const kept: Uint8Array[] = [];
  let size: { width: number; height: number } | undefined;
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) throw bad(`a chunk header is cut off at byte ${pos}`);
    const type = fourcc(b, pos);
    const length = view.getUint32(pos + 4, true);
    const end = pos + 8 + length + (length % 2);
    if (pos + 8 + length > riffEnd) throw bad(`the ${type.trim()} chunk is longer than the file`);
    const payload = b.subarray(pos + 8, pos + 8 + length);
    if (pos === 12) {
      size = frameSize(type, payload);
      checkDimensions(size.width, size.height, 'WebP');
    }
    if (KEPT.has(type)) {
      const chunk = b.slice(pos, Math.min(end, riffEnd));
      if (type === 'VP8X') chunk[8] = (chunk[8] ?? 0) & ~(EXIF_FLAG | XMP_FLAG);
      kept.push(chunk);
    }
    pos = end;
  }
  if (!size) throw bad('it holds no image');
  const body = concat(kept);
  const header = new Uint8Array(12);
  header.set(b.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.byteLength, true);
  return { ...size, bytes: concat([header, body]) };
}

/** The canvas or frame size from the first chunk, which must be `VP8X`, `VP8 ` or `VP8L`. */
function frameSize(type: string, p: Uint8Array): { width: number; height: number } {
  const u24 = (at: number) => (p[at] ?? 0) | ((p[at + 1] ?? 0) << 8) | ((p[at + 2] ?? 0) << 16);
  if (type === 'VP8X') {
    if (p.length < 10) throw bad('its VP8X chunk is too short');
    return { width: u24(4) + 1, height: u24(7) + 1 };
  }
  if (type === 'VP8 ') {
    // A frame tag (3 bytes), the start code 9D 01 2A, then 14-bit width and height.
    if (p.length < 10 || p[3] !== 0x9d || p[4] !== 0x01 || p[5] !== 0x2a) {
      throw bad('its VP8 frame header is damaged');
    }
    return {
      width: ((p[6] ?? 0) | ((p[7] ?? 0) << 8)) & 0x3fff,
      height: ((p[8] ?? 0) | ((p[9] ?? 0) << 8)) & 0x3fff,
    };
  }
  if (type === 'VP8L') {
    // The signature 0x2F, then width − 1 and height − 1 in 14 bits each, least significant first.
    if (p.length < 5 || p[0] !== 0x2f) throw bad('its VP8L header is damaged');
    const bits = (p[1] ?? 0) | ((p[2] ?? 0) << 8) | ((p[3] ?? 0) << 16) | ((p[4] ?? 0) << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  throw bad(`it starts with a ${type.trim()} chunk instead of the image`);
}
