/**
 * Why an upload is not a photo the server keeps: not one of the accepted formats (`unsupported`,
 * with what it looks like instead), a damaged file of an accepted format (`malformed`), or more
 * pixels than any photo of a street needs (`too_many_pixels`: also what a decompression bomb is).
 */
export class ImageRefusal extends Error {
  override readonly name = 'ImageRefusal';

  constructor(
    readonly reason: 'unsupported' | 'malformed' | 'too_many_pixels',
    message: string,
  ) {
    super(message);
  }
}

/** A damaged file: `what` says where it broke, for the problem's detail. */
export const malformed = (format: string, what: string) =>
  new ImageRefusal('malformed', `The ${format} cannot be read: ${what}.`);

/** The largest side accepted: phones take photos of at most about 8,000 px. */
export const MAX_SIDE = 10_000;
/** The most pixels accepted (40 MP): decoding one takes 160 MB; a bomb declares far more. */
export const MAX_PIXELS = 40_000_000;

/** Refuses dimensions no photo has, before anyone decodes the image. */
export function checkDimensions(width: number, height: number, format: string): void {
  if (width < 1 || height < 1) throw malformed(format, 'it declares no width or height');
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new ImageRefusal(
      'too_many_pixels',
      `The image is ${width} × ${height} pixels; at most ${MAX_SIDE} pixels a side and ` +
        `${MAX_PIXELS / 1_000_000} megapixels are accepted. Scale it down and send it again.`,
    );
  }
}

/** The dimensions and metadata-free bytes of an accepted image. */
export interface CleanImage {
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
}

/** Joins byte ranges into one array (the kept segments of an image). */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const part of parts) size += part.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
