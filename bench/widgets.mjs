#!/usr/bin/env node
// `npm run bench:widgets`: what <kc-contact-form> costs a department's page, beside the embeds a
// department would otherwise pick, in headless Chromium at 1× and 4× CPU. Writes BENCHMARKS.md.
//
//   node bench/widgets.mjs                 all pages, 5 runs each, writes BENCHMARKS.md
//   node bench/widgets.mjs --runs 9        more runs
//   node bench/widgets.mjs --quick         kontakt and the empty page, 1 run, no file written;
//                                          exits 1 if the form never becomes visible and complete
//                                          or axe finds violations (npm test runs this)
//
// Needs `npm run build` first: it measures the built script-tag bundle and the built server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromeArgs, findChrome } from '../scripts/find-chrome.mjs';
import { writeSection } from './lib/benchmarks-file.mjs';
import { buildPeers, OUT_DIR } from './lib/build.mjs';
import { startKontaktServer } from './lib/kontakt-server.mjs';
import { describeMachine } from './lib/machine.mjs';
import { measure } from './lib/measure.mjs';
import { PAGES } from './lib/pages.mjs';
import { assertBuilt, WIDGET_CDN } from './lib/paths.mjs';
import { benchmarksMarkdown, consoleReport } from './lib/report.mjs';
import { snapshotForm } from './lib/static-form.mjs';
import { startStaticServer } from './lib/static-server.mjs';
import { summarizeRuns } from './lib/stats.mjs';

const RATES = [1, 4];

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
  },
  strict: true,
});
const quick = Boolean(args.quick);
const runs = quick ? 1 : Number(args.runs);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs needs a whole number, got ${args.runs}`);
const pages = quick
  ? PAGES.filter((page) => !page.peer && !page.reference && page.quick !== false)
  : PAGES;

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
  if (!quick) {
    log('building the peer pages with esbuild…');
    await buildPeers();
  }
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  /** @type {Awaited<ReturnType<typeof startKontaktServer>> | undefined} */
  let kontakt;
  /** @type {import('./lib/static-form.mjs').FormSnapshot | undefined} */
  let staticForm;
  const web = await startStaticServer({
    mounts: { '/kontakt/': WIDGET_CDN, '/assets/': OUT_DIR },
    pages,
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
    if (!quick) {
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

/** @param {string} id @param {number} rate @param {number} index @param {import('./lib/measure.mjs').Run} run */
function describeRun(id, rate, index, run) {
  const complete = run.complete === undefined ? '' : `, complete ${Math.round(run.complete)} ms`;
  return `${rate}× ${id} ${index + 1}/${runs}: visible ${Math.round(run.visible)} ms${complete}, tasks ${Math.round(run.taskMs)} ms`;
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
