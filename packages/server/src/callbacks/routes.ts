import type { CallbackSlotList, FieldError } from '@kontakt/core/schemas';
import { SlugSchema, toFieldErrors } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { intakeResponse } from '../case-intake.js';
import type { AppContext } from '../context.js';
import { isOriginAllowedFor } from '../context.js';
import type { AppEnv } from '../env.js';
import { readJsonBody } from '../http/body.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { readIdempotencyKey, sha256Hex } from '../idempotency.js';
import {
  callbackHoursOf,
  callbackSettingsOf,
  refuseWhenNotOffered,
  requestCallback,
} from './request.js';
import { callbackSlotTimes } from './slots.js';

const SlotsQuerySchema = z.object({ department: SlugSchema });

/**
 * `GET /v1/callbacks/slots?department=` (the times the contact center can call, full ones
 * unavailable) and `POST /v1/callbacks` (a call-back request becomes a case; the answer a receipt);
 * both 409 `callback_not_offered` while call-back is off for the department (`chat.callback`).
 */
export function callbackRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get('/slots', async (c) => {
    const parsed = SlotsQuerySchema.safeParse(c.req.query(), { reportInput: true });
    const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
    const department = parsed.success ? ctx.departments.get(parsed.data.department) : undefined;
    if (parsed.success && !department) {
      errors.push({ field: 'department', pointer: '/department', code: 'unknown_department' });
    }
    if (!department || errors.length > 0) {
      throw invalid(errors, 'query parameter(s)');
    }
    refuseWhenNotOffered(ctx, department.id);
    const settings = callbackSettingsOf(ctx);
    const hours = callbackHoursOf(ctx, department);
    const times = callbackSlotTimes(hours, settings, ctx.now());
    const first = times[0];
    const last = times.at(-1);
    const booked =
      first && last
        ? await ctx.store.read('callbacks.booked', {
            department: department.id,
            from: first.start.toISOString(),
            to: last.end.toISOString(),
          })
        : {};
    const answer: CallbackSlotList = {
      department: department.id,
      timeZone: hours.timeZone,
      slots: times.map(({ start, end }) => ({
        start: start.toISOString(),
        end: end.toISOString(),
        available: (booked[start.toISOString()] ?? 0) < settings.callsPerSlot,
      })),
    };
    // Places are taken at any moment; a short cache spares the store when many pages ask, and a
    // slot taken meanwhile is refused with 409 when requested.
    c.header('Cache-Control', 'public, max-age=15');
    return c.json(answer);
  });

  routes.post('/', async (c) => {
    const key = readIdempotencyKey(c);
    const body = await readJsonBody(c, ctx.bodyLimit);
    const departmentId =
      typeof body === 'object' && body !== null
        ? (body as { department?: unknown }).department
        : undefined;
    const department =
      typeof departmentId === 'string' ? ctx.departments.get(departmentId) : undefined;
    const origin = c.req.header('Origin');
    if (department && origin !== undefined && !isOriginAllowedFor(ctx, department, origin, c)) {
      throw new ProblemError(403, 'origin_not_allowed', {
        detail: `Pages on ${origin} may not ask ${department.id} for a call-back.`,
      });
    }
    // The waiting chat's token (`Authorization: Bearer`), when the request names one.
    const bearer = /^Bearer +(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
    const tokenHash = bearer === undefined ? undefined : sha256Hex(bearer);
    return intakeResponse(c, await requestCallback(ctx, body, key, tokenHash));
  });

  return routes;
}
