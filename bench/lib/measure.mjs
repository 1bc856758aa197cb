// One measured page load: a fresh browser context (nothing cached from an earlier run), the CPU
// slowed down by `rate`, and the page watched from navigation start until the embed is visible
// (and, for kontakt, complete) and the network has gone quiet.
import { encode } from './static-server.mjs';

const READY_TIMEOUT_MS = 30_000;
/** Quiet network for this long counts as "the page has finished loading what it loads". */
const IDLE_MS = 500;

/** What DevTools' Performance panel records, with V8's samples and the network (BENCH_TRACE). */
const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.stack',
  'toplevel',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'latencyInfo',
  'disabled-by-default-v8.compile',
];

/**
 * V8's sampler makes scripts run slower (at 4×, a task may take twice as long): with
 * BENCH_TRACE_SAMPLES=0 a trace has the timeline alone, with durations as measured untraced.
 */
const traceCategories = () =>
  process.env.BENCH_TRACE_SAMPLES === '0'
    ? TRACE_CATEGORIES
    : [...TRACE_CATEGORIES, 'disabled-by-default-v8.cpu_profiler'];

/**
 * @typedef {object} Run
 * @property {number} visible        ms from navigation start
 * @property {number | undefined} complete
 * @property {number} longTasks      how many tasks over 50 ms
 * @property {number} longTaskMs     their total duration
 * @property {number} taskMs         main-thread task time (CDP Performance.TaskDuration)
 * @property {number} cpuMs          the renderer's main thread's CPU time (CDP Performance.ThreadTime):
 *   unlike task time, not stretched when other processes hold the cores (a shared machine)
 * @property {number} heapBytes      JS heap in use after a forced GC
 * @property {number | undefined} scriptsIn   ms from navigation start until the last script the
 *   page loaded before it was visible had arrived (Resource Timing `responseEnd`): what is left
 *   of "visible" after it is the main thread's work
 * @property {number | undefined} serverWait  the longest a script's request waited for the first
 *   byte of its answer (`responseStart − requestStart`): the bench's page server's share
 *
 * @typedef {object} Bytes
 * @property {number} files  @property {number} raw  @property {number} gzip  @property {number} br
 */

/**
 * Runs in the page before its own scripts. It polls on every animation frame — the only clock
 * that ticks exactly when the page can paint — so "visible" is the first frame in which the embed
 * has a box, for light-DOM and shadow-DOM embeds alike (a MutationObserver cannot see into shadow
 * roots). Long tasks are collected from the first moment on.
 * @param {() => Element | null | undefined} visible
 * @param {(() => boolean) | undefined} complete
 */
function probe(visible, complete) {
  /** @type {{ visible?: number, complete?: number, longTasks: number[] }} */
  const marks = { longTasks: [] };
  Object.defineProperty(window, '__bench', { value: marks });
  /** @type {(value?: unknown) => void} */
  let done = () => {};
  Object.defineProperty(window, '__benchDone', {
    value: new Promise((resolve) => (done = resolve)),
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  const hasBox = (/** @type {Element | null | undefined} */ el) => {
    const box = el?.getBoundingClientRect();
    return Boolean(box && box.width > 0 && box.height > 0);
  };
  const check = () => {
    const now = performance.now();
    if (marks.visible === undefined && hasBox(visible())) marks.visible = now;
    if (complete && marks.complete === undefined && complete()) marks.complete = now;
    if (marks.visible === undefined || (complete && marks.complete === undefined)) {
      requestAnimationFrame(check);
    } else done();
  };
  requestAnimationFrame(check);
}

/** @param {import('./pages.mjs').Page} page */
function probeSource(page) {
  const complete = page.complete ? page.complete.toString() : 'undefined';
  return `(${probe.toString()})(${page.visible.toString()}, ${complete});`;
}

/**
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('./pages.mjs').Page} page
 * @param {string} url
 * @param {{ rate: number, sizes?: boolean, axe?: string, trace?: string }} options
 *   `sizes`: also weigh the scripts and styles; `axe`: axe-core's source, to run it at the end;
 *   `trace`: a file to write a performance trace of the load to (DevTools timeline, V8 samples)
 * @returns {Promise<{ run: Run, bytes: Bytes | undefined, violations: string[] | undefined }>}
 */
export async function measure(browser, page, url, { rate, sizes = false, axe, trace }) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.setViewport({ width: 1280, height: 800 });
    const cdp = await tab.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await cdp.send('Performance.enable');
    await tab.evaluateOnNewDocument(probeSource(page));
    /** @type {import('puppeteer-core').HTTPResponse[]} */
    const assets = [];
    tab.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') assets.push(response);
    });

    if (trace) await tab.tracing.start({ path: trace, categories: traceCategories() });
    await tab.goto(url, { waitUntil: 'load', timeout: READY_TIMEOUT_MS });
    await waitUntilReady(tab, page);
    await tab.waitForNetworkIdle({ idleTime: IDLE_MS, timeout: READY_TIMEOUT_MS });
    if (trace) await tab.tracing.stop();

    const run = await readRun(tab, cdp);
    const bytes = sizes ? await weigh(assets) : undefined;
    const violations = axe ? await runAxe(tab, axe) : undefined;
    return { run, bytes, violations };
  } finally {
    await context.close();
  }
}

