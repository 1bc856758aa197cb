import type { RollupOptions } from 'rollup';

/** The console's one build: the app, its chunks and its index.html in dist/. */
declare const config: RollupOptions;
export default config;
