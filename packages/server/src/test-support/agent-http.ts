import type { AgentCase, AgentCasePage } from '@kontakt/core/agent';
import { createAgentClient } from '@kontakt/core/agent';
import { expect } from 'vitest';
import type { TestSession } from './agents.js';
import { validSubmission } from './departments.js';

/*
 * A test server as a citizen and a signed-in agent reach it over real HTTP: what the tests of
 * case handling ask of it, written once.
 */

/** Sends a citizen's message (`validSubmission` with `message`); resolves with its reference. */
export async function submitCase(
  url: string,
  message: Record<string, unknown> = {},
): Promise<string> {
  const response = await fetch(`${url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission(message)),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

/** An agent's requests: an action on a case, the case, and its row in the inbox. */
export function agentRequests(url: string, session: TestSession) {
  return {
    /** `POST /v1/agent/cases/{reference}/{action}` with `body`; the response as it came. */
    act: (reference: string, action: string, body: unknown) =>
      fetch(`${url}/v1/agent/cases/${reference}/${action}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...session.headers },
        body: JSON.stringify(body),
      }),
    async read(reference: string): Promise<AgentCase> {
      const response = await fetch(`${url}/v1/agent/cases/${reference}`, {
        headers: session.headers,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as AgentCase;
    },
    async inboxRow(reference: string) {
      const response = await fetch(`${url}/v1/agent/cases?q=${reference}`, {
        headers: session.headers,
      });
      return ((await response.json()) as AgentCasePage).cases[0];
    },
  };
}

/** The SDK's agent client on Node, whose fetch keeps no cookies: the session goes along by hand. */
export const agentClientFor = (url: string, session: TestSession) =>
  createAgentClient({
    endpoint: url,
    fetch: (input, init) => {
      const request = new Request(input, init);
      for (const [name, value] of Object.entries(session.headers)) request.headers.set(name, value);
      return fetch(request);
    },
  });
