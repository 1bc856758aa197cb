// Server benchmark: `POST /v1/cases` under load on loopback, on the embedded store and on
// PostgreSQL. Needs a build (`npm run build`); run with `npm run bench:server`.
//
//   node bench/server.mjs [--duration 10] [--connections 32] [--store embedded|postgres|both]
//                         [--server packages/server/dist] [--json] [--write]
//
// `--write` puts the table into BENCHMARKS.md (its `server-submissions` section).
//
// `--server` runs another build of the server (e.g. one made from an older commit, copied under
// packages/server/.cache/ so its imports resolve) to compare before and after.
//
// The server runs in a child process of its own (as in production: the load generator must not
// share its event loop), which measures its own event-loop delay with
// `perf_hooks.monitorEventLoopDelay` while autocannon loads it. PostgreSQL is a private server
// with fsync on (scripts/postgres.mjs), or the one DATABASE_URL names (a `kontakt_bench_*`
// database is created on it and dropped afterwards). Besides throughput and latency it reports
// the server process's CPU time per submission (all its threads; PostgreSQL's own processes not
// included), which other load on the machine moves far less than throughput. Each run is
// bounded: warm-up plus `--duration` seconds per scenario.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writeSection } from './lib/benchmarks-file.mjs';
import { describeMachine } from './lib/machine.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER_DIST = join(ROOT, 'packages/server/dist');
const WARMUP_SECONDS = 2;

/** One department, enough for valid submissions. */
const DEPARTMENT = {
  id: 'gata',
  name: { sv: 'Fastighets- och gatukontoret', en: 'City Properties and Streets Department' },
  allowedOrigins: ['https://gata.example.se'],
  categories: [{ id: 'parkering', name: { sv: 'Parkering', en: 'Parking' } }],
  openingHours: { weekly: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '17:00' }] },
  answerTimePromise: { workingDays: 2 },
};

const SUBMISSION = JSON.stringify({
  origin: {
    department: 'gata',
    pageUrl: 'https://gata.example.se/parkering/boendeparkering',
    widget: 'kc-contact-form',
  },
  message: {
    topic: 'parkering',
    message: 'Hur söker jag boendeparkering på Södervärn?',
    answerChannel: 'email',
    email: 'anna.andersson@example.se',
  },
});

if (process.argv[2] === '--serve') {
  await serve();
} else {
  await main();
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '32' },
      store: { type: 'string', default: 'both' },
      server: { type: 'string', default: SERVER_DIST },
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
    },
  });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  if (!(duration > 0 && duration <= 120) || !(connections > 0 && connections <= 1024)) {
    throw new Error('--duration must be 1–120 s and --connections 1–1024');
  }
  if (!['embedded', 'postgres', 'both'].includes(values.store)) {
    throw new Error('--store must be embedded, postgres or both');
  }
  const serverEntry = join(resolve(values.server), 'index.js');
  if (!existsSync(serverEntry))
    throw new Error(`No server build at ${serverEntry}: run \`npm run build\` first.`);
  const { default: autocannon } = await import('autocannon');

  const stores = values.store === 'both' ? ['embedded', 'postgres'] : [values.store];
  const results = [];
  for (const store of stores) {
    const database = store === 'postgres' ? await benchDatabase() : undefined;
    try {
      const server = await startChild(serverEntry, database?.url);
      try {
        for (const scenario of ['plain', 'idempotency-key']) {
          const run = (seconds) => load(autocannon, server.url, scenario, seconds, connections);
          await run(WARMUP_SECONDS);
          server.send({ type: 'reset' });
          const postgresBefore = database?.cpuMs();
          const loadBefore = process.cpuUsage();
          const result = await run(duration);
          const loadCpu = process.cpuUsage(loadBefore);
          const delay = await server.request({ type: 'report' });
          const postgresCpuMs =
            postgresBefore === undefined ? undefined : database.cpuMs() - postgresBefore;
          results.push(
            summarise(store, scenario, duration, result, delay, {
              postgresCpuMs,
              loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
            }),
          );
          if (!values.json) console.error(format(results.at(-1)));
        }
      } finally {
        await server.stop();
      }
    } finally {
      await database?.drop();
    }
  }

  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  if (values.json) {
    console.log(JSON.stringify({ machine, duration, connections, results }, null, 2));
  } else {
    console.log(table(machine, duration, connections, results));
  }
  if (values.write) {
    const about = describeMachine('');
    writeSection(
      'server-submissions',
      [
        '## Server: submissions (`POST /v1/cases`)',
        '',
        `Written by \`node bench/server.mjs --write --duration ${duration} --connections ${connections}\` (part of \`npm run bench:server\`).`,
        '',
        `- Date: ${new Date()
          .toISOString()
          .replace(/:\d\d\.\d+Z$/, ' UTC')
          .replace('T', ' ')}`,
        `- Machine: ${about.cpu}, ${about.ram} RAM; ${about.os}; Node ${about.node}`,
        '- The server in a child process (the built server); autocannon in this one, on the same',
        '  cores; PostgreSQL a private server with fsync on. Targets (issue 7): ≥ 3,000/s with p99',
        '  < 50 ms on the embedded store, ≥ 1,500/s on PostgreSQL.',
        '- CPU ceiling: the cores divided by the CPU time one submission cost the server, PostgreSQL',
        '  and the load generator together in that row. Throughput near it is limited by CPU;',
        '  well below it, by waiting (commits, the event log lock, latency).',
        "- Main-thread ceiling: 1,000 ms divided by the CPU time the server's event-loop thread",
        '  spent per submission (HTTP, routing, validation, responses; the embedded store works in',
        '  a thread of its own). That thread uses one core at most, so it caps the throughput too.',
        '',
        table(machine, duration, connections, results),
      ].join('\n'),
    );
  }
}

