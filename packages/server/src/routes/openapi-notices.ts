import { NOTICES_CURRENT_EVENT } from '@kontakt/core/events';
import {
  AdminNoticeSchema,
  NOTICE_EVENTS,
  NoticeInputSchema,
  NoticeListSchema,
  NoticeSchema,
  NoticeWithdrawnSchema,
} from '@kontakt/core/schemas';
import { eventStreamParameters, eventStreamResponse } from '../sse/openapi.js';
import type { JsonObject } from './openapi-parts.js';
import { COMMON_PROBLEMS, json, jsonSchema, problem, ref } from './openapi-parts.js';

/** The admin API's one security scheme: an API key from the server's configuration. */
export const SECURITY_SCHEMES = {
  adminApiKey: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key from the server configuration (`adminApiKeys`, `KONTAKT_ADMIN_API_KEYS`; ' +
      '`kontakt-server new-api-key` makes one): `Authorization: Bearer kk_…`.',
  },
};

const DEPARTMENT_QUERY = {
  name: 'department',
  in: 'query',
  required: true,
  description: 'The department whose pages show the notices.',
  schema: { type: 'string' },
};
const CURRENT_QUERY = {
  name: 'current',
  in: 'query',
  required: false,
  description:
    '`1`: a stream started without a last event id begins with the notices that have not ended ' +
    `(one \`${NOTICES_CURRENT_EVENT}\` event), so that no list request is needed before it. ` +
    'Ignored when the stream resumes after a last event id.',
  schema: { type: 'string', enum: ['1'] },
};
const ID_PATH = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const UNAUTHORIZED = {
  '401': {
    ...problem('No API key or a wrong one (`unauthorized`); nothing was changed.'),
    headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
  },
};
const FORBIDDEN = {
  '403': problem(
    "With a session: the agent is not an admin (`forbidden`), or a change lacks the session's " +
      'CSRF token in `X-CSRF-Token` or came from another origin (`csrf_failed`).',
  ),
};
const INVALID_NOTICE = problem(
  'Invalid fields (`validation_failed`, with `errors`): a missing language, an end not after ' +
    'the start (`end_before_start`), an unknown department (`unknown_department`), text too long.',
);
const NO_NOTICE = problem('No such notice (`notice_not_found`).');

/**
 * An operation of the admin API: every one requires the API key or an admin's console session
 * (then changes need its CSRF token) and can answer 401 and 403.
 */
function adminOperation(operation: JsonObject & { responses: JsonObject }): JsonObject {
  return {
    ...operation,
    security: [{ adminApiKey: [] }, { agentSession: [] }],
    responses: { ...operation.responses, ...UNAUTHORIZED, ...FORBIDDEN, ...COMMON_PROBLEMS },
  };
}

