import { exifOrientation, orientationSegment } from './exif-orientation.js';
import type { CleanImage } from './image-error.js';
import { checkDimensions, concat, malformed } from './image-error.js';

/*
 * JPEG (ITU T.81 with JFIF and Exif): a series of marker segments, then entropy-coded scans. What
 * can carry metadata is dropped: APP1 (Exif with its GPS IFD and thumbnail, XMP; an Exif
 * Orientation is written anew, alone), every other application segment, comments, and anything after the end of the image (phones append a second
 * picture or a video there). Kept is what decoding and colour need: the JFIF header (without its
 * thumbnail, which may show a different picture), an ICC profile (APP2) and Adobe's colour
 * transform flag (APP14).
 */

const bad = (what: string) => malformed('JPEG', what);

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;

/** Start-of-frame markers, which hold the size: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (m: number) =>
  m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
/** Markers without a length: restart markers and TEM. */
const isStandalone = (m: number) => (m >= 0xd0 && m <= 0xd7) || m === 0x01;

/** True when the bytes start like a JPEG. */
export const isJpeg = (b: Uint8Array) =>
  b.length >= 3 && b[0] === 0xff && b[1] === SOI && b[2] === 0xff;

/** The image's size and its bytes without metadata; throws `ImageRefusal` when it is not a JPEG. */
export function cleanJpeg(b: Uint8Array): CleanImage {
  if (!isJpeg(b)) throw bad('it does not start with a JPEG marker');
  const kept: Uint8Array[] = [b.subarray(0, 2)];
  let size: { width: number; height: number } | undefined;
  let pos = 2;
  for (;;) {
    if (pos >= b.length) throw bad('it ends before its end marker');
    if (b[pos] !== 0xff) throw bad(`a segment does not start with a marker at byte ${pos}`);
    while (b[pos] === 0xff) pos++; // fill bytes
    const marker = b[pos] ?? -1;
    const start = pos - 1;
    pos++;
    if (marker === EOI) {
      kept.push(Uint8Array.of(0xff, EOI));
      break;
    }
    if (marker < 0) throw bad('it ends before its end marker');
    if (marker === SOI) throw bad('it has a second start marker');
    if (isStandalone(marker)) {
      kept.push(Uint8Array.of(0xff, marker));
      continue;
    }
    if (pos + 2 > b.length) throw bad('a segment is cut off');
    const length = ((b[pos] ?? 0) << 8) | (b[pos + 1] ?? 0);
    const end = pos + length;
    if (length < 2 || end > b.length) throw bad('a segment is longer than the file');
    const payload = b.subarray(pos + 2, end);
    if (isStartOfFrame(marker)) {
      if (payload.length < 5) throw bad('its frame header is too short');
      size = {
        height: ((payload[1] ?? 0) << 8) | (payload[2] ?? 0),
        width: ((payload[3] ?? 0) << 8) | (payload[4] ?? 0),
      };
      checkDimensions(size.width, size.height, 'JPEG');
    }
    pos = end;
    if (marker === SOS) {
      if (!size) throw bad('its image data comes before its frame header');
      kept.push(b.subarray(start, end));
      const scanEnd = endOfScan(b, pos);
      kept.push(b.subarray(pos, scanEnd));
      pos = scanEnd;
      continue;
    }
    const keep = keptSegment(marker, payload);
    if (keep === 'whole') kept.push(b.subarray(start, end));
    else if (keep) kept.push(keep);
  }
  if (!size) throw bad('it has no frame header');
  return { ...size, bytes: concat(kept) };
}

/**
 * Where entropy-coded data ends: at the first marker that is neither a stuffed zero (FF 00), a
 * restart marker nor fill. Progressive JPEGs have several scans with tables between them.
 */
function endOfScan(b: Uint8Array, from: number): number {
  let i = from;
  for (;;) {
    i = b.indexOf(0xff, i);
    if (i < 0 || i + 1 >= b.length) throw bad('its image data ends before its end marker');
    const next = b[i + 1] ?? 0;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i += 2;
    else if (next === 0xff) i += 1;
    else return i;
  }
}

const ascii = (payload: Uint8Array, text: string) =>
  payload.length >= text.length && [...text].every((ch, i) => payload[i] === ch.charCodeAt(0));

/**
 * What to keep of a segment other than a scan: all of it, a rewritten copy, or nothing.
 * Non-application segments (tables, frame headers, restart interval) are decoding itself.
 */
function keptSegment(marker: number, payload: Uint8Array): 'whole' | Uint8Array | undefined {
  if (marker === COM) return undefined;
  if (marker < APP0 || marker > 0xef) return 'whole';
  if (marker === APP0 && ascii(payload, 'JFIF\0') && payload.length >= 12) {
    // Version, density units and density; the thumbnail's size set to 0 × 0 and its pixels gone.
    const header = new Uint8Array(2 + 2 + 14);
    header.set([0xff, APP0, 0, 16]);
    header.set(payload.subarray(0, 12), 4);
    return header; // the last two bytes (thumbnail width and height) stay 0
  }
  if (marker === APP1 && ascii(payload, 'Exif\0\0')) {
    const orientation = exifOrientation(payload.subarray(6));
    return orientation === undefined ? undefined : orientationSegment(orientation);
  }
  if (marker === APP2 && ascii(payload, 'ICC_PROFILE\0')) return 'whole';
  if (marker === APP14 && ascii(payload, 'Adobe')) return 'whole';
  return undefined;
}
