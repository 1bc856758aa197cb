// Summaries of repeated runs: the median (what a typical load costs) with the range beside it, so a
// reader sees at once whether a difference is larger than the noise; and for a difference of two
// pages' medians, the interval the noise allows (resampling the runs).

/**
 * @typedef {{ median: number, min: number, max: number, values: number[] }} Summary
 *   `values`: the runs' figures, sorted
 */

/** The median of `sorted` (ascending). @param {number[]} sorted */
function medianOf(sorted) {
  const middle = Math.floor(sorted.length / 2);
  const at = (/** @type {number} */ index) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** @param {number[]} values @returns {Summary | undefined} */
export function summarize(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  return {
    median: medianOf(sorted),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    values: sorted,
  };
}

/**
 * A small seeded generator (mulberry32): the same runs always give the same interval.
 * @param {number} seed
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `a`'s median minus `b`'s, and the interval that holds that difference in `level` of the
 * resamplings of the runs (each page's runs drawn again, as many, with replacement: the percentile
 * bootstrap). Loads of one page vary by hundreds of milliseconds on a shared machine (the
 * renderer's own start alone, which every page pays), so a difference of medians of five runs
 * says little without it.
 * @param {number[]} a @param {number[]} b
 * @param {{ samples?: number, level?: number, seed?: number }} [options]
 * @returns {{ estimate: number, low: number, high: number }}
 */
export function medianDifference(a, b, { samples = 2000, level = 0.9, seed = 1 } = {}) {
  const sortedA = [...a].sort((x, y) => x - y);
  const sortedB = [...b].sort((x, y) => x - y);
  const estimate = medianOf(sortedA) - medianOf(sortedB);
  const next = random(seed);
  const resample = (/** @type {number[]} */ values) =>
    medianOf(
      Array.from(values, () => values[Math.floor(next() * values.length)] ?? Number.NaN).sort(
        (x, y) => x - y,
      ),
    );
  const differences = Array.from({ length: samples }, () => resample(a) - resample(b)).sort(
    (x, y) => x - y,
  );
  const tail = (1 - level) / 2;
  const at = (/** @type {number} */ share) =>
    differences[Math.min(samples - 1, Math.max(0, Math.round(share * (samples - 1))))] ??
    Number.NaN;
  return { estimate, low: at(tail), high: at(1 - tail) };
}

/**
 * Every metric of a page's runs at one CPU rate, summarised.
 * @param {import('./measure.mjs').Run[]} runs
 */
export function summarizeRuns(runs) {
  /** @param {(run: import('./measure.mjs').Run) => number | undefined} pick */
  const of = (pick) => summarize(runs.map((run) => pick(run) ?? Number.NaN));
  return {
    runs: runs.length,
    visible: of((run) => run.visible),
    complete: of((run) => run.complete),
    longTasks: of((run) => run.longTasks),
    longTaskMs: of((run) => run.longTaskMs),
    taskMs: of((run) => run.taskMs),
    cpuMs: of((run) => run.cpuMs),
    heapBytes: of((run) => run.heapBytes),
    scriptsIn: of((run) => run.scriptsIn),
    // From the last script's arrival to visible: the main thread's part of "visible".
    afterScripts: of((run) =>
      run.scriptsIn === undefined ? undefined : run.visible - run.scriptsIn,
    ),
  };
}