/** The notices' paths: the public reads and stream, and the admin API. */
export function noticePaths(): JsonObject {
  return {
    '/v1/notices': {
      get: {
        operationId: 'listNotices',
        summary:
          "A department's crisis and service notices that have not ended (later ones included), " +
          'with the event-stream cursor they were read at.',
        parameters: [DEPARTMENT_QUERY],
        responses: {
          '200': { description: 'The notices.', content: json(ref('NoticeList')) },
          '404': problem('No such department (`department_not_found`).'),
          '422': problem('No department named (`validation_failed`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/notices/stream': {
      get: {
        operationId: 'streamNotices',
        summary: "Changes to a department's notices, live.",
        parameters: [DEPARTMENT_QUERY, CURRENT_QUERY, ...eventStreamParameters()],
        responses: {
          '200': startingWithCurrent(
            eventStreamResponse({
              description:
                'Resume from the `cursor` of `GET /v1/notices` to miss nothing between the two, or ' +
                'ask for `current=1` to have the notices first.',
              events: {
                [NOTICE_EVENTS.published]: {
                  description:
                    'A notice was published or changed: show it (replacing its old version).',
                  data: ref('Notice'),
                },
                [NOTICE_EVENTS.withdrawn]: {
                  description: 'A notice was withdrawn, or no longer applies to this department.',
                  data: jsonSchema(NoticeWithdrawnSchema, 'output'),
                },
              },
            }),
          ),
          '400': problem('A `Last-Event-ID` this server never sent (`validation_failed`).'),
          '404': problem('No such department (`department_not_found`).'),
          '422': problem('No department named (`validation_failed`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/admin/notices': {
      get: adminOperation({
        operationId: 'adminListNotices',
        summary: 'Every notice ever published, withdrawn ones included, newest first.',
        responses: {
          '200': {
            description: 'The notices.',
            content: json({
              type: 'object',
              properties: { notices: { type: 'array', items: ref('AdminNotice') } },
              required: ['notices'],
            }),
          },
        },
      }),
      post: adminOperation({
        operationId: 'publishNotice',
        summary: "Publish a notice: it reaches its departments' pages at once (or at its start).",
        requestBody: { required: true, content: json(ref('NoticeInput')) },
        responses: {
          '201': {
            description: 'Published.',
            headers: { Location: { schema: { type: 'string' } } },
            content: json(ref('AdminNotice')),
          },
          '422': INVALID_NOTICE,
        },
      }),
    },
    '/v1/admin/notices/{id}': {
      get: adminOperation({
        operationId: 'adminGetNotice',
        summary: 'One notice.',
        parameters: [ID_PATH],
        responses: {
          '200': { description: 'The notice.', content: json(ref('AdminNotice')) },
          '404': NO_NOTICE,
        },
      }),
      put: adminOperation({
        operationId: 'changeNotice',
        summary:
          'Replace a notice; pages show the new version (it is shown again to those who hid it).',
        parameters: [ID_PATH],
        requestBody: { required: true, content: json(ref('NoticeInput')) },
        responses: {
          '200': { description: 'Changed.', content: json(ref('AdminNotice')) },
          '404': NO_NOTICE,
          '409': problem('The notice was withdrawn (`notice_withdrawn`): publish a new one.'),
          '422': INVALID_NOTICE,
        },
      }),
    },
    '/v1/admin/notices/{id}/withdraw': {
      post: adminOperation({
        operationId: 'withdrawNotice',
        summary: 'Take a notice off every page before its end. Withdrawing again changes nothing.',
        parameters: [ID_PATH],
        responses: {
          '200': { description: 'Withdrawn.', content: json(ref('AdminNotice')) },
          '404': NO_NOTICE,
        },
      }),
    },
  };
}

/**
 * The stream's response with `notices.current` among its events: the first event of a stream
 * asked for with `current=1`, which carries no `id` (the next event is the first change after
 * the notices it holds).
 */
function startingWithCurrent(response: JsonObject): JsonObject {
  const body = (response.content as Record<string, { schema: { oneOf: JsonObject[] } }>)[
    'text/event-stream'
  ];
  body?.schema.oneOf.unshift({
    title: NOTICES_CURRENT_EVENT,
    description:
      'The first event with `current=1` and no last event id: every notice of the department ' +
      'that has not ended (later ones included), in place of what the client held. Carries no `id`.',
    type: 'object',
    properties: {
      event: { type: 'string', const: NOTICES_CURRENT_EVENT },
      data: {
        type: 'string',
        contentMediaType: 'application/json',
        contentSchema: {
          type: 'object',
          properties: { notices: { type: 'array', items: ref('Notice') } },
          required: ['notices'],
        },
      },
    },
    required: ['event', 'data'],
  });
  return response;
}

/** The notices' component schemas, from the contract's zod schemas. */
export function noticeSchemas(): JsonObject {
  return {
    Notice: jsonSchema(NoticeSchema, 'output'),
    NoticeList: jsonSchema(NoticeListSchema, 'output'),
    NoticeInput: jsonSchema(NoticeInputSchema, 'input'),
    AdminNotice: jsonSchema(AdminNoticeSchema, 'output'),
  };
}
