// Every operation of the agent API (and the admin API) as the OpenAPI document lists them: none
// answers without a session, and none that changes something does without the CSRF token. New
// endpoints are covered as soon as they are documented (and the document must list every route).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import type { TestSession } from '../test-support/agents.js';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer, validSubmission } from '../test-support/departments.js';
import { buildOpenApiDocument } from './openapi.js';

/** The operations anyone may call: they sign in or say how to. */
const PUBLIC = [
  'POST /v1/agent/session',
  'GET /v1/agent/sign-in-methods',
  'GET /v1/agent/oidc/login',
  'GET /v1/agent/oidc/callback',
];

interface Operation {
  method: string;
  path: string;
  security: Record<string, unknown>[] | undefined;
}

const operations: Operation[] = Object.entries(
  buildOpenApiDocument().paths as Record<
    string,
    Record<string, { security?: Operation['security'] }>
  >,
)
  .filter(([path]) => path.startsWith('/v1/agent/') || path.startsWith('/v1/admin/'))
  .flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      security: operation.security,
    })),
  );
const guarded = operations.filter((op) => !PUBLIC.includes(`${op.method} ${op.path}`));
const changing = guarded.filter((op) => !['GET', 'HEAD'].includes(op.method));

const KEY = createApiKey();

let server: TestServer;
let admin: TestSession;
let receiptToken: string;
let reference: string;

beforeAll(async () => {
  server = await startTestServer({
    accounts: await testAccounts(),
    adminApiKeys: [{ id: 'ops', hash: hashApiKey(KEY) }],
    // Every refused change counts against the address's POST budget (it has no valid session):
    // four attempts at each of the agent API's changes are more than the default 60 a minute.
    rateLimit: { windowMs: 60_000, max: 1000 },
  });
  const response = await fetch(`${server.url}/v1/cases`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(validSubmission()),
  });
  ({ receiptToken, reference } = (await response.json()) as {
    receiptToken: string;
    reference: string;
  });
  admin = await signIn(server.url, 'alva');
});
afterAll(() => server?.close());

const urlOf = (path: string) =>
  `${server.url}${path.replace('{reference}', reference).replace('{id}', 'n-unknown')}`;

function send(op: Operation, headers: Record<string, string>) {
  const body = ['GET', 'HEAD'].includes(op.method) ? {} : { body: '{}' };
  return fetch(urlOf(op.path), {
    method: op.method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...body,
  });
}

/** How many audited actions there are: every change an agent makes is one more. */
async function auditCount(): Promise<number> {
  const rows = await server.database.inspect((db) =>
    db
      .selectFrom('agent_audit')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
  );
  return Number(rows?.n);
}

describe('the agent API', () => {
  it('documents a session (or an API key) as the security of every operation but the public ones', () => {
    expect(guarded.length).toBeGreaterThan(4);
    for (const op of guarded) {
      expect(op.security, `${op.method} ${op.path}`).toContainEqual({ agentSession: [] });
    }
    for (const op of operations.filter((candidate) => !guarded.includes(candidate))) {
      expect(op.security, `${op.method} ${op.path}`).toEqual([]);
    }
  });

  it('answers 401 without a session, with a receipt token, an admin API key or a made-up cookie', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${receiptToken}` },
      { Cookie: `kontakt_session=${receiptToken}` },
      { Cookie: `kontakt_session=${'A'.repeat(43)}` },
    ];
    for (const op of guarded) {
      // The admin API takes its key; the agent API never does.
      const extra = op.path.startsWith('/v1/agent/') ? [{ Authorization: `Bearer ${KEY}` }] : [];
      for (const headers of [...attempts, ...extra]) {
        const response = await send(op, headers);
        const body = (await response.json()) as { code?: string };
        expect(response.status, `${op.method} ${op.path} ${JSON.stringify(headers)}`).toBe(401);
        expect(body.code).toBe('unauthorized');
      }
    }
  });

  it('answers 403 csrf_failed to a change without the token or from another origin, and changes nothing', async () => {
    expect(changing.length).toBeGreaterThan(3);
    const before = await auditCount();
    const attempts: Record<string, string>[] = [
      { Cookie: admin.cookie },
      { Cookie: admin.cookie, 'X-CSRF-Token': `${admin.csrfToken}x` },
      { ...admin.headers, Origin: 'https://evil.example' },
      { ...admin.headers, 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const op of changing) {
      for (const headers of attempts) {
        const response = await send(op, headers);
        const body = (await response.json()) as { code?: string };
        expect(response.status, `${op.method} ${op.path} ${JSON.stringify(headers)}`).toBe(403);
        expect(body.code).toBe('csrf_failed');
      }
    }
    expect(await auditCount()).toBe(before);
  });
});
