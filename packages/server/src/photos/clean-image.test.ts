import { describe, expect, it } from 'vitest';
import { cleanImage } from './clean-image.js';
import { exifOrientation } from './exif-orientation.js';
import { ImageRefusal } from './image-error.js';
import {
  contains,
  fixture,
  jpegWithExif,
  jpegWithMetadata,
  orientedGpsTiff,
  PLANTED,
  pngWithMetadata,
  simpleWebp,
  webpWithMetadata,
} from './metadata-fixtures.js';

const refusal = (bytes: Uint8Array): ImageRefusal => {
  try {
    cleanImage(bytes);
  } catch (error) {
    if (error instanceof ImageRefusal) return error;
    throw error;
  }
  throw new Error('accepted');
};

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

describe('cleanImage', () => {
  it.each([
    ['JPEG', jpegWithMetadata(), 'image/jpeg'],
    ['PNG', pngWithMetadata(), 'image/png'],
    ['WebP', webpWithMetadata(), 'image/webp'],
    ['WebP with alpha', webpWithMetadata(fixture('photo.alpha.webp')), 'image/webp'],
  ])('removes the GPS Exif, XMP, comments and trailers of a %s', (_, input, type) => {
    for (const planted of ['KontaktCam', 'GPS-SECRET']) expect(contains(input, planted)).toBe(true);
    const clean = cleanImage(input);
    expect(clean).toMatchObject({ type, width: 64, height: 48 });
    for (const planted of PLANTED) expect(contains(clean.bytes, planted)).toBe(false);
    // What is left is a well-formed image of the same kind that needs no further cleaning.
    expect(cleanImage(clean.bytes).bytes).toEqual(clean.bytes);
  });

  it('keeps a clean JPEG as the encoder wrote it, up to its end marker', () => {
    const jpeg = fixture('photo.jpg');
    expect(cleanImage(jpeg).bytes).toEqual(jpeg);
  });

  it('keeps the PNG chunks that decoding needs, in order', () => {
    const png = fixture('photo.png');
    expect(cleanImage(pngWithMetadata(png)).bytes).toEqual(cleanImage(png).bytes);
  });

  it('clears the Exif and XMP flags of the WebP and writes its RIFF size anew', () => {
    const webp = fixture('photo.webp');
    const clean = cleanImage(webpWithMetadata(webp)).bytes;
    expect(clean).toEqual(webp);
    expect((clean[20] ?? 0) & 0x0c).toBe(0);
    expect(new DataView(clean.buffer).getUint32(4, true)).toBe(clean.length - 8);
  });

  it('reads the size of a simple lossy WebP', () => {
    expect(cleanImage(simpleWebp())).toMatchObject({ type: 'image/webp', width: 64, height: 48 });
  });

  it("keeps a JPEG's Exif orientation, alone, so a sideways photo still shows upright", () => {
    const jpeg = fixture('photo.jpg');
    const clean = cleanImage(jpegWithExif(orientedGpsTiff(6), jpeg)).bytes;
    for (const planted of ['KontaktCam', 'GPS-SECRET'])
      expect(contains(clean, planted)).toBe(false);
    // SOI, then one APP1 of 34 bytes: "Exif\0\0" and a TIFF with the Orientation tag only.
    expect([...clean.subarray(2, 6)]).toEqual([0xff, 0xe1, 0, 34]);
    expect(exifOrientation(clean.subarray(12, 38))).toBe(6);
    expect(clean.length).toBe(jpeg.length + 36);
    expect(cleanImage(clean).bytes).toEqual(clean);
  });

  it('drops an Exif block whose orientation is the default (1)', () => {
    const jpeg = fixture('photo.jpg');
    expect(cleanImage(jpegWithExif(orientedGpsTiff(1), jpeg)).bytes).toEqual(jpeg);
  });

  it('follows a JPEG of several scans (progressive) to its end, dropping a comment between them', () => {
    const jpeg = Buffer.from(fixture('photo.jpg'));
    const sos = jpeg.indexOf(Buffer.of(0xff, 0xda));
    const sosHeader = jpeg.subarray(sos, sos + 2 + jpeg.readUInt16BE(sos + 2));
    const restartInterval = Buffer.of(0xff, 0xdd, 0, 4, 0, 8);
    const comment = Buffer.concat([
      Buffer.of(0xff, 0xfe, 0, 12),
      Buffer.from('GPS-SECRET', 'latin1'),
    ]);
    // A second scan whose data holds a stuffed FF 00 and a restart marker, as real scans do.
    const scan = Buffer.of(0x12, 0xff, 0x00, 0x34, 0xff, 0xd3, 0x56);
    const body = jpeg.subarray(0, jpeg.length - 2); // without its end marker
    const input = Buffer.concat([
      body,
      comment,
      restartInterval,
      sosHeader,
      scan,
      Buffer.of(0xff, 0xd9),
    ]);
    const clean = cleanImage(input).bytes;
    expect(Buffer.from(clean)).toEqual(
      Buffer.concat([body, restartInterval, sosHeader, scan, Buffer.of(0xff, 0xd9)]),
    );
  });

  it('drops a JFIF thumbnail, which may show another picture', () => {
    const jpeg = fixture('photo.jpg');
    const thumbnail = new Uint8Array(2 * 2 * 3).fill(0x7f);
    const app0 = Uint8Array.of(
      0xff,
      0xe0,
      0,
      16 + thumbnail.length,
      ...ascii('JFIF\0'),
      1,
      2,
      0,
      0,
      1,
      0,
      1,
      2,
      2,
      ...thumbnail,
    );
    const input = Uint8Array.of(...jpeg.subarray(0, 2), ...app0, ...jpeg.subarray(2));
    const clean = cleanImage(input).bytes;
    expect(clean.length).toBe(jpeg.length + 18);
    // The same header with a 0 × 0 thumbnail: length 16, no pixels.
    expect([...clean.subarray(2, 20)]).toEqual([0xff, 0xe0, 0, 16, ...app0.subarray(4, 16), 0, 0]);
  });

  it.each([
    ['a HEIC photo', Uint8Array.of(0, 0, 0, 24, ...ascii('ftypheic'), 0, 0, 0, 0), /HEIC/],
    ['a HEIF photo (mif1)', Uint8Array.of(0, 0, 0, 24, ...ascii('ftypmif1'), 0, 0, 0, 0), /HEIC/],
    [
      'an AVIF that leads with the generic mif1 brand',
      Uint8Array.of(0, 0, 0, 28, ...ascii('ftypmif1'), 0, 0, 0, 0, ...ascii('mif1avifmiaf')),
      /AVIF/,
    ],
    ['a GIF', ascii('GIF89a\x01\0\x01\0\0\0\0;'), /GIF/],
    ['an SVG', ascii('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), /SVG/],
    ['a text file named .jpg', ascii('Hej! Lampan på Storgatan 3 är trasig.'), /not an image/],
    ['an empty body', new Uint8Array(), /not an image/],
  ])('refuses %s and says what it is', (_, bytes, message) => {
    const error = refusal(bytes);
    expect(error.reason).toBe('unsupported');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/JPEG, PNG and WebP/);
  });

  it.each([
    ['JPEG', fixture('photo.jpg').subarray(0, 600)],
    ['PNG', fixture('photo.png').subarray(0, 100)],
    ['WebP', fixture('photo.webp').subarray(0, 40)],
  ])('refuses a cut-off %s as damaged', (format, bytes) => {
    const error = refusal(bytes);
    expect(error.reason).toBe('malformed');
    expect(error.message).toContain(format);
  });

  it('refuses a PNG declaring 100,000 × 100,000 pixels before anything decodes it', () => {
    const bomb = fixture('photo.png').slice();
    const view = new DataView(bomb.buffer);
    view.setUint32(16, 100_000);
    view.setUint32(20, 100_000);
    const error = refusal(bomb);
    expect(error.reason).toBe('too_many_pixels');
    expect(error.message).toContain('100000 × 100000');
  });

  it('refuses a JPEG of 9,000 × 9,000 pixels (81 megapixels), each side within bounds', () => {
    const jpeg = fixture('photo.jpg').slice();
    const sof = Buffer.from(jpeg).indexOf(Buffer.of(0xff, 0xc0));
    const view = new DataView(jpeg.buffer);
    view.setUint16(sof + 5, 9000);
    view.setUint16(sof + 7, 9000);
    expect(refusal(jpeg).reason).toBe('too_many_pixels');
  });
});
