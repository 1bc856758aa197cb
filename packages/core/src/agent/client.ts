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
import type { AgentLetterheadResource } from './letterhead.js';
import { agentLetterheadResource } from './letterhead.js';
import type { AgentClientOptions, AgentSessionClient } from './session-client.js';
import { createAgentSessionClient, fetchOf, keepFetch } from './session-client.js';

export type { AgentClientOptions } from './session-client.js';

/** A client of the agent API for one signed-in person (or one about to sign in). */
export interface AgentClient extends AgentSessionClient {
  readonly audit: AuditResource;
  /** The inbox, cases and the actions on them. */
  readonly cases: AgentCasesResource;
  /** Chat: the queue, presence, and the chats you take, answer, hand over and end. */
  readonly chat: AgentChatResource;
  /** Contacts, avoidable demand and kept promises over a period. */
  readonly dashboard: DashboardResource;
  /** The departments (names, topics, answer-time promises) the ids in cases stand for. */
  readonly departments: AgentDepartmentsResource;
  /** How the contact center's letters are headed (sender, return address, contact details). */
  readonly letterhead: AgentLetterheadResource;
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
  return withAgentResources(createAgentSessionClient(options));
}

/**
 * Makes a session client (`createAgentSessionClient`) a whole agent client: the resources are
 * added over its `http`, so they share its session and CSRF token. A page that signs in first
 * can load this (and the resources' schemas) once someone has signed in.
 *
 * @since 0.5.0
 * @example
 * const client = withAgentResources(createAgentSessionClient({ endpoint: location.origin }));
 */
export function withAgentResources(base: AgentSessionClient): AgentClient {
  const { endpoint, http, session } = base;
  const fetch = fetchOf(base);
  return keepFetch(
    {
      endpoint,
      http,
      session,
      audit: auditResource(http),
      cases: agentCasesResource(http, { endpoint, fetch }),
      chat: agentChatResource(http, { endpoint, fetch }),
      dashboard: dashboardResource(http, endpoint),
      departments: agentDepartmentsResource(http),
      letterhead: agentLetterheadResource(http),
    },
    base,
  );
}
