import { describe, expect, it } from 'vitest';
import { checkTargets, firstRenderLimits } from './report.mjs';
import { medianDifference, summarize, summarizeRuns } from './stats.mjs';

/** Runs whose figures are `values` for one metric (the others do not matter here). */
const runs = (visible: number[], taskMs = visible) =>
  visible.map((ms, index) => ({
    visible: ms,
    complete: ms,
    longTasks: 0,
    longTaskMs: 0,
    taskMs: taskMs[index] ?? ms,
    cpuMs: ms,
    heapBytes: 0,
    scriptsIn: undefined,
    serverWait: undefined,
  }));

describe('medianDifference', () => {
  it('is exact when the runs do not vary', () => {
    expect(medianDifference([300, 300, 300], [200, 200, 200])).toEqual({
      estimate: 100,
      low: 100,
      high: 100,
    });
  });

  it('holds the difference of medians inside an interval as wide as the noise allows', () => {
    const empty = [120, 180, 235, 260, 330, 410, 585];
    const page = empty.map((ms) => ms + 150);
    const { estimate, low, high } = medianDifference(page, empty);
    expect(estimate).toBe(150);
    expect(low).toBeLessThan(150);
    expect(high).toBeGreaterThan(150);
    // Noise of hundreds of milliseconds over seven runs: far wider than a 100 ms target.
    expect(high - low).toBeGreaterThan(100);
  });

  it('gives the same interval for the same runs (seeded)', () => {
    const a = [400, 520, 610, 700, 880];
    const b = [150, 190, 240, 330, 420];
    expect(medianDifference(a, b)).toEqual(medianDifference(a, b));
  });

  it('narrows as runs are added', () => {
    const noise = [0, 40, 90, 150, 260, 20, 70, 120, 200, 10, 60, 110, 180, 30, 80];
    const width = (n: number) => {
      const empty = noise.slice(0, n).map((ms) => 200 + ms);
      const page = noise.slice(0, n).map((ms) => 400 + ((ms * 7) % 260));
      const { low, high } = medianDifference(page, empty);
      return high - low;
    };
    expect(width(15)).toBeLessThan(width(5));
  });
});

describe("checkTargets (issue 6's targets at 4× CPU)", () => {
  const results = (kontakt: number[], empty: number[]) => ({
    rates: [4],
    runs: kontakt.length,
    pages: [
      { id: 'empty', values: empty },
      { id: 'kontakt', values: kontakt },
    ].map(({ id, values }) => ({
      page: { id, name: id } as never,
      bytes: undefined,
      violations: undefined,
      byRate: new Map([[4, summarizeRuns(runs(values))]]),
    })),
  });

  it('meets a target only when the whole interval is within it', () => {
    const [visible] = checkTargets(results([260, 270, 280, 290, 300], [200, 205, 210, 215, 220]));
    expect(visible?.verdict).toBe('met');
  });

  it('misses it when the whole interval is over it', () => {
    const [visible] = checkTargets(results([700, 720, 740, 760, 780], [200, 205, 210, 215, 220]));
    expect(visible?.verdict).toBe('not met');
    expect(visible?.over?.estimate).toBe(530);
  });

  it('leaves it undecided when the noise is larger than the distance to the target', () => {
    const [visible] = checkTargets(results([150, 250, 320, 420, 600], [120, 180, 235, 330, 585]));
    expect(visible?.verdict).toBe('undecided');
  });
});

describe('firstRenderLimits', () => {
  /** One page's runs: every run the same figures. */
  const page = (id: string, visible: number, scriptsIn?: number) => ({
    page: { id, name: id } as never,
    bytes: undefined,
    violations: undefined,
    byRate: new Map([
      [4, summarizeRuns([1, 2, 3].map(() => ({ ...runs([visible])[0], scriptsIn }) as never))],
    ]),
  });

  it('breaks "visible" down into the floors, the scripts’ arrival and the main thread after it', () => {
    const text = firstRenderLimits({
      rates: [4],
      runs: 3,
      pages: [
        page('empty', 130),
        page('static-form', 160),
        page('lit', 210, 100),
        page('kontakt', 420, 230),
        page('kontakt-preloaded', 360, 120),
      ],
    });
    expect(text).toContain('+30 ms over the empty page');
    expect(text).toContain('a trivial Lit element: +80 ms');
    expect(text).toContain("+110 ms together against the target's +100 ms");
    expect(text).toContain('all in at 230 ms, 130 ms after the trivial element');
    expect(text).toContain('preloaded by the page, they are in at 120 ms');
    expect(text).toContain('visible 190 ms after that, against 110 ms for the trivial element');
  });

  it('says nothing when the pages it reads were not measured (the quick pass: kontakt alone)', () => {
    expect(
      firstRenderLimits({
        rates: [4],
        runs: 3,
        pages: [page('empty', 130), page('kontakt', 420, 230)],
      }),
    ).toBe('');
  });
});

describe('summarize', () => {
  it('keeps the sorted figures beside the median and range', () => {
    expect(summarize([3, Number.NaN, 1, 2])).toEqual({
      median: 2,
      min: 1,
      max: 3,
      values: [1, 2, 3],
    });
  });
});
