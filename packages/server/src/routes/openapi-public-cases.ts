import {
  CaseAccessSchema,
  CaseLookupSchema,
  CaseMessageSchema,
  FollowRequestSchema,
  PUBLIC_CASE_EVENT,
  PublicCaseSchema,
} from '@kontakt/core/schemas';
import { eventStreamParameters, eventStreamResponse } from '../sse/openapi.js';
import type { JsonObject } from './openapi-parts.js';
import {
  COMMON_PROBLEMS,
  IDEMPOTENCY_KEY,
  json,
  jsonSchema,
  problem,
  RATE_LIMIT_HEADERS,
  ref,
} from './openapi-parts.js';

/** The citizen's access token, from a receipt or a lookup. */
export const CASE_ACCESS_SECURITY_SCHEMES = {
  caseAccessToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      "A case's access token: its receipt token (the receipt link's `token`), or the " +
      '`accessToken` of `POST /v1/cases/{reference}/lookup` or `/followers`.',
  },
};

const REFERENCE_PATH = {
  name: 'reference',
  in: 'path',
  required: true,
  description: 'The case reference, however typed (`kc 7f3k 9qxm` is `KC-7F3K-9QXM`).',
  schema: { type: 'string' },
};

const NO_STORE = {
  'Cache-Control': {
    description: '`no-store`: it holds a token or what one opens.',
    schema: { type: 'string' },
  },
};

const NOT_FOUND = problem(
  'The one answer (`case_not_found`) to an unknown or malformed reference, a wrong token and a ' +
    'wrong address alike: same status, body and headers.',
);

const LIMITED = {
  ...COMMON_PROBLEMS,
  '429': {
    ...COMMON_PROBLEMS['429'],
    description:
      'Too many attempts to open a case from this client (`rate_limited`; lookups, follows and ' +
      'failed reads with a token count, by default 10 a minute, 5 at once); see `Retry-After`.',
  },
};

