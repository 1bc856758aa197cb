import { Hono } from 'hono';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { faultCatalogOf, faultSettingsOf } from '../faults/settings.js';
import { fixedJson } from '../http/conditional.js';
import { departmentNotFound } from '../http/department-param.js';
import { ProblemError } from '../http/http-error.js';
import { cacheable } from './departments.js';

/**
 * `GET /v1/departments/:id/faults`: the department's fault catalog. Configuration, like the
 * department itself, so cached the same way (`ETag`, `304`, `Cache-Control` of departments).
 */
export function departmentFaultsRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const catalogs = new Map(
    [...ctx.departments].flatMap(([id, department]) => {
      const settings = faultSettingsOf(department);
      return settings ? [[id, fixedJson(faultCatalogOf(department, settings))] as const] : [];
    }),
  );
  routes.get('/:id/faults', (c) => {
    const id = c.req.param('id');
    const catalog = catalogs.get(id);
    if (catalog) return cacheable(c, catalog);
    if (!ctx.departments.has(id)) {
      throw departmentNotFound(id);
    }
    throw new ProblemError(404, 'not_found', {
      detail: `The department ${id} takes no fault reports here.`,
    });
  });
  return routes;
}
