#!/usr/bin/env node
// `npm run bench:widgets`: what <kc-contact-form> costs a department's page, beside the embeds a
// department would otherwise pick, in headless Chromium at 1× and 4× CPU. Writes BENCHMARKS.md.
//
//   node bench/widgets.mjs                 all pages, 5 runs each, writes BENCHMARKS.md
//   node bench/widgets.mjs --runs 9        more runs
//   node bench/widgets.mjs --quick         kontakt and the empty page, 1 run, no file written;
//                                          exits 1 if the form never becomes visible and complete
//                                          or axe finds violations (npm test runs this)
//   node bench/widgets.mjs --help          every option (pages, rates, a baseline, traces)
//
// Needs `npm run build` first: it measures the built script-tag bundle and the built server.
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';
import { writeSection } from './lib/benchmarks-file.mjs';
import { buildPeers, OUT_DIR } from './lib/build.mjs';
import { startKontaktServer } from './lib/kontakt-server.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measure } from './lib/measure.mjs';
import { baselinePages, PAGES } from './lib/pages.mjs';
import { assertBuilt, WIDGET_CDN } from './lib/paths.mjs';
import { benchmarksMarkdown, consoleReport } from './lib/report.mjs';
import { snapshotForm } from './lib/static-form.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { summarizeRuns } from './lib/stats.mjs';

const HELP = `Usage: node bench/widgets.mjs [options]

  --runs <n>         measured runs per page and CPU rate (default 5)
  --quick            kontakt and the empty page, one run, no file written (npm test)
  --pages <ids>      only these pages, comma-separated (ids: ${PAGES.map((page) => page.id).join(', ')});
                     the empty page is always measured; no file is written
  --rates <list>     CPU slow-down rates, comma-separated (default 1,4); no file is written
  --baseline <dir>   also measure every selected kontakt page with the script-tag bundle in <dir>
                     (an earlier copy of packages/widgets/dist/cdn), interleaved with today's, so
                     before and after share one run's conditions; no file is written
  --save-baseline <dir>  copy today's packages/widgets/dist/cdn to <dir> first (for --baseline later)
  --help             this text

Environment:
  BENCH_TRACE=<dir>  after the measured runs, load each page once more at the highest rate with a
                     Chromium performance trace (DevTools timeline and V8 CPU profile) and write it
                     to <dir>/<page>-<rate>x.json (open it in DevTools' Performance panel, or
                     summarise it with \`node bench/lib/trace-summary.mjs <file>\`)
  BENCH_TRACE_SAMPLES=0  leave V8's CPU sampler out of the traces: no profile, but the tasks take
                     as long as untraced (the sampler slows scripts down)
`;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    pages: { type: 'string' },
    rates: { type: 'string' },
    baseline: { type: 'string' },
    'save-baseline': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const quick = Boolean(args.quick);
