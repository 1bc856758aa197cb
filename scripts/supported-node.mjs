// Runs a command on a Node this repository supports: the Node running this script when it is new
// enough, else Node 24 LTS from the npm registry's `node` package (`npx -y -p node@24`), put first
// on the PATH of the command and of everything it starts. `npm start` and `npm test` go through
// it, so the README's two commands work on a machine whose own Node is older (Node 20 left
// support in April 2026, and the embedded store's native module needs N-API 10: Node 22.14+).
//
//   node scripts/supported-node.mjs npm run test:all
//
// Plain JavaScript that runs on old Node too: it is what decides to leave it.
import { execFileSync, spawn } from 'node:child_process';
import { delimiter, dirname } from 'node:path';

/** N-API 10 came with Node 22.14 (and is in every Node 24). */
const NAPI_NEEDED = 10;
/** The Node fetched when the one here is too old: the current LTS line. */
const FALLBACK = 'node@24';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/supported-node.mjs <command> [args…]');
  process.exit(2);
}

const supported = Number(process.versions.napi) >= NAPI_NEEDED;
let env = process.env;
if (!supported) {
  console.error(
    `[kontakt] Node ${process.versions.node} is older than this repository supports (22.14): running on ${FALLBACK} from the npm registry.`,
  );
  // npx fetches it (once; then from its cache) and says where its binary is. The command runs
  // with that binary first on its PATH, not inside npx: npx's own settings in the environment
  // (its -c command) would break an `npx` the command runs.
  const node = execFileSync('npx', ['-y', '-p', FALLBACK, '-c', 'node -p process.execPath'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
}
const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env });

// Ctrl-C and a stop reach the command; its exit is this one's.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  if (!signal) process.exit(code ?? 1);
  // Ended by a signal: end the same way (without the handler above, which would pass it on).
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
});
child.on('error', (error) => {
  console.error(`[kontakt] could not run ${command[0]}: ${error.message}`);
  process.exit(1);
});