/** The status tracker's paths under `/v1/cases/{reference}`. */
export function publicCasePaths(): JsonObject {
  return {
    '/v1/cases/{reference}': {
      get: {
        operationId: 'getPublicCase',
        summary: 'A case as its citizen sees it: status, public timeline, expected answer date.',
        security: [{ caseAccessToken: [] }],
        parameters: [REFERENCE_PATH],
        responses: {
          '200': { description: 'The case.', headers: NO_STORE, content: json(ref('PublicCase')) },
          '404': NOT_FOUND,
          ...LIMITED,
        },
      },
    },
    '/v1/cases/{reference}/lookup': {
      post: {
        operationId: 'lookupCase',
        summary:
          'Open a case with its receipt token or the e-mail address it was sent with; answers ' +
          'with the case and a token to read and follow it with.',
        parameters: [REFERENCE_PATH],
        requestBody: { required: true, content: json(ref('CaseLookup')) },
        responses: {
          '200': {
            description: 'The case and its access token.',
            headers: NO_STORE,
            content: json(ref('CaseAccess')),
          },
          '400': problem('Body is not JSON (`invalid_json`).'),
          '404': NOT_FOUND,
          '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
          '422': problem(
            'Neither a token nor an e-mail address (`validation_failed`, with `errors`).',
          ),
          ...LIMITED,
        },
      },
    },
    '/v1/cases/{reference}/stream': {
      get: {
        operationId: 'streamPublicCase',
        summary: "A case's public changes, live.",
        security: [{ caseAccessToken: [] }],
        parameters: [REFERENCE_PATH, ...eventStreamParameters()],
        responses: {
          '200': eventStreamResponse({
            description:
              'Every change from the first (each event is the whole case), or after `Last-Event-ID`. ' +
              'The stream ends every few minutes with the reconnect event (reason `recheck`), and the ' +
              'access is checked again when the client comes back.',
            events: {
              [PUBLIC_CASE_EVENT]: {
                description: 'The case changed in a way its citizen sees: the whole case after it.',
                data: ref('PublicCase'),
              },
            },
          }),
          '400': problem('A `Last-Event-ID` this server never sent (`validation_failed`).'),
          '404': NOT_FOUND,
          ...LIMITED,
        },
      },
    },
    '/v1/cases/{reference}/followers': {
      post: {
        operationId: 'followCase',
        summary:
          "Follow someone else's open fault report instead of filing a duplicate; with an e-mail " +
          'address, be told of its progress by mail.',
        parameters: [REFERENCE_PATH],
        requestBody: { required: true, content: json(ref('FollowRequest')) },
        responses: {
          '201': {
            description: 'The case and the follower’s access token.',
            headers: NO_STORE,
            content: json(ref('CaseAccess')),
          },
          '400': problem('Body is not JSON (`invalid_json`).'),
          '404': problem(
            'No open fault report with this reference (`case_not_found`, as for a lookup).',
          ),
          '409': problem('The report is resolved, closed or a duplicate (`case_not_followable`).'),
          '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
          '422': problem('Invalid fields (`validation_failed`, with `errors`).'),
          ...LIMITED,
        },
      },
      delete: {
        operationId: 'unfollowCase',
        summary:
          'Stop following a case with the token `POST …/followers` gave (no more mail; the token ' +
          'no longer opens it). A duplicate’s sender stops following the case it duplicates the same way.',
        security: [{ caseAccessToken: [] }],
        parameters: [REFERENCE_PATH],
        responses: {
          '204': { description: 'Not followed any more.', headers: NO_STORE },
          '404': NOT_FOUND,
          ...LIMITED,
        },
      },
    },
    '/v1/cases/{reference}/messages': {
      post: {
        operationId: 'addCaseMessage',
        summary:
          'More information from the person who sent the case, e.g. the answer to its question ' +
          'while it waits for them (`waiting_for_citizen`), which puts it back to `in_progress` ' +
          '(no mail). Only the sender: the receipt token or an e-mail lookup’s token, not a ' +
          'follower’s. With `photos`: ids from `POST /v1/photos` for the case’s department, ' +
          'at most its `messagePhotos.maxCount` (none without `messagePhotos`), given to the ' +
          'case with the message. The text and photos reach the agents’ timeline only, never ' +
          'the public case.',
        security: [{ caseAccessToken: [] }],
        parameters: [REFERENCE_PATH, IDEMPOTENCY_KEY],
        requestBody: { required: true, content: json(ref('CaseMessage')) },
        responses: {
          '201': {
            description: 'The message is stored: the case after it.',
            headers: {
              ...NO_STORE,
              ...RATE_LIMIT_HEADERS,
              'Idempotent-Replayed': {
                description: '`true` when this is the stored answer to an earlier request.',
                schema: { type: 'string', enum: ['true'] },
              },
            },
            content: json(ref('PublicCase')),
          },
          '400': problem('Body is not JSON (`invalid_json`) or bad `Idempotency-Key`.'),
          '404': problem(
            'The one answer (`case_not_found`) to an unknown or malformed reference and to a ' +
              'token that is not the sender’s (a wrong one, a follower’s) alike, as for a read.',
          ),
          '409': problem(
            'The case is resolved, closed or a duplicate (`case_finished`): nothing is stored; ' +
              'send a new message instead. Or the same key is still in progress ' +
              '(`idempotency_request_in_progress`).',
          ),
          '413': problem('Body too large (`payload_too_large`).'),
          '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
          '422': problem(
            'Invalid fields (`validation_failed`, with `errors`): `text` (`required`, ' +
              '`too_long`); `photos` `too_long` with `params.maximum` (more than the case’s ' +
              'department’s `messagePhotos.maxCount`); `photos.<i>` `unknown_photo` (not ' +
              'uploaded for the case’s department, another case’s, or expired). Or a reused ' +
              'key (`idempotency_key_reused`).',
          ),
          ...LIMITED,
          '429': {
            ...LIMITED['429'],
            description:
              'Too many requests from this client (`rate_limited`; see `Retry-After`): the ' +
              'general limit of POSTs, or too many attempts to open a case (a message with a ' +
              'token that is not the sender’s counts as a failed read).',
          },
        },
      },
    },
  };
}

export function publicCaseSchemas(): JsonObject {
  return {
    PublicCase: jsonSchema(PublicCaseSchema, 'output'),
    CaseLookup: jsonSchema(CaseLookupSchema, 'input'),
    CaseAccess: jsonSchema(CaseAccessSchema, 'output'),
    FollowRequest: jsonSchema(FollowRequestSchema, 'input'),
    CaseMessage: jsonSchema(CaseMessageSchema, 'input'),
  };
}
