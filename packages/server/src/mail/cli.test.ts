import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCliConfig, UsageError } from '../cli-settings.js';

const read = (argv: string[], env: Record<string, string> = {}) =>
  readCliConfig(['--config', 'c.json', ...argv], env)?.options.mail;

describe('the mail settings of kontakt-server', () => {
  it('reads SMTP from the environment, the password from a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kontakt-mail-'));
    try {
      await writeFile(join(dir, 'password'), 's3cret pass\n');
      expect(
        read([], {
          KONTAKT_SMTP_HOST: 'smtp.sundsvall.se',
          KONTAKT_SMTP_PORT: '465',
          KONTAKT_SMTP_SECURITY: 'tls',
          KONTAKT_SMTP_USER: 'kontakt',
          KONTAKT_SMTP_PASSWORD_FILE: join(dir, 'password'),
          KONTAKT_MAIL_FROM: 'Kontaktcenter Sundsvall <kontakt@sundsvall.se>',
        }),
      ).toEqual({
        from: { name: 'Kontaktcenter Sundsvall', address: 'kontakt@sundsvall.se' },
        smtp: {
          host: 'smtp.sundsvall.se',
          port: 465,
          security: 'tls',
          user: 'kontakt',
          password: 's3cret pass',
        },
      });
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('reads a mail directory and a bare From address from flags', () => {
    expect(read(['--mail-dir', 'data/mail', '--mail-from', 'kontakt@sundsvall.se'])).toEqual({
      directory: 'data/mail',
      from: { address: 'kontakt@sundsvall.se' },
    });
    expect(read([])).toBeUndefined();
  });

  it('refuses settings that cannot work, naming them, never showing a password', () => {
    const refusal = (argv: string[], env: Record<string, string> = {}) => {
      try {
        read(argv, env);
      } catch (error) {
        if (error instanceof UsageError) return error.message;
        throw error;
      }
      return 'accepted';
    };
    expect(refusal(['--smtp-port', '25'])).toBe(
      '--smtp-port needs --smtp-host (KONTAKT_SMTP_HOST)',
    );
    expect(refusal(['--smtp-host', 'h', '--mail-dir', 'd'])).toMatch(
      /not both: --smtp-host and --mail-dir/,
    );
    expect(refusal(['--smtp-host', 'h', '--smtp-port', 'smtp'])).toBe(
      '--smtp-port needs a port number from 1 to 65535, got smtp',
    );
    expect(refusal(['--smtp-host', 'h'], { KONTAKT_SMTP_SECURITY: 'ssl' })).toBe(
      'KONTAKT_SMTP_SECURITY must be one of starttls, tls, none, got ssl',
    );
    expect(refusal(['--mail-from', 'Kontakt <>'])).toMatch(/^--mail-from needs an address/);
    const both = refusal(['--smtp-host', 'h', '--smtp-password', 'hemligt'], {
      KONTAKT_SMTP_PASSWORD_FILE: '/nonexistent',
    });
    expect(both).toBe('Give the SMTP password once: --smtp-password or KONTAKT_SMTP_PASSWORD_FILE');
    expect(refusal(['--smtp-host', 'h', '--smtp-password-file', '/nonexistent/pw'])).toBe(
      '--smtp-password-file: cannot read the password file /nonexistent/pw',
    );
  });
});
