/**
 * Who a signed-in OpenID user is in the console: the claims mapped to an agent by the groups
 * mapping or by a local account. Someone who maps to no role is refused: nobody is ever signed in
 * with a default role.
 */
import { createHash } from 'node:crypto';
import type { Agent } from '@kontakt/core/agent';
import { AgentSchema } from '@kontakt/core/agent';
import type { OidcSettings } from './oidc-options.js';

/** The local accounts, looked up by e-mail address or by id (either in any case). */
export interface AccountLookup {
  byEmail(email: string): Agent | undefined;
  byId(id: string): Agent | undefined;
}

/** Why the claims gave no agent (written to the log and the audit trail, never shown in detail). */
export type UnmappedReason =
  | 'missing_id'
  | 'missing_email'
  | 'no_matching_group'
  | 'no_matching_account'
  | 'email_not_verified';

export type AgentMapping =
  | { ok: true; agent: Agent }
  | { ok: false; reason: UnmappedReason; subject?: string };

/** The agent the ID token's (and UserInfo's) claims describe, or why there is none. */
export function agentFromClaims(
  claims: Readonly<Record<string, unknown>>,
  settings: Pick<OidcSettings, 'claims' | 'groups' | 'accountsBy'>,
  accounts: AccountLookup,
): AgentMapping {
  const id = text(claims[settings.claims.id]);
  if (!id) return { ok: false, reason: 'missing_id' };
  const email = text(claims[settings.claims.email]) ?? '';
  const name = (text(claims[settings.claims.name]) ?? (email || id)).slice(0, 200);

  if (settings.groups) {
    const member = new Set(list(claims[settings.claims.groups]));
    const matches = settings.groups.filter((mapping) => member.has(mapping.group));
    const role = matches[0]?.role;
    if (!role) return { ok: false, reason: 'no_matching_group', subject: id };
    const departments = matches
      .filter((mapping) => mapping.role === role)
      .flatMap((mapping) => mapping.departments);
    const agent = AgentSchema.safeParse({
      id: agentIdOf(id),
      name,
      email,
      role,
      departments: [...new Set(departments)],
    });
    // Mail to and from the agent needs an address; the provider must send a usable one.
    return agent.success
      ? { ok: true, agent: agent.data }
      : { ok: false, reason: 'missing_email', subject: id };
  }

  if (settings.accountsBy === 'id') {
    const account = accounts.byId(id);
    return account
      ? { ok: true, agent: account }
      : { ok: false, reason: 'no_matching_account', subject: id };
  }
  // An address the provider has not verified could be anyone's.
  if (claims.email_verified === false || claims.email_verified === 'false') {
    return { ok: false, reason: 'email_not_verified', subject: id };
  }
  const account = email ? accounts.byEmail(email) : undefined;
  return account
    ? { ok: true, agent: account }
    : { ok: false, reason: 'no_matching_account', subject: id };
}

/**
 * The agent id of an OpenID subject: `oidc.` and the subject when it is a valid id, else its
 * hash (subjects may hold any character; ids may not). The prefix keeps a subject from ever
 * being taken for a local account's id.
 */
export function agentIdOf(subject: string): string {
  return /^[A-Za-z0-9_.@-]{1,100}$/.test(subject)
    ? `oidc.${subject}`
    : `oidc.${createHash('sha256').update(subject).digest('base64url')}`;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A groups claim: an array of names, or (some providers, for one group) a single name. */
function list(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((entry): entry is string => typeof entry === 'string');
  // Not split at spaces: directory group names often have them.
  return typeof value === 'string' ? [value] : [];
}
