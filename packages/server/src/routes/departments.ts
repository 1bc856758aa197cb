import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { ProblemError } from '../middleware/problem.js';

/** Departments are public configuration: widgets read categories and opening hours from here. */
const CACHE_CONTROL = 'public, max-age=60';

/** `GET /v1/departments` and `GET /v1/departments/:id`. */
export function departmentsRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    c.header('Cache-Control', CACHE_CONTROL);
    return c.json({ departments: [...ctx.departments.values()] });
  });
  routes.get('/:id', (c) => {
    const department = ctx.departments.get(c.req.param('id'));
    if (!department) {
      throw new ProblemError(404, 'department_not_found', {
        detail: `There is no department with the id ${JSON.stringify(c.req.param('id'))}.`,
      });
    }
    c.header('Cache-Control', CACHE_CONTROL);
    return c.json(department);
  });
  return routes;
}
