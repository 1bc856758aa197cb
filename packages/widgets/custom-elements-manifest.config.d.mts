import type { Plugin } from '@custom-elements-manifest/analyzer';

/** The `cem analyze` configuration; tests reuse its plugins to build the manifest from source. */
declare const config: {
  globs: string[];
  exclude: string[];
  outdir: string;
  litelement: boolean;
  packagejson: boolean;
  plugins: Plugin[];
};
export default config;
