import {
  CaseSubmissionSchema,
  DepartmentSchema,
  ProblemSchema,
  ReceiptSchema,
} from '@kontakt/core/schemas';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';
import { DEPARTMENTS_CACHE_CONTROL } from './departments.js';
import { AGENT_SECURITY_SCHEMES, agentPaths, agentSchemas } from './openapi-agent.js';
import { agentCasePaths, agentCaseSchemas } from './openapi-agent-cases.js';
import { agentDashboardPaths, agentDashboardSchemas } from './openapi-agent-dashboard.js';
import { agentOidcPaths, agentOidcSchemas } from './openapi-agent-oidc.js';
import { noticePaths, noticeSchemas, SECURITY_SCHEMES } from './openapi-notices.js';
import type { JsonObject } from './openapi-parts.js';
import {
  COMMON_PROBLEMS,
  json,
  jsonSchema,
  problem,
  RATE_LIMIT_HEADERS,
  ref,
} from './openapi-parts.js';
import { photoPaths, photoSchemas } from './openapi-photos.js';
import {
  CASE_ACCESS_SECURITY_SCHEMES,
  publicCasePaths,
  publicCaseSchemas,
} from './openapi-public-cases.js';

/**
 * Departments change only with the server's configuration, so their reads are conditional: the
 * answer carries an `ETag`, and a request whose `If-None-Match` matches it gets `304`.
 */
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'The `ETag` of a copy the client has (or a list of them, or `*`); compared weakly. When it ' +
    'matches, the answer is `304 Not Modified` without a body. Browsers send it by themselves ' +
    'when they revalidate a cached copy.',
  schema: { type: 'string' },
};

const CACHE_HEADERS = {
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

const NOT_MODIFIED = {
  '304': {
    description:
      'The copy named in `If-None-Match` is current: no body, the same `ETag`, `Cache-Control` ' +
      'and `Vary` as the `200`.',
    headers: CACHE_HEADERS,
  },
};

/**
 * The OpenAPI 3.1 document of the HTTP API. Request and response bodies are generated from the
 * same zod schemas the server validates with, so the document cannot drift from the code.
 */
export function buildOpenApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'kontakt contact-center API',
      version: '1.0.0',
      description:
        'Cases from citizens to a municipal contact center. Errors are RFC 9457 problem documents ' +
        'with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/v1/cases': {
        post: {
          operationId: 'createCase',
          summary: 'Send a message to the contact center; answers with a receipt.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description:
                'Makes retries safe: a repeat with the same key and body within 24 hours gets the ' +
                'first answer again (with `Idempotent-Replayed: true`); the same key with another ' +
                'body is refused.',
              schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
            },
          ],
          requestBody: { required: true, content: json(ref('CaseSubmission')) },
          responses: {
            '201': {
              description: 'The case is durably stored.',
              headers: {
                ...RATE_LIMIT_HEADERS,
                'Idempotent-Replayed': {
                  description: '`true` when this is the stored answer to an earlier request.',
                  schema: { type: 'string', enum: ['true'] },
                },
              },
              content: json(ref('Receipt')),
            },
            '400': problem('Body is not JSON (`invalid_json`) or bad `Idempotency-Key`.'),
            '403': problem(
              'The page origin may not send to this department (`origin_not_allowed`).',
            ),
            '409': problem('Same key still in progress (`idempotency_request_in_progress`).'),
            '413': problem('Body too large (`payload_too_large`).'),
            '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
            '422': problem(
              'Invalid fields (`validation_failed`, with `errors`) or a reused key ' +
                '(`idempotency_key_reused`).',
            ),
            ...COMMON_PROBLEMS,
          },
        },
      },
      '/v1/departments': {
        get: {
          operationId: 'listDepartments',
          summary: 'All departments with their categories and opening hours.',
          parameters: [IF_NONE_MATCH],
          responses: {
            '200': {
              description: 'The departments.',
              headers: CACHE_HEADERS,
              content: json(ref('DepartmentList')),
            },
            ...NOT_MODIFIED,
            ...COMMON_PROBLEMS,
          },
        },
      },
      '/v1/departments/{id}': {
        get: {
          operationId: 'getDepartment',
          summary: 'One department.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            IF_NONE_MATCH,
          ],
          responses: {
            '200': {
              description: 'The department.',
              headers: CACHE_HEADERS,
              content: json(ref('Department')),
            },
            ...NOT_MODIFIED,
            '404': problem('No such department (`department_not_found`).'),
            ...COMMON_PROBLEMS,
          },
        },
      },
      '/v1/health': {
        get: {
          operationId: 'health',
          summary: 'The server is up.',
          responses: {
            '200': { description: 'Up.', content: json(ref('Health')) },
            // Never rate limited: load balancers poll it.
            '500': COMMON_PROBLEMS['500'],
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          responses: {
            '200': { description: 'OpenAPI 3.1 document.', content: json({ type: 'object' }) },
            ...COMMON_PROBLEMS,
          },
        },
      },
      ...publicCasePaths(),
      ...noticePaths(),
      ...agentPaths(),
      ...agentOidcPaths(),
      ...agentDashboardPaths(),
      ...agentCasePaths(),
      ...photoPaths(),
    },
    components: {
      securitySchemes: {
        ...SECURITY_SCHEMES,
        ...AGENT_SECURITY_SCHEMES,
        ...CASE_ACCESS_SECURITY_SCHEMES,
      },
      schemas: {
        ...publicCaseSchemas(),
        ...noticeSchemas(),
        ...agentSchemas(),
        ...agentOidcSchemas(),
        ...agentDashboardSchemas(),
        ...agentCaseSchemas(),
        ...photoSchemas(),
        CaseSubmission: jsonSchema(CaseSubmissionSchema, 'input'),
        Receipt: jsonSchema(ReceiptSchema, 'output'),
        Department: jsonSchema(DepartmentSchema, 'output'),
        DepartmentList: {
          type: 'object',
          properties: { departments: { type: 'array', items: ref('Department') } },
          required: ['departments'],
        },
        Problem: jsonSchema(ProblemSchema, 'output'),
        Health: {
          type: 'object',
          properties: { status: { type: 'string', const: 'ok' } },
          required: ['status'],
        },
      },
    },
  };
}

/** `GET /v1/openapi.json` */
export function openapiRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  let document: string | undefined;
  routes.get('/', (c) => {
    document ??= JSON.stringify(buildOpenApiDocument());
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  return routes;
}
