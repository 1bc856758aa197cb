#!/usr/bin/env node
// Reads a Chromium performance trace written with BENCH_TRACE (bench/widgets.mjs) and prints
// where the page's main thread spent its time: the network waterfall, every task over 1 ms with
// what ran inside it, and the V8 CPU profile's self time by function and by script. A text view
// of what DevTools' Performance panel shows, for comparing two builds in a terminal.
//
//   node bench/lib/trace-summary.mjs <trace.json> [--top 30] [--map /kontakt/=packages/widgets/dist/cdn]
//
// `--map <url prefix>=<dir>` (repeatable): where the scripts under that prefix are built, so that
// functions in the profile are named by their source file and line (from the scripts' source maps).
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args, positionals } = parseArgs({
  options: {
    top: { type: 'string', default: '30' },
    map: { type: 'string', multiple: true, default: [] },
  },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  process.stderr.write('Usage: node bench/lib/trace-summary.mjs <trace.json> [--top 30]\n');
  process.exit(2);
}
const top = Number(args.top);

/** @type {Map<string, SourceMap | undefined>} */
const sourceMaps = new Map();
/** A script's source map, if `--map` says where the script is and a `.map` lies beside it. */
function sourceMapOf(/** @type {string} */ path) {
  if (!sourceMaps.has(path)) {
    let found;
    for (const pair of args.map) {
      const [prefix = '', dir = ''] = pair.split('=');
      const file = path.startsWith(prefix) ? `${join(dir, path.slice(prefix.length))}.map` : '';
      if (file && existsSync(file)) found = new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
    }
    sourceMaps.set(path, found);
  }
  return sourceMaps.get(path);
}

/** `name  source:line` from the source map, else where it is in the built script. */
function origin(
  /** @type {string} */ name,
  /** @type {string} */ script,
  /** @type {number} */ line,
  /** @type {number} */ column,
) {
  const entry = sourceMapOf(script)?.findEntry(line, column);
  if (entry && 'originalSource' in entry && entry.originalSource) {
    const source = entry.originalSource.replace(/^.*?(packages|node_modules)\//, '$1/');
    const mapped = /** @type {{ name?: string }} */ (entry).name;
    return `${mapped ?? name}  ${source}:${entry.originalLine + 1}`;
  }
  return `${name}  ${script}:${line + 1}:${column + 1}`;
}

/**
 * @typedef {{ name: string, cat: string, ph: string, ts: number, dur?: number, pid: number,
 *   tid: number, args?: any, id?: string }} TraceEvent
 */
const parsed = JSON.parse(readFileSync(file, 'utf8'));
/** @type {TraceEvent[]} */
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

// The page's main thread: the renderer main thread that ran the page's own scripts (a trace also
// holds the browser's own WebUI renderers, e.g. chrome://omnibox-popup).
/** @type {Map<string, string>} */
const threadNames = new Map();
for (const event of events) {
  if (event.ph === 'M' && event.name === 'thread_name') {
    threadNames.set(`${event.pid}:${event.tid}`, event.args?.name);
  }
}
/** @type {Map<string, number>} */
const pageWork = new Map();
for (const event of events) {
  const key = `${event.pid}:${event.tid}`;
  if (threadNames.get(key) !== 'CrRendererMain') continue;
  const url = event.args?.data?.url ?? event.args?.data?.documentLoaderURL ?? event.args?.fileName;
  if (typeof url === 'string' && /^https?:/.test(url))
    pageWork.set(key, (pageWork.get(key) ?? 0) + 1);
}
const main = [...pageWork].sort((a, b) => b[1] - a[1])[0]?.[0];
if (!main) throw new Error('No renderer main thread that ran an http(s) page in this trace.');
const onMain = events
  .filter((event) => `${event.pid}:${event.tid}` === main)
  .sort((a, b) => a.ts - b.ts);

const navigation = events.find(
  (event) => event.name === 'navigationStart' && `${event.pid}:${event.tid}` === main,
);
const zero = navigation?.ts ?? onMain[0]?.ts ?? 0;
const at = (/** @type {number} */ ts) => ((ts - zero) / 1000).toFixed(1).padStart(7);
const ms = (/** @type {number | undefined} */ dur) => ((dur ?? 0) / 1000).toFixed(1);

/** @param {TraceEvent} event */
function isTask(event) {
  return event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask';
}

// Network: when each request was sent and finished, from the renderer's view.
/** @type {Map<string, { url: string, sent: number, response?: number, done?: number, size?: number }>} */
const requests = new Map();
for (const event of events) {
  const data = event.args?.data;
  if (!data?.requestId) continue;
  if (event.name === 'ResourceSendRequest') {
    if (!/^https?:/.test(data.url)) continue;
    requests.set(data.requestId, { url: data.url, sent: event.ts });
  } else if (event.name === 'ResourceReceiveResponse') {
    const request = requests.get(data.requestId);
    if (request) request.response = event.ts;
  } else if (event.name === 'ResourceFinish') {
    const request = requests.get(data.requestId);
    if (request) {
      request.done = event.ts;
      request.size = data.encodedDataLength;
    }
  }
}
console.log(`# ${file}\n\n## Requests (ms from navigation start: sent → response → done)\n`);
for (const request of [...requests.values()].sort((a, b) => a.sent - b.sent)) {
  const done = request.done === undefined ? '   ?' : at(request.done);
  const response = request.response === undefined ? '   ?' : at(request.response);
  const name = request.url.replace(/^https?:\/\/[^/]+/, '');
  console.log(
    `${at(request.sent)} → ${response} → ${done}  ${String(request.size ?? '?').padStart(6)} B  ${name}`,
  );
}

// Tasks over 1 ms, with the slices inside them that took at least 0.5 ms.
const INTERESTING = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'FunctionCall',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'TimerFire',
  'FireAnimationFrame',
  'EventDispatch',
  'RunMicrotasks',
  'v8.run',
  'V8.GCScavenger',
  'MajorGC',
  'MinorGC',
  'V8.GC_MC_BACKGROUND',
  'HitTest',
  'ScheduleStyleRecalculation',
  'XHRReadyStateChange',
  'ResourceReceivedData',
  'v8.parseOnBackground',
  'BlinkGC.AtomicPhase',
  'CpuProfiler::StartProfiling',
]);
// Top-level tasks only (a RunTask may sit inside ThreadControllerImpl::RunTask).
/** @type {TraceEvent[]} */
const topLevel = [];
for (const event of onMain) {
  if (event.ph !== 'X' || !isTask(event)) continue;
  const last = topLevel.at(-1);
  if (last && event.ts < last.ts + (last.dur ?? 0)) continue;
  topLevel.push(event);
}
const tasks = topLevel.filter((event) => (event.dur ?? 0) >= 1000);
let total = 0;
for (const event of topLevel) total += event.dur ?? 0;
console.log(`\n## Main-thread tasks ≥ 1 ms (all tasks together: ${ms(total)} ms)\n`);
for (const task of tasks) {
  console.log(`${at(task.ts)}  ${ms(task.dur).padStart(6)} ms  task`);
  const end = task.ts + (task.dur ?? 0);
  for (const inner of onMain) {
    if (inner === task || inner.ph !== 'X' || inner.ts < task.ts || inner.ts > end) continue;
    if (!INTERESTING.has(inner.name) || (inner.dur ?? 0) < 500) continue;
    const data = inner.args?.data ?? inner.args?.beginData ?? {};
    const what = data.url ?? data.fileName ?? data.functionName ?? data.type ?? '';
    const short = String(what).replace(/^https?:\/\/[^/]+/, '');
    console.log(`           ${ms(inner.dur).padStart(6)} ms    ${inner.name} ${short}`);
  }
}

