import type { KyInstance } from 'ky';
import { normalizeEndpoint } from '../endpoint.js';
import type { AgentClientState, AgentHttpOptions } from './http.js';
import { createAgentHttp } from './http.js';
import type { SessionResource } from './session.js';
import { sessionResource } from './session.js';

/*
 * The part of the agent client that signing in needs, apart from the resources (cases, chat,
 * dashboard, …) with their schemas and live streams: the console's sign-in page loads only this,
 * and adds the rest (`withAgentResources`) once someone is signed in.
 */

/** Options for `createAgentClient` and `createAgentSessionClient`. */
export interface AgentClientOptions extends AgentHttpOptions {
  /**
   * The server's base URL. The console is served by the server itself, so usually its own
   * origin (`location.origin`); the session cookie is sent only to it.
   */
  endpoint: string | URL;
}

/**
 * The session part of an agent client: how to sign in, who is signed in, sign out. An
 * `AgentClient` is one too, with the agent API's resources besides.
 */
export interface AgentSessionClient {
  /** The normalised endpoint: an absolute URL without a trailing slash. */
  readonly endpoint: string;
  /**
   * The configured ky instance (cookie, CSRF header, timeouts); resources of the agent API use
   * it with `agentCall` so they share the session and the error mapping.
   */
  readonly http: KyInstance;
  readonly session: SessionResource;
}

/** The `fetch` each session client was made with, for the resources' live streams (not ky's). */
const fetches = new WeakMap<AgentSessionClient, typeof fetch>();

/** The `fetch` given to `createAgentSessionClient` for `client`, if one was. */
export const fetchOf = (client: AgentSessionClient): typeof fetch | undefined =>
  fetches.get(client);

/** Remembers the `fetch` of a client made from another (`withAgentResources`). */
export function keepFetch<T extends AgentSessionClient>(client: T, from: AgentSessionClient): T {
  const fetch = fetches.get(from);
  if (fetch) fetches.set(client, fetch);
  return client;
}

/**
 * Creates the session part of an agent client: enough to ask who is signed in, sign in and sign
 * out, without the resources' schemas (a sign-in page's first load). `withAgentResources` makes
 * it a whole `AgentClient` sharing its session (the same cookie and CSRF token).
 *
 * @since 0.5.0
 * @example
 * const base = createAgentSessionClient({ endpoint: location.origin });
 * const session = await base.session.current();
 * const { withAgentResources } = await import('@kontakt/core/agent');
 * const client = withAgentResources(base);
 */
export function createAgentSessionClient(options: AgentClientOptions): AgentSessionClient {
  const endpoint = normalizeEndpoint(options.endpoint);
  const state: AgentClientState = { csrfToken: undefined };
  const http = createAgentHttp(endpoint, options, state);
  const client: AgentSessionClient = { endpoint, http, session: sessionResource(http, state) };
  // Kept aside, not as a property: a client's `fetch` would read as a method of the API.
  if (options.fetch) fetches.set(client, options.fetch);
  return client;
}
