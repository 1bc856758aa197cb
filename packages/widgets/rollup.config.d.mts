import type { RollupOptions } from 'rollup';

/**
 * The npm library build, the script-tag build (starters with shared chunks), and the
 * self-contained script-tag build of `<kc-notice>`, in that order.
 */
declare const config: [RollupOptions, RollupOptions, RollupOptions];
export default config;
