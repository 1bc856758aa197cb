import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CLI_SETTINGS, readCliConfig, UsageError, usage } from './cli-settings.js';

const read = (argv: string[], env: Record<string, string> = {}) => {
  const cli = readCliConfig(['--config', 'c.json', ...argv], env);
  if (!cli) throw new Error('help');
  return cli;
};

describe('kontakt-server settings', () => {
  it('reads every setting from the environment', () => {
    const cli = read([], {
      KONTAKT_DATA_DIR: '/var/lib/kontakt',
      DATABASE_URL: 'postgres://db/kontakt',
      PORT: '8081',
      HOST: '127.0.0.1',
      KONTAKT_ALLOW_ORIGINS: 'https://a.example.se, https://b.example.se',
      KONTAKT_SERVE: '/demo=./demo,/embed=./embed',
      KONTAKT_DEMO: './site',
      KONTAKT_TRUST_PROXY: 'loopback, 10.0.0.0/8',
      KONTAKT_RATE_LIMIT: '10/30s',
      KONTAKT_READ_RATE_LIMIT: 'off',
      KONTAKT_BODY_LIMIT: '1024',
      KONTAKT_LOG_LEVEL: 'warn',
      KONTAKT_INSTANCE_ID: 'web-1',
      KONTAKT_ADMIN_API_KEYS: `crisis-team:sha256:${'a'.repeat(64)}`,
    });
    expect(cli.options).toEqual({
      dataDir: '/var/lib/kontakt',
      databaseUrl: 'postgres://db/kontakt',
      port: 8081,
      host: '127.0.0.1',
      allowedOrigins: ['https://a.example.se', 'https://b.example.se'],
      serve: [
        { path: '/demo', dir: './demo' },
        { path: '/embed', dir: './embed' },
        { path: '/', dir: './site' },
      ],
      trustProxy: ['loopback', '10.0.0.0/8'],
      rateLimit: { windowMs: 30_000, max: 10, reads: false },
      bodyLimit: 1024,
      logLevel: 'warn',
      instanceId: 'web-1',
    });
    expect(cli.adminApiKeys.map((key) => key.id)).toEqual(['crisis-team']);
    expect(readCliConfig([], { KONTAKT_CONFIG: 'from-env.json' })?.configPath).toBe(
      'from-env.json',
    );
  });

  it('lets a flag beat the variable and counts an empty variable as unset', () => {
    const cli = read(['--port', '9000', '--allow-origin', 'https://c.example.se'], {
      PORT: '8081',
      KONTAKT_ALLOW_ORIGINS: 'https://a.example.se',
      KONTAKT_LOG_LEVEL: '',
      HOST: '  ',
    });
    expect(cli.options).toEqual({
      dataDir: './data',
      host: '0.0.0.0',
      port: 9000,
      allowedOrigins: ['https://c.example.se'],
    });
    expect(cli.sources.get('port')).toBe('--port');
  });

  it('names the flag or the variable a bad value came from', () => {
    expect(() => read([], { PORT: 'eighty' })).toThrow(
      new UsageError('PORT needs a port number from 0 to 65535, got eighty'),
    );
    expect(() => read(['--port', '70000'])).toThrow(/^--port needs a port number/);
    expect(() => read([], { KONTAKT_RATE_LIMIT: '60 a minute' })).toThrow(/^KONTAKT_RATE_LIMIT /);
    expect(() => read([], { KONTAKT_BODY_LIMIT: '64k' })).toThrow(/^KONTAKT_BODY_LIMIT /);
    expect(() => read([], { KONTAKT_SERVE: 'demo' })).toThrow(/^KONTAKT_SERVE needs <path>=<dir>/);
    expect(() => read([], { KONTAKT_ADMIN_API_KEYS: 'x:md5:1' })).toThrow(
      /Invalid configuration in KONTAKT_ADMIN_API_KEYS/,
    );
    expect(() => readCliConfig([], {})).toThrow(UsageError);
  });

  it('documents every setting in --help and in the README', async () => {
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    for (const setting of CLI_SETTINGS) {
      expect(usage()).toContain(`--${setting.flag} ${setting.arg}`);
      expect(usage()).toContain(setting.env);
      expect(readme).toMatch(new RegExp(`\\| \`--${setting.flag}\`.*\\| \`${setting.env}\``));
    }
  });
});
