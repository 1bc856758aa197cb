/* The building blocks every part of the OpenAPI document uses. */
import type * as z from 'zod/mini';
import { toJSONSchema } from 'zod/mini';
import { PROBLEM_CONTENT_TYPE } from '../http/http-error.js';

export type JsonObject = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) of a zod schema, without the top-level `$schema`. */
export function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonObject {
  const { $schema: _, ...rest } = toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonObject) => ({ 'application/json': { schema } });

export const problem = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
});

export const RATE_LIMIT_HEADERS = {
  'RateLimit-Limit': { description: 'Requests allowed per window.', schema: { type: 'integer' } },
  'RateLimit-Remaining': {
    description: 'Requests left in this window.',
    schema: { type: 'integer' },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets.',
    schema: { type: 'integer' },
  },
};

/** Answers every route can give. */
export const COMMON_PROBLEMS = {
  '429': {
    ...problem('Too many requests from this client (`rate_limited`); see `Retry-After`.'),
    headers: {
      ...RATE_LIMIT_HEADERS,
      'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
    },
  },
  '500': problem('Unexpected server error (`internal_error`).'),
};
