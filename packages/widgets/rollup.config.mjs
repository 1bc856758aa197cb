import { readdirSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { library } from '../../scripts/rollup/library.mjs';

const defines = readdirSync('src/define').filter(
  (file) => file.endsWith('.ts') && !file.includes('.test.'),
);

/**
 * Two outputs: the npm library (one module per source file, dependencies external) and the
 * script-tag bundles in `dist/cdn/` (everything inlined and minified) for pages without a build step.
 */
export default [
  library({ input: ['src/index.ts', ...defines.map((file) => `src/define/${file}`)] }),
  {
    input: Object.fromEntries(
      defines.map((file) => [file.replace(/\.ts$/, ''), `src/define/${file}`]),
    ),
    plugins: [
      nodeResolve({
        exportConditions: ['@kontakt/source', 'browser', 'import', 'default'],
        extensions: ['.ts', '.js'],
      }),
      // Module scripts are always read as UTF-8: no need to escape å, ä, ö and Arabic.
      esbuild({ target: 'es2022', minify: true, charset: 'utf8', tsconfig: 'tsconfig.json' }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
