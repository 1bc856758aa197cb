import { timingSafeEqual } from 'node:crypto';
import type { SessionRow } from './views.js';

/*
 * Who acts on a session, as the store checks it (plain data: it crosses to the worker thread).
 * A citizen proves it with the SHA-256 of their bearer token; an agent is signed in, and sees the
 * chats of their departments (specialists) or every chat.
 */

/** An agent as chat needs them. */
export interface ChatAgent {
  readonly id: string;
  readonly name: string;
  /** `null`: every department; else the departments whose chats they see. */
  readonly departments: readonly string[] | null;
}

export type ChatActor =
  | { readonly role: 'citizen'; readonly tokenHash: string }
  | { readonly role: 'agent'; readonly agent: ChatAgent };

/** A hash no token has: an unknown session is compared against it, taking the same time. */
const NO_HASH = '0'.repeat(64);

/** True when `given` is the session's token hash; in constant time for equal lengths. */
export function tokenMatches(stored: string | undefined, given: string): boolean {
  const left = Buffer.from(stored ?? NO_HASH, 'utf8');
  const right = Buffer.from(given, 'utf8');
  const same = left.length === right.length && timingSafeEqual(left, right);
  return same && stored !== undefined;
}

/** May this agent see chats of `department`. */
export const seesDepartment = (agent: ChatAgent, department: string): boolean =>
  agent.departments === null || agent.departments.includes(department);

/**
 * Whether `actor` may see the session: the citizen with its token, an agent of its department.
 * Anything else is "not found", the same for an unknown session.
 */
export function canSee(session: SessionRow | undefined, actor: ChatActor): session is SessionRow {
  if (actor.role === 'citizen') return tokenMatches(session?.token_hash, actor.tokenHash);
  return session !== undefined && seesDepartment(actor.agent, session.department);
}

/** Whether `actor` speaks in the session: its citizen, or the agent who holds it. */
export const holds = (session: SessionRow, actor: ChatActor): boolean =>
  actor.role === 'citizen' || session.agent_id === actor.agent.id;
