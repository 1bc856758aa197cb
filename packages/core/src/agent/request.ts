import type { KyInstance } from 'ky';
import type { ZodMiniType } from 'zod/mini';
import { agentCall } from './http.js';

/*
 * The requests of the agent client's resources (cases, chat, dashboard, audit, departments): one
 * way to send them and check their answers. A module of its own, not in `http.ts`: the console's
 * sign-in page loads `http.ts` with the session part and none of the resources, so this comes in
 * the resources' chunk (`session.ts`, on the sign-in page, calls `agentCall` itself).
 */

/** One request of an agent resource, besides its path: only what is given goes to ky. */
export interface AgentRequest {
  /** Default `get`. */
  method?: 'get' | 'post' | 'put' | 'delete' | undefined;
  /** The body, sent as JSON. */
  json?: unknown;
  searchParams?: URLSearchParams | undefined;
  headers?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
}

function send(http: KyInstance, path: string, options: AgentRequest) {
  const { method = 'get', json, searchParams, headers, signal } = options;
  return http(path, {
    method,
    ...(json === undefined ? {} : { json }),
    ...(searchParams ? { searchParams } : {}),
    ...(headers ? { headers } : {}),
    ...(signal ? { signal } : {}),
  });
}

/**
 * Sends one request of a resource (the session's cookie and CSRF token go along) and returns its
 * answer checked by `schema`; rejects only with `KontaktError`s, as `agentCall` does (an answer
 * that does not fit the schema: `invalid_response`).
 *
 * @example
 * const page = await agentJson(http, 'v1/agent/cases', AgentCasePageSchema, signalOf(options));
 */
export const agentJson = <T>(
  http: KyInstance,
  path: string,
  schema: ZodMiniType<T>,
  options: AgentRequest = {},
): Promise<T> => agentCall(() => send(http, path, options).json(schema));

/**
 * Sends one request of a resource whose answer says nothing beyond success (`204`); rejects only
 * with `KontaktError`s.
 */
export async function agentSend(
  http: KyInstance,
  path: string,
  options: AgentRequest = {},
): Promise<void> {
  await agentCall(() => send(http, path, options));
}
