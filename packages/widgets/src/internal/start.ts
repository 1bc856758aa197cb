/** What a widget's starter does besides loading the element. */
export interface StartOptions {
  /**
   * The element's chunks (`builtChunks()`), fetched beside it instead of after it has been read.
   */
  chunks?: readonly string[];
  /**
   * Starts the element's first request early, for every tag already in the page (e.g.
   * `startDepartmentRequests`); failures are the element's to report when it asks for the same.
   */
  preload?: (tag: string) => void;
  /** Said after "could not start" when it fails: what a host page may have to allow. */
  hint?: string;
}

/**
 * How a script-tag bundle starts a widget without being able to break the page. The element and
 * its chunks load in parallel, and its first request (when it has one to share) starts at once.
 * If the element cannot start — a page whose Content-Security-Policy does not allow a Trusted
 * Types policy the element needs, a chunk that is blocked or fails to load — nothing is thrown at
 * the page: the element stays undefined, so the content the page wrote inside its tags (a phone
 * number, a link) stays visible, and one warning says why.
 */
export function startWidget(
  tag: string,
  define: () => Promise<unknown>,
  { chunks = [], preload, hint = '' }: StartOptions = {},
): void {
  // Its data first: the answer is small and the server quick, so it is in by the time the
  // element has loaded and rendered, and the form shows complete in its first frame. Then the
  // element (the larger download), then the chunks it imports.
  try {
    preload?.(tag);
  } catch {
    // An early request is an optimisation: the element sends it itself.
  }
  define().catch((error: unknown) => {
    console.warn(
      `[kontakt] <${tag}> could not start, so the page's own content inside it stays.${hint ? ` ${hint}` : ''}`,
      error,
    );
  });
  // A chunk that fails here fails in `define()` too, and is reported there.
  for (const chunk of chunks) import(/* @vite-ignore */ chunk).catch(() => undefined);
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
