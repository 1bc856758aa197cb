// Photos as the tests of every form with a photo field pick them: made in the browser, and handed
// to a file input as the file picker does.

/** A photo as a phone or a screenshot gives it: a PNG of `width` × `height`, one colour. */
export async function picture(
  name: string,
  width = 2400,
  height = 1800,
  colour = '#2a6',
): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new File([blob], name, { type: 'image/png' });
}

/** Picks `files` in the file input `input`, as the file picker does. */
export function pickFiles(input: HTMLInputElement, files: readonly File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
