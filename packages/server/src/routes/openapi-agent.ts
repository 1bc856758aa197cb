import {
  AgentSchema,
  AgentSessionSchema,
  AuditEntrySchema,
  AuditPageSchema,
  CSRF_HEADER,
  SignInSchema,
} from '@kontakt/core/agent';
import type { JsonObject } from './openapi-parts.js';
import { COMMON_PROBLEMS, json, jsonSchema, problem, ref } from './openapi-parts.js';

/** The agent API's security scheme: the session cookie that sign-in sets. */
export const AGENT_SECURITY_SCHEMES = {
  agentSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'kontakt_session',
    description:
      'The session cookie set by `POST /v1/agent/session` (or OpenID Connect sign-in): ' +
      '`HttpOnly`, `SameSite=Strict`, `Path=/`; over https it is `__Host-kontakt_session` and ' +
      "`Secure`. State-changing requests also need the session's CSRF token in " +
      `\`${CSRF_HEADER}\` and must not come from another origin.`,
  },
};

const CSRF_PARAMETER = {
  name: CSRF_HEADER,
  in: 'header',
  required: true,
  description: 'The `csrfToken` of the session (from `GET /v1/agent/session`).',
  schema: { type: 'string' },
};

const UNAUTHORIZED = {
  '401': {
    ...problem(
      'No valid session (`unauthorized`): none, expired, signed out, or a receipt token or ' +
        'API key instead of one. A stale cookie is cleared.',
    ),
    headers: { 'WWW-Authenticate': { schema: { type: 'string' } } },
  },
};

const CSRF_FAILED =
  'The CSRF token is missing or wrong, or the request came from another origin ' +
  '(`csrf_failed`); nothing was changed.';

/**
 * An operation of the agent API: it needs the session cookie, can answer 401, and when it
 * changes something (`changes: true`) needs the CSRF header and can answer 403 `csrf_failed`.
 * Other agent routes' OpenAPI parts (cases, OpenID Connect) use it too.
 */
export function agentOperation(
  operation: JsonObject & { responses: JsonObject; parameters?: unknown[] },
  options: { changes?: boolean; forbidden?: string } = {},
): JsonObject {
  const refusals = [options.forbidden, options.changes ? CSRF_FAILED : undefined].filter(Boolean);
  const parameters = [
    ...(operation.parameters ?? []),
    ...(options.changes ? [CSRF_PARAMETER] : []),
  ];
  return {
    ...operation,
    security: [{ agentSession: [] }],
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: {
      ...operation.responses,
      ...UNAUTHORIZED,
      ...(refusals.length > 0 ? { '403': problem(refusals.join(' ')) } : {}),
      ...COMMON_PROBLEMS,
    },
  };
}

const NO_STORE = {
  'Cache-Control': { description: '`no-store`.', schema: { type: 'string' } },
};

/** `/v1/agent/session` and `/v1/agent/audit`. */
export function agentPaths(): JsonObject {
  return {
    '/v1/agent/session': {
      post: {
        operationId: 'signIn',
        summary:
          'Sign in with a local account (its id or e-mail address and password); sets the session cookie.',
        // The one agent operation without a session: it makes one.
        security: [],
        requestBody: { required: true, content: json(ref('SignIn')) },
        responses: {
          '200': {
            description: 'Signed in: the session, with the CSRF token for later requests.',
            headers: {
              ...NO_STORE,
              'Set-Cookie': { description: 'The session cookie.', schema: { type: 'string' } },
            },
            content: json(ref('AgentSession')),
          },
          '401': problem(
            'Wrong user name or password (`invalid_credentials`; the same answer for both).',
          ),
          '403': problem('Sent from another origin (`csrf_failed`).'),
          '415': problem('Body is not `application/json` (`unsupported_media_type`).'),
          '422': problem('Missing user name or password (`validation_failed`, with `errors`).'),
          ...COMMON_PROBLEMS,
          '429': {
            ...problem(
              'Too many failed sign-ins for this account or from this address, or too many ' +
                'requests (`rate_limited`); see `Retry-After`.',
            ),
            headers: {
              'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
            },
          },
        },
      },
      get: agentOperation({
        operationId: 'currentSession',
        summary: 'Who is signed in, the CSRF token, and when the session ends.',
        responses: {
          '200': {
            description: 'The session.',
            headers: NO_STORE,
            content: json(ref('AgentSession')),
          },
        },
      }),
      delete: agentOperation(
        {
          operationId: 'signOut',
          summary: 'Sign out: ends the session and clears the cookie.',
          responses: { '204': { description: 'Signed out.' } },
        },
        { changes: true },
      ),
    },
    '/v1/agent/audit': {
      get: agentOperation(
        {
          operationId: 'listAudit',
          summary: 'The audit log (admins): who did what to which case when; newest first.',
          parameters: [
            {
              name: 'agent',
              in: 'query',
              schema: { type: 'string' },
              description: 'Only this agent.',
            },
            {
              name: 'case',
              in: 'query',
              schema: { type: 'string' },
              description: 'Only this case.',
            },
            {
              name: 'from',
              in: 'query',
              schema: { type: 'string', format: 'date-time' },
              description: 'From this time (inclusive).',
            },
            {
              name: 'to',
              in: 'query',
              schema: { type: 'string', format: 'date-time' },
              description: 'Before this time.',
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            },
            {
              name: 'cursor',
              in: 'query',
              schema: { type: 'string' },
              description: '`next` of the previous page.',
            },
          ],
          responses: {
            '200': {
              description: 'A page of entries.',
              headers: NO_STORE,
              content: json(ref('AuditPage')),
            },
            '422': problem('An invalid filter (`validation_failed`, with `errors`).'),
          },
        },
        { forbidden: 'Only admins read the audit log (`forbidden`).' },
      ),
    },
  };
}

/** The schemas the agent paths refer to. */
export function agentSchemas(): JsonObject {
  return {
    Agent: jsonSchema(AgentSchema, 'output'),
    SignIn: jsonSchema(SignInSchema, 'input'),
    AgentSession: jsonSchema(AgentSessionSchema, 'output'),
    AuditEntry: jsonSchema(AuditEntrySchema, 'output'),
    AuditPage: jsonSchema(AuditPageSchema, 'output'),
  };
}
