/* The OpenID Connect sign-in endpoints and the sign-in methods in the OpenAPI document. */
import { SignInMethodsSchema } from '@kontakt/core/agent';
import type { JsonObject } from './openapi-parts.js';
import { COMMON_PROBLEMS, json, jsonSchema, problem, ref } from './openapi-parts.js';

/** The schemas these paths refer to. */
export function agentOidcSchemas(): JsonObject {
  return { SignInMethods: jsonSchema(SignInMethodsSchema, 'output') };
}

const HTML_PAGE = {
  'text/html': { schema: { type: 'string', description: 'A page that says what happened.' } },
};

/**
 * A failed sign-in: a page for browsers (they arrive by redirect), the problem document for
 * clients that send `Accept: application/json`.
 */
const failure = (description: string) => {
  const asProblem = problem(description);
  return { ...asProblem, content: { ...asProblem.content, ...HTML_PAGE } };
};

const NOT_CONFIGURED = problem('OpenID Connect is not configured on this server (`not_found`).');

/**
 * `GET /v1/agent/oidc/login` and `/callback`. They take no session (they make one), so their
 * security is empty, like `POST /v1/agent/session`.
 */
export function agentOidcPaths(): JsonObject {
  return {
    '/v1/agent/sign-in-methods': {
      get: {
        operationId: 'getSignInMethods',
        summary: 'Which ways of signing in this server offers',
        description:
          'Local accounts (the password form) and OpenID Connect (a link to `oidc.loginUrl`), ' +
          'so the sign-in view offers what works. Public: it tells nothing about accounts.',
        tags: ['agent'],
        security: [],
        responses: {
          '200': { description: 'The sign-in methods.', content: json(ref('SignInMethods')) },
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/agent/oidc/login': {
      get: {
        operationId: 'startOidcSignIn',
        summary: 'Sign in at the identity provider (OpenID Connect, code flow with PKCE)',
        description:
          "Redirects the browser to the provider's authorization endpoint with a fresh `state`, " +
          '`nonce` and PKCE challenge (S256), and keeps them in a 10-minute `HttpOnly`, ' +
          '`SameSite=Lax` cookie for the callback.',
        tags: ['agent'],
        security: [],
        parameters: [
          {
            name: 'returnTo',
            in: 'query',
            required: false,
            description:
              'Where to go after signing in: a path under `/console` on this server (default ' +
              '`/console/`). Anything else is refused, so this is no open redirect.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '302': {
            description: 'To the provider.',
            headers: {
              Location: { schema: { type: 'string', format: 'uri' } },
              'Set-Cookie': { schema: { type: 'string' } },
            },
          },
          '400': failure('`returnTo` is not a path of the console (`validation_failed`).'),
          '404': NOT_CONFIGURED,
          '503': failure('The provider cannot be reached (`service_unavailable`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/agent/oidc/callback': {
      get: {
        operationId: 'finishOidcSignIn',
        summary: 'Where the identity provider sends the browser back',
        description:
          'Checks `state` and `iss` against the transaction cookie, redeems the code with the ' +
          'PKCE verifier, validates the ID token, maps the user to an agent (groups mapping or a ' +
          'local account), starts the session and redirects to `returnTo`. Each transaction is ' +
          'used once.',
        tags: ['agent'],
        security: [],
        parameters: ['code', 'state', 'iss', 'error', 'error_description'].map((name) => ({
          name,
          in: 'query',
          required: false,
          schema: { type: 'string' },
        })),
        responses: {
          '303': {
            description: 'Signed in: to `returnTo`, with the session cookie.',
            headers: {
              Location: { schema: { type: 'string' } },
              'Set-Cookie': { schema: { type: 'string' } },
            },
          },
          '401': failure(
            'Not signed in (`unauthorized`): cancelled at the provider, or the transaction was ' +
              'missing, expired, replayed or did not check out.',
          ),
          '403': failure('The user has no role in the console (`forbidden`).'),
          '404': NOT_CONFIGURED,
          '503': failure('The provider cannot be reached (`service_unavailable`).'),
          ...COMMON_PROBLEMS,
        },
      },
    },
  };
}
