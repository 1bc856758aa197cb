/**
 * The OpenID Connect settings of `kontakt-server`: each a flag and an environment variable, in
 * the one settings table (`cli-settings.ts` spreads them in). The client secret is best given
 * by variable or file: a flag's value shows in the process list.
 */
import { readFileSync } from 'node:fs';
import type { CliSetting } from '../../cli-settings.js';
import type { OidcGroupMapping, OidcOptions } from './oidc-options.js';

export const OIDC_CLI_SETTINGS = [
  {
    flag: 'oidc-issuer',
    env: 'KONTAKT_OIDC_ISSUER',
    arg: '<url>',
    help: "OpenID Connect: the identity provider's issuer URL (sign-in with authorization code + PKCE)",
  },
  {
    flag: 'oidc-client-id',
    env: 'KONTAKT_OIDC_CLIENT_ID',
    arg: '<id>',
    help: 'OpenID Connect: the client id registered at the provider',
  },
  {
    flag: 'oidc-client-secret',
    env: 'KONTAKT_OIDC_CLIENT_SECRET',
    arg: '<secret>',
    help: 'OpenID Connect: the client secret (prefer the variable or the file; never logged)',
  },
  {
    flag: 'oidc-client-secret-file',
    env: 'KONTAKT_OIDC_CLIENT_SECRET_FILE',
    arg: '<file>',
    help: 'OpenID Connect: a file holding the client secret',
  },
  {
    flag: 'oidc-redirect-uri',
    env: 'KONTAKT_OIDC_REDIRECT_URI',
    arg: '<url>',
    help: 'OpenID Connect: the callback URL registered at the provider, https://<host>/v1/agent/oidc/callback (default: from the request)',
  },
  {
    flag: 'oidc-scope',
    env: 'KONTAKT_OIDC_SCOPES',
    arg: '<scope>',
    help: 'OpenID Connect: a scope to ask for besides openid (default email, profile)',
    list: true,
  },
  {
    flag: 'oidc-claim',
    env: 'KONTAKT_OIDC_CLAIMS',
    arg: '<id|email|name|groups>=<claim>',
    help: 'OpenID Connect: which claim holds the user id, e-mail, name or groups (default sub, email, name, groups)',
    list: true,
  },
  {
    flag: 'oidc-group',
    env: 'KONTAKT_OIDC_GROUPS',
    arg: '<group>=<role>[:<department>]',
    help: 'OpenID Connect: members of <group> sign in with <role> (agent, specialist, admin); the first matching group wins; repeat a specialist group for more departments',
    list: true,
  },
  {
    flag: 'oidc-accounts-by',
    env: 'KONTAKT_OIDC_ACCOUNTS_BY',
    arg: 'email|id',
    help: 'OpenID Connect without --oidc-group: match the user to a local account by the e-mail claim (default) or the id claim',
  },
] as const satisfies readonly CliSetting[];

type OidcFlag = (typeof OIDC_CLI_SETTINGS)[number]['flag'];

/** Reads a setting: its values and the flag or variable they came from (see `readCliConfig`). */
export type ReadSetting = (
  flag: OidcFlag,
  option: string,
) => { values: string[]; source: string } | undefined;

const CLAIM_KEYS = ['id', 'email', 'name', 'groups'] as const;

/** Makes the error for a setting that cannot be used (`UsageError`: passed in, not imported, as
 * `cli-settings.ts` imports this module). */
export type Fail = (message: string) => Error;

/** The OIDC options the command line and environment give, or `undefined` when none do. */
export function readOidcCli(read: ReadSetting, fail: Fail): OidcOptions | undefined {
  const one = (flag: OidcFlag, option: string) => {
    const found = read(flag, option);
    return found && { value: found.values.at(-1) ?? '', source: found.source };
  };
  const issuer = one('oidc-issuer', 'oidc.issuer');
  const clientId = one('oidc-client-id', 'oidc.clientId');
  const secret = one('oidc-client-secret', 'oidc.clientSecret');
  const secretFile = one('oidc-client-secret-file', 'oidc.clientSecret');
  const redirectUri = one('oidc-redirect-uri', 'oidc.redirectUri');
  const scopes = read('oidc-scope', 'oidc.scopes');
  const claims = read('oidc-claim', 'oidc.claims');
  const groups = read('oidc-group', 'oidc.groups');
  const accountsBy = one('oidc-accounts-by', 'oidc.accountsBy');
  const given = [secret, secretFile, redirectUri, scopes, claims, groups, accountsBy];
  if (!issuer && !clientId && given.every((setting) => setting === undefined)) return undefined;
  if (!issuer || !clientId) {
    throw fail(
      'OpenID Connect needs both --oidc-issuer (KONTAKT_OIDC_ISSUER) and --oidc-client-id (KONTAKT_OIDC_CLIENT_ID)',
    );
  }
  if (secret && secretFile) {
    throw fail(`Give the client secret once: ${secret.source} or ${secretFile.source}`);
  }
  const options: OidcOptions = { issuer: issuer.value, clientId: clientId.value };
  const clientSecret =
    secret?.value ?? (secretFile && readSecret(secretFile.value, secretFile.source, fail));
  if (clientSecret) options.clientSecret = clientSecret;
  if (redirectUri) options.redirectUri = redirectUri.value;
  if (scopes) options.scopes = scopes.values;
  if (claims) options.claims = parseClaims(claims.values, claims.source, fail);
  if (groups) options.groups = parseGroups(groups.values, groups.source, fail);
  if (accountsBy) {
    if (accountsBy.value !== 'email' && accountsBy.value !== 'id') {
      throw fail(`${accountsBy.source} must be email or id, got ${accountsBy.value}`);
    }
    options.accountsBy = accountsBy.value;
  }
  return options;
}

function readSecret(path: string, source: string, fail: Fail): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    // The path, never the contents.
    throw fail(`${source}: cannot read the client secret file ${path}`);
  }
}

function parseClaims(
  entries: string[],
  source: string,
  fail: Fail,
): NonNullable<OidcOptions['claims']> {
  const claims: NonNullable<OidcOptions['claims']> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const key = entry.slice(0, at);
    const claim = entry.slice(at + 1);
    if (at < 1 || !claim || !(CLAIM_KEYS as readonly string[]).includes(key)) {
      throw fail(`${source} needs ${CLAIM_KEYS.join('|')}=<claim>, got ${entry}`);
    }
    claims[key as (typeof CLAIM_KEYS)[number]] = claim;
  }
  return claims;
}

/** `kc-agents=agent`, `kc-gata=specialist:gata`; one group given twice adds departments. */
function parseGroups(entries: string[], source: string, fail: Fail): OidcGroupMapping[] {
  const mappings: OidcGroupMapping[] = [];
  for (const entry of entries) {
    // The last `=`: directory group names may hold one, roles never do.
    const at = entry.lastIndexOf('=');
    const group = entry.slice(0, at);
    const [role = '', department] = entry.slice(at + 1).split(':');
    if (at < 1 || !role) {
      throw fail(`${source} needs <group>=<role>[:<department>], got ${entry}`);
    }
    const known = mappings.find((mapping) => mapping.group === group && mapping.role === role);
    const mapping = known ?? { group, role: role as OidcGroupMapping['role'], departments: [] };
    if (!known) mappings.push(mapping);
    if (department) mapping.departments?.push(department);
  }
  return mappings;
}
