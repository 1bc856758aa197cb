/* The building blocks every part of the OpenAPI document uses. */
import type * as z from 'zod/mini';
import { toJSONSchema } from 'zod/mini';
import { PROBLEM_CONTENT_TYPE } from '../http/http-error.js';
import { DEPARTMENTS_CACHE_CONTROL } from './departments.js';

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

/**
 * Departments change only with the server's configuration, so their reads are conditional: the
 * answer carries an `ETag`, and a request whose `If-None-Match` matches it gets `304`.
 */
export const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'The `ETag` of a copy the client has (or a list of them, or `*`); compared weakly. When it ' +
    'matches, the answer is `304 Not Modified` without a body. Browsers send it by themselves ' +
    'when they revalidate a cached copy.',
  schema: { type: 'string' },
};

export const CACHE_HEADERS = {
  ETag: {
    description: 'Strong validator: a hash of the exact body.',
    schema: { type: 'string' },
  },
  'Cache-Control': {
    description: `\`${DEPARTMENTS_CACHE_CONTROL}\`.`,
    schema: { type: 'string' },
  },
  Vary: { description: '`Origin`: CORS headers differ per origin.', schema: { type: 'string' } },
};

export const NOT_MODIFIED = {
  '304': {
    description:
      'The copy named in `If-None-Match` is current: no body, the same `ETag`, `Cache-Control` ' +
      'and `Vary` as the `200`.',
    headers: CACHE_HEADERS,
  },
};

/** `Idempotency-Key` of the requests that file a case. */
export const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes retries safe: a repeat with the same key and body within 8 days gets the first ' +
    'answer again (with `Idempotent-Replayed: true`); the same key with another body is refused.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

/**
 * The answers of a request that files a case (`POST /v1/cases`, `POST /v1/faults`); `fieldErrors`
 * says which fields its 422 names beyond the schema's own checks.
 */
export function receiptResponses(created: string, fieldErrors?: string): JsonObject {
  return {
    '201': {
      description: created,
      headers: {
        ...RATE_LIMIT_HEADERS,
        'Cache-Control': {
          description: '`no-store`: the receipt holds the receipt token.',
          schema: { type: 'string' },
        },
        'Idempotent-Replayed': {
          description: '`true` when this is the stored answer to an earlier request.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      content: json(ref('Receipt')),
    },
    '400': problem('Body is not JSON (`invalid_json`) or bad `Idempotency-Key`.'),
    '403': problem('The page origin may not send to this department (`origin_not_allowed`).'),
    '409': problem('Same key still in progress (`idempotency_request_in_progress`).'),
    '413': problem('Body too large (`payload_too_large`).'),
    '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
    '422': problem(
      'Invalid fields (`validation_failed`, with `errors`) or a reused key ' +
        `(\`idempotency_key_reused\`).${fieldErrors ? ` ${fieldErrors}` : ''}`,
    ),
    ...COMMON_PROBLEMS,
  };
}
