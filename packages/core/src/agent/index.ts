/**
 * The agent side of kontakt: the schemas of sign-in, sessions and the audit log, and the typed
 * client the agent console talks to the server through.
 *
 * @module @kontakt/core/agent
 */
export { type AuditResource, auditResource } from './audit.js';
export {
  AGENT_TEXT_MAX_LENGTH,
  type AgentCase,
  type AgentCaseMessage,
  AgentCaseMessageSchema,
  type AgentCasePage,
  AgentCasePageSchema,
  AgentCaseSchema,
  type AgentCaseSummary,
  AgentCaseSummarySchema,
  type AgentTimelineEntry,
  AgentTimelineEntrySchema,
  type AgentTimelineKind,
  type AssignInput,
  AssignInputSchema,
  type CaseMail,
  CaseMailSchema,
  type ContactReason,
  ContactReasonListSchema,
  ContactReasonSchema,
  type ForwardInput,
  ForwardInputSchema,
  INBOX_EVENTS,
  INBOX_MAX_PAGE_SIZE,
  INBOX_PAGE_SIZE,
  type InboxEvent,
  InboxEventSchema,
  type InboxEventType,
  type InboxFilters,
  type InboxQuery,
  InboxQuerySchema,
  type NoteInput,
  NoteInputSchema,
  type NoteVisibility,
  NoteVisibilitySchema,
  REGISTERED_CHANNELS,
  REPLY_CHANNELS,
  type ReasonInput,
  ReasonInputSchema,
  type RegisterCaseInput,
  RegisterCaseInputSchema,
  type ReplyChannel,
  ReplyChannelSchema,
  type ReplyInput,
  ReplyInputSchema,
  type StaffRef,
  StaffRefSchema,
  type StatusInput,
  StatusInputSchema,
  TaggedReasonSchema,
} from './cases.js';
export {
  type AgentCasesResource,
  agentCasesResource,
  type CaseActionOptions,
  type InboxChange,
  InboxChangeEvent,
  InboxWatch,
} from './cases-resource.js';
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
export { type SignInMethods, SignInMethodsSchema } from './sign-in-methods.js';
