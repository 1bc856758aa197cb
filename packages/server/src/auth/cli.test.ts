import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverFromSource } from '../../../../scripts/server-from-source.mjs';
import { readCliConfig, UsageError } from '../cli-settings.js';
import { loadConfigFile } from '../config.js';
import { ConfigError } from '../config-error.js';
import { startServer } from '../server.js';
import { testAccounts } from '../test-support/agents.js';
import { testDepartments } from '../test-support/departments.js';
import { storeUnderTest } from '../test-support/store.js';
import { verifyPassword } from './passwords.js';

/** Runs `kontakt-server hash-password` with `input` on a pipe (not a terminal). */
async function hashPasswordCli(
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // The CLI from today's source, bundled once (a start through tsx costs seconds).
  const child = spawn(process.execPath, [await serverFromSource(), 'hash-password'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

// Each spawns a CLI process, which is slow (seconds on a busy machine): once is enough, on the
// embedded store's run.
describe.runIf(storeUnderTest === 'sqlite')(
  'kontakt-server hash-password',
  { timeout: 60_000 },
  () => {
    it('prints a scrypt hash of the password read from a pipe, without its trailing line break', async () => {
      const { code, stdout } = await hashPasswordCli('  två ord med mellanslag \n');
      expect(code).toBe(0);
      const hash = stdout.trim();
      expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
      expect(await verifyPassword('  två ord med mellanslag ', hash)).toBe(true);
      expect(await verifyPassword('  två ord med mellanslag \n', hash)).toBe(false);
    });

    it('refuses an empty password with exit code 2', async () => {
      const { code, stderr, stdout } = await hashPasswordCli('\n');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/reads the password from standard input/);
    });
  },
);

/** `script` (util-linux) runs a command on a real pseudo-terminal, as a person at a terminal would. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe.runIf(storeUnderTest === 'sqlite' && hasScript)(
  'kontakt-server hash-password at a terminal',
  { timeout: 60_000 },
  () => {
    it('asks for the password without showing what is typed', async () => {
      const command = `${process.execPath} ${await serverFromSource()} hash-password`;
      const child = spawn('script', ['-qec', command, '/dev/null'], {
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let output = '';
      const prompted = new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk) => {
          output += String(chunk);
          if (output.includes('Password')) resolve();
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await prompted;
      child.stdin.write('hemligt lösen\r');
      expect(await exited).toBe(0);
      expect(output).not.toContain('hemligt');
      const hash = /\$scrypt\$\S+/.exec(output)?.[0] ?? '';
      expect(await verifyPassword('hemligt lösen', hash)).toBe(true);
    });
  },
);

describe('session settings', () => {
  it('reads --session-idle and KONTAKT_SESSION_MAX as durations', () => {
    const config = readCliConfig(['--config', 'x.json', '--session-idle', '10m'], {
      KONTAKT_SESSION_MAX: '8h',
    });
    expect(config?.options.session).toEqual({ idleMs: 600_000, absoluteMs: 8 * 3_600_000 });
    expect(readCliConfig(['--config', 'x.json'], {})?.options.session).toBeUndefined();
  });

  it('refuses a duration it cannot read, naming where it came from', () => {
    expect(() => readCliConfig(['--config', 'x.json'], { KONTAKT_SESSION_IDLE: '30' })).toThrow(
      new UsageError('KONTAKT_SESSION_IDLE needs a duration such as 30m, 12h or 90s, got 30'),
    );
  });
});

describe('accounts in the configuration', () => {
  it('are read from the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-accounts-'));
    try {
      const accounts = await testAccounts();
      const path = join(dir, 'config.json');
      await writeFile(path, JSON.stringify({ departments: testDepartments, accounts }));
      const config = await loadConfigFile(path);
      expect(config.accounts.map((account) => [account.id, account.role])).toEqual([
        ['anna', 'agent'],
        ['sven', 'specialist'],
        ['alva', 'admin'],
      ]);
      expect(config.accounts[0]?.departments).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuse a bad account with the fields named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-accounts-'));
    try {
      const [anna, sven] = await testAccounts();
      const path = join(dir, 'config.json');
      const write = (accounts: unknown[]) =>
        writeFile(path, JSON.stringify({ departments: testDepartments, accounts }));
      const errorsOf = async () => {
        const error = await loadConfigFile(path).catch((reason: unknown) => reason);
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).errors.map((e) => [e.field, e.code]);
      };
      await write([
        { ...anna, role: 'boss', passwordHash: 'hunter2' },
        { ...sven, departments: [] },
      ]);
      expect(await errorsOf()).toEqual([
        ['accounts.0.role', 'invalid_option'],
        ['accounts.0.passwordHash', 'invalid_format'],
        ['accounts.1.departments', 'required'],
      ]);
      // Duplicates are looked for once every account is valid.
      await write([anna, sven, { ...sven, email: 'ANNA@kommun.example.se' }]);
      expect(await errorsOf()).toEqual([
        ['accounts.2.id', 'duplicate'],
        ['accounts.2.email', 'duplicate'],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuse a department the server does not have', async () => {
    const [, sven] = await testAccounts();
    const error = await startServer({
      departments: testDepartments,
      dataDir: tmpdir(),
      logLevel: 'silent',
      port: 0,
      accounts: [{ ...(sven as NonNullable<typeof sven>), departments: ['skola', 'bibliotek'] }],
    }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).errors).toEqual([
      expect.objectContaining({ field: 'accounts.0.departments.1', code: 'unknown_department' }),
    ]);
  });
});
