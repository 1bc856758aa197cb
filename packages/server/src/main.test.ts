import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFromSource } from '../../../scripts/server-from-source.mjs';
import { CLI_SETTINGS } from './cli-settings.js';
import { signIn, testAccounts } from './test-support/agents.js';
import {
  LETTER_ANSWER,
  TEST_LETTERHEAD,
  testDepartments,
  validSubmission,
} from './test-support/departments.js';
import type { TestDatabase } from './test-support/store.js';
import { createTestDatabase, storeUnderTest } from './test-support/store.js';

/**
 * The CLI from today's source, bundled once for this file: a start through tsx costs seconds of
 * transforming every module, and this file starts a dozen.
 */
let MAIN: string;
/** The built bin (`npm test` builds before it tests); its embedded store runs dist's worker file. */
const BUILT_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
let dir: string;
/** On PostgreSQL, the CLI gets this database's URL in DATABASE_URL. */
let database: TestDatabase;
beforeAll(async () => {
  MAIN = await serverFromSource();
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'kontakt-cli-'));
  await writeFile(join(dir, 'departments.json'), JSON.stringify({ departments: testDepartments }));
  await writeFile(join(dir, 'bad.json'), JSON.stringify({ departments: [{ id: 'Gata!' }] }));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Demo</title>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await database.remove();
});

