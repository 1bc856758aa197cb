import type { Agent } from '@kontakt/core/agent';
import { describe, expect, it } from 'vitest';
import type { AccountLookup } from './claims.js';
import { agentFromClaims, agentIdOf } from './claims.js';
import { OidcOptionsSchema } from './oidc-options.js';

const base = { issuer: 'https://login.example.se', clientId: 'kontakt' };
const byGroups = OidcOptionsSchema.parse({
  ...base,
  groups: [
    { group: 'kc-admins', role: 'admin' },
    { group: 'kc-agents', role: 'agent' },
    { group: 'kc-gata', role: 'specialist', departments: ['gata'] },
    { group: 'kc-skola', role: 'specialist', departments: ['skola', 'gata'] },
  ],
});

const karin: Agent = {
  id: 'karin.admin',
  name: 'Karin Admin',
  email: 'karin@example.se',
  role: 'admin',
  departments: [],
};
const accounts: AccountLookup = {
  byEmail: (email) => (email.toLowerCase() === karin.email ? karin : undefined),
  byId: (id) => (id === karin.id ? karin : undefined),
};
const none: AccountLookup = { byEmail: () => undefined, byId: () => undefined };

describe('agentFromClaims with a groups mapping', () => {
  it('takes the role of the first mapping the user is in', () => {
    const mapped = agentFromClaims(
      { sub: 'u1', email: 'a@example.se', name: 'A', groups: ['kc-agents', 'kc-admins'] },
      byGroups,
      none,
    );
    expect(mapped).toEqual({
      ok: true,
      agent: { id: 'oidc.u1', name: 'A', email: 'a@example.se', role: 'admin', departments: [] },
    });
  });

  it("joins a specialist's departments from every matching mapping", () => {
    const mapped = agentFromClaims(
      { sub: 'u2', email: 'b@example.se', groups: ['kc-gata', 'kc-skola'] },
      byGroups,
      none,
    );
    expect(mapped).toMatchObject({
      ok: true,
      agent: { role: 'specialist', departments: ['gata', 'skola'], name: 'b@example.se' },
    });
  });

  it('reads a single group given as a string', () => {
    const mapped = agentFromClaims(
      { sub: 'u3', email: 'c@example.se', groups: 'kc-agents' },
      byGroups,
      none,
    );
    expect(mapped).toMatchObject({ ok: true, agent: { role: 'agent' } });
  });

  it('refuses a user in no mapped group, and one without an e-mail address', () => {
    expect(
      agentFromClaims({ sub: 'u4', email: 'd@example.se', groups: ['staff'] }, byGroups, none),
    ).toEqual({
      ok: false,
      reason: 'no_matching_group',
      subject: 'u4',
    });
    expect(agentFromClaims({ sub: 'u5', groups: ['kc-agents'] }, byGroups, none)).toMatchObject({
      ok: false,
      reason: 'missing_email',
    });
    expect(agentFromClaims({ email: 'e@example.se' }, byGroups, none)).toEqual({
      ok: false,
      reason: 'missing_id',
    });
  });

  it('reads the claims the settings name', () => {
    const settings = OidcOptionsSchema.parse({
      ...base,
      claims: { id: 'preferred_username', email: 'mail', name: 'display', groups: 'roles' },
      groups: [{ group: 'kc', role: 'agent' }],
    });
    const mapped = agentFromClaims(
      {
        sub: 'x',
        preferred_username: 'anna',
        mail: 'anna@example.se',
        display: 'Anna',
        roles: ['kc'],
      },
      settings,
      none,
    );
    expect(mapped).toMatchObject({ ok: true, agent: { id: 'oidc.anna', name: 'Anna' } });
  });
});

describe('agentFromClaims with local accounts', () => {
  it('finds the account by e-mail address in any case', () => {
    const settings = OidcOptionsSchema.parse(base);
    expect(agentFromClaims({ sub: 's', email: 'KARIN@example.se' }, settings, accounts)).toEqual({
      ok: true,
      agent: karin,
    });
  });

  it('refuses an address the provider says is not verified', () => {
    const settings = OidcOptionsSchema.parse(base);
    const mapped = agentFromClaims(
      { sub: 's', email: 'karin@example.se', email_verified: false },
      settings,
      accounts,
    );
    expect(mapped).toMatchObject({ ok: false, reason: 'email_not_verified' });
  });

  it('finds the account by the id claim when told to', () => {
    const settings = OidcOptionsSchema.parse({
      ...base,
      accountsBy: 'id',
      claims: { id: 'preferred_username' },
    });
    expect(
      agentFromClaims({ sub: 's', preferred_username: 'karin.admin' }, settings, accounts),
    ).toEqual({
      ok: true,
      agent: karin,
    });
    expect(
      agentFromClaims({ sub: 's', preferred_username: 'nobody' }, settings, accounts),
    ).toMatchObject({
      ok: false,
      reason: 'no_matching_account',
    });
  });
});

describe('agentIdOf', () => {
  it('keeps a subject that is a valid id and hashes one that is not', () => {
    expect(agentIdOf('anna')).toBe('oidc.anna');
    expect(agentIdOf('auth0|5f7c8ec7c33c6c004bbafe82')).toMatch(/^oidc\.[\w-]{43}$/);
    expect(agentIdOf('auth0|5f7c8ec7c33c6c004bbafe82')).toBe(
      agentIdOf('auth0|5f7c8ec7c33c6c004bbafe82'),
    );
  });
});

describe('OidcOptionsSchema', () => {
  it('fills in defaults and always asks for openid', () => {
    expect(OidcOptionsSchema.parse({ ...base, scopes: ['email'] })).toMatchObject({
      scopes: ['openid', 'email'],
      claims: { id: 'sub', email: 'email', name: 'name', groups: 'groups' },
      accountsBy: 'email',
    });
  });

  it('accepts https issuers, and http only on loopback', () => {
    for (const issuer of [
      'https://login.example.se/realms/staff',
      'http://127.0.0.1:4000',
      'http://localhost:4000',
    ]) {
      expect(OidcOptionsSchema.safeParse({ ...base, issuer }).success).toBe(true);
    }
    for (const issuer of [
      'http://login.example.se',
      'ftp://login.example.se',
      'login.example.se',
    ]) {
      expect(OidcOptionsSchema.safeParse({ ...base, issuer }).success).toBe(false);
    }
  });

  it('refuses a specialist mapping without departments', () => {
    const parsed = OidcOptionsSchema.safeParse({
      ...base,
      groups: [{ group: 'g', role: 'specialist' }],
    });
    expect(parsed.success).toBe(false);
  });
});
