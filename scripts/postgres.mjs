// A throwaway PostgreSQL server for the tests and the server benchmark: Debian's `postgresql`
// package (installed with apt-get when missing), on a free loopback port and a private temporary
// data directory, stopped and removed again afterwards — also when the tests fail or the process
// is interrupted. With `KONTAKT_TEST_DATABASE_URL` or `DATABASE_URL` set, that server is used and
// nothing is started.
//
//   import { startPostgres } from './scripts/postgres.mjs';
//   const pg = await startPostgres();   // { url, stop(), started }
//   …
//   await pg.stop();
//
// Run alone (`node scripts/postgres.mjs`) it starts a server, prints its URL and stops on Ctrl-C.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The OS user Debian's package creates; postgres refuses to run as root. */
const SERVICE_USER = 'postgres';
const STARTUP_TIMEOUT_MS = 30_000;

/**
 * The URL of an existing server the caller asked for, or `undefined`. Empty counts as unset.
 * @returns {string | undefined}
 */
export function externalDatabaseUrl() {
  for (const name of ['KONTAKT_TEST_DATABASE_URL', 'DATABASE_URL']) {
    const value = process.env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * Starts a private PostgreSQL server (or uses the one `KONTAKT_TEST_DATABASE_URL`/`DATABASE_URL`
 * names) and resolves with a superuser URL to its `postgres` database.
 *
 * `durable: false` (the default, for tests) turns off fsync: the data is thrown away anyway, and
 * `CREATE DATABASE` per test file becomes a matter of milliseconds. The benchmark passes `true`.
 *
 * @param {{ durable?: boolean, log?: (line: string) => void }} [options]
 * @returns {Promise<{ url: string, started: boolean, stop: () => Promise<void> }>}
 */
export async function startPostgres({ durable = false, log = () => {} } = {}) {
  const external = externalDatabaseUrl();
  if (external) return { url: external, started: false, stop: async () => {} };

  const bin = findPostgresBinaries() ?? installPostgres(log);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'kontakt-postgres-'));
  const dataDir = join(dir, 'data');
  // Everything lives in the temporary directory, the socket too: nothing touches /var/run.
  if (asRoot) {
    const { uid, gid } = serviceUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  let child;
  const stopNow = () => {
    // SIGQUIT is postgres' immediate shutdown: right for a throwaway server on the way out.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
    cleanup();
  };
  process.once('exit', stopNow);
  const onSignal = (signal) => {
    stopNow();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const forget = () => {
    process.off('exit', stopNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  try {
    run(asRoot, join(bin, 'initdb'), [
      '--pgdata',
      dataDir,
      '--username',
      'postgres',
      '--auth',
      'trust',
      '--encoding',
      'UTF8',
      '--locale',
      'C',
      ...(durable ? [] : ['--no-sync']),
    ]);
    const port = await freePort();
    const settings = {
      listen_addresses: '127.0.0.1',
      port: String(port),
      unix_socket_directories: dir,
      max_connections: '200',
      ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
    };
    const args = [
      '-D',
      dataDir,
      ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ];
    child = spawnAs(asRoot, join(bin, 'postgres'), args);
    const output = [];
    child.stderr.on('data', (chunk) => output.push(String(chunk)));
    child.stdout.on('data', (chunk) => output.push(String(chunk)));
    await waitUntilReady(bin, port, child, output);
    log(`PostgreSQL ${bin} on port ${port}`);
    let stopping;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      started: true,
      // The postmaster (setpriv execs it): the bench counts its processes' CPU time.
      pid: child.pid,
      stop: () => {
        stopping ??= stopServer(child).finally(() => {
          cleanup();
          forget();
        });
        return stopping;
      },
    };
  } catch (error) {
    stopNow();
    forget();
    throw error;
  }
}

/**
 * The directory with `initdb` and `postgres`: on PATH, `/usr/local/bin`, or the newest
 * `/usr/lib/postgresql/<version>/bin` (Debian keeps them off PATH).
 * @returns {string | undefined}
 */
export function findPostgresBinaries() {
  const has = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [...onPath, '/usr/local/bin'];
  for (const root of ['/usr/lib/postgresql', '/usr/local/pgsql']) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(root, version, 'bin')), join(root, 'bin'));
  }
  return candidates.find(has);
}

function installPostgres(log) {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'PostgreSQL is not installed: install it (Debian: apt-get install postgresql), or set KONTAKT_TEST_DATABASE_URL to a server the tests may create databases on.',
    );
  }
  log('PostgreSQL is not installed: apt-get install -y postgresql');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
      env,
      stdio: 'inherit',
    }).status === 0;
  // A fresh machine has no package lists yet; fetch them only when the install needs them.
  if (!install()) {
    execFileSync('apt-get', ['update'], { env, stdio: 'inherit' });
    if (!install()) throw new Error('apt-get install postgresql failed');
  }
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('postgresql was installed, but initdb and postgres were not found');
  return bin;
}

/** @returns {{ uid: number, gid: number }} */
function serviceUser() {
  const id = (flag) =>
    Number(execFileSync('id', [flag, SERVICE_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(
      `Running as root, PostgreSQL needs the OS user "${SERVICE_USER}" (Debian's postgresql package creates it).`,
    );
  }
}

/**
 * Runs as the service user when we are root. `setpriv --pdeathsig` makes the server quit when the
 * process that started it dies, however it dies (even SIGKILL, when no exit handler runs).
 */
function command(asRoot, file, args) {
  if (!asRoot) return { file, args };
  return {
    file: 'setpriv',
    args: [
      `--reuid=${SERVICE_USER}`,
      `--regid=${SERVICE_USER}`,
      '--init-groups',
      '--pdeathsig=SIGQUIT',
      '--',
      file,
      ...args,
    ],
  };
}

function run(asRoot, file, args) {
  const cmd = command(asRoot, file, args);
  const result = spawnSync(cmd.file, cmd.args, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${file} failed (${result.status}): ${result.stderr || result.error}`);
  }
}

function spawnAs(asRoot, file, args) {
  const cmd = command(asRoot, file, args);
  return spawn(cmd.file, cmd.args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls with `pg_isready` (from the same installation) until the server takes connections. */
async function waitUntilReady(bin, port, child, output) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  const isReady = join(bin, 'pg_isready');
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgreSQL exited at start:\n${output.join('')}`);
    }
    const probe = existsSync(isReady)
      ? spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q'])
      : { status: output.join('').includes('ready to accept connections') ? 0 : 1 };
    if (probe.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `PostgreSQL did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.join('')}`,
  );
}

/** Fast shutdown (SIGINT: disconnect clients, stop); immediate after 10 s. */
function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGQUIT'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGINT');
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startPostgres({ log: (line) => console.error(line) });
  // Ctrl-C stops it: startPostgres' own signal handler removes the server and its directory.
  console.log(pg.url);
}
