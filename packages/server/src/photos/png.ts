import type { CleanImage } from './image-error.js';
import { checkDimensions, concat, malformed } from './image-error.js';

/*
 * PNG (ISO/IEC 15948, third edition): a signature, then chunks of length, type, data and CRC.
 * Critical chunks (upper-case first letter) are the image; of the ancillary ones only those that
 * decoding and colour need are kept. Everything else goes: `eXIf` (Exif, GPS included), the text
 * chunks `tEXt`, `iTXt`, `zTXt` (XMP travels in `iTXt`), `tIME`, and any private chunk an editor
 * or camera app added. Nothing after `IEND` is kept.
 */

const bad = (what: string) => malformed('PNG', what);

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Ancillary chunks that change how the image looks (transparency, colour, animation frames). */
const KEPT_ANCILLARY = new Set([
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'cICP',
  'mDCV',
  'cLLI',
  'sBIT',
  'bKGD',
  'pHYs',
  'acTL',
  'fcTL',
  'fdAT',
]);

/** True when the bytes start with the PNG signature. */
export const isPng = (b: Uint8Array) => SIGNATURE.every((byte, i) => b[i] === byte);

/** The image's size and its bytes without metadata; throws `ImageRefusal` when it is not a PNG. */
export function cleanPng(b: Uint8Array): CleanImage {
  if (!isPng(b)) throw bad('it does not start with the PNG signature');
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let size: { width: number; height: number } | undefined;
  let pos = 8;
  for (;;) {
    if (pos + 12 > b.length) throw bad('it ends before its IEND chunk');
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...b.subarray(pos + 4, pos + 8));
    const end = pos + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > b.length)
      throw bad(`a chunk is damaged at byte ${pos}`);
    if (pos === 8) {
      if (type !== 'IHDR' || length < 8) throw bad('it does not start with an IHDR chunk');
      size = { width: view.getUint32(pos + 8), height: view.getUint32(pos + 12) };
      checkDimensions(size.width, size.height, 'PNG');
    }
    const critical = type.charCodeAt(0) < 0x61;
    if (critical || KEPT_ANCILLARY.has(type)) kept.push(b.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break;
  }
  if (!size) throw bad('it has no IHDR chunk');
  return { ...size, bytes: concat(kept) };
}