// The CPU profile: ProfileChunk events carry nodes and samples (time deltas in µs).
/** @type {Map<number, { callFrame: any, parent?: number }>} */
const nodes = new Map();
/** @type {number[]} */
const samples = [];
/** @type {number[]} */
const deltas = [];
// The chunks come from the profiler's own thread; they belong to the main thread's Profile by id.
const profile = events.find(
  (event) => event.name === 'Profile' && `${event.pid}:${event.tid}` === main,
);
const mainPid = main.split(':')[0];
for (const event of events) {
  if (event.name !== 'ProfileChunk' || String(event.pid) !== mainPid || event.id !== profile?.id)
    continue;
  const chunk = event.args?.data?.cpuProfile;
  for (const node of chunk?.nodes ?? [])
    nodes.set(node.id, { callFrame: node.callFrame, parent: node.parent });
  samples.push(...(chunk?.samples ?? []));
  deltas.push(...(event.args?.data?.timeDeltas ?? []));
}
if (samples.length > 0) {
  // Each sample's time (µs, trace clock): the profile's start plus the deltas so far.
  const startTime = profile?.args?.data?.startTime ?? 0;
  /** @type {number[]} */
  const times = [];
  let clock = startTime;
  for (const delta of deltas) {
    clock += delta;
    times.push(clock);
  }
  console.log('\n## Long tasks (≥ 15 ms): self time by function inside each\n');
  for (const task of tasks.filter((each) => (each.dur ?? 0) >= 15_000)) {
    /** @type {Map<string, number>} */
    const inside = new Map();
    for (let index = 0; index < samples.length; index += 1) {
      const time = times[index] ?? 0;
      if (time < task.ts || time > task.ts + (task.dur ?? 0)) continue;
      const node = nodes.get(samples[index] ?? -1);
      const dt = deltas[index + 1] ?? 0;
      if (!node || dt <= 0) continue;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      const script = String(url || '(native)').replace(/^https?:\/\/[^/]+/, '');
      const name = origin(functionName || '(anonymous)', script, lineNumber, columnNumber);
      inside.set(name, (inside.get(name) ?? 0) + dt);
    }
    const list = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`${at(task.ts)}  ${ms(task.dur).padStart(6)} ms`);
    for (const [name, dur] of list) console.log(`           ${ms(dur).padStart(6)} ms  ${name}`);
  }
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byScript = new Map();
  for (let index = 0; index < samples.length; index += 1) {
    const node = nodes.get(samples[index] ?? -1);
    // A sample's time is the gap to the next one.
    const dt = deltas[index + 1] ?? 0;
    if (!node || dt <= 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const script = String(url || '(native)').replace(/^https?:\/\/[^/]+/, '');
    const name = origin(functionName || '(anonymous)', script, lineNumber, columnNumber);
    byFunction.set(name, (byFunction.get(name) ?? 0) + dt);
    byScript.set(script, (byScript.get(script) ?? 0) + dt);
  }
  const list = (/** @type {Map<string, number>} */ map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, dur]) => `${ms(dur).padStart(7)} ms  ${name}`)
      .join('\n');
  console.log(`\n## CPU profile: self time by script\n\n${list(byScript)}`);
  console.log(`\n## CPU profile: self time by function (top ${top})\n\n${list(byFunction)}`);
}
