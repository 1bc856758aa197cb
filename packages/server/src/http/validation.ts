/**
 * The one way a route refuses input that is not what it takes: `422 validation_failed` with a
 * field error per problem (`FieldError`s, as the contract's `toFieldErrors` makes them).
 */
import type { FieldError } from '@kontakt/core/schemas';
import { toFieldErrors } from '@kontakt/core/schemas';
import type * as z from 'zod/mini';
import { ProblemError } from './http-error.js';

/**
 * A `422 validation_failed` naming each field that is wrong. `what` is how the detail calls
 * them: a body's `field(s)` (the default), a query's `query parameter(s)`. `headers` go with the
 * answer (e.g. `Cache-Control: no-store` where the input was personal).
 */
export const invalid = (
  errors: FieldError[],
  what = 'field(s)',
  headers?: Record<string, string>,
) =>
  new ProblemError(422, 'validation_failed', {
    detail: `${errors.length} ${what} are invalid.`,
    errors,
    ...(headers && { headers }),
  });

/** The input as `schema` has it, or `invalid` with a field error per problem. */
export function parse<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  what?: string,
): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw invalid(toFieldErrors(parsed.error.issues), what);
  return parsed.data as z.output<S>;
}
