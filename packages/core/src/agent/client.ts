import type { KyInstance } from 'ky';
import { normalizeEndpoint } from '../endpoint.js';
import type { AuditResource } from './audit.js';
import { auditResource } from './audit.js';
import type { AgentCasesResource } from './cases-resource.js';
import { agentCasesResource } from './cases-resource.js';
import type { AgentChatResource } from './chat-resource.js';
import { agentChatResource } from './chat-resource.js';
import type { DashboardResource } from './dashboard-resource.js';
import { dashboardResource } from './dashboard-resource.js';
import type { AgentDepartmentsResource } from './departments.js';
import { agentDepartmentsResource } from './departments.js';
import type { AgentClientState, AgentHttpOptions } from './http.js';
import { createAgentHttp } from './http.js';
import type { SessionResource } from './session.js';
import { sessionResource } from './session.js';

/** Options for `createAgentClient`. */
export interface AgentClientOptions extends AgentHttpOptions {
  /**
   * The server's base URL. The console is served by the server itself, so usually its own
   * origin (`location.origin`); the session cookie is sent only to it.
   */
  endpoint: string | URL;
}

/** A client of the agent API for one signed-in person (or one about to sign in). */
export interface AgentClient {
  /** The normalised endpoint: an absolute URL without a trailing slash. */
  readonly endpoint: string;
  /**
   * The configured ky instance (cookie, CSRF header, timeouts); resources of the agent API use
   * it with `agentCall` so they share the session and the error mapping.
   */
  readonly http: KyInstance;
  readonly session: SessionResource;
  readonly audit: AuditResource;
  /** The inbox, cases and the actions on them. */
  readonly cases: AgentCasesResource;
  /** Chat: the queue, presence, and the chats you take, answer, hand over and end. */
  readonly chat: AgentChatResource;
  /** Contacts, avoidable demand and kept promises over a period. */
  readonly dashboard: DashboardResource;
  /** The departments (names, topics, answer-time promises) the ids in cases stand for. */
  readonly departments: AgentDepartmentsResource;
}

/**
 * Creates a client of the agent API (`/v1/agent/…`), as the console uses it. The session lives
 * in an `HttpOnly` cookie the browser keeps; the client remembers the session's CSRF token from
 * `session.signIn()` or `session.current()` and sends it on every state-changing request.
 *
 * @since 0.3.0
 * @example
 * const client = createAgentClient({ endpoint: location.origin });
 * const session = (await client.session.current()) ?? (await client.session.signIn({ username, password }));
 */
export function createAgentClient(options: AgentClientOptions): AgentClient {
  const endpoint = normalizeEndpoint(options.endpoint);
  const state: AgentClientState = { csrfToken: undefined };
  const http = createAgentHttp(endpoint, options, state);
  return {
    endpoint,
    http,
    session: sessionResource(http, state),
    audit: auditResource(http),
    cases: agentCasesResource(http, { endpoint, fetch: options.fetch }),
    chat: agentChatResource(http, { endpoint, fetch: options.fetch }),
    dashboard: dashboardResource(http, endpoint),
    departments: agentDepartmentsResource(http),
  };
}
