import type { LetterheadAnswer } from '@kontakt/core/agent';
import { Hono } from 'hono';
import { requireAgent } from '../auth/require-agent.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';

/**
 * `GET /v1/agent/letterhead`: how the contact center's letters are headed (the `letterhead`
 * option), `{ letterhead: null }` when none is configured. Any signed-in member of staff: the
 * console prints it on the letters it answers by; 401 without a session.
 */
export function agentLetterheadRoutes(ctx: AppContext): Hono<AppEnv> {
  const answer: LetterheadAnswer = { letterhead: ctx.letterhead ?? null };
  const routes = new Hono<AppEnv>();
  // Not kept by any cache, as the other agent reads: it changes with a restart, then at once.
  routes.get('/', requireAgent(ctx), (c) => c.json(answer, 200, { 'Cache-Control': 'no-store' }));
  return routes;
}
