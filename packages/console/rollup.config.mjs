import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { consoleHtml } from './scripts/console-html.mjs';

/** A path in this package, whatever the working directory. */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const OWN_SOURCE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/;
/** Lit and its packages: one chunk of their own, which changes only when Lit is upgraded. */
const LIT = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/;

/**
 * The console is an application, not a library: one entry (`src/main.ts`) bundled with its
 * dependencies into `dist/assets/` under hashed names (cached for good by the server), views
 * loaded on demand as chunks of their own, and the `index.html` that loads it.
 */
export default {
  input: { console: here('src/main.ts') },
  // Our packages' modules only declare things; the entry is the one module that does something.
  treeshake: { moduleSideEffects: (id) => !OWN_SOURCE.test(id) || id === here('src/main.ts') },
  plugins: [
    nodeResolve({
      exportConditions: ['@kontakt/source', 'browser', 'import', 'default'],
      extensions: ['.ts', '.js'],
    }),
    esbuild({ target: 'es2022', minify: true, charset: 'utf8', tsconfig: here('tsconfig.json') }),
    consoleHtml({ entry: 'console', base: '/console/' }),
  ],
  output: {
    dir: here('dist'),
    format: 'es',
    entryFileNames: 'assets/[name]-[hash].js',
    chunkFileNames: 'assets/[name]-[hash].js',
    manualChunks: (id) => (LIT.test(id) ? 'lit' : undefined),
    sourcemap: true,
  },
};
