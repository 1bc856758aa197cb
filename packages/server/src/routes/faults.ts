import type { FieldError, NearbyReportList } from '@kontakt/core/schemas';
import { LatLonSchema, SlugSchema, toFieldErrors } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { intakeResponse, stringAt } from '../case-intake.js';
import type { AppContext } from '../context.js';
import { isOriginAllowedFor } from '../context.js';
import type { AppEnv } from '../env.js';
import { faultSettingsOf } from '../faults/settings.js';
import { submitFaultReport } from '../faults/submit.js';
import { readJsonBody } from '../http/body.js';
import { coordinateParam } from '../http/coordinate.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { readIdempotencyKey } from '../idempotency.js';

const NearbyParamsSchema = z.object({
  department: SlugSchema,
  category: SlugSchema,
  lat: coordinateParam(LatLonSchema.shape.lat),
  lon: coordinateParam(LatLonSchema.shape.lon),
});

/**
 * `POST /v1/faults` (a fault report becomes a case; the answer is a receipt) and
 * `GET /v1/faults/nearby` (open reports of a category near a point, to follow instead).
 */
export function faultsRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.post('/', async (c) => {
    const key = readIdempotencyKey(c);
    const body = await readJsonBody(c, ctx.bodyLimit);
    const departmentId = stringAt(body, 'origin', 'department');
    const department = departmentId === undefined ? undefined : ctx.departments.get(departmentId);
    const origin = c.req.header('Origin');
    if (department && origin !== undefined && !isOriginAllowedFor(ctx, department, origin, c)) {
      throw new ProblemError(403, 'origin_not_allowed', {
        detail: `Pages on ${origin} may not send fault reports to the department ${department.id}.`,
      });
    }
    return intakeResponse(c, await submitFaultReport(ctx, body, { idempotencyKey: key }));
  });

  routes.get('/nearby', async (c) => {
    const parsed = NearbyParamsSchema.safeParse(c.req.query(), { reportInput: true });
    const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
    const department = parsed.success ? ctx.departments.get(parsed.data.department) : undefined;
    const settings = department && faultSettingsOf(department);
    if (parsed.success && !settings) {
      errors.push({ field: 'department', pointer: '/department', code: 'unknown_department' });
    }
    if (
      parsed.success &&
      settings &&
      !settings.categories.some((category) => category.id === parsed.data.category)
    ) {
      errors.push({ field: 'category', pointer: '/category', code: 'unknown_category' });
    }
    if (!parsed.success || !settings || errors.length > 0) {
      throw invalid(errors, 'query parameter(s)');
    }
    const radiusMeters = settings.nearbyRadiusMeters;
    const reports = await ctx.store.read('selectNearbyReports', { ...parsed.data, radiusMeters });
    const answer: NearbyReportList = { radiusMeters, reports };
    // Statuses change at any moment; a page asks again each time the person moves the pin.
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });

  return routes;
}
