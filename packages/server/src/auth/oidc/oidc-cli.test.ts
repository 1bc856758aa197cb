import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCliConfig, UsageError } from '../../cli-settings.js';

const read = (argv: string[], env: Record<string, string> = {}) =>
  readCliConfig(['--config', 'c.json', ...argv], env)?.options.oidc;

describe('OpenID Connect settings of kontakt-server', () => {
  it('are absent unless given', () => {
    expect(read([])).toBeUndefined();
  });

  it('come from the environment, lists comma-separated', () => {
    expect(
      read([], {
        KONTAKT_OIDC_ISSUER: 'https://login.example.se/realms/staff',
        KONTAKT_OIDC_CLIENT_ID: 'kontakt-console',
        KONTAKT_OIDC_CLIENT_SECRET: 's3cret',
        KONTAKT_OIDC_REDIRECT_URI: 'https://kontakt.example.se/v1/agent/oidc/callback',
        KONTAKT_OIDC_SCOPES: 'email,profile,groups',
        KONTAKT_OIDC_CLAIMS: 'id=preferred_username,groups=roles',
        KONTAKT_OIDC_GROUPS:
          'kc=agent,kc-gata=specialist:gata,kc-gata=specialist:skola,kc-admin=admin',
      }),
    ).toEqual({
      issuer: 'https://login.example.se/realms/staff',
      clientId: 'kontakt-console',
      clientSecret: 's3cret',
      redirectUri: 'https://kontakt.example.se/v1/agent/oidc/callback',
      scopes: ['email', 'profile', 'groups'],
      claims: { id: 'preferred_username', groups: 'roles' },
      groups: [
        { group: 'kc', role: 'agent', departments: [] },
        { group: 'kc-gata', role: 'specialist', departments: ['gata', 'skola'] },
        { group: 'kc-admin', role: 'admin', departments: [] },
      ],
    });
  });

  it('read the client secret from a file, and never both ways at once', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'kontakt-oidc-')), 'secret');
    await writeFile(file, 'from-a-file\n');
    const flags = ['--oidc-issuer', 'https://login.example.se', '--oidc-client-id', 'k'];
    expect(read([...flags, '--oidc-client-secret-file', file])?.clientSecret).toBe('from-a-file');
    expect(() =>
      read([...flags, '--oidc-client-secret-file', file], { KONTAKT_OIDC_CLIENT_SECRET: 'x' }),
    ).toThrow(UsageError);
  });

  it('refuse what cannot be read, naming the setting and never a secret', () => {
    expect(() => read(['--oidc-issuer', 'https://login.example.se'])).toThrow(/--oidc-client-id/);
    expect(() => read(['--oidc-client-secret', 'hush'])).toThrow(/--oidc-issuer/);
    const flags = ['--oidc-issuer', 'https://login.example.se', '--oidc-client-id', 'k'];
    expect(() => read([...flags, '--oidc-group', 'agent'])).toThrow(/--oidc-group needs/);
    expect(() => read([...flags, '--oidc-claim', 'role=x'])).toThrow(/--oidc-claim needs/);
    expect(() => read([...flags, '--oidc-accounts-by', 'name'])).toThrow(/email or id/);
    try {
      read([...flags, '--oidc-client-secret-file', '/nonexistent/hush']);
    } catch (error) {
      expect(String(error)).toContain('/nonexistent/hush');
    }
  });
});
