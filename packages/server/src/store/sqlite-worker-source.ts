/**
 * Running from TypeScript source (tests, the `@kontakt/source` condition) there is no
 * `sqlite-worker.js`, and a worker thread does not share the loader that runs TypeScript in the
 * main thread. This bundles `sqlite-worker.ts` with esbuild (a dev dependency) into one module,
 * once per process: a worker then starts in ~0.2 s, where registering tsx in each worker took ~1 s.
 * Never part of the build: `sqlite-store.ts` imports it only when it runs as `.ts` itself.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

let bundled: Promise<URL> | undefined;

/** A `data:` URL of the worker module, built on first use. */
export function sqliteWorkerFromSource(): Promise<URL> {
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<URL> {
  const require = createRequire(import.meta.url);
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./sqlite-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Our packages from their source, as the main thread has them (not a stale `dist`).
    conditions: ['@kontakt/source'],
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        // A native addon cannot be bundled; a `data:` module resolves no package names, so it
        // is imported by its file URL.
        name: 'native-addon',
        setup(builder) {
          builder.onResolve({ filter: /^better-sqlite3$/ }, ({ path }) => ({
            path: pathToFileURL(require.resolve(path)).href,
            external: true,
          }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}
