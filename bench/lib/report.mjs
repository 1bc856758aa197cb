// Turns summarised runs into Markdown: the tables printed after every run and, for a full run,
// BENCHMARKS.md. Issue 6's targets are checked here, at 4× CPU, against the empty page.
import { medianDifference } from './stats.mjs';

/**
 * @typedef {import('./stats.mjs').Summary} Summary
 * @typedef {ReturnType<typeof import('./stats.mjs').summarizeRuns>} PageSummary
 * @typedef {object} PageResult
 * @property {import('./pages.mjs').Page} page
 * @property {import('./measure.mjs').Bytes | undefined} bytes
 * @property {string[] | undefined} violations
 * @property {Map<number, PageSummary>} byRate
 * @typedef {{ pages: PageResult[], rates: number[], runs: number }} Results
 */

/** Issue 6, "Must be true when done" 1: at 4× CPU, relative to the empty page. */
export const TARGETS = [
  { what: 'form visible', metric: 'visible', budgetMs: 100 },
  { what: 'form complete (topics in)', metric: 'complete', budgetMs: 250 },
  { what: 'main-thread task time', metric: 'taskMs', budgetMs: 150 },
];
const TARGET_RATE = 4;

const ms = (/** @type {number} */ value) => `${Math.round(value).toLocaleString('en')}`;
const kb = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(1);
const mb = (/** @type {number} */ bytes) => (bytes / 1e6).toFixed(1);
const signed = (/** @type {number} */ value) => `${value < 0 ? '−' : '+'}${ms(Math.abs(value))}`;

/** `median (min–max)`, or `–` for a metric a page does not have. */
function range(/** @type {Summary | undefined} */ s, format = ms) {
  if (!s) return '–';
  return s.min === s.max
    ? format(s.median)
    : `${format(s.median)} (${format(s.min)}–${format(s.max)})`;
}

