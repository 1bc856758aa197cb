/*
 * The agent API's contract (sign-in, sessions, the audit log): zod/mini schemas the server
 * validates with and the console's client parses with.
 */
import * as z from 'zod/mini';
import { DateTimeSchema, EmailSchema, SlugSchema } from '../schemas/index.js';

/**
 * What a signed-in person may do: `agent` works every case; `specialist` only cases forwarded to
 * one of their departments; `admin` also publishes notices and manages users and reasons (and is
 * an agent too).
 */
export const AGENT_ROLES = ['agent', 'specialist', 'admin'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];
export const AgentRoleSchema = z.enum(AGENT_ROLES, { error: 'invalid_option' });

/** An account id: what a person signs in with besides their e-mail address (`anna.agent`). */
export const AgentIdSchema = z
  .string()
  .check(
    z.minLength(1, 'required'),
    z.maxLength(128, 'too_long'),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]*$/, 'invalid_format'),
  );

/** A signed-in person as the API shows them: who, which role, which departments. */
export const AgentSchema = z.object({
  id: AgentIdSchema,
  name: z.string().check(z.minLength(1, 'required'), z.maxLength(200, 'too_long')),
  email: EmailSchema,
  role: AgentRoleSchema,
  /** The departments whose forwarded cases a specialist sees; empty for other roles if not given. */
  departments: z.array(SlugSchema),
});
export type Agent = z.infer<typeof AgentSchema>;

/** `POST /v1/agent/session`: `username` is the account's id or its e-mail address. */
export const SignInSchema = z.object({
  username: z.string().check(z.minLength(1, 'required'), z.maxLength(320, 'too_long')),
  password: z.string().check(z.minLength(1, 'required'), z.maxLength(1024, 'too_long')),
});
export type SignIn = z.infer<typeof SignInSchema>;

/**
 * A session as `GET` and `POST /v1/agent/session` answer it. `csrfToken` goes in the
 * `X-CSRF-Token` header of every state-changing request; the session ends at the earlier of
 * `idleExpiresAt` (moved on by use) and `expiresAt` (fixed at sign-in).
 */
export const AgentSessionSchema = z.object({
  agent: AgentSchema,
  csrfToken: z.string().check(z.minLength(1)),
  expiresAt: DateTimeSchema,
  idleExpiresAt: DateTimeSchema,
});
export type AgentSession = z.infer<typeof AgentSessionSchema>;

/** The header that carries the session's CSRF token on state-changing requests. */
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * One audited action: who (`agentId`), what (`action`, e.g. `session.signed_in`,
 * `case.replied`), which case if any, when, and a small JSON `detail` (ids and codes; never
 * message text or passwords).
 */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: DateTimeSchema,
  agentId: z.string(),
  action: z.string(),
  caseReference: z.nullable(z.string()),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A page of the audit log, newest first; `next` is the cursor of the following page, if any. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  next: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Filters of `GET /v1/agent/audit`; all optional. */
export interface AuditQuery {
  /** Only this agent's actions. */
  agent?: string;
  /** Only actions on this case. */
  case?: string;
  /** From this time (inclusive), ISO 8601. */
  from?: string;
  /** Before this time (exclusive), ISO 8601. */
  to?: string;
  /** At most this many entries (1–200, default 50). */
  limit?: number;
  /** `next` of the previous page. */
  cursor?: string;
}
