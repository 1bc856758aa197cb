// Where the bench finds what `npm run build` made. The bench measures the built artefacts, so it
// says so plainly when they are missing instead of measuring something else.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const WIDGET_CDN = join(ROOT, 'packages/widgets/dist/cdn');

const NEEDED = [join(WIDGET_CDN, 'contact-form.js'), join(ROOT, 'packages/server/dist/main.js')];

/** Throws with the one thing to do when the built widget or server is missing. */
export function assertBuilt() {
  const missing = NEEDED.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Missing ${missing.map((file) => file.slice(ROOT.length + 1)).join(', ')}: run npm run build first.`,
    );
  }
}