/** @param {string[]} header @param {string[][]} rows */
function table(header, rows) {
  const line = (/** @type {string[]} */ cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** @param {Results} results */
export function sizeTable(results) {
  return table(
    ['page', 'files (JS + CSS)', 'raw KB', 'gzip KB', 'brotli KB', 'axe violations'],
    results.pages.map(({ page, bytes, violations }) => [
      page.name,
      bytes ? String(bytes.files) : '–',
      bytes ? kb(bytes.raw) : '–',
      bytes ? kb(bytes.gzip) : '–',
      bytes ? kb(bytes.br) : '–',
      violations ? (violations.length === 0 ? 'none' : violations.join(', ')) : '–',
    ]),
  );
}

/** @param {Results} results @param {number} rate */
export function timingTable(results, rate) {
  return table(
    [
      'page',
      'visible ms',
      'complete ms',
      'long tasks',
      'long-task ms',
      'main-thread task ms',
      'heap after GC MB',
    ],
    results.pages.map(({ page, byRate }) => {
      const s = byRate.get(rate);
      return [
        page.name,
        range(s?.visible),
        range(s?.complete),
        range(s?.longTasks),
        range(s?.longTaskMs),
        range(s?.taskMs),
        range(s?.heapBytes, mb),
      ];
    }),
  );
}

/** @param {Results} results @param {string} id */
const find = (results, id) => results.pages.find((each) => each.page.id === id);

/**
 * kontakt minus the empty page, and kontakt ÷ each peer, from medians of this same invocation
 * (never against numbers from another day or machine).
 * @param {Results} results @param {number} rate
 */
export function comparisonTable(results, rate) {
  const kontakt = find(results, 'kontakt');
  const empty = find(results, 'empty');
  const k = kontakt?.byRate.get(rate);
  const e = empty?.byRate.get(rate);
  if (!kontakt || !k || !e) return '';
  const minus = (/** @type {Summary | undefined} */ a, /** @type {Summary | undefined} */ b) =>
    a && b ? signed(a.median - b.median) : '–';
  const gzipOver = (
    /** @type {PageResult | undefined} */ a,
    /** @type {PageResult | undefined} */ b,
  ) => (a?.bytes && b?.bytes ? `+${kb(a.bytes.gzip - b.bytes.gzip)} KB` : '–');
  const heapOver = (/** @type {Summary | undefined} */ a, /** @type {Summary | undefined} */ b) =>
    a && b ? `+${mb(a.median - b.median)} MB` : '–';
  const rows = [
    [
      'kontakt − empty page',
      gzipOver(kontakt, empty),
      minus(k.visible, e.visible),
      minus(k.complete, e.visible),
      minus(k.taskMs, e.taskMs),
      heapOver(k.heapBytes, e.heapBytes),
    ],
  ];
  // The floor under any way of rendering this form: the same markup and styles with no script.
  const staticForm = find(results, 'static-form');
  const f = staticForm?.byRate.get(rate);
  if (f) {
    rows.push(
      [
        `${staticForm?.page.name} − empty page`,
        '–',
        minus(f.visible, e.visible),
        '–',
        minus(f.taskMs, e.taskMs),
        heapOver(f.heapBytes, e.heapBytes),
      ],
      [
        `kontakt − ${staticForm?.page.name}`,
        '–',
        minus(k.visible, f.visible),
        '–',
        minus(k.taskMs, f.taskMs),
        heapOver(k.heapBytes, f.heapBytes),
      ],
    );
  }
  const ratio = (/** @type {number | undefined} */ a, /** @type {number | undefined} */ b) =>
    a !== undefined && b ? `${(a / b).toFixed(2)}×` : '–';
  for (const peer of results.pages.filter((each) => each.page.peer)) {
    const p = peer.byRate.get(rate);
    rows.push([
      `kontakt ÷ ${peer.page.name}`,
      ratio(kontakt.bytes?.gzip, peer.bytes?.gzip),
      ratio(k.visible?.median, p?.visible?.median),
      '–',
      ratio(k.taskMs?.median, p?.taskMs?.median),
      ratio(k.heapBytes?.median, p?.heapBytes?.median),
    ]);
  }
  return table(['', 'gzip', 'visible', 'complete', 'main-thread task time', 'heap after GC'], rows);
}

/**
 * Each page measured on a baseline bundle too (`--baseline`) against its baseline, from medians
 * of this same run: today's median, the baseline's, and today ÷ baseline; and both minus the
 * empty page (what the targets are read against).
 * @param {Results} results @param {number} rate
 */
export function baselineTable(results, rate) {
  const e = find(results, 'empty')?.byRate.get(rate);
  const rows = results.pages.flatMap(({ page, byRate }) => {
    const now = page.baselineOf ? find(results, page.baselineOf)?.byRate.get(rate) : undefined;
    const before = byRate.get(rate);
    if (!page.baselineOf || !now || !before) return [];
    const cell = (
      /** @type {'visible' | 'complete' | 'taskMs' | 'cpuMs' | 'longTaskMs' | 'scriptsIn' | 'afterScripts'} */ key,
    ) => {
      const a = now[key]?.median;
      const b = before[key]?.median;
      if (a === undefined || b === undefined) return '–';
      const base =
        key === 'taskMs' || key === 'cpuMs'
          ? e?.[key]?.median
          : key === 'visible' || key === 'complete'
            ? e?.visible?.median
            : undefined;
      const over = base === undefined ? '' : ` (${signed(a - base)} / ${signed(b - base)})`;
      return `${ms(a)} / ${ms(b)} = ${b ? (a / b).toFixed(2) : '–'}×${over}`;
    };
    /** Today minus the baseline, with the interval the runs' noise allows. */
    const change = (/** @type {'visible' | 'taskMs' | 'cpuMs'} */ key) => {
      const a = now[key]?.values;
      const b = before[key]?.values;
      return a && b ? withInterval(medianDifference(a, b)) : '–';
    };
    return [
      [
        page.baselineOf,
        change('visible'),
        change('cpuMs'),
        cell('visible'),
        cell('complete'),
        cell('taskMs'),
        cell('cpuMs'),
        cell('longTaskMs'),
        cell('scriptsIn'),
        cell('afterScripts'),
      ],
    ];
  });
  if (rows.length === 0) return '';
  return table(
    [
      'today / baseline (over the empty page)',
      'visible: today − baseline',
      'main-thread CPU: today − baseline',
      'visible',
      'complete',
      'main-thread task ms',
      'main-thread CPU ms',
      'long-task ms',
      'scripts in',
      'visible − scripts in',
    ],
    rows,
  );
}

/**
 * @typedef {{ estimate: number, low: number, high: number }} Difference   a page's median minus the
 *   empty page's, with the interval 90 % of resamplings of the runs give (stats.mjs)
 * @typedef {'met' | 'not met' | 'undecided'} Verdict
 */

/**
 * Which of issue 6's targets kontakt meets at 4× CPU, and what the pages it is read against cost
 * against the same budgets: the same form on a page that preloads its chunks (the starter's
 * second round trip taken away), the form as plain HTML (any way of rendering it costs at least
 * that) and a trivial Lit element (the least a Lit widget costs). A target is met when the whole interval is
 * within it and missed when the whole interval is over it; an interval across the budget is
 * undecided at this many runs (the machine's noise is larger than the distance to the target).
 * @param {Results} results
 * @returns {{ what: string, budgetMs: number, over: Difference | undefined, verdict: Verdict, floors: { name: string, over: Difference }[] }[]}
 */
export function checkTargets(results) {
  const at = (/** @type {string} */ id) => find(results, id)?.byRate.get(TARGET_RATE);
  const e = at('empty');
  return TARGETS.map(({ what, metric, budgetMs }) => {
    // "Complete" is measured against the moment the empty page is visible: it has no data to wait for.
    const base = (metric === 'taskMs' ? e?.taskMs : e?.visible)?.values;
    const over = (/** @type {string} */ id, /** @type {string} */ key) => {
      const own = at(id)?.[/** @type {'visible' | 'complete' | 'taskMs'} */ (key)]?.values;
      return own && base ? medianDifference(own, base) : undefined;
    };
    const kontakt = over('kontakt', metric);
    const floors = ['kontakt-preloaded', 'static-form', 'lit'].flatMap((id) => {
      // The floors have no data to wait for: their "complete" is their "visible".
      const hasData = find(results, id)?.page.complete !== undefined;
      const floor = over(id, metric === 'complete' && !hasData ? 'visible' : metric);
      const name = find(results, id)?.page.name;
      return floor === undefined || name === undefined ? [] : [{ name, over: floor }];
    });
    return { what, budgetMs, over: kontakt, verdict: verdict(kontakt, budgetMs), floors };
  });
}

/** @param {Difference | undefined} over @param {number} budgetMs @returns {Verdict} */
function verdict(over, budgetMs) {
  if (!over || over.low > budgetMs) return 'not met';
  return over.high <= budgetMs ? 'met' : 'undecided';
}

/** `+465 ms (+300 to +620)`: the estimate and the interval around it. @param {Difference} d */
const withInterval = (d) =>
  d.low === d.high
    ? `${signed(d.estimate)} ms`
    : `${signed(d.estimate)} ms (${signed(d.low)} to ${signed(d.high)})`;

const VERDICTS = {
  met: '✅ met',
  'not met': '❌ not met',
  undecided: '❔ undecided (the interval spans the target: more runs, e.g. `--runs 15`)',
};

/** @param {Results} results */
export function targetList(results) {
  const lines = checkTargets(results).map(({ what, budgetMs, over, verdict, floors }) => {
    const line = `- ${VERDICTS[verdict]}: ${what} ≤ empty page + ${budgetMs} ms — measured ${
      over === undefined ? 'nothing' : withInterval(over)
    }`;
    const below = floors.map(
      (floor) =>
        `  - ${floor.name}: ${withInterval(floor.over)}${floor.over.low > budgetMs ? ' (over the target by itself)' : ''}`,
    );
    return [line, ...below].join('\n');
  });
  return [
    ...lines,
    '',
    `Each figure is a median minus the empty page's median, with the interval that 90 % of ${results.runs > 1 ? '2,000 resamplings of the runs give' : 'resamplings give (one run: none)'}.`,
  ].join('\n');
}

/**
 * What "form visible" is made of at 4× CPU, from the medians of this run: what any form rendered
 * with Lit costs before anything of kontakt's (its DOM: the same form as plain HTML; Lit itself:
 * the trivial element), when kontakt's scripts are all in against the trivial element's one file
 * (the starter names its chunks only once it runs), and how long the main thread then takes to
 * the first frame with the form. Empty when a page it reads was not measured.
 * @param {Results} results
 */
export function firstRenderLimits(results) {
  /** A page's median of one metric at 4× CPU, when it has one. */
  const median = (
    /** @type {string} */ id,
    /** @type {'visible' | 'scriptsIn' | 'afterScripts'} */ key,
  ) => {
    const value = find(results, id)?.byRate.get(TARGET_RATE)?.[key]?.median;
    return value !== undefined && Number.isFinite(value) ? value : undefined;
  };
  const base = median('empty', 'visible');
  const formAt = median('static-form', 'visible');
  const litAt = median('lit', 'visible');
  const litIn = median('lit', 'scriptsIn');
  const litAfter = median('lit', 'afterScripts');
  const kontaktIn = median('kontakt', 'scriptsIn');
  const kontaktAfter = median('kontakt', 'afterScripts');
  const preloaded = median('kontakt-preloaded', 'scriptsIn');
  if (
    base === undefined ||
    formAt === undefined ||
    litAt === undefined ||
    litIn === undefined ||
    litAfter === undefined ||
    kontaktIn === undefined ||
    kontaktAfter === undefined
  ) {
    return '';
  }
  // Rounded first, so that the sum said is the sum of the figures said.
  const dom = Math.round(formAt - base);
  const ownLit = Math.round(litAt - base);
  return [
    `What limits "form visible" (medians of this run): a form rendered with Lit costs at least its own DOM (the same form as plain HTML: ${signed(dom)} ms over the empty page) and Lit itself (a trivial Lit element: ${signed(ownLit)} ms), ${signed(dom + ownLit)} ms together against the target's +${TARGETS[0]?.budgetMs} ms, before any work of kontakt's own.`,
    `kontakt's scripts are all in at ${ms(kontaktIn)} ms, ${ms(kontaktIn - litIn)} ms after the trivial element's one file: its starter names its chunks only once it runs${preloaded === undefined ? '' : ` (preloaded by the page, they are in at ${ms(preloaded)} ms)`}. The form is visible ${ms(kontaktAfter)} ms after that, against ${ms(litAfter)} ms for the trivial element: the main thread evaluating the element, its Swedish texts and styles, and preparing and rendering Lit's templates.`,
  ].join(' ');
}

/** The tables for the terminal. @param {Results} results */
export function consoleReport(results) {
  const parts = [`Sizes and accessibility\n\n${sizeTable(results)}`];
  for (const rate of results.rates) {
    parts.push(
      `${rate}× CPU, median (min–max) of ${results.runs} runs\n\n${timingTable(results, rate)}`,
    );
    const comparison = comparisonTable(results, rate);
    if (comparison) parts.push(`${rate}× CPU, kontakt against the others\n\n${comparison}`);
    const baseline = baselineTable(results, rate);
    if (baseline) parts.push(`${rate}× CPU, today against the baseline\n\n${baseline}`);
  }
  if (results.rates.includes(TARGET_RATE)) {
    const limits = firstRenderLimits(results);
    parts.push(
      `Issue 6's targets at ${TARGET_RATE}× CPU\n\n${targetList(results)}${limits ? `\n\n${limits}` : ''}`,
    );
  }
  return parts.join('\n\n');
}

/**
 * @param {Results} results
 * @param {{ date: string, command: string, machine: ReturnType<typeof import('./machine.mjs').describeMachine> }} about
 */
export function benchmarksMarkdown(results, { date, command, machine }) {
  const sections = results.rates.flatMap((rate) => [
    `#### ${rate}× CPU\n\nMedian (min–max) of ${results.runs} runs.\n\n${timingTable(results, rate)}`,
    `kontakt against the others at ${rate}× CPU (medians of this run):\n\n${comparisonTable(results, rate)}`,
  ]);
  const limits = firstRenderLimits(results);
  return `## Widgets: what an embed costs a page

Written by \`${command}\`.

- Date: ${date}
- Machine: ${machine.cpu}, ${machine.ram} RAM; ${machine.os}
- Node ${machine.node}; ${machine.browser} (headless, found by \`scripts/find-chrome.mjs\`)
- Pages served from loopback with brotli (or gzip), each run in a fresh browser context (nothing
  cached); kontakt's page loads \`packages/widgets/dist/cdn/contact-form.js\` and talks to a real
  kontakt server (\`packages/server/dist\`) on another loopback port, cross-origin as on a
  department's site. The peers are built by esbuild as minified ESM bundles (\`bench/entries/\`).

### Issue 6's targets at ${TARGET_RATE}× CPU

${targetList(results)}${limits && `\n\n${limits}`}

### What the pages load

Sizes are of every script and style sheet the page loaded (raw, and compressed here at gzip -9 and
brotli 11; KB = 1,000 bytes). axe-core ran on the finished page (shadow roots included, frames not).

${sizeTable(results)}

### Timings

${sections.join('\n\n')}

### What is measured

- **visible**: the first animation frame, counted from navigation start, in which the embed's first
  usable element has a box: kontakt's \`[part~="form"]\` in its shadow root, Papercups' and n8n's
  launcher button, Form.io's first field, the Lit element's text, the empty page's heading.
- **complete** (kontakt only): the first frame in which \`select#topic\` holds a topic from the
  server. Targets compare it with the empty page's *visible*.
- **long tasks**: tasks over 50 ms (\`PerformanceObserver\` \`longtask\`), count and total duration.
- **main-thread task time**: CDP \`Performance.getMetrics\` \`TaskDuration\` of the page, read when
  the page is visible (and complete) and the network has been quiet for 500 ms.
- **heap after GC**: \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`, same moment.
- CPU slowed down with CDP \`Emulation.setCPUThrottlingRate\`.
`;
}