const runs = quick ? 1 : Number(args.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs needs a whole number, got ${args.runs}`);
const RATES = (args.rates ?? '1,4').split(',').map(Number);
if (RATES.some((rate) => !(rate >= 1)))
  throw new Error(`--rates needs numbers of at least 1, got ${args.rates}`);
const wanted = args.pages?.split(',');
const unknown = wanted?.filter((id) => !PAGES.some((page) => page.id === id)) ?? [];
if (unknown.length > 0) throw new Error(`--pages: no page ${unknown.join(', ')} (see --help)`);
const selected = quick
  ? PAGES.filter((page) => !page.peer && !page.reference && page.quick !== false)
  : wanted
    ? PAGES.filter((page) => page.id === 'empty' || wanted.includes(page.id))
    : PAGES;
if (args.baseline && !existsSync(join(args.baseline, 'contact-form.js')))
  throw new Error(`--baseline ${args.baseline}: no contact-form.js there (a copy of dist/cdn?)`);
/** Before and after side by side: each kontakt page, then the same page on the baseline bundle. */
const pages = args.baseline
  ? selected.flatMap((page) => [page, ...baselinePages([page])])
  : selected;
/** Only a full, default run describes the bench as BENCHMARKS.md says it does. */
const writesFile = !quick && !wanted && !args.rates && !args.baseline;
const traceDir = process.env.BENCH_TRACE;

/** The notice the notice page shows: a crisis notice for every department. */
const BENCH_NOTICE = {
  title: {
    sv: 'Koka dricksvattnet',
    en: 'Boil your drinking water',
    fi: 'Keitä juomavesi',
    ar: 'اغلِ مياه الشرب',
  },
  text: {
    sv: 'I centrala staden ska dricksvattnet kokas tills vidare.',
    en: 'In the city centre, drinking water must be boiled until further notice.',
    fi: 'Keskustassa juomavesi on keitettävä toistaiseksi.',
    ar: 'في وسط المدينة يجب غلي مياه الشرب حتى إشعار آخر.',
  },
  severity: 'danger',
  departments: 'all',
};

/** @param {string} line */
const log = (line) => process.stderr.write(`[bench] ${line}\n`);

async function main() {
  assertBuilt();
  if (args['save-baseline']) {
    cpSync(WIDGET_CDN, args['save-baseline'], { recursive: true });
    log(`copied ${WIDGET_CDN} to ${args['save-baseline']}`);
  }
  if (pages.some((page) => page.peer)) {
    log('building the peer pages with esbuild…');
    await buildPeers();
  }
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  /** @type {Awaited<ReturnType<typeof startKontaktServer>> | undefined} */
  let kontakt;
  /** @type {import('./lib/static-form.mjs').FormSnapshot | undefined} */
  let staticForm;
  const web = await startStaticServer({
    mounts: {
      '/kontakt/': WIDGET_CDN,
      '/assets/': OUT_DIR,
      ...(args.baseline ? { '/kontakt-baseline/': args.baseline } : {}),
    },
    // Every page is served, not only the measured ones: the plain-HTML form is read from the
    // kontakt page (snapshotForm) whether or not that page is measured.
    pages: [...PAGES, ...baselinePages(PAGES)],
    context: () => ({ endpoint: kontakt?.url ?? '', staticForm }),
  });
  kontakt = await startKontaktServer(web.url);
  if (pages.some((page) => page.id === 'notice')) await kontakt.publishNotice(BENCH_NOTICE);
  // Loopback only: whatever an embed tries to reach elsewhere (Papercups' iframe) fails at once
  // instead of waiting for a network this machine may not have.
  const browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: [...chromeArgs(), '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  try {
    if (pages.some((page) => page.id === 'static-form')) {
      staticForm = await snapshotForm(browser, `${web.url}/kontakt.html`);
    }
    const results = await measureAll(browser, web.url, axe);
    console.log(consoleReport(results));
    if (traceDir) {
      mkdirSync(traceDir, { recursive: true });
      await traceAll(browser, web.url, traceDir);
    }
    if (writesFile) {
      const markdown = benchmarksMarkdown(results, {
        date: new Date()
          .toISOString()
          .replace(/:\d\d\.\d+Z$/, ' UTC')
          .replace('T', ' '),
        command: `npm run bench:widgets${runs === 5 ? '' : ` -- --runs ${runs}`}`,
        machine: describeMachine(await browser.version()),
      });
      writeSection('widgets', markdown);
      log('wrote BENCHMARKS.md');
    }
    return results;
  } finally {
    await browser.close();
    await kontakt.close();
    await web.close();
  }
}

/**
 * One unmeasured load of every page first (the server's caches and the OS's file cache warm up),
 * then the runs, interleaved page by page so that drift on the machine spreads over all pages.
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin
 * @param {string} axe
 * @returns {Promise<import('./lib/report.mjs').Results>}
 */
async function measureAll(browser, origin, axe) {
  const url = (/** @type {import('./lib/pages.mjs').Page} */ page) => `${origin}/${page.id}.html`;
  for (const page of pages) await measure(browser, page, url(page), { rate: 1 });

  const results = pages.map((page) => ({
    page,
    /** @type {import('./lib/measure.mjs').Bytes | undefined} */ bytes: undefined,
    /** @type {string[] | undefined} */ violations: undefined,
    /** @type {Map<number, import('./lib/measure.mjs').Run[]>} */ runs: new Map(),
  }));
  for (let index = 0; index < runs; index += 1) {
    for (const rate of RATES) {
      for (const result of results) {
        // Weight and axe do not change from run to run: once per page is enough.
        const first = index === 0 && rate === RATES[0];
        const measured = await measure(browser, result.page, url(result.page), {
          rate,
          sizes: first,
          ...(first ? { axe } : {}),
        });
        if (first) {
          result.bytes = measured.bytes;
          result.violations = measured.violations;
        }
        result.runs.set(rate, [...(result.runs.get(rate) ?? []), measured.run]);
        log(describeRun(result.page.id, rate, index, measured.run));
      }
    }
  }
  return {
    rates: RATES,
    runs,
    pages: results.map(({ page, bytes, violations, runs: byRate }) => ({
      page,
      bytes,
      violations,
      byRate: new Map([...byRate].map(([rate, list]) => [rate, summarizeRuns(list)])),
    })),
  };
}

/**
 * One more load of every page at the highest rate, traced (not counted: tracing slows the page).
 * @param {import('puppeteer-core').Browser} browser
 * @param {string} origin
 * @param {string} dir
 */
async function traceAll(browser, origin, dir) {
  const rate = Math.max(...RATES);
  for (const page of pages) {
    const trace = join(dir, `${page.id}-${rate}x.json`);
    await measure(browser, page, `${origin}/${page.id}.html`, { rate, trace });
    log(`trace of ${page.id} at ${rate}×: ${trace}`);
  }
}

/** @param {string} id @param {number} rate @param {number} index @param {import('./lib/measure.mjs').Run} run */
function describeRun(id, rate, index, run) {
  const complete = run.complete === undefined ? '' : `, complete ${Math.round(run.complete)} ms`;
  const scripts =
    run.scriptsIn === undefined
      ? ''
      : ` (scripts in at ${Math.round(run.scriptsIn)} ms, answers waited for up to ${Math.round(run.serverWait ?? 0)} ms)`;
  return `${rate}× ${id} ${index + 1}/${runs}: visible ${Math.round(run.visible)} ms${scripts}${complete}, tasks ${Math.round(run.taskMs)} ms (CPU ${Math.round(run.cpuMs)} ms), long tasks ${Math.round(run.longTaskMs)} ms`;
}

/** In the quick pass (npm test) an inaccessible form fails the tests like a broken one. */
function failOnViolations(/** @type {import('./lib/report.mjs').Results} */ results) {
  const bad = results.pages.filter((each) => (each.violations?.length ?? 0) > 0);
  for (const each of bad) log(`axe violations on ${each.page.id}: ${each.violations?.join(', ')}`);
  return bad.length > 0;
}

main().then(
  (results) => {
    if (quick && failOnViolations(results)) process.exit(1);
  },
  (error) => {
    console.error(`[bench] ${error instanceof Error ? error.message : error}`);
    if (error instanceof Error && error.cause) console.error(error.cause);
    process.exit(1);
  },
);
