import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';

/** A database that does not answer a readiness check this fast counts as not reachable. */
const READY_TIMEOUT_MS = 2_000;

/** `GET /v1/health`: the process is up and answering (for load balancers and `npm start`). */
export function healthRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const });
  });
  return routes;
}

/**
 * The orchestrator's probes, outside `/v1` (no CORS, no rate limit):
 * - `GET /healthz`, liveness: the process is up and its event loop answers;
 * - `GET /readyz`, readiness: the database answers (its migrations ran before the port opened)
 *   and the instance is not shutting down, so a load balancer sends it traffic. `503` otherwise,
 *   with the reason, and the instance's id in both.
 */
export function probeRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Only on the probes' own paths: these routes are mounted at `/`, so a bare `use` would put
  // `no-store` on every answer of the app (departments, static files).
  const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  };
  routes.use('/healthz', noStore);
  routes.use('/readyz', noStore);
  routes.get('/healthz', (c) => c.json({ status: 'ok', instance: ctx.instanceId }));
  routes.get('/readyz', async (c) => {
    if (ctx.lifecycle.shuttingDown) {
      return c.json({ status: 'shutting_down', instance: ctx.instanceId }, 503);
    }
    try {
      await withTimeout(ctx.store.ping(), READY_TIMEOUT_MS);
      return c.json({ status: 'ready', instance: ctx.instanceId });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'readiness check: the database does not answer');
      return c.json({ status: 'database_unreachable', instance: ctx.instanceId }, 503);
    }
  });
  return routes;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
