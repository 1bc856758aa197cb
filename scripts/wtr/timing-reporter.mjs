// A web-test-runner reporter that says where the browser tests' time goes: per test file, the time
// from its page starting to its results being in, the slowest first. The config adds it when
// `KONTAKT_WTR_TIMINGS` is set (`1` prints the table; a path also writes it there as JSON):
//
//   KONTAKT_WTR_TIMINGS=/tmp/wtr.json npx web-test-runner --group status-tracker
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * @param {{ output?: string | undefined }} [options]
 * @returns {import('@web/test-runner').Reporter}
 */
export function timingReporter({ output } = {}) {
  /** @type {Map<string, { started: number, finished?: number, tests: number }>} */
  const files = new Map();
  let runStarted = 0;
  return {
    start({ sessions }) {
      runStarted = Date.now();
      sessions.on('session-status-updated', (session) => {
        const file = relative(process.cwd(), session.testFile);
        // The first status a file's session reports (normally INITIALIZING) starts its clock.
        if (!files.has(file)) files.set(file, { started: Date.now(), tests: 0 });
        if (session.status === 'FINISHED') {
          const entry = files.get(file);
          if (entry) {
            entry.finished = Date.now();
            entry.tests = countTests(session.testResults);
          }
        }
      });
    },
    stop() {
      const rows = [...files.entries()]
        .map(([file, { started, finished, tests }]) => ({
          file,
          tests,
          seconds: ((finished ?? Date.now()) - started) / 1000,
        }))
        .sort((a, b) => b.seconds - a.seconds);
      const total = (Date.now() - runStarted) / 1000;
      const lines = rows.map(
        (row) =>
          `${row.seconds.toFixed(1).padStart(7)} s ${String(row.tests).padStart(4)}  ${row.file}`,
      );
      console.log(`\nBrowser test files by time (run ${total.toFixed(1)} s):\n${lines.join('\n')}`);
      if (output && output !== '1') {
        writeFileSync(output, `${JSON.stringify({ total, files: rows }, null, 2)}\n`);
      }
    },
  };
}

/** @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite */
function countTests(suite) {
  if (!suite) return 0;
  return suite.tests.length + suite.suites.reduce((sum, child) => sum + countTests(child), 0);
}
