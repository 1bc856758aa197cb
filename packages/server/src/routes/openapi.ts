import {
  CaseSubmissionSchema,
  DepartmentSchema,
  ProblemSchema,
  ReceiptSchema,
} from '@kontakt/core/schemas';
import { Hono } from 'hono';
import { callbackPaths, callbackSchemas } from '../callbacks/openapi.js';
import { CHAT_SECURITY_SCHEMES, chatPaths, chatSchemas } from '../chat/openapi.js';
import type { AppEnv } from '../env.js';
import { AGENT_SECURITY_SCHEMES, agentPaths, agentSchemas } from './openapi-agent.js';
import { agentCasePaths, agentCaseSchemas } from './openapi-agent-cases.js';
import { agentDashboardPaths, agentDashboardSchemas } from './openapi-agent-dashboard.js';
import { agentLetterheadPaths, agentLetterheadSchemas } from './openapi-agent-letterhead.js';
import { agentOidcPaths, agentOidcSchemas } from './openapi-agent-oidc.js';
import { faultPaths, faultSchemas } from './openapi-faults.js';
import { noticePaths, noticeSchemas, SECURITY_SCHEMES } from './openapi-notices.js';
import type { JsonObject } from './openapi-parts.js';
import {
  CACHE_HEADERS,
  COMMON_PROBLEMS,
  IDEMPOTENCY_KEY,
  IF_NONE_MATCH,
  json,
  jsonSchema,
  NOT_MODIFIED,
  problem,
  receiptResponses,
  ref,
} from './openapi-parts.js';
import { photoPaths, photoSchemas } from './openapi-photos.js';
import {
  CASE_ACCESS_SECURITY_SCHEMES,
  publicCasePaths,
  publicCaseSchemas,
} from './openapi-public-cases.js';

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
          summary:
            'Send a message to the contact center; answers with a receipt. Photos (when the ' +
            "department's `messagePhotos` allows them) are uploaded first (`POST /v1/photos`) " +
            'and named by id in `message.photos`.',
          parameters: [IDEMPOTENCY_KEY],
          requestBody: { required: true, content: json(ref('CaseSubmission')) },
          responses: receiptResponses(
            'The case is durably stored.',
            'Field errors name `message.topic` (`unknown_topic`), `message.photos` ' +
              "(`too_long` with `params.maximum`: more than the department's " +
              '`messagePhotos.maxCount`, 0 without `messagePhotos`; `unknown_photo`: one was ' +
              'taken or expired while the case was stored) and `message.photos.<i>` ' +
              "(`unknown_photo`: not uploaded for this department, already another case's, or " +
              'expired). An answer by letter (`answerChannel: letter`) needs `message.name` and ' +
              '`message.postalAddress` (`required_for_channel`); a postcode that is not five ' +
              'digits, the first not 0 (`211 22`, `21122`), is `invalid_postal_code` at ' +
              '`message.postalAddress.postalCode`. The postcode is stored as `211 22`.',
          ),
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
      ...agentLetterheadPaths(),
      ...photoPaths(),
      ...faultPaths(),
      ...chatPaths(),
      ...callbackPaths(),
    },
    components: {
      securitySchemes: {
        ...SECURITY_SCHEMES,
        ...AGENT_SECURITY_SCHEMES,
        ...CASE_ACCESS_SECURITY_SCHEMES,
        ...CHAT_SECURITY_SCHEMES,
      },
      schemas: {
        ...publicCaseSchemas(),
        ...noticeSchemas(),
        ...agentSchemas(),
        ...agentOidcSchemas(),
        ...agentDashboardSchemas(),
        ...agentCaseSchemas(),
        ...agentLetterheadSchemas(),
        ...photoSchemas(),
        ...faultSchemas(),
        ...chatSchemas(),
        ...callbackSchemas(),
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
