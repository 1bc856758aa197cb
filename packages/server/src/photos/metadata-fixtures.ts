/**
 * Test fixtures: real images (encoded by Chromium, in `fixtures/`) with metadata spliced in the
 * way cameras and phones write it: an Exif block with a GPS position (TIFF IFD0 → GPS IFD with
 * latitude and longitude as rationals), XMP, comments, text chunks and data after the image.
 */
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Strings planted in the metadata: none of them may survive cleaning. */
export const PLANTED = ['KontaktCam', 'Exif', 'GPS-SECRET', 'xmpmeta', 'Malmo 55.6050N'];

/** A fixture's bytes: `photo.jpg`, `photo.png`, `photo.webp`, `photo.alpha.webp`. */
export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/**
 * A little-endian TIFF block as Exif holds it: IFD0 with `Make` and a pointer to the GPS IFD,
 * which holds 55° 36' 18" N, 13° 0' 7" E (Malmö) and a processing-method comment.
 */
export function gpsTiff(): Uint8Array {
  const buf = new ArrayBuffer(256);
  const v = new DataView(buf);
  const b = new Uint8Array(buf);
  b.set(ascii('II'), 0);
  v.setUint16(2, 42, true);
  v.setUint32(4, 8, true);
  // IFD0 at 8: two entries (Make, GPSInfo), then next-IFD 0.
  v.setUint16(8, 2, true);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    v.setUint32(at + 8, value, true);
  };
  entry(10, 0x010f, 2, 11, 120); // Make → "KontaktCam\0" at 120
  entry(22, 0x8825, 4, 1, 38); // GPSInfo IFD at 38
  v.setUint32(34, 0, true);
  // GPS IFD at 38: five entries.
  v.setUint16(38, 5, true);
  entry(40, 0x0001, 2, 2, 0x4e); // GPSLatitudeRef "N"
  entry(52, 0x0002, 5, 3, 140); // GPSLatitude at 140
  entry(64, 0x0003, 2, 2, 0x45); // GPSLongitudeRef "E"
  entry(76, 0x0004, 5, 3, 164); // GPSLongitude at 164
  entry(88, 0x001b, 7, 24, 188); // GPSProcessingMethod at 188
  v.setUint32(100, 0, true);
  b.set(ascii('KontaktCam\0'), 120);
  const rationals = (at: number, values: number[]) =>
    values.forEach((value, i) => {
      v.setUint32(at + i * 8, value, true);
      v.setUint32(at + i * 8 + 4, 1, true);
    });
  rationals(140, [55, 36, 18]);
  rationals(164, [13, 0, 7]);
  b.set(ascii('ASCII\0\0\0GPS-SECRET-FIX\0\0'), 188);
  return b;
}

const XMP = ascii(
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="Malmo 55.6050N"/></rdf:RDF></x:xmpmeta>',
);

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array {
  const head = Uint8Array.of(0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff);
  return concat(head, payload);
}

/**
 * The JPEG with an Exif APP1 (GPS), an XMP APP1, a JFIF thumbnail's worth of APP0, a comment, and
 * a second "image" after its end marker, as phones append.
 */
export function jpegWithMetadata(jpeg = fixture('photo.jpg')): Uint8Array {
  const exif = jpegSegment(0xe1, concat(ascii('Exif\0\0'), gpsTiff()));
  const xmp = jpegSegment(0xe1, concat(ascii('http://ns.adobe.com/xap/1.0/\0'), XMP));
  const comment = jpegSegment(0xfe, ascii('GPS-SECRET in a comment'));
  const app5 = jpegSegment(0xe5, ascii('KontaktCam maker notes'));
  return concat(
    jpeg.subarray(0, 2),
    exif,
    xmp,
    app5,
    jpeg.subarray(2),
    comment, // after the end marker: dropped with everything else there
    ascii('KontaktCam trailer'),
  );
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  new DataView(head.buffer).setUint32(0, data.length);
  head.set(ascii(type), 4);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concat(ascii(type), data)));
  return concat(head, data, crc);
}

