import { chunksPerElement } from './element-chunks.mjs';

/**
 * V8's explicit compile hint (Chrome 136+): a file that starts with this comment has every
 * function compiled when the file is compiled, which for a module script happens on a background
 * thread while it streams in, instead of each function being compiled on the main thread the
 * first time it is called. Other engines read it as a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The hint costs about 20 bytes gzip per file; a chunk smaller than this (the department reader,
 * the DOM widgets' base) has too little to compile to pay for it.
 */
const MIN_BYTES = 4000;

/**
 * Marks the chunks of each widget's first render with V8's compile hint: the element a starter
 * loads and every chunk it imports statically (Lit, the shared core…) — code that runs, almost
 * all of it, before the first frame. Measured on `<kc-contact-form>` (main-thread CPU time from
 * loading its chunks to its first frame, 1× CPU, median of 15): 30.5 ms → 25.6 ms. Chunks loaded
 * later (the submit path, other languages, the fault report's later steps, the chat's panel) are
 * left to V8's lazy compilation, since most of their code may never run.
 *
 * The comment must be the file's first line, so it is added after minification (which would drop
 * it), and the chunk's source map moves down one line with it.
 * @returns {import('rollup').Plugin}
 */
export function compileHints() {
  return {
    name: 'kontakt-compile-hints',
    generateBundle(_, bundle) {
      for (const file of firstRenderChunks(bundle)) {
        const chunk = bundle[file];
        if (chunk?.type !== 'chunk' || chunk.code.length < MIN_BYTES) continue;
        if (chunk.code.startsWith(COMPILE_HINT)) continue;
        chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
        // One generated line more at the top: `;` starts a line without mappings.
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
        const map = bundle[`${file}.map`];
        if (map?.type === 'asset' && typeof map.source === 'string') {
          const json = JSON.parse(map.source);
          json.mappings = `;${json.mappings}`;
          map.source = JSON.stringify(json);
        }
      }
    },
  };
}

/**
 * The chunks a starter's element needs for its first render: each element it imports
 * dynamically and what that imports statically, less what the starter itself imports.
 * @param {import('rollup').OutputBundle} bundle
 * @returns {Set<string>}
 */
export function firstRenderChunks(bundle) {
  const wanted = new Set();
  for (const file of Object.values(bundle)) {
    if (file.type !== 'chunk' || !file.isEntry) continue;
    for (const chunks of chunksPerElement(bundle, file).values()) {
      for (const chunk of chunks) wanted.add(chunk);
    }
  }
  return wanted;
}
