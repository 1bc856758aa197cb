import type { RollupOptions } from 'rollup';

/** The npm library build and the script-tag build, in that order. */
declare const config: [RollupOptions, RollupOptions];
export default config;