/** Runs autocannon against `POST /v1/cases`; with an Idempotency-Key (new per request) or not. */
function load(autocannon, url, scenario, seconds, connections) {
  const request = {
    method: 'POST',
    path: '/v1/cases',
    headers: { 'Content-Type': 'application/json' },
    body: SUBMISSION,
  };
  if (scenario === 'idempotency-key') {
    request.setupRequest = (req) => ({
      ...req,
      headers: { ...req.headers, 'Idempotency-Key': randomUUID() },
    });
  }
  return autocannon({ url, connections, duration: seconds, requests: [request] });
}

function summarise(store, scenario, duration, result, delay, { postgresCpuMs, loadCpuMs }) {
  const perSubmission = (ms) =>
    result['2xx'] > 0 && Number.isFinite(ms) ? Math.round((ms / result['2xx']) * 100) / 100 : null;
  return {
    store,
    scenario,
    submissionsPerSecond: Math.round(result['2xx'] / duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    // What one submission costs the server in CPU time: unlike throughput, barely moved by
    // other load on the machine.
    cpuMsPerSubmission: perSubmission(delay.cpuMs),
    // Of which the event loop's thread: it can use one core at most, so 1,000 ms divided by this
    // is a ceiling of its own, whatever the other cores do.
    mainThreadCpuMsPerSubmission: perSubmission(delay.mainThreadCpuMs),
    // PostgreSQL's processes (a private server's postmaster and its children) on the same cores.
    postgresCpuMsPerSubmission: perSubmission(postgresCpuMs),
    // autocannon, in this process, on the same cores.
    loadCpuMsPerSubmission: perSubmission(loadCpuMs),
    eventLoopDelayMs: { p50: delay.p50, p99: delay.p99, max: delay.max },
  };
}

function format(r) {
  const eld = r.eventLoopDelayMs;
  const postgres =
    r.postgresCpuMsPerSubmission === null ? '' : ` + PostgreSQL ${r.postgresCpuMsPerSubmission}`;
  return `${r.store.padEnd(8)} ${r.scenario.padEnd(15)} ${String(r.submissionsPerSecond).padStart(6)}/s  p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  CPU ${r.cpuMsPerSubmission}${postgres} ms/submission (main thread ${r.mainThreadCpuMsPerSubmission})  event-loop delay p50 ${eld.p50} ms p99 ${eld.p99} ms max ${eld.max} ms${r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`;
}

/**
 * The most submissions per second the machine's cores could give at this run's CPU cost per
 * submission (server + PostgreSQL + load generator): what limits the throughput when it is near.
 */
function cpuCeiling(r) {
  const ms = r.cpuMsPerSubmission + (r.postgresCpuMsPerSubmission ?? 0) + r.loadCpuMsPerSubmission;
  return ms > 0 ? Math.round((cpus().length * 1000) / ms) : null;
}

/** The most submissions per second the event loop's thread could take at its CPU cost per submission. */
function mainThreadCeiling(r) {
  const ms = r.mainThreadCpuMsPerSubmission;
  return ms > 0 ? Math.round(1000 / ms) : null;
}

function table(machine, duration, connections, results) {
  const rows = results.map((r) => {
    const eld = r.eventLoopDelayMs;
    return `| ${r.store} | ${r.scenario} | ${r.submissionsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.cpuMsPerSubmission} | ${r.mainThreadCpuMsPerSubmission ?? '–'} | ${r.postgresCpuMsPerSubmission ?? '–'} | ${r.loadCpuMsPerSubmission} | ${cpuCeiling(r) ?? '–'} | ${mainThreadCeiling(r) ?? '–'} | ${eld.p50} / ${eld.p99} / ${eld.max} | ${r.non2xx + r.errors} |`;
  });
  return [
    `POST /v1/cases, ${connections} connections, ${duration} s per row after ${WARMUP_SECONDS} s warm-up, loopback; ${machine}`,
    '',
    '| store | request | submissions/s | p50 ms | p99 ms | server CPU ms per submission | of which the main thread | PostgreSQL CPU ms per submission | load generator CPU ms per submission | CPU ceiling /s | main-thread ceiling /s | event-loop delay p50 / p99 / max ms | failed |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** A database of its own on a private (fsync on) or the named PostgreSQL server. */
async function benchDatabase() {
  const { startPostgres } = await import('../scripts/postgres.mjs');
  const { default: pg } = await import('pg');
  const server = await startPostgres({ durable: true });
  const name = `kontakt_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end();
    await server.stop();
    throw error;
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    /** CPU time of the PostgreSQL server's processes so far (ms); NaN for one we did not start. */
    cpuMs: () => (server.pid ? processTreeCpuMs(server.pid) : Number.NaN),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.end();
      await server.stop();
    },
  };
}

/** Forks this file as the server process and talks to it over IPC. */
async function startChild(serverEntry, databaseUrl) {
  const dataDir = await mkdtemp(join(tmpdir(), 'kontakt-bench-'));
  const child = fork(fileURLToPath(import.meta.url), ['--serve', serverEntry], {
    // BENCH_CPU_PROF=<dir>: a CPU profile of the server process, to see what limits it.
    execArgv: process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [],
    // The request log goes nowhere, but is still written: its cost is part of the server's.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const replies = [];
  child.on('message', (message) => replies.shift()?.(message));
  const request = (message) =>
    new Promise((resolve) => {
      replies.push(resolve);
      child.send(message);
    });
  const ready = await request({ type: 'start', dataDir, databaseUrl });
  if (ready.error) {
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`The server did not start: ${ready.error}`);
  }
  return {
    url: ready.url,
    send: (message) => child.send(message),
    request,
    async stop() {
      child.send({ type: 'stop' });
      await once(child, 'exit');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server process: starts the built server and reports its own event-loop delay. */
async function serve() {
  const { startServer } = await import(pathToFileURL(process.argv[3]).href);
  const resolutionMs = 10;
  const delay = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  let server;
  let cpuAtReset = process.cpuUsage();
  let mainThreadAtReset = mainThreadCpuMs();
  process.on('message', async (message) => {
    if (message.type === 'start') {
      try {
        server = await startServer({
          departments: [DEPARTMENT],
          dataDir: message.dataDir,
          ...(message.databaseUrl ? { databaseUrl: message.databaseUrl } : {}),
          port: 0,
          host: '127.0.0.1',
          // The bench is one client: the per-client limit would answer 429 after 60 POSTs.
          rateLimit: { windowMs: 60_000, max: 1e9, reads: false },
        });
        process.send({ url: server.url });
      } catch (error) {
        process.send({ error: String(error?.message ?? error) });
      }
    } else if (message.type === 'reset') {
      delay.reset();
      cpuAtReset = process.cpuUsage();
      mainThreadAtReset = mainThreadCpuMs();
    } else if (message.type === 'report') {
      // The histogram records whole timer intervals: the delay is what exceeds the resolution.
      const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - resolutionMs) * 100) / 100);
      const cpu = process.cpuUsage(cpuAtReset);
      process.send({
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
        // Every thread of the server process (the store's worker too), in ms.
        cpuMs: (cpu.user + cpu.system) / 1000,
        // The event loop's thread alone: HTTP, routing, validation, responses. One core at most.
        mainThreadCpuMs: mainThreadCpuMs() - mainThreadAtReset,
      });
    } else if (message.type === 'stop') {
      await server?.close();
      process.exit(0);
    }
  });
}

/**
 * CPU time (user + system, ms) of a process and its children, from Linux's /proc: PostgreSQL
 * serves each connection in a process of its own, forked by the postmaster. NaN without /proc.
 */
/** CPU time (ms) of this process's main thread so far, from `/proc` (its thread id is the pid). */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime; USER_HZ is 100.
  } catch {
    return Number.NaN;
  }
}

function processTreeCpuMs(rootPid) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux.
  let ticks = 0;
  for (const pid of pids) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // The command may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    if (Number(pid) !== rootPid && ppid !== rootPid) continue;
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
  }
  return ticks / ticksPerMs;
}
