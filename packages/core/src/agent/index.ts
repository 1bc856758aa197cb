/**
 * The agent side of kontakt: the schemas of sign-in, sessions and the audit log, and the typed
 * client the agent console talks to the server through.
 *
 * @module @kontakt/core/agent
 */
export { type AuditResource, auditResource } from './audit.js';
export {
  type AgentClient,
  type AgentClientOptions,
  createAgentClient,
} from './client.js';
export {
  type AgentClientState,
  type AgentHttpOptions,
  agentCall,
  createAgentHttp,
  signalOf,
} from './http.js';
export {
  AGENT_ROLES,
  type Agent,
  AgentIdSchema,
  type AgentRole,
  AgentRoleSchema,
  AgentSchema,
  type AgentSession,
  AgentSessionSchema,
  type AuditEntry,
  AuditEntrySchema,
  type AuditPage,
  AuditPageSchema,
  type AuditQuery,
  CSRF_HEADER,
  type SignIn,
  SignInSchema,
} from './schemas.js';
export { type SessionResource, sessionResource } from './session.js';
