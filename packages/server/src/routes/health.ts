import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

/** `GET /v1/health`: the process is up and answering (for load balancers and `npm start`). */
export function healthRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const });
  });
  return routes;
}
