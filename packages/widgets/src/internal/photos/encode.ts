/** A 2D canvas of either kind: OffscreenCanvas where there is one, else a `<canvas>`. */
type Canvas = OffscreenCanvas | HTMLCanvasElement;

function createCanvas(width: number, height: number): Canvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function context2d(canvas: Canvas): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D {
  const context = canvas.getContext('2d') as
    | OffscreenCanvasRenderingContext2D
    | CanvasRenderingContext2D
    | null;
  if (!context) throw new Error('No 2D canvas');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  return context;
}

/**
 * Draws `source` at `width` × `height` on a white ground (JPEG has no transparency: a PNG's
 * clear parts would turn black). Shrinks by halves first when it is more than twice as large:
 * one big step skips pixels and makes thin lines (a lamp post, a crack) shimmer.
 */
export function drawScaled(source: ImageBitmap, width: number, height: number): Canvas {
  let current: CanvasImageSource = source;
  let [w, h] = [source.width, source.height];
  while (w / 2 > width && h / 2 > height) {
    [w, h] = [Math.round(w / 2), Math.round(h / 2)];
    const step = createCanvas(w, h);
    context2d(step).drawImage(current, 0, 0, w, h);
    current = step;
  }
  const canvas = createCanvas(width, height);
  const context = context2d(canvas);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(current, 0, 0, width, height);
  return canvas;
}

/** The canvas as a JPEG: every byte new, so none of the original file's metadata is in it. */
export function encodeJpeg(canvas: Canvas, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded'))),
      'image/jpeg',
      quality,
    ),
  );
}
