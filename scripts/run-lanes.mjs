// Runs npm scripts in lanes: the scripts of one lane one after another, the lanes side by side.
// `npm test` uses it so the long steps that wait more than they compute (the Node tests and the
// browser tests wait on servers, PostgreSQL and Chromium) share the machine's cores instead of
// taking turns:
//
//   node scripts/run-lanes.mjs test:node,size,publint,bench:quick typecheck,test:browser
//
// Each argument is a lane (script names joined by commas). A step's output is shown whole when it
// ends, so lanes do not interleave their lines; a line says when each step starts and ends. The
// first failing step stops the others (its output is shown) and the command exits 1; with
// `--keep-going` a failing step ends only its own lane, and the command exits 1 at the end.
import { spawn } from 'node:child_process';

const keepGoing = process.argv.includes('--keep-going');
const lanes = process.argv
  .slice(2)
  .filter((arg) => arg !== '--keep-going')
  .map((lane) => lane.split(',').filter(Boolean));
if (lanes.length === 0 || lanes.some((lane) => lane.length === 0)) {
  console.error('usage: node scripts/run-lanes.mjs <script>[,<script>…] [<script>[,<script>…]]…');
  process.exit(2);
}

const npm = process.env.npm_execpath;
/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();
let failed = false;
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** Runs `npm run <script>` in a process group of its own (so stopping it stops its children). */
function run(script) {
  const command = npm ? process.execPath : 'npm';
  const args = npm ? [npm, 'run', script] : ['run', script];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ ok: code === 0, code: code ?? signal, output: Buffer.concat(output) });
    });
  });
}

/** Set when a step failed and the others are being stopped: their output no longer matters. */
let stopping = false;

async function runLane(lane) {
  for (const script of lane) {
    if (stopping) return;
    const since = Date.now();
    console.log(`▶ ${script}`);
    const result = await run(script);
    if (stopping) return;
    process.stdout.write(result.output);
    if (!result.ok) {
      failed = true;
      console.error(`✖ ${script} failed (${result.code}) after ${seconds(since)}`);
      if (!keepGoing) {
        stopping = true;
        stopAll();
      }
      return;
    }
    console.log(`✔ ${script} in ${seconds(since)}`);
  }
}

/** How long a stopped step may take to finish before it is killed. */
const STOP_GRACE_MS = 5_000;

function stopAll() {
  const signal = (child, name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // Already gone.
    }
  };
  for (const child of running) signal(child, 'SIGTERM');
  // A test runner may finish its files before it obeys SIGTERM (web-test-runner took minutes):
  // a red run should say so at once, not after the other lane's tests.
  const stragglers = [...running];
  setTimeout(() => {
    for (const child of stragglers) if (running.has(child)) signal(child, 'SIGKILL');
  }, STOP_GRACE_MS).unref();
}

// Interrupted: the lanes' process groups go too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopping = true;
    stopAll();
    process.exit(130);
  });
}

await Promise.all(lanes.map(runLane));
console.log(
  `${failed ? '✖' : '✔'} lanes ${lanes.map((lane) => lane.join(' → ')).join(' | ')}: ${seconds(started)}`,
);
process.exit(failed ? 1 : 0);
