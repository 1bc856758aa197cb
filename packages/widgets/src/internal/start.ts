import { fetchDepartmentPreview } from '@kontakt/core';
import { toTarget } from './target.js';

/**
 * How a script-tag bundle starts a widget without being able to break the page. The department
 * requests of the widgets already in the page start at once, in parallel with loading the element
 * and its chunks (the element later shares the request). If the element cannot start — a page
 * whose Content-Security-Policy does not allow Lit's Trusted Types policy (`lit-html`), a chunk
 * that is blocked or fails to load — nothing is thrown at the page: the element stays undefined,
 * so the content the page wrote inside its tags (a phone number, a link) stays visible, and a
 * warning says why.
 */
export function startWidget(
  tag: string,
  define: () => Promise<unknown>,
  chunks: readonly string[] = [],
): void {
  // The element first (the larger download), then the chunks it imports, fetched beside it
  // instead of after it has been read, then the (small) department requests.
  define().catch((error: unknown) => {
    console.warn(
      `[kontakt] <${tag}> could not start, so the page's own content inside it stays. ` +
        "If the page sets a Content-Security-Policy with trusted-types, it must allow 'lit-html'.",
      error,
    );
  });
  // A chunk that fails here fails in `define()` too, and is reported there.
  for (const chunk of chunks) import(/* @vite-ignore */ chunk).catch(() => undefined);
  preloadDepartments(tag);
}

/**
 * The chunks the script-tag build listed (as a JSON array, in place of the starter's placeholder
 * string: see rollup.config.mjs), as URLs next to the starter (`base`: its `import.meta.url`).
 * Run from source the placeholder is still there: no chunks.
 */
export function builtChunks(base: string, list: string): string[] {
  if (!list.startsWith('[')) return [];
  return (JSON.parse(list) as string[]).map((file) => new URL(file, base).href);
}

/** Starts the department request of every `tag` element that names its endpoint and department. */
function preloadDepartments(tag: string): void {
  for (const element of globalThis.document?.querySelectorAll(tag) ?? []) {
    // Only what the element itself would send (see ClientController.target) is sent early.
    const target = toTarget(
      element.getAttribute('endpoint') ?? '',
      element.getAttribute('department') ?? '',
    );
    // Failures are the element's to report when it asks for the same request.
    if (target) fetchDepartmentPreview(target.endpoint, target.department).catch(() => undefined);
  }
}
