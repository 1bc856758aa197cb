// A real kontakt server for the kontakt page, as a child process so that its work does not share
// an event loop with the bench's page server and browser driver. It runs the built server
// (`packages/server/dist`), the same build as the widget bundle the page loads.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './paths.mjs';

const MAIN = join(ROOT, 'packages/server/dist/main.js');
const CONFIG = join(ROOT, 'bench/departments.json');
const START_TIMEOUT_MS = 20_000;

/**
 * @param {string} pageOrigin   the bench page server's origin, allowed to call the API (CORS)
 * @returns {Promise<{ url: string, close: () => Promise<void>, publishNotice: (notice: object) => Promise<void> }>}
 */
export function startKontaktServer(pageOrigin) {
  // An admin API key for this run only (the server gets its hash): the notice page's notice.
  const adminKey = `kk_${randomBytes(20).toString('hex')}`;
  const adminKeys = `bench:sha256:${createHash('sha256').update(adminKey).digest('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'kontakt-bench-'));
  const args = [
    MAIN,
    ...['--config', CONFIG, '--data', dataDir, '--port', '0', '--host', '127.0.0.1'],
    ...['--allow-origin', pageOrigin, '--log-level', 'info'],
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KONTAKT_ADMIN_API_KEYS: adminKeys },
  });
  /** @type {string[]} */
  const log = [];
  createInterface({ input: child.stderr }).on('line', (line) => log.push(line));

  const close = () =>
    new Promise((resolve) => {
      child.once('exit', () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve(undefined);
      });
      child.kill('SIGTERM');
    });

  return new Promise((resolve, reject) => {
    const fail = (/** @type {string} */ why) => {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`The kontakt server did not start: ${why}\n${log.slice(-20).join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`no "listening" within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => fail(`it exited with ${code}`));
    // The server logs JSON lines (pino); the one that says it listens carries its URL.
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.push(line);
      const url = listeningUrl(line);
      if (!url) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      /** Publishes a notice through the admin API, as the contact center's staff do. */
      const publishNotice = async (/** @type {object} */ notice) => {
        const response = await fetch(`${url.replace(/\/$/, '')}/v1/admin/notices`, {
          method: 'POST',
          headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
          body: JSON.stringify(notice),
        });
        if (response.status !== 201) {
          throw new Error(
            `Publishing the bench notice failed: ${response.status} ${await response.text()}`,
          );
        }
      };
      resolve({ url, close, publishNotice });
    });
  });
}

/** @param {string} line */
function listeningUrl(line) {
  try {
    const entry = JSON.parse(line);
    return entry?.msg === 'kontakt server listening' ? String(entry.url) : undefined;
  } catch {
    return undefined;
  }
}
