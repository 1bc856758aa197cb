// One rollup recipe for every published package: ESM, one output file per source module (so
// consumers tree-shake), dependencies left external. Declarations come from `tsc -b`.
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** True for bare specifiers (packages) and Node built-ins: they are never bundled into a library. */
export const isExternal = (id) => builtins.has(id) || /^[@a-z]/i.test(id);

/**
 * @param {{ input: Record<string, string> | string[], platform?: 'browser' | 'node' }} options
 * @returns {import('rollup').RollupOptions}
 */
export function library({ input, platform = 'browser' }) {
  return {
    input,
    external: isExternal,
    // Our modules only declare things; registration lives in `define/` and stays. Without this,
    // every module a barrel re-exports is kept as a bare `import './x.js'` in the output.
    treeshake: { moduleSideEffects: (id, external) => !external && id.includes('/src/define/') },
    plugins: [
      esbuild({ target: platform === 'node' ? 'node22' : 'es2022', tsconfig: 'tsconfig.json' }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
    },
  };
}
