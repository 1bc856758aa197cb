// The kontakt server's CLI compiled from today's TypeScript source into one module, for tests that
// run it as a child process (the browser tests' servers, the CLI's own tests).
//
// Why not `node --import tsx packages/server/src/main.ts`: tsx transforms and resolves each of the
// server's ~240 modules through a loader thread at every start, 2–4 s of CPU per process (10–30 s
// on the busy 2-core test machine), and the test run starts dozens. esbuild bundles the same
// sources once per test process in well under a second; each start then takes what a built
// server takes. It is the same code as the package's build has (`rollup.config.mjs`: the CLI
// and the embedded store's worker as two entries side by side); third-party packages stay
// external, loaded from node_modules as in production.
//
//   import { serverFromSource } from './scripts/server-from-source.mjs';
//   spawn(process.execPath, [await serverFromSource(), '--config', …]);
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'packages/server/src');

/** @type {Promise<string> | undefined} */
let built;

/**
 * Bundles `packages/server/src/main.ts` (with `store/sqlite-worker.ts` beside it) once per process
 * and resolves with the path of the CLI module: `node <path> --config …` runs the server. The
 * bundle lives under node_modules/.cache (so its packages resolve) and is removed at exit.
 * @returns {Promise<string>}
 */
export function serverFromSource() {
  built ??= bundle();
  return built;
}

const CACHE = join(ROOT, 'node_modules/.cache/kontakt-server-from-source');

async function bundle() {
  removeOrphans();
  // Inside the repository, so `import 'hono'` finds the workspace's node_modules.
  const dir = join(CACHE, `${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  // node_modules/package.json ends Node's search for a package scope: say the modules are ESM.
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({
    entryPoints: {
      main: join(SERVER, 'main.ts'),
      // `sqlite-store` starts `./sqlite-worker.js` beside itself when it does not run as `.ts`.
      'sqlite-worker': join(SERVER, 'store/sqlite-worker.ts'),
    },
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Our workspace packages from their source, as the tests have them (not a stale `dist`).
    conditions: ['@kontakt/source'],
    // Beside the modules, not inline: a start does not parse it (`--enable-source-maps` reads it).
    sourcemap: 'linked',
    logLevel: 'error',
    plugins: [
      {
        name: 'third-party-external',
        setup(builder) {
          builder.onResolve({ filter: /^[^./]/ }, ({ path }) =>
            path.startsWith('@kontakt/') ? undefined : { path, external: true },
          );
        },
      },
    ],
  });
  return join(dir, 'main.js');
}

/**
 * Removes the bundles of processes that are gone: a process ended by a signal (a test worker
 * stopped by its runner, an interrupted run) leaves its bundle behind, since no exit handler runs.
 */
function removeOrphans() {
  let entries = [];
  try {
    entries = readdirSync(CACHE);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry.split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isAlive(pid)) continue;
    rmSync(join(CACHE, entry), { recursive: true, force: true });
  }
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}
