import type { AuditQuery } from '@kontakt/core/agent';
import { DateTimeSchema, toFieldErrors } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { requireAgent } from '../auth/require-agent.js';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { invalid } from '../http/validation.js';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

const AuditQuerySchema = z.object({
  agent: z.optional(z.string().check(z.minLength(1, 'required'), z.maxLength(320, 'too_long'))),
  case: z.optional(z.string().check(z.minLength(1, 'required'), z.maxLength(64, 'too_long'))),
  from: z.optional(DateTimeSchema),
  to: z.optional(DateTimeSchema),
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'invalid_format'))),
  cursor: z.optional(z.string().check(z.regex(/^\d{1,18}$/, 'invalid_format'))),
});

/**
 * `GET /v1/agent/audit`: the audit log for admins, newest first, filtered by agent, case and
 * period, paged by `cursor` (the `next` of the page before).
 */
export function agentAuditRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', requireAgent(ctx, { roles: ['admin'] }), async (c) => {
    const query = parseQuery(c.req.query());
    const page = await ctx.store.read('listAudit', query);
    return c.json(page, 200, { 'Cache-Control': 'no-store' });
  });
  return routes;
}

function parseQuery(raw: Record<string, string>): Omit<AuditQuery, 'limit'> & { limit: number } {
  const parsed = AuditQuerySchema.safeParse(raw, { reportInput: true });
  const limit = parsed.success && parsed.data.limit ? Number(parsed.data.limit) : DEFAULT_LIMIT;
  const errors = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  if (parsed.success && (limit < 1 || limit > MAX_LIMIT)) {
    errors.push({
      field: 'limit',
      pointer: '/limit',
      code: 'invalid_format',
      params: { minimum: 1, maximum: MAX_LIMIT },
    });
  }
  if (!parsed.success || errors.length > 0) {
    throw invalid(errors, 'query parameter(s)');
  }
  const { limit: _, ...filters } = parsed.data;
  const query: Omit<AuditQuery, 'limit'> & { limit: number } = { limit };
  for (const [name, value] of Object.entries(filters)) {
    // Times compare as text in the store: UTC, as they are stored.
    if (value !== undefined) {
      (query as Record<string, unknown>)[name] =
        name === 'from' || name === 'to' ? new Date(value).toISOString() : value;
    }
  }
  return query;
}
