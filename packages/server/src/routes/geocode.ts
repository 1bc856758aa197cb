import type { GeocodeResult, GeocodeResultList } from '@kontakt/core/schemas';
import { SlugSchema, toFieldErrors } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import { createGeocoder, GeocoderError } from '../faults/geocoder.js';
import { faultSettingsOf } from '../faults/settings.js';
import { ProblemError } from '../http/http-error.js';

const GeocodeParamsSchema = z.object({
  department: SlugSchema,
  q: z
    .string({ error: 'required' })
    .check(z.trim(), z.minLength(2, 'too_short'), z.maxLength(200, 'too_long')),
});

/**
 * `GET /v1/geocode?department=&q=`: places for what a person typed, from the department's
 * geocoder. On the server, so a widget under a strict CSP talks only to its own endpoint and the
 * geocoder's address (and any key) stays here.
 */
export function geocodeRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const geocoders = new Map<string, (query: string) => Promise<GeocodeResult[]>>();
  for (const [id, department] of ctx.departments) {
    const geocoder = faultSettingsOf(department)?.geocoder;
    if (geocoder) geocoders.set(id, createGeocoder(geocoder));
  }

  routes.get('/', async (c) => {
    const parsed = GeocodeParamsSchema.safeParse(c.req.query(), { reportInput: true });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues);
      throw new ProblemError(422, 'validation_failed', {
        detail: `${errors.length} query parameter(s) are invalid.`,
        errors,
      });
    }
    const geocode = geocoders.get(parsed.data.department);
    if (!geocode) {
      throw new ProblemError(404, 'geocoder_not_configured', {
        detail: `The department ${parsed.data.department} has no address search; give the address or a description of the place instead.`,
      });
    }
    let results: GeocodeResult[];
    try {
      results = await geocode(parsed.data.q);
    } catch (error) {
      if (!(error instanceof GeocoderError)) throw error;
      ctx.logger.warn({ err: error }, 'geocoder failed');
      throw new ProblemError(502, 'geocoder_failed', {
        detail: 'The address search did not answer; try again, or describe the place in words.',
      });
    }
    const answer: GeocodeResultList = { results };
    // The same words find the same places for a while; a browser may reuse the answer briefly.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Vary', 'Origin');
    return c.json(answer);
  });
  return routes;
}
