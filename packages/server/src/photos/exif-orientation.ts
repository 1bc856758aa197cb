/*
 * The one Exif tag worth keeping: Orientation (0x0112). A phone stores most photos sideways and
 * says so here; without it a photo from a client that did not turn it upright (anything but our
 * widget) shows on its side in the console. Everything else of the Exif block — the GPS IFD, the
 * camera, the time, the thumbnail — is dropped by writing a new block with only this tag.
 */

const ORIENTATION = 0x0112;
const SHORT = 3;

/** The Orientation (2–8) of an Exif TIFF block, or `undefined` when it is absent, 1 or unreadable. */
export function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const v = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = String.fromCharCode(tiff[0] ?? 0, tiff[1] ?? 0);
  if (order !== 'II' && order !== 'MM') return undefined;
  const little = order === 'II';
  if (v.getUint16(2, little) !== 42) return undefined;
  const ifd = v.getUint32(4, little);
  if (ifd + 2 > tiff.length) return undefined;
  const count = v.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const at = ifd + 2 + i * 12;
    if (at + 12 > tiff.length) return undefined;
    if (v.getUint16(at, little) !== ORIENTATION) continue;
    if (v.getUint16(at + 2, little) !== SHORT) return undefined;
    const value = v.getUint16(at + 8, little);
    return value >= 2 && value <= 8 ? value : undefined;
  }
  return undefined;
}

/** A JPEG APP1 segment whose Exif block holds the Orientation alone (big-endian TIFF). */
export function orientationSegment(orientation: number): Uint8Array {
  const segment = new Uint8Array(2 + 2 + 6 + 26);
  const v = new DataView(segment.buffer);
  segment.set([0xff, 0xe1]);
  v.setUint16(2, segment.length - 2);
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
  const tiff = 10;
  segment.set([0x4d, 0x4d], tiff); // "MM"
  v.setUint16(tiff + 2, 42);
  v.setUint32(tiff + 4, 8);
  v.setUint16(tiff + 8, 1); // one entry
  v.setUint16(tiff + 10, ORIENTATION);
  v.setUint16(tiff + 12, SHORT);
  v.setUint32(tiff + 14, 1);
  v.setUint16(tiff + 18, orientation); // a SHORT sits left-aligned in the value field
  v.setUint32(tiff + 22, 0); // no next IFD
  return segment;
}
