import type { AgentRole } from '@kontakt/core/agent';
import { AGENT_ROLES } from '@kontakt/core/agent';
import type { FieldError } from '@kontakt/core/schemas';
import * as z from 'zod/mini';
import { ConfigError, fieldError } from '../../config-error.js';

/** One entry of the groups mapping: members of `group` get `role` (and these departments). */
export interface OidcGroupMapping {
  /** A value of the groups claim, exactly as the provider sends it. */
  group: string;
  role: AgentRole;
  /** The departments a specialist handles (ids of configured departments). */
  departments?: string[];
}

/**
 * OpenID Connect sign-in for the agent console (authorization code flow with PKCE). Without it
 * the OIDC endpoints answer 404 and only local accounts can sign in.
 */
export interface OidcOptions {
  /** The provider's issuer URL; its `/.well-known/openid-configuration` is read on first use. */
  issuer: string;
  clientId: string;
  /**
   * The client secret (a confidential client; sent with HTTP Basic). Without it the server is a
   * public client protected by PKCE alone. Never logged; prefer the environment or a file.
   */
  clientSecret?: string;
  /**
   * The callback URL registered at the provider: `https://<host>/v1/agent/oidc/callback`. Set it
   * behind a reverse proxy; without it, it is derived from the URL the sign-in was started at.
   */
  redirectUri?: string;
  /** Scopes to ask for; `openid` is always included. Default `openid email profile`. */
  scopes?: string[];
  /** Which claims carry the user's id, e-mail, name and groups (defaults `sub`, `email`, `name`, `groups`). */
  claims?: { id?: string; email?: string; name?: string; groups?: string };
  /**
   * Role and departments from the groups claim: the first entry (in this order) whose group the
   * user is in decides the role; departments come from every matching entry with that role.
   * Without it, the user must be one of the local accounts (`accountsBy`).
   */
  groups?: OidcGroupMapping[];
  /**
   * Without `groups`: which local account the user is, by the e-mail claim (default; only when
   * the provider does not say `email_verified: false`) or by the id claim equal to the account id.
   */
  accountsBy?: 'email' | 'id';
}

/** An `https:` URL, or `http:` on a loopback address (a provider started beside the server). */
export function isIssuerUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  if (url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
}

/** `localhost`, `127.x.x.x` or `[::1]`: nothing outside this machine can sit in between. */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

const isCallbackUrl = (text: string) =>
  URL.canParse(text) && ['https:', 'http:'].includes(new URL(text).protocol);

const claimName = z.string().check(z.minLength(1, 'required'));

const GroupMappingSchema = z
  .object({
    group: z.string().check(z.minLength(1, 'required')),
    role: z.enum(AGENT_ROLES, 'invalid_option'),
    departments: z._default(z.optional(z.array(z.string())), []),
  })
  .check(
    z.superRefine((mapping, ctx) => {
      // A specialist sees only what is forwarded to their departments: without any, nothing.
      if (mapping.role === 'specialist' && mapping.departments.length === 0) {
        ctx.addIssue({ code: 'custom', message: 'required', path: ['departments'], input: [] });
      }
    }),
  );

/**
 * The OIDC settings, checked, with defaults filled in. The secret's errors never carry its
 * value (a `ConfigError` lists params, and it is printed).
 */
export const OidcOptionsSchema = z.object({
  issuer: z.string().check(z.refine(isIssuerUrl, 'invalid_url')),
  clientId: z.string().check(z.minLength(1, 'required')),
  clientSecret: z.optional(z.string().check(z.minLength(1, 'required'))),
  redirectUri: z.optional(z.string().check(z.refine(isCallbackUrl, 'invalid_url'))),
  scopes: z.pipe(
    z._default(
      z.optional(
        z.array(z.string().check(z.regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/, 'invalid_format'))),
      ),
      ['email', 'profile'],
    ),
    z.transform((scopes) => [...new Set(['openid', ...scopes])]),
  ),
  claims: z.pipe(
    z._default(
      z.optional(
        z.object({
          id: z.optional(claimName),
          email: z.optional(claimName),
          name: z.optional(claimName),
          groups: z.optional(claimName),
        }),
      ),
      {},
    ),
    z.transform((claims) => ({
      id: claims.id ?? 'sub',
      email: claims.email ?? 'email',
      name: claims.name ?? 'name',
      groups: claims.groups ?? 'groups',
    })),
  ),
  groups: z.optional(z.array(GroupMappingSchema)),
  accountsBy: z._default(z.optional(z.enum(['email', 'id'], 'invalid_option')), 'email'),
});

/** The OIDC settings the server runs with. */
export type OidcSettings = z.output<typeof OidcOptionsSchema>;

/** Refuses a groups mapping that names departments the server does not have. */
export function checkOidcDepartments(
  settings: OidcSettings,
  departments: ReadonlySet<string>,
  source = 'the server options',
): void {
  const errors: FieldError[] = [];
  (settings.groups ?? []).forEach((mapping, index) => {
    mapping.departments.forEach((department, at) => {
      if (!departments.has(department)) {
        errors.push({
          ...fieldError(['oidc', 'groups', index, 'departments', at], 'unknown_department'),
          params: { department },
        });
      }
    });
  });
  if (errors.length > 0) throw new ConfigError(source, errors);
}
