// Summaries of repeated runs: the median (what a typical load costs) with the range beside it, so a
// reader sees at once whether a difference is larger than the noise.

/**
 * @typedef {{ median: number, min: number, max: number }} Summary
 */

/** @param {number[]} values @returns {Summary | undefined} */
export function summarize(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const at = (/** @type {number} */ index) => sorted[index] ?? Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1) };
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
