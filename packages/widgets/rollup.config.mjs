import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';
import { library } from '../../scripts/rollup/library.mjs';
import { compileHints } from './rollup/compile-hints.mjs';
import { chunksPerElement } from './rollup/element-chunks.mjs';
import { minifyTemplates } from './rollup/minify-templates.mjs';

/** A path in this package, whatever the working directory (the chunking test builds from the root). */
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const sources = (dir) =>
  readdirSync(here(dir)).filter((file) => file.endsWith('.ts') && !file.includes('.test.'));
const defines = sources('src/define');
/**
 * `<kc-notice>` is on every page of every department, and its budget is everything it ever loads
 * (DESIGN.md: 8 KB): each file a browser fetches is compressed on its own and pays its own gzip
 * header and cold dictionary (1.8 KB over the six files it loaded from the shared chunks), so its
 * script-tag bundle is one file of its own (`selfContained`), sharing nothing with the others;
 * only its words in a language other than Swedish are chunks, loaded on a page in that language.
 * `<kc-provider>` is one small file too: it has no first render to hurry and nothing to defer.
 */
const SELF_CONTAINED = ['notice.ts', 'provider.ts'];
const entries = sources('src/cdn').filter((file) => !SELF_CONTAINED.includes(file));

const OWN_SOURCE = /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/;
const STARTERS = /[\\/]src[\\/](define|cdn)[\\/]/;

/*
 * Shared code is two chunks, each one file that every widget of its kind loads once per page
 * (`rollup.config.test.ts` checks it). Left to itself, rollup makes one chunk per set of entries
 * that import a module (for four widgets, many files of 0.1–0.8 KB), and since each file is
 * compressed on its own, every small file costs its own gzip header and a cold dictionary: the
 * fault report's first render paid 0.6 KB for them. So:
 *
 * - `chunks/shared-*.js`: the light modules every widget needs (SHARED) and Lit's `css` tag.
 *   The chat launcher is built on these alone (with its own small reactive base,
 *   `internal/kontakt-reactive-element.ts`); every widget loads them.
 * - `chunks/lit-*.js`: Lit (ReactiveElement, lit-html, LitElement, @lit/task, @lit/context) and the
 *   light modules of the widgets built on it (ELEMENT); it imports the first. The launcher never
 *   loads it (the chat's panel does, when it opens).
 *
 * `<kc-notice>` shares none of them: it is one file of its own (SELF_CONTAINED).
 *
 * Only modules every widget of a chunk uses belong in it: whatever is listed, each of them loads.
 */

/** Lit's template packages. */
const LIT = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/][^\\/]+)[\\/]/;
/**
 * Lit's directives (`repeat`, `classMap`…) are not forced into the shared chunk: each goes where
 * rollup puts what uses it (the chat's panel), so a directive one widget uses once it is opened
 * does not grow every widget's first render. Still one copy on a page.
 */
const LIT_DIRECTIVES =
  /[\\/]node_modules[\\/](lit|lit-html)[\\/](directives[\\/]|directive\.js|directive-helpers\.js|async-directive\.js)/;
/**
 * Lit's `css` tag and `adoptStyles`: the styles of every widget, the DOM-built ones too (its
 * development build too, which the `development` condition picks in tests).
 */
const CSS_TAG =
  /[\\/]node_modules[\\/]@lit[\\/]reactive-element[\\/](development[\\/])?css-tag\.js$/;
/** Lit's ReactiveElement (the rest of the package). */
const REACTIVE_ELEMENT = /[\\/]node_modules[\\/]@lit[\\/]reactive-element[\\/]/;

/**
 * The light modules every element needs: registration, language, tokens, the target check, the
 * core's errors and plain `fetch`.
 */
const SHARED = new RegExp(
  [
    String.raw`widgets[\\/]src[\\/](internal[\\/](registration|lang|version|target|settings)|styles[\\/]tokens(\.text)?|events[\\/]error)\.ts$`,
    String.raw`core[\\/]src[\\/](errors[\\/](KontaktError|NetworkError|InvalidResponseError)|resources[\\/]fetch-json|endpoint|retry-after|schemas[\\/]vocabulary)\.ts$`,
  ].join('|'),
);

/**
 * The light modules of the widgets built on Lit's templates: their base element, the client and
 * deferred-module controllers, the draft, whether the outbox may hold anything, the languages'
 * basics and the submitted event.
 */
