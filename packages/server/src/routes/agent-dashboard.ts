import type { DashboardQuery } from '@kontakt/core/agent';
import { DashboardQuerySchema, DashboardTableSchema } from '@kontakt/core/agent';
import { toZoned } from '@kontakt/core/calendar';
import { DEFAULT_TIME_ZONE } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { requireAgent } from '../auth/require-agent.js';
import type { AppContext } from '../context.js';
import { dashboardCsv } from '../dashboard/csv.js';
import { buildDashboard } from '../dashboard/dashboard.js';
import type { AppEnv } from '../env.js';
import { parse } from '../http/validation.js';

const ExportQuerySchema = z.extend(DashboardQuerySchema, { table: DashboardTableSchema });

/**
 * `GET /v1/agent/dashboard?from=…&to=…` (JSON) and `GET /v1/agent/dashboard/export.csv?…&table=…`
 * (one of its tables as CSV): agents and admins. Specialists see only what was forwarded to their
 * department, so the whole center's figures are not theirs (`403 forbidden`).
 */
export function agentDashboardRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.use(requireAgent(ctx, { roles: ['agent'] }));

  const dashboardFor = async (query: DashboardQuery) => {
    const now = ctx.now();
    const period = { from: new Date(query.from), to: new Date(query.to), now };
    const data = await ctx.store.read('dashboardData', {
      from: period.from.toISOString(),
      to: period.to.toISOString(),
      now: now.toISOString(),
    });
    return buildDashboard(data, period, ctx.departments);
  };

  routes.get('/', async (c) => {
    const query = parse(DashboardQuerySchema, c.req.query(), 'query parameter(s)');
    return c.json(await dashboardFor(query), 200, { 'Cache-Control': 'no-store' });
  });

  routes.get('/export.csv', async (c) => {
    const query = parse(ExportQuerySchema, c.req.query(), 'query parameter(s)');
    const csv = dashboardCsv(await dashboardFor(query), query.table);
    // The days of the period as the municipality counts them: March is 1–31 March, although its
    // bounds in UTC are 28 February 23:00 and 31 March 22:00.
    const first = localDay(new Date(query.from));
    const last = localDay(new Date(Date.parse(query.to) - 1));
    const name = `kontakt-${query.table}-${first}-${last}.csv`;
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    });
  });
  return routes;
}

/** `YYYY-MM-DD` of `date` on the municipality's calendar. */
function localDay(date: Date): string {
  const { year, month, day } = toZoned(date, DEFAULT_TIME_ZONE);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
