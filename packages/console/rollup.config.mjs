import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { consoleHtml } from './scripts/console-html.mjs';

/** A path in this package, whatever the working directory. */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const OWN_SOURCE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/;
/** Lit and its packages: one chunk of their own, which changes only when Lit is upgraded. */
const LIT = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/;
/** Lit's directives and what only they use. */
const LIT_DIRECTIVE = /[\\/](directives[\\/]|directive(-helpers)?\.js$)/;

/**
 * Leaflet 1.9 tests for inline SVG when its module loads by writing `innerHTML = '<svg/>'`, which
 * the console's Trusted Types policy (`require-trusted-types-for 'script'`, Lit's policy only)
 * refuses, so the map chunk would not load. Every browser with SVG parses inline SVG in HTML: the
 * test is replaced by its answer. Fails the build when the code is not there (a Leaflet upgrade
 * to look at again).
 */
const LEAFLET_ESM = /[\\/]node_modules[\\/]leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/;
const INLINE_SVG_TEST =
  /var inlineSvg = !!svg\$1 && \(function \(\) \{\s*var div = document\.createElement\('div'\);\s*div\.innerHTML = '<svg\/>';[^}]*\}\)\(\);/;
function leafletWithoutInnerHtml() {
  return {
    name: 'leaflet-without-inner-html',
    transform(code, id) {
      if (!LEAFLET_ESM.test(id)) return null;
      const test = INLINE_SVG_TEST.exec(code)?.[0];
      if (!test) {
        this.error('Leaflet no longer has the inline SVG test this build replaces: look again.');
      }
      // As many lines as before, so the source map's lines stay where they were.
      const answer = `var inlineSvg = !!svg$1;${'\n'.repeat(test.split('\n').length - 1)}`;
      return { code: code.replace(test, () => answer), map: null };
    },
  };
}

/**
 * Chunks are named after their module. Some modules share a file name in different folders
 * (`chat/texts.ts`, `fault/texts.ts`): those chunks carry their folder's name too, so each can
 * be told apart (the size budgets in .size-limit.mjs measure the fault case's chunks by name).
 */
const SHARED_NAMES = new Set(['texts']);
/** @param {import('rollup').PreRenderedChunk} chunk */
function chunkFileName(chunk) {
  const folder = /[\\/]src[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(
    chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? '',
  )?.[1];
  return SHARED_NAMES.has(chunk.name) && folder
    ? `assets/${folder}-[name]-[hash].js`
    : 'assets/[name]-[hash].js';
}

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
    // The hashed names of an earlier build would stay beside the new ones: the server would serve
    // them and the size budgets count them. The output's own folder (a test builds elsewhere).
    {
      name: 'empty-assets',
      renderStart: ({ dir }) =>
        rmSync(join(dir ?? here('dist'), 'assets'), { recursive: true, force: true }),
    },
    nodeResolve({
      exportConditions: ['@kontakt/source', 'browser', 'import', 'default'],
      extensions: ['.ts', '.js'],
    }),
    leafletWithoutInnerHtml(),
    esbuild({ target: 'es2022', minify: true, charset: 'utf8', tsconfig: here('tsconfig.json') }),
    consoleHtml({ entry: 'console', base: '/console/' }),
  ],
  output: {
    dir: here('dist'),
    format: 'es',
    entryFileNames: 'assets/[name]-[hash].js',
    chunkFileNames: chunkFileName,
    // Lit's core in one chunk; its directives go with the views that use them (`repeat` is the
    // chat view's), so the sign-in page does not load them.
    manualChunks: (id) => (LIT.test(id) && !LIT_DIRECTIVE.test(id) ? 'lit' : undefined),
    sourcemap: true,
  },
};