const ELEMENT = new RegExp(
  [
    String.raw`widgets[\\/]src[\\/](internal[\\/](kontakt-element|client|deferred|draft-controller)|i18n[\\/]locale-basics|events[\\/]submitted)\.ts$`,
    String.raw`core[\\/]src[\\/]outbox[\\/]may-hold\.ts$`,
  ].join('|'),
);

/**
 * What the widgets built without Lit (the notice, the chat launcher) share: their reactive base
 * and DOM builder, one chunk that the widgets built on Lit never load.
 */
const DOM_ELEMENT = /widgets[\\/]src[\\/]internal[\\/](kontakt-reactive-element|dom)\.ts$/;

const COPY = '\0starter-copy:';

/** @param {string} id */
/**
 * What both forms with photos load together when they show their photos (the fault report's photo
 * step, the contact form's photos field): preparing a pick, the kept photos and the list's styles,
 * one chunk rather than three small ones, each compressed on its own.
 */
const PICKED_PHOTOS =
  /[\\/]src[\\/]internal[\\/]photos[\\/](picked-photos|photo-store|photo-styles)\.ts$/;

const manualChunks = (id) =>
  // A starter's own copies stay in the starter (see ownStarterCopies).
  id.startsWith(COPY)
    ? undefined
    : CSS_TAG.test(id) || SHARED.test(id)
      ? 'shared'
      : REACTIVE_ELEMENT.test(id) || (LIT.test(id) && !LIT_DIRECTIVES.test(id)) || ELEMENT.test(id)
        ? 'lit'
        : DOM_ELEMENT.test(id)
          ? 'dom-element'
          : PICKED_PHOTOS.test(id)
            ? 'picked-photos'
            : undefined;

/**
 * Gives each script-tag starter its own copy of the modules it imports (statically, and what they
 * import), so that every starter is one file with no imports: the browser runs it the moment it
 * arrives and fetches the element and all its chunks at once, instead of first fetching and running
 * the starter's imports (at 4× CPU, one more level of the module graph costs a slow phone about
 * 100 ms before the form can show). What a starter imports must therefore be small and import-free
 * (`@kontakt/core/early`, `internal/start.ts`…); `rollup.config.test.ts` checks the starters' size
 * and that they import nothing. Where a starter's copy and the element's module keep state, they
 * share it through a global symbol (`early-get.ts`). The element itself stays a dynamic import,
 * resolved as usual and shared by every widget.
 * @returns {import('rollup').Plugin}
 */
function ownStarterCopies() {
  /** @param {string} id */
  const parse = (id) => {
    const rest = id.slice(COPY.length);
    const colon = rest.indexOf(':');
    return { starter: rest.slice(0, colon), path: rest.slice(colon + 1) };
  };
  /** Every input of this build is a starter. @param {import('rollup').PluginContext} context @param {string} id */
  const isStarter = (context, id) => context.getModuleInfo(id)?.isEntry === true;
  return {
    name: 'kontakt-own-starter-copies',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      const copy = importer.startsWith(COPY) ? parse(importer) : undefined;
      if (!copy && !isStarter(this, importer)) return null;
      const resolved = await this.resolve(source, copy?.path ?? importer, {
        ...options,
        skipSelf: true,
      });
      if (!resolved || resolved.external) return resolved;
      return `${COPY}${copy?.starter ?? basename(importer, '.ts')}:${resolved.id}`;
    },
    // The element a starter loads is not copied: it, Lit and the rest are shared by all widgets.
    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string') return null;
      const copy = importer.startsWith(COPY) ? parse(importer) : undefined;
      if (!copy && !isStarter(this, importer)) return null;
      return this.resolve(specifier, copy?.path ?? importer, { skipSelf: true });
    },
    async load(id) {
      if (!id.startsWith(COPY)) return null;
      const { path } = parse(id);
      const { code } = await transform(await readFile(path, 'utf8'), {
        loader: path.endsWith('.ts') ? 'ts' : 'js',
        target: 'es2022',
        sourcefile: path,
      });
      return { code, map: null };
    },
  };
}

/**
 * Lists, in each starter, the chunks its element imports (`builtChunks()` in src/internal/start.ts),
 * so the browser fetches them in parallel with the element instead of discovering them one
 * level at a time. Chunks the starter imports itself are loaded anyway and left out.
 * @returns {import('rollup').Plugin}
 */