/** The PNG with `eXIf` (GPS), `tEXt`, `iTXt` (XMP), `tIME` and a private chunk after IHDR. */
export function pngWithMetadata(png = fixture('photo.png')): Uint8Array {
  const ihdrEnd = 8 + 12 + 13;
  return concat(
    png.subarray(0, ihdrEnd),
    pngChunk('eXIf', gpsTiff()),
    pngChunk('tEXt', ascii('Comment\0GPS-SECRET')),
    pngChunk('iTXt', concat(ascii('XML:com.adobe.xmp\0\0\0\0\0'), XMP)),
    pngChunk('tIME', Uint8Array.of(0x07, 0xea, 12, 3, 3, 0, 0)),
    pngChunk('kcAm', ascii('KontaktCam')),
    png.subarray(ihdrEnd),
    ascii('KontaktCam trailer'),
  );
}

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  head.set(ascii(type));
  new DataView(head.buffer).setUint32(4, data.length, true);
  return concat(head, data, data.length % 2 ? Uint8Array.of(0) : new Uint8Array());
}

/** The extended WebP with `EXIF` (GPS) and `XMP ` chunks, flagged in its `VP8X`. */
export function webpWithMetadata(webp = fixture('photo.webp')): Uint8Array {
  if (String.fromCharCode(...webp.subarray(12, 16)) !== 'VP8X') throw new Error('needs VP8X');
  const body = concat(
    webp.subarray(12),
    riffChunk('EXIF', concat(ascii('Exif\0\0'), gpsTiff())),
    riffChunk('XMP ', XMP),
  );
  body[8] = (body[8] ?? 0) | 0x08 | 0x04;
  const header = concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBP'));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat(header, body);
}

/** The simple (lossy, no `VP8X`) WebP of the same picture: its `VP8 ` chunk alone. */
export function simpleWebp(webp = fixture('photo.webp')): Uint8Array {
  let at = 12;
  const view = new DataView(webp.buffer, webp.byteOffset, webp.byteLength);
  while (at < webp.length) {
    const type = String.fromCharCode(...webp.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    if (type === 'VP8 ') {
      const chunk = webp.subarray(at, at + 8 + size + (size % 2));
      const header = concat(ascii('RIFF'), new Uint8Array(4), ascii('WEBP'));
      new DataView(header.buffer).setUint32(4, 4 + chunk.length, true);
      return concat(header, chunk);
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('no VP8 chunk');
}

/** True when `needle` occurs in `bytes` (as Latin-1 text). */
export const contains = (bytes: Uint8Array, needle: string) =>
  Buffer.from(bytes).includes(Buffer.from(needle, 'latin1'));

/**
 * A big-endian TIFF block as some cameras write it: IFD0 with Make, Orientation and a GPS IFD
 * (latitude 55° 36' 18" N and a processing method), for the orientation that must survive.
 */
export function orientedGpsTiff(orientation: number): Uint8Array {
  const b = new Uint8Array(256);
  const v = new DataView(b.buffer);
  b.set(ascii('MM'));
  v.setUint16(2, 42);
  v.setUint32(4, 8);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(at, tag);
    v.setUint16(at + 2, type);
    v.setUint32(at + 4, count);
    v.setUint32(at + 8, value);
  };
  v.setUint16(8, 3);
  entry(10, 0x010f, 2, 11, 140); // Make "KontaktCam"
  entry(22, 0x0112, 3, 1, orientation << 16); // Orientation: a SHORT, left in the value field
  entry(34, 0x8825, 4, 1, 50); // GPS IFD
  v.setUint32(46, 0);
  v.setUint16(50, 2);
  entry(52, 0x0002, 5, 3, 160); // latitude
  entry(64, 0x001b, 7, 18, 210); // processing method
  v.setUint32(76, 0);
  b.set(ascii('KontaktCam\0'), 140);
  [55, 36, 18].forEach((value, i) => {
    v.setUint32(160 + i * 8, value);
    v.setUint32(164 + i * 8, 1);
  });
  b.set(ascii('ASCII\0\0\0GPS-SECRET'), 210);
  return b;
}

/** The JPEG with an Exif APP1 holding `tiff`. */
export function jpegWithExif(tiff: Uint8Array, jpeg = fixture('photo.jpg')): Uint8Array {
  return concat(
    jpeg.subarray(0, 2),
    jpegSegment(0xe1, concat(ascii('Exif\0\0'), tiff)),
    jpeg.subarray(2),
  );
}