/**
 * Waits in the page for the probe's marks. Not with `waitForFunction`: it injects Puppeteer's
 * utility script (some 40 ms of main-thread work at 4× CPU) and polls every 50 ms, on the page's
 * main thread, while it loads — work that would count as the embed's, more so for an embed that
 * renders after the `load` event (one that loads its chunks on demand) than for one that renders
 * before it. One `evaluate` that awaits a promise costs the page nothing until it settles.
 * @param {import('puppeteer-core').Page} tab @param {import('./pages.mjs').Page} page
 */
async function waitUntilReady(tab, page) {
  const what = page.complete ? 'visible and complete' : 'visible';
  const ready = await tab.evaluate(
    (timeoutMs) =>
      Promise.race([
        /** @type {any} */ (window).__benchDone.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs)),
      ]),
    READY_TIMEOUT_MS,
  );
  if (!ready) {
    const visible = await tab.evaluate(() => /** @type {any} */ (window).__bench?.visible);
    const seen = typeof visible === 'number' ? ` (visible after ${Math.round(visible)} ms)` : '';
    throw new Error(`${page.name} did not become ${what} within ${READY_TIMEOUT_MS} ms${seen}`);
  }
}

/**
 * @param {import('puppeteer-core').Page} tab
 * @param {import('puppeteer-core').CDPSession} cdp
 * @returns {Promise<Run>}
 */
async function readRun(tab, cdp) {
  /** @type {{ visible: number, complete: number | undefined, longTasks: number[], scriptsIn: number | undefined, serverWait: number | undefined }} */
  const marks = await tab.evaluate(() => {
    const { visible, complete, longTasks } = /** @type {any} */ (window).__bench;
    const scripts = performance
      .getEntriesByType('resource')
      .filter(
        (entry) =>
          /** @type {PerformanceResourceTiming} */ (entry).initiatorType === 'script' &&
          entry.startTime < visible,
      )
      .map((entry) => /** @type {PerformanceResourceTiming} */ (entry));
    return {
      visible,
      complete,
      longTasks,
      scriptsIn:
        scripts.length > 0 ? Math.max(...scripts.map((each) => each.responseEnd)) : undefined,
      serverWait:
        scripts.length > 0
          ? Math.max(...scripts.map((each) => each.responseStart - each.requestStart))
          : undefined,
    };
  });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const taskSeconds = metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
  const cpuSeconds = metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? 0;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return {
    visible: marks.visible,
    complete: marks.complete,
    longTasks: marks.longTasks.length,
    longTaskMs: marks.longTasks.reduce((sum, ms) => sum + ms, 0),
    taskMs: taskSeconds * 1000,
    cpuMs: cpuSeconds * 1000,
    heapBytes: heap.usedSize,
    scriptsIn: marks.scriptsIn,
    serverWait: marks.serverWait,
  };
}

/**
 * What the page's scripts and styles weigh: as served (raw, decoded) and as brotli and gzip at
 * their highest levels, compressed here so every embed is weighed the same way.
 * @param {import('puppeteer-core').HTTPResponse[]} assets
 * @returns {Promise<Bytes>}
 */
async function weigh(assets) {
  const total = { files: 0, raw: 0, gzip: 0, br: 0 };
  for (const response of assets) {
    if (!response.ok()) continue;
    const encoded = await encode(Buffer.from(await response.buffer()));
    total.files += 1;
    total.raw += encoded.raw.length;
    total.gzip += encoded.gzip.length;
    total.br += encoded.br.length;
  }
  return total;
}

/**
 * axe-core on the finished page, light and shadow DOM. Frames are left out: the only one is
 * Papercups' chat window from papercups.io, which the bench browser cannot load.
 * @param {import('puppeteer-core').Page} tab
 * @param {string} source
 * @returns {Promise<string[]>}   `rule-id (n nodes)` per violated rule
 */
async function runAxe(tab, source) {
  await tab.addScriptTag({ content: source });
  return tab.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const results = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
    return results.violations.map(
      (/** @type {{ id: string, nodes: unknown[] }} */ rule) => `${rule.id} (${rule.nodes.length})`,
    );
  });
}
