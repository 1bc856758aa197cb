import type { GeocodeResult, GeocodeResultList, ReverseGeocode } from '@kontakt/core/schemas';
import { LatLonSchema, SlugSchema } from '@kontakt/core/schemas';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import type { AppEnv } from '../env.js';
import type { ReverseGeocoder } from '../faults/geocoder.js';
import { createGeocoder, createReverseGeocoder, GeocoderError } from '../faults/geocoder.js';
import { faultSettingsOf } from '../faults/settings.js';
import { coordinateParam } from '../http/coordinate.js';
import { ProblemError } from '../http/http-error.js';
import { parse } from '../http/validation.js';

const GeocodeParamsSchema = z.object({
  department: SlugSchema,
  q: z
    .string({ error: 'required' })
    .check(z.trim(), z.minLength(2, 'too_short'), z.maxLength(200, 'too_long')),
});

/** How a refusal's detail calls what was wrong. */
const QUERY = 'query parameter(s)';

const ReverseParamsSchema = z.object({
  department: SlugSchema,
  lat: coordinateParam(LatLonSchema.shape.lat),
  lon: coordinateParam(LatLonSchema.shape.lon),
});

/**
 * `GET /v1/geocode?department=&q=`: places for what a person typed, from the department's
 * geocoder; `GET /v1/geocode/reverse?department=&lat=&lon=`: the place at a point, so that a
 * point chosen on the map or by the device can be said in words. On the server, so a widget under
 * a strict CSP talks only to its own endpoint and the geocoder's address (and any key) stays here.
 */
export function geocodeRoutes(ctx: AppContext): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const geocoders = new Map<
    string,
    { search: (query: string) => Promise<GeocodeResult[]>; reverse: ReverseGeocoder }
  >();
  for (const [id, department] of ctx.departments) {
    const geocoder = faultSettingsOf(department)?.geocoder;
    if (geocoder) {
      geocoders.set(id, {
        search: createGeocoder(geocoder),
        reverse: createReverseGeocoder(geocoder),
      });
    }
  }

  /** The department's geocoders, or the problem a query without one gets. */
  const geocodersOf = (department: string) => {
    const found = geocoders.get(department);
    if (found) return found;
    throw new ProblemError(404, 'geocoder_not_configured', {
      detail: `The department ${department} has no address search; give the address or a description of the place instead.`,
    });
  };

  routes.get('/', async (c) => {
    const { department, q } = parse(GeocodeParamsSchema, c.req.query(), QUERY);
    const results = await askGeocoder(ctx, () => geocodersOf(department).search(q));
    const answer: GeocodeResultList = { results };
    // The same words find the same places for a while; a browser may reuse the answer briefly.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Vary', 'Origin');
    return c.json(answer);
  });

  routes.get('/reverse', async (c) => {
    const { department, lat, lon } = parse(ReverseParamsSchema, c.req.query(), QUERY);
    const place = await askGeocoder(ctx, () => geocodersOf(department).reverse({ lat, lon }));
    const answer: ReverseGeocode = { place };
    // A point is named the same for a while (a person moves the pin back and forth).
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Vary', 'Origin');
    return c.json(answer);
  });
  return routes;
}

/** Asks a geocoder; a service that fails is a `502 geocoder_failed` (and a warning in the log). */
async function askGeocoder<T>(ctx: AppContext, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof GeocoderError)) throw error;
    ctx.logger.warn({ err: error }, 'geocoder failed');
    throw new ProblemError(502, 'geocoder_failed', {
      detail: 'The address search did not answer; try again, or describe the place in words.',
    });
  }
}
