import * as z from 'zod/mini';

/**
 * A query parameter that must be a decimal number (`55.605`, `-13`), then checked by `schema`
 * (e.g. `LatLonSchema.shape.lat`): no exponents, no hex, nothing `Number()` would also take.
 */
export const coordinateParam = (schema: z.ZodMiniNumber<number>) =>
  z.pipe(
    z.string({ error: 'required' }).check(z.regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'invalid_format')),
    z.pipe(z.transform(Number), schema),
  );
