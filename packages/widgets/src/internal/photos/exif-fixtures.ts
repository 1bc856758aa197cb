/**
 * Test fixtures made in the browser: a canvas encoded as JPEG, with an Exif APP1 segment spliced
 * in as cameras write it (TIFF IFD0 with Make, Orientation and a GPS IFD holding Malmö's latitude
 * and longitude), so the tests feed `preparePhoto` what a phone would.
 */

/** Strings planted in the Exif block: none may survive processing. */
export const PLANTED = ['Exif', 'KontaktCam', 'GPS-SECRET'];

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

/** An Exif payload (`Exif\0\0` + little-endian TIFF) with `orientation` and a GPS position. */
export function exifBlock(orientation = 1): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(6 + 256);
  b.set(ascii('Exif\0\0'));
  const t = b.subarray(6);
  const v = new DataView(t.buffer, t.byteOffset, t.byteLength);
  t.set(ascii('II'));
  v.setUint16(2, 42, true);
  v.setUint32(4, 8, true);
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, count, true);
    v.setUint32(at + 8, value, true);
  };
  v.setUint16(8, 3, true);
  entry(10, 0x010f, 2, 11, 140); // Make "KontaktCam"
  entry(22, 0x0112, 3, 1, orientation); // Orientation (SHORT, in the value field)
  entry(34, 0x8825, 4, 1, 50); // GPS IFD
  v.setUint32(46, 0, true);
  v.setUint16(50, 4, true);
  entry(52, 0x0001, 2, 2, 0x4e); // N
  entry(64, 0x0002, 5, 3, 160); // latitude
  entry(76, 0x0003, 2, 2, 0x45); // E
  entry(88, 0x001b, 7, 18, 210); // processing method
  v.setUint32(100, 0, true);
  t.set(ascii('KontaktCam\0'), 140);
  [55, 36, 18].forEach((value, i) => {
    v.setUint32(160 + i * 8, value, true);
    v.setUint32(164 + i * 8, 1, true);
  });
  t.set(ascii('ASCII\0\0\0GPS-SECRET'), 210);
  return b;
}

/** `jpeg` with an Exif APP1 segment right after its start marker. */
export async function withExif(jpeg: Blob, exif: Uint8Array<ArrayBuffer>): Promise<Blob> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  const length = exif.length + 2;
  const segment = Uint8Array.of(0xff, 0xe1, length >> 8, length & 0xff);
  return new Blob([bytes.subarray(0, 2), segment, exif, bytes.subarray(2)], { type: 'image/jpeg' });
}

/** A canvas of `width` × `height`: its left half red, right half blue (to see a rotation). */
export function halves(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d');
  context.fillStyle = '#f00';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#00f';
  context.fillRect(width / 2, 0, width / 2, height);
  return canvas;
}

export const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), type, quality),
  );

/** True when `needle` occurs in the blob's bytes (as Latin-1 text). */
export async function blobContains(blob: Blob, needle: string): Promise<boolean> {
  const text = Array.from(new Uint8Array(await blob.arrayBuffer()), (byte) =>
    String.fromCharCode(byte),
  ).join('');
  return text.includes(needle);
}

/** The colour at (x, y) of an image blob, decoded as it is stored (no rotation applied). */
export async function pixelAt(blob: Blob, x: number, y: number): Promise<[number, number, number]> {
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'none' });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d');
  context.drawImage(bitmap, 0, 0);
  const [r = 0, g = 0, b = 0] = context.getImageData(x, y, 1, 1).data;
  return [r, g, b];
}
