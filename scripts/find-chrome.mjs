// Finds a Chromium/Chrome executable for the browser tests. Order: CHROME_PATH, a browser on the
// PATH, a Playwright cache, and — only as root on Debian — Debian's own `chromium` package.
// It never downloads a browser build of its own: host policies and air-gapped CI forbid that.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath() {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function inPlaywrightCache() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return undefined;
  // Newest revision first: directory names are `chromium-<revision>`.
  const revisions = readdirSync(root)
    .filter((dir) => /^chromium-\d+$/.test(dir))
    .sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  for (const revision of revisions) {
    for (const sub of readdirSync(join(root, revision))) {
      if (!sub.startsWith('chrome-linux')) continue;
      const file = join(root, revision, sub, 'chrome');
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function locate() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`CHROME_PATH is set to ${fromEnv}, which is not an executable file.`);
    }
    return fromEnv;
  }
  return onPath() ?? inPlaywrightCache();
}

function canInstallWithApt() {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version');
}

function installWithApt() {
  console.log(
    '[find-chrome] No Chromium found: installing Debian package "chromium" with apt-get.',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
    // stdio is inherited so the person running the tests sees what apt-get does and why it takes time.
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      throw new Error(`[find-chrome] "apt-get ${args.join(' ')}" failed (exit ${result.status}).`);
    }
  }
}

const HOW_TO_INSTALL = `No Chromium or Chrome found for the browser tests.
Install one and run again, for example:
  Debian/Ubuntu:  sudo apt-get install chromium
  Fedora:         sudo dnf install chromium
  macOS:          brew install --cask chromium   (or install Google Chrome)
or point CHROME_PATH at an existing Chrome/Chromium executable.`;

let cached;

/**
 * Returns the path of a Chromium/Chrome executable, installing Debian's `chromium` package when
 * running as root on Debian and nothing else is found.
 * @returns {string}
 */
export function findChrome() {
  if (cached) return cached;
  let found = locate();
  if (!found && canInstallWithApt()) {
    installWithApt();
    found = locate();
  }
  if (!found) throw new Error(HOW_TO_INSTALL);
  cached = found;
  return found;
}

/**
 * Command-line flags for a headless test browser here: as root Chromium needs `--no-sandbox`, and
 * on a closed network its background services only produce refused connections and delays.
 * @returns {string[]}
 */
export function chromeArgs() {
  return [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
  ];
}

// `node scripts/find-chrome.mjs` prints the path and the browser's version (used by CI and humans).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = findChrome();
  let version = '';
  try {
    version = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    version = '(version unknown)';
  }
  console.log(`${file} ${version}`);
}
