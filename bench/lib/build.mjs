// Builds every peer page's script the same way: one esbuild bundle per page, minified ESM for the
// browser, CSS the entry imports written beside it. kontakt is not built here: its page loads the
// script-tag bundle `npm run build` made, exactly as a department page would.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './paths.mjs';

const BENCH = join(ROOT, 'bench');
export const OUT_DIR = join(BENCH, '.out');
const ENTRIES = ['lit-element', 'papercups', 'n8n-chat', 'formio'];

const requireFromBench = createRequire(join(BENCH, 'package.json'));

/**
 * Papercups needs React 17, the repository's own packages React 19. npm nests 17 under bench/, but
 * Papercups' hoisted dependencies (framer-motion, emotion) would still find 19 at the root, and two
 * Reacts in one bundle break hooks. So every `react`/`react-dom` import resolves to bench's copy.
 * @type {import('esbuild').Plugin}
 */
const react17 = {
  name: 'react-17-from-bench',
  setup(b) {
    b.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, (args) => ({
      path: requireFromBench.resolve(args.path),
    }));
  },
};

/**
 * Builds every peer entry into bench/.out, each in a build of its own: a page loads one embed, so
 * no entry may import a chunk it shares with another (built together, even the trivial Lit element
 * imported a shared 0.9 KB chunk, one more round trip on its page than in its own build). Returns
 * esbuild's metafile outputs for the log.
 */
export async function buildPeers() {
  const outputs = {};
  for (const name of ENTRIES) {
    const result = await build({
      entryPoints: [join(BENCH, 'entries', `${name}.js`)],
      outdir: OUT_DIR,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      // Code a peer loads lazily (n8n's emoji and icon data) stays lazy, as in its own build.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [react17],
    });
    Object.assign(outputs, result.metafile.outputs);
  }
  return outputs;
}