function listElementChunks() {
  const PLACEHOLDER = /(["'`])__KONTAKT_ELEMENT_CHUNKS__\1/;
  return {
    name: 'kontakt-list-element-chunks',
    generateBundle(_, bundle) {
      for (const starter of Object.values(bundle)) {
        if (starter.type !== 'chunk' || !starter.isEntry || !PLACEHOLDER.test(starter.code))
          continue;
        const wanted = new Set();
        // The element itself is what the starter imports; the list is what comes with it.
        for (const [element, chunks] of chunksPerElement(bundle, starter)) {
          for (const file of chunks) if (file !== element) wanted.add(file);
        }
        const list = JSON.stringify([...wanted].map((file) => `./${file}`));
        starter.code = starter.code.replace(PLACEHOLDER, JSON.stringify(list));
      }
    },
  };
}

/**
 * Our packages' modules only declare things (registration lives in define/ and cdn/). Without
 * this, relative imports inside @kontakt/core count as side effects, and a constant taken through
 * a barrel would drag the zod schemas beside it into the first-render chunk.
 * @type {import('rollup').TreeshakingOptions}
 */
const treeshake = { moduleSideEffects: (id) => !OWN_SOURCE.test(id) || STARTERS.test(id) };

/** Resolving from source and minifying, as every script-tag bundle does. */
const bundling = () => [
  minifyTemplates(),
  nodeResolve({
    exportConditions: ['@kontakt/source', 'browser', 'import', 'default'],
    extensions: ['.ts', '.js'],
  }),
  // Module scripts are always read as UTF-8: no need to escape å, ä, ö and Arabic.
  esbuild({ target: 'es2022', minify: true, charset: 'utf8', tsconfig: here('tsconfig.json') }),
  // Then terser over each chunk as written (safe options only): 3 % less gzip than esbuild's
  // minifier alone on <kc-notice> (8.25 -> 7.99 KB), 1.8 % on all the files.
  terser({ module: true, ecma: 2022, compress: { passes: 2 }, format: { ascii_only: false } }),
];

/**
 * Empties `dist/cdn/` before the script-tag bundles are written (the first of them). Chunk names
 * carry hashes, so a build of this package alone would otherwise leave the last build's chunks
 * beside its own, and the size budgets, which read the folder, would count both. Only when they
 * are written: a test that builds the config in memory (rollup.config.test.ts) while other tests
 * read the built files must leave them alone.
 */
function emptyCdnDir() {
  return {
    name: 'empty-cdn-dir',
    generateBundle(options, _bundle, isWrite) {
      if (isWrite && options.dir) rmSync(options.dir, { recursive: true, force: true });
    },
  };
}

/**
 * Two outputs: the npm library (one module per source file, dependencies external) and the
 * script-tag bundles in `dist/cdn/` (everything inlined and minified) for pages without a build step.
 */
export default [
  library({ input: ['src/index.ts', ...defines.map((file) => `src/define/${file}`)] }),
  {
    // Each entry is a small starter that loads its element (see src/internal/start.ts).
    input: Object.fromEntries(
      entries.map((file) => [file.replace(/\.ts$/, ''), here(`src/cdn/${file}`)]),
    ),
    treeshake,
    plugins: [
      emptyCdnDir(),
      // First: it decides which of the starters' imports become their own copies.
      ownStarterCopies(),
      ...bundling(),
      listElementChunks(),
      // Last: the hint must be the first line of what is written.
      compileHints(),
    ],
    output: {
      dir: here('dist/cdn'),
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
      manualChunks,
      // Maps are written beside the files, without the comment that names them (0.04 KB a file,
      // 0.3 KB for everything the contact form loads): a developer adds one in the browser's
      // tools when they need it, as for <kc-notice>.
      sourcemap: 'hidden',
    },
  },
  // The self-contained script-tag bundles: everything the widget ever loads, in its one file,
  // but the words of languages other than Swedish (each a chunk loaded on a page in it).
  ...SELF_CONTAINED.map((file) => ({
    input: { [file.replace(/\.ts$/, '')]: here(`src/cdn/${file}`) },
    treeshake,
    plugins: bundling(),
    output: {
      dir: here('dist/cdn'),
      format: 'es',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // The map is written beside it, without the comment that names it (0.02 KB on every
      // page): a developer adds it in the browser's tools when they need it.
      sourcemap: 'hidden',
    },
  })),
];
