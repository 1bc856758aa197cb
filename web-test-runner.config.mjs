// Browser tests: widgets (and core's browser-only parts) in a real Chromium, from source.
// `npx web-test-runner` runs everything once; `npx wtr --group contact-form` runs one widget;
// `npx wtr --group core` the SDK's browser tests.
import { existsSync, readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { kontaktApiProxy } from './packages/console/scripts/wtr-api-proxy.mjs';
import { consoleFaultFixture } from './packages/console/scripts/wtr-fault-fixture.mjs';
import { faultReportFixturePlugin } from './packages/widgets/src/components/fault-report/test-fixtures/wtr-plugin.mjs';
import { chromeArgs, findChrome } from './scripts/find-chrome.mjs';
import { forcedColorsPlugin } from './scripts/wtr/forced-colors-plugin.mjs';
import { kontaktServerPlugin } from './scripts/wtr/kontakt-server-plugin.mjs';
import { timingReporter } from './scripts/wtr/timing-reporter.mjs';

const CORE_FILES = 'packages/*/src/**/*.browser.test.ts';
const WIDGET_FILES = 'packages/widgets/src/**/*.test.ts';
const CONSOLE_FILES = 'packages/console/src/**/*.test.ts';
/** Every widget story rendered and played (stories/stories.test.ts). */
const STORY_FILES = 'stories/**/*.test.ts';
const COMPONENTS = 'packages/widgets/src/components';

const hasFiles = (dir, suffix) =>
  existsSync(dir) &&
  readdirSync(dir, { recursive: true }).some((file) => String(file).endsWith(suffix));

/**
 * One group per widget (so one can run alone), one for the rest of the widgets package, one each
 * for the console, the stories and core.
 */
function groups() {
  const list = [];
  const components = existsSync(COMPONENTS)
    ? readdirSync(COMPONENTS, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
  for (const name of components) {
    if (hasFiles(`${COMPONENTS}/${name}`, '.test.ts')) {
      list.push({ name, files: `${COMPONENTS}/${name}/**/*.test.ts` });
    }
  }
  list.push({
    name: 'widgets',
    files: [WIDGET_FILES, `!${COMPONENTS}/**`],
  });
  // The agent console: `npx wtr --group console`.
  list.push({ name: 'console', files: CONSOLE_FILES });
  // The widgets' stories: `npx wtr --group stories`.
  list.push({ name: 'stories', files: STORY_FILES });
  if (hasFiles('packages/core/src', '.browser.test.ts')) {
    list.push({ name: 'core', files: 'packages/core/src/**/*.browser.test.ts' });
  }
  return list;
}

// The runner runs the top-level `files` as a "default" group *and* every group, so defining both
// would run each test twice. Groups are therefore only handed over when one is asked for.
const groupAsked = process.argv.some((arg) => arg === '--group' || arg.startsWith('--group='));

/** `KONTAKT_WTR_TIMINGS=1` (or a JSON file's path) adds each file's time to the report. */
const timings = process.env.KONTAKT_WTR_TIMINGS;

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: [CORE_FILES, WIDGET_FILES, CONSOLE_FILES, STORY_FILES],
  ...(groupAsked ? { groups: groups() } : {}),
  ...(timings ? { reporters: [defaultReporter(), timingReporter({ output: timings })] } : {}),
  nodeResolve: {
    exportConditions: ['@kontakt/source', 'browser', 'import', 'default'],
  },
  // The console's tests reach their servers through the page's own origin, as the console does.
  middleware: [kontaktApiProxy()],
  plugins: [
    // `ts: true` also rewrites `./foo.js` imports to `./foo.ts` when only the .ts file exists.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'scripts/wtr/tsconfig.esbuild.json' }),
    kontaktServerPlugin(),
    // The console's fault case test: a department whose map tiles are served by this server.
    consoleFaultFixture(),
    // The fault report's map test: a department whose tiles are served by this server.
    faultReportFixturePlugin(),
    // Windows' high contrast themes (the widgets' shared base tests, test-support/widget-base-tests.ts).
    forcedColorsPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: chromeArgs(),
      },
    }),
  ],
  // One test file at a time. Every file's page has the same origin, so they share its
  // localStorage and IndexedDB, and tests assert on those (nothing stored before a notice is
  // hidden, a draft kept out of localStorage, the hidden notices remembered for the next page):
  // two files at once made those assertions race. A page in the background also does not run
  // its animations.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: {
    config: { timeout: 20_000 },
  },
};