function run(
  args: string[],
  env: Record<string, string> = {},
  { built = false } = {},
): ChildProcess {
  return spawn(process.execPath, built ? [BUILT_MAIN, ...args] : [MAIN, ...args], {
    env: {
      ...process.env,
      // The settings of whoever runs the tests stay out (an empty variable counts as unset).
      ...Object.fromEntries(CLI_SETTINGS.map((setting) => [setting.env, ''])),
      DATABASE_URL: database.databaseUrl ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function exitOf(child: ChildProcess): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stderr };
}

/** Collects the child's JSON log lines; `waitFor` resolves on the first line that matches. */
function logsOf(child: ChildProcess) {
  const lines: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let exited = false;
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    lines.push(JSON.parse(text) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  child.once('exit', () => {
    exited = true;
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    lines,
    async waitFor(matches: (line: Record<string, unknown>) => boolean) {
      for (;;) {
        const line = lines.find(matches);
        if (line) return line;
        if (exited) throw new Error('the server exited before logging what was expected');
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

/**
 * Checks that end before a store is opened (or never touch it) run once, in the embedded-store
 * project: each one spawns a CLI process, which is slow.
 */
const storeNeutral = it.runIf(storeUnderTest === 'sqlite');

// Each test starts one to three CLI processes one after another: seconds each on a machine busy
// with the browser tests beside these (npm test runs them side by side).
describe('kontakt-server CLI', { timeout: 60_000 }, () => {
  it('starts, logs its URL and the demo page, stores a case and stops cleanly on SIGTERM', async () => {
    const data = join(dir, 'data');
    const child = run([
      '--config',
      join(dir, 'departments.json'),
      '--data',
      data,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--demo',
      dir,
    ]);
    const logs = logsOf(child);
    try {
      const line = await logs.waitFor((l) => l.msg === 'kontakt server listening');
      const url = String(line.url);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const demo = await logs.waitFor((l) => String(l.msg).includes('demo page'));
      expect(demo.msg).toContain(`${url}/`);

      expect(await (await fetch(`${url}/v1/health`)).json()).toEqual({ status: 'ok' });
      const created = await fetch(`${url}/v1/cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(validSubmission()),
      });
      expect(created.status).toBe(201);
      const letter = validSubmission(LETTER_ANSWER);
      const byPost = await fetch(`${url}/v1/cases`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(letter),
      });
      expect(byPost.status).toBe(201);
      // The request log never carries what the citizen wrote, nor where their letter goes.
      const created201 = () => logs.lines.filter((l) => l.msg === 'request' && l.status === 201);
      await logs.waitFor(() => created201().length === 2);
      expect(JSON.stringify(logs.lines)).not.toMatch(
        /anna\.andersson|Södervärn|boendeparkering|Karin|Holm|Storgatan|211 22|Malmö/,
      );
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it.runIf(storeUnderTest === 'sqlite' && existsSync(BUILT_MAIN))(
    'runs built (dist/main.js): the embedded store starts its worker from dist and stores a case',
    async () => {
      const args = ['--config', join(dir, 'departments.json'), '--data', join(dir, 'data-built')];
      const child = run([...args, '--port', '0', '--host', '127.0.0.1'], {}, { built: true });
      const logs = logsOf(child);
      try {
        const line = await logs.waitFor((l) => l.msg === 'kontakt server listening');
        const created = await fetch(`${String(line.url)}/v1/cases`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(validSubmission()),
        });
        expect(created.status).toBe(201);
      } finally {
        child.kill('SIGTERM');
      }
      expect((await once(child, 'exit'))[0]).toBe(0);
    },
  );

  storeNeutral(
    'behind a trusted proxy (KONTAKT_TRUST_PROXY) logs the client network, never its full address',
    async () => {
      const config = join(dir, 'departments.json');
      const args = ['--config', config, '--data', join(dir, 'data-proxy'), '--port', '0'];
      const child = run([...args, '--host', '127.0.0.1'], { KONTAKT_TRUST_PROXY: 'loopback' });
      const logs = logsOf(child);
      try {
        const line = await logs.waitFor((l) => l.msg === 'kontakt server listening');
        const response = await fetch(`${String(line.url)}/v1/departments`, {
          headers: { 'X-Forwarded-For': '198.51.100.23' },
        });
        expect(response.status).toBe(200);
        const request = await logs.waitFor(
          (l) => l.msg === 'request' && l.path === '/v1/departments',
        );
        expect(request.client).toBe('198.51.100.0');
        expect(JSON.stringify(logs.lines)).not.toContain('198.51.100.23');
      } finally {
        child.kill('SIGTERM');
      }
      expect((await once(child, 'exit'))[0]).toBe(0);
    },
  );

  storeNeutral(
    'refuses a --trust-proxy that is not hops or addresses, and a missing --serve directory',
    async () => {
      const config = join(dir, 'departments.json');
      const proxy = await exitOf(
        run([
          '--config',
          config,
          '--port',
          '0',
          '--data',
          dir,
          '--trust-proxy',
          '10.0.0.0/8,proxy',
        ]),
      );
      expect(proxy.code).toBe(78);
      expect(proxy.stderr).toContain('trustProxy.1: invalid_format');

      const missing = join(dir, 'missing');
      const serve = await exitOf(
        run(['--config', config, '--port', '0', '--data', dir, '--serve', `/=${missing}`]),
      );
      expect(serve.code).toBe(78);
      expect(serve.stderr).toContain(`serve.0.dir: not_a_directory (dir: ${missing})`);
    },
  );

  storeNeutral(
    'names the variable or flag a bad value came from; a flag beats the variable',
    async () => {
      const config = join(dir, 'departments.json');
      const level = await exitOf(run(['--config', config], { KONTAKT_LOG_LEVEL: 'loud' }));
      expect(level.code).toBe(2);
      expect(level.stderr).toContain('KONTAKT_LOG_LEVEL must be one of');
      expect(level.stderr).toContain('KONTAKT_LOG_LEVEL'); // and the usage lists it

      const proxy = await exitOf(
        run(['--config', config, '--data', dir], { KONTAKT_TRUST_PROXY: '10.0.0.0/8,proxy' }),
      );
      expect(proxy.code).toBe(78);
      expect(proxy.stderr).toContain('Invalid configuration in KONTAKT_TRUST_PROXY');
      expect(proxy.stderr).toContain('trustProxy.1: invalid_format');

      // The flag wins over a bad variable, and the file comes from KONTAKT_CONFIG: the run gets as
      // far as the (bad) departments.
      const flagWins = await exitOf(
        run(['--log-level', 'silent'], {
          KONTAKT_CONFIG: join(dir, 'bad.json'),
          KONTAKT_LOG_LEVEL: 'loud',
          KONTAKT_BODY_LIMIT: ' ',
        }),
      );
      expect(flagWins.code).toBe(78);
      expect(flagWins.stderr).toContain('departments.0.id: invalid_format');
    },
  );

  storeNeutral("serves the configuration file's letterhead to signed-in staff", async () => {
    const config = join(dir, 'letterhead.json');
    const accounts = await testAccounts();
    await writeFile(
      config,
      JSON.stringify({ departments: testDepartments, accounts, letterhead: TEST_LETTERHEAD }),
    );
    const data = join(dir, 'data-letterhead');
    const child = run(['--config', config, '--port', '0', '--host', '127.0.0.1', '--data', data]);
    const logs = logsOf(child);
    try {
      const url = String((await logs.waitFor((l) => l.msg === 'kontakt server listening')).url);
      const { headers } = await signIn(url, 'anna');
      const response = await fetch(`${url}/v1/agent/letterhead`, { headers });
      expect(await response.json()).toMatchObject({
        letterhead: { sender: TEST_LETTERHEAD.sender, postalAddress: { postalCode: '205 80' } },
      });
    } finally {
      child.kill('SIGTERM');
    }
    expect((await once(child, 'exit'))[0]).toBe(0);
  });

  storeNeutral('refuses a bad departments file and lists the bad fields', async () => {
    const child = run(['--config', join(dir, 'bad.json'), '--port', '0', '--data', dir]);
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(78);
    expect(stderr).toContain('departments.0.id: invalid_format');
    expect(stderr).toContain('departments.0.categories');
  });

  storeNeutral('says which port is taken and how to choose another', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const config = join(dir, 'departments.json');
      const data = await mkdtemp(join(tmpdir(), 'kontakt-cli-busy-'));
      const result = await exitOf(
        run(['--config', config, '--port', String(port), '--host', '127.0.0.1', '--data', data]),
      );
      await rm(data, { recursive: true, force: true });
      expect(result.code).toBe(69);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
      expect(result.stderr).toContain('PORT=8081 npm start');
    } finally {
      taken.close();
    }
  });

  it.runIf(storeUnderTest === 'postgres')(
    'says in one sentence that the database cannot be reached, and exits 69 without a stack trace',
    async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const url = `postgres://kontakt:hemligt@127.0.0.1:${port}/kontakt`;
      const result = await exitOf(
        run(['--config', join(dir, 'departments.json'), '--port', '0', '--database-url', url]),
      );
      expect(result.code).toBe(69);
      expect(result.stderr.trim()).toBe(
        `Cannot connect to the PostgreSQL database at postgres://kontakt:***@127.0.0.1:${port}/kontakt (connection refused); check DATABASE_URL and that the database server is running.`,
      );
    },
  );

  it.runIf(storeUnderTest === 'sqlite')(
    'makes an admin API key that a server configured through KONTAKT_ADMIN_API_KEYS accepts',
    async () => {
      const made = run(['new-api-key', '--id', 'crisis-team']);
      let output = '';
      made.stdout?.on('data', (chunk) => {
        output += String(chunk);
      });
      expect((await exitOf(made)).code).toBe(0);
      const key = /API key[^:]*: (kk_[a-z2-7]{32})/.exec(output)?.[1] ?? '';
      const setting = /KONTAKT_ADMIN_API_KEYS=(\S+)/.exec(output)?.[1] ?? '';
      expect(setting).toMatch(/^crisis-team:sha256:[0-9a-f]{64}$/);

      // hash-api-key reads the key from standard input and prints the same hash.
      const hashing = spawn(process.execPath, [MAIN, 'hash-api-key'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let hash = '';
      hashing.stdout?.on('data', (chunk) => {
        hash += String(chunk);
      });
      hashing.stdin?.end(`${key}\n`);
      expect((await exitOf(hashing)).code).toBe(0);
      expect(`crisis-team:${hash.trim()}`).toBe(setting);

      const data = await mkdtemp(join(tmpdir(), 'kontakt-cli-data-'));
      const server = run(
        ['--config', join(dir, 'departments.json'), '--port', '0', '--data', data],
        { KONTAKT_ADMIN_API_KEYS: setting },
      );
      try {
        const logs = logsOf(server);
        const listening = await logs.waitFor((line) => line.msg === 'kontakt server listening');
        const url = String(listening.url);
        const admin = (authorization: string) =>
          fetch(`${url}/v1/admin/notices`, { headers: { Authorization: authorization } });
        expect((await admin(`Bearer ${key}`)).status).toBe(200);
        expect((await admin('Bearer kk_wrong')).status).toBe(401);
      } finally {
        server.kill('SIGTERM');
        await once(server, 'exit');
        await rm(data, { recursive: true, force: true });
      }
    },
  );
});
