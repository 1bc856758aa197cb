import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { toFieldErrors } from './field-errors.js';

const errorsOf = (schema: z.ZodMiniType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error.issues);
};

describe('toFieldErrors', () => {
  it("keeps the code a rule writes in its message, whichever contract's it is", () => {
    const schema = z.object({
      when: z.string().check(z.refine((value) => value !== 'then', 'only_when_paused')),
    });
    expect(errorsOf(schema, { when: 'then' })).toEqual([
      { field: 'when', pointer: '/when', code: 'only_when_paused' },
    ]);
  });

  it("maps zod's own issues, whose messages are sentences, to codes", () => {
    const schema = z.object({ name: z.string().check(z.minLength(1)), size: z.enum(['s', 'm']) });
    expect(errorsOf(schema, { name: '', size: 'xl' }).map((error) => error.code)).toEqual([
      'required',
      'invalid_option',
    ]);
  });
});
