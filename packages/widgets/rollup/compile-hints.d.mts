import type { OutputBundle, Plugin } from 'rollup';

/** V8's explicit compile hint, the first line of each first-render chunk. */
export declare const COMPILE_HINT: string;
/** Marks each widget's first-render chunks with the compile hint (see compile-hints.mjs). */
export declare function compileHints(): Plugin;
/** The chunks a starter's element needs for its first render. */
export declare function firstRenderChunks(bundle: OutputBundle): Set<string>;
