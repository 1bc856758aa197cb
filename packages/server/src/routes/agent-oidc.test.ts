/**
 * OpenID Connect sign-in end to end: a real provider (`oidc-provider`) on loopback, the real
 * server with the store under test, and real HTTP between them, the way a browser goes: the
 * console's sign-in link, the provider's login and consent forms, the callback, the session.
 */
import { AgentSessionSchema, SignInMethodsSchema } from '@kontakt/core/agent';
import { ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hop } from '../auth/oidc/test-support/browser.js';
import { TestBrowser } from '../auth/oidc/test-support/browser.js';
import type { TestProvider } from '../auth/oidc/test-support/provider.js';
import { startTestProvider } from '../auth/oidc/test-support/provider.js';
import { TRANSACTION_COOKIE } from '../auth/oidc/transaction.js';
import { testAccounts } from '../test-support/agents.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

const CALLBACK = '/v1/agent/oidc/callback';
const SESSION_COOKIE = 'kontakt_session';

let provider: TestProvider;
let server: TestServer;
/** A second server that maps users to its local accounts instead of by groups. */
let withAccounts: TestServer;

beforeAll(async () => {
  provider = await startTestProvider({
    'anna-kv': {
      email: 'anna.kommunvagledare@example.se',
      email_verified: true,
      name: 'Anna Kommunvägledare',
      groups: ['kc-kontaktcenter', 'all-staff'],
    },
    'gustav-gata': {
      email: 'gustav.gata@example.se',
      name: 'Gustav Gatuingenjör',
      groups: ['all-staff', 'kc-specialist-gata'],
    },
    'olle-outsider': { email: 'olle@example.se', name: 'Olle Utanför', groups: ['all-staff'] },
    // The same address as the local account `alva`, verified; `sven`'s, but not verified.
    'alva-idp': { email: 'Alva@kommun.example.se', email_verified: true, name: 'Alva i IdP' },
    'sven-idp': { email: 'sven@kommun.example.se', email_verified: false },
  });
  server = await startTestServer({
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: ['email', 'profile', 'groups'],
      groups: [
        { group: 'kc-kontaktcenter', role: 'agent' },
        { group: 'kc-specialist-gata', role: 'specialist', departments: ['gata'] },
      ],
    },
  });
  withAccounts = await startTestServer({
    accounts: await testAccounts(),
    // As behind a reverse proxy on this machine that ends TLS.
    trustProxy: ['loopback'],
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
    },
  });
  provider.register(`${server.url}${CALLBACK}`, `${withAccounts.url}${CALLBACK}`);
});
afterAll(async () => {
  await server?.close();
  await withAccounts?.close();
  await provider?.close();
});

const atCallback = (hop: Hop) => hop.url.pathname === CALLBACK;
const headedForCallback = (hop: Hop) =>
  new URL(hop.response.headers.get('Location') ?? '/', hop.url).pathname === CALLBACK;

/**
 * Starts sign-in at the server and goes through the provider's forms as `login`, up to the
 * hop that `stop` names (default: the server's callback answering). Returns every hop.
 */
async function signIn(
  browser: TestBrowser,
  login: string,
  {
    returnTo = '/console/',
    stop = atCallback,
    at = server,
  }: { returnTo?: string; stop?: (hop: Hop) => boolean; at?: TestServer } = {},
): Promise<Hop[]> {
  const start = `${at.url}/v1/agent/oidc/login?returnTo=${encodeURIComponent(returnTo)}`;
  const hops = await browser.navigate(start, {}, stop);
  for (let form = 0; form < 3; form++) {
    const last = hops.at(-1) as Hop;
    if (stop(last) || last.response.status !== 200) return hops;
    const html = await last.response.text();
    // The provider's development forms: a login (any password), then consent.
    hops.push(...(await browser.submitForm(last.url, html, { login, password: 'secret' }, stop)));
  }
  return hops;
}

async function sessionOf(browser: TestBrowser, at = server) {
  const response = await browser.request(`${at.url}/v1/agent/session`, {
    headers: { Accept: 'application/json' },
  });
  return { status: response.status, body: await response.json() };
}

async function auditActions() {
  return server.database.inspect((db) =>
    db.selectFrom('agent_audit').select(['agent_id', 'action', 'detail']).orderBy('id').execute(),
  );
}

describe('OpenID Connect sign-in', () => {
  it('signs an agent in with the code flow and PKCE, and the session works on the agent API', async () => {
    const browser = new TestBrowser();
    const hops = await signIn(browser, 'anna-kv', { returnTo: '/console/cases?status=open' });

    const toProvider = new URL(hops[0]?.response.headers.get('Location') ?? '');
    expect(toProvider.origin).toBe(provider.issuer);
    expect(toProvider.searchParams.get('code_challenge_method')).toBe('S256');
    expect(toProvider.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(toProvider.searchParams.get('state')).toBeTruthy();
    expect(toProvider.searchParams.get('nonce')).toBeTruthy();
    expect(toProvider.searchParams.get('redirect_uri')).toBe(`${server.url}${CALLBACK}`);
    const transaction = hops[0]?.response.headers.getSetCookie().join('\n') ?? '';
    expect(transaction).toMatch(new RegExp(`^${TRANSACTION_COOKIE}=`));
    expect(transaction).toMatch(/HttpOnly/i);
    expect(transaction).toMatch(/SameSite=Lax/i);
    expect(transaction).toMatch(/Path=\/v1\/agent\/oidc/i);

    const callback = hops.at(-1) as Hop;
    expect(callback.url.pathname).toBe(CALLBACK);
    expect(callback.response.status).toBe(303);
    expect(callback.response.headers.get('Location')).toBe('/console/cases?status=open');
    expect(browser.cookie(new URL(server.url).host, SESSION_COOKIE)).toBeDefined();
    expect(browser.cookie(new URL(server.url).host, TRANSACTION_COOKIE)).toBeUndefined();

    const session = await sessionOf(browser);
    expect(session.status).toBe(200);
    expect(AgentSessionSchema.parse(session.body).agent).toEqual({
      id: 'oidc.anna-kv',
      name: 'Anna Kommunvägledare',
      email: 'anna.kommunvagledare@example.se',
      role: 'agent',
      departments: [],
    });
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ agent_id: 'oidc.anna-kv', action: 'session.signed_in' }),
    );
    expect(provider.errors).toEqual([]);

    // A whole session: its CSRF token signs it out again.
    const { csrfToken } = AgentSessionSchema.parse(session.body);
    const signOut = await browser.request(`${server.url}/v1/agent/session`, {
      method: 'DELETE',
      headers: { 'X-CSRF-Token': csrfToken, Accept: 'application/json' },
    });
    expect(signOut.status).toBe(204);
    expect((await sessionOf(browser)).status).toBe(401);
  });

  it('gives a specialist the departments of their group mapping', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'gustav-gata');
    const session = await sessionOf(browser);
    expect(AgentSessionSchema.parse(session.body).agent).toMatchObject({
      id: 'oidc.gustav-gata',
      role: 'specialist',
      departments: ['gata'],
    });
  });

  it('refuses a user no group maps to a role: a clear page, no session, an audit entry', async () => {
    const browser = new TestBrowser();
    const callback = (await signIn(browser, 'olle-outsider')).at(-1) as Hop;
    expect(callback.response.status).toBe(403);
    expect(callback.response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const page = await callback.response.text();
    expect(page).toContain('Du har inte behörighet till konsolen');
    expect(page).toContain('You do not have access to the console');
    expect(browser.cookie(new URL(server.url).host, SESSION_COOKIE)).toBeUndefined();
    expect((await sessionOf(browser)).status).toBe(401);
    expect(await auditActions()).toContainEqual(
      expect.objectContaining({ agent_id: 'oidc.olle-outsider', action: 'session.sign_in_failed' }),
    );
  });

  it('ends on a clear message when the person cancels at the provider (error=access_denied)', async () => {
    const browser = new TestBrowser();
    const hops = await signIn(browser, 'anna-kv', { stop: () => true });
    // The provider's login page offers to cancel: its abort link answers access_denied.
    const loginPage = (await browser.navigate(hops[0]?.response.headers.get('Location') ?? '')).at(
      -1,
    ) as Hop;
    const abort = /href="([^"]*\/abort)"/.exec(await loginPage.response.text())?.[1];
    expect(abort).toBeDefined();
    const callback = (
      await browser.navigate(new URL(abort ?? '', loginPage.url), {}, atCallback)
    ).at(-1) as Hop;
    expect(callback.url.searchParams.get('error')).toBe('access_denied');
    expect(callback.response.status).toBe(401);
    expect(await callback.response.text()).toContain('Inloggningen avbröts');
    expect((await sessionOf(browser)).status).toBe(401);
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const browser = new TestBrowser();
    const toCallback = (await signIn(browser, 'anna-kv', { stop: headedForCallback })).at(
      -1,
    ) as Hop;
    const callback = new URL(toCallback.response.headers.get('Location') ?? '');
    callback.searchParams.set('state', 'forged-state');
    const response = await browser.request(callback, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(401);
    expect(ProblemSchema.parse(await response.json()).code).toBe('unauthorized');
    expect((await sessionOf(browser)).status).toBe(401);
  });

  it('refuses a replayed callback, even with the transaction cookie it came with', async () => {
    const browser = new TestBrowser();
    const toCallback = (await signIn(browser, 'anna-kv', { stop: headedForCallback })).at(
      -1,
    ) as Hop;
    const callback = new URL(toCallback.response.headers.get('Location') ?? '');
    const cookie = `${TRANSACTION_COOKIE}=${browser.cookie(new URL(server.url).host, TRANSACTION_COOKIE)}`;
    const first = await browser.request(callback);
    expect(first.status).toBe(303);

    const thief = new TestBrowser();
    const replay = await thief.request(callback, { headers: { Cookie: cookie } });
    expect(replay.status).toBe(401);
    expect(replay.headers.getSetCookie().join()).not.toContain(SESSION_COOKIE);
    expect((await sessionOf(thief)).status).toBe(401);
  });

  it('refuses a callback in a browser without the transaction (no PKCE verifier, no state)', async () => {
    const victim = new TestBrowser();
    const toCallback = (await signIn(victim, 'anna-kv', { stop: headedForCallback })).at(-1) as Hop;
    const callback = new URL(toCallback.response.headers.get('Location') ?? '');

    const other = new TestBrowser();
    const response = await other.request(callback);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Inloggningen kunde inte slutföras');
    expect((await sessionOf(other)).status).toBe(401);
  });

  it("refuses a code injected into another browser's sign-in: its PKCE verifier does not match", async () => {
    const victim = new TestBrowser();
    const stolen = (await signIn(victim, 'anna-kv', { stop: headedForCallback })).at(-1) as Hop;
    const code = new URL(stolen.response.headers.get('Location') ?? '').searchParams.get('code');

    // The attacker starts a sign-in of their own and finishes it with the victim's code.
    const attacker = new TestBrowser();
    const own = (await signIn(attacker, 'olle-outsider', { stop: headedForCallback })).at(
      -1,
    ) as Hop;
    const callback = new URL(own.response.headers.get('Location') ?? '');
    callback.searchParams.set('code', code ?? '');
    const response = await attacker.request(callback, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(401);
    expect((await sessionOf(attacker)).status).toBe(401);
  });

  it.each([
    'https://evil.example/console/',
    '//evil.example/console/',
    '/\\evil.example/console/',
    '/\t/evil.example',
    '/console/../v1/agent/session',
    '/console/%2e%2e/v1/agent/session',
    '/consoles',
    'javascript:alert(1)',
  ])('refuses returnTo=%s (no open redirect) before going to the provider', async (returnTo) => {
    const browser = new TestBrowser();
    const response = await browser.request(
      `${server.url}/v1/agent/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
      { headers: { Accept: 'application/json' } },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('Location')).toBeNull();
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.errors?.[0]).toMatchObject({ field: 'returnTo', code: 'invalid_format' });
    expect(browser.cookie(new URL(server.url).host, TRANSACTION_COOKIE)).toBeUndefined();
  });
});

describe('OpenID Connect sign-in to local accounts', () => {
  it('signs the user in as the local account with their verified e-mail address', async () => {
    const browser = new TestBrowser();
    const callback = (await signIn(browser, 'alva-idp', { at: withAccounts })).at(-1) as Hop;
    expect(callback.response.status).toBe(303);
    const session = await sessionOf(browser, withAccounts);
    // The account as configured, not as the provider names it.
    expect(AgentSessionSchema.parse(session.body).agent).toEqual({
      id: 'alva',
      name: 'Alva Admin',
      email: 'alva@kommun.example.se',
      role: 'admin',
      departments: [],
    });
  });

  it('refuses an address the provider has not verified, and one with no account', async () => {
    for (const login of ['sven-idp', 'anna-kv']) {
      const browser = new TestBrowser();
      const callback = (await signIn(browser, login, { at: withAccounts })).at(-1) as Hop;
      expect(callback.response.status).toBe(403);
      expect((await sessionOf(browser, withAccounts)).status).toBe(401);
    }
  });

  it('derives an https callback behind a proxy that ended TLS, and a Secure cookie', async () => {
    const browser = new TestBrowser();
    const response = await browser.request(`${withAccounts.url}/v1/agent/oidc/login`, {
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(response.status).toBe(302);
    const toProvider = new URL(response.headers.get('Location') ?? '');
    expect(toProvider.searchParams.get('redirect_uri')).toBe(
      `${withAccounts.url.replace('http:', 'https:')}${CALLBACK}`,
    );
    expect(response.headers.getSetCookie().join()).toMatch(/; Secure/i);
  });

  it('offers both ways of signing in', async () => {
    const response = await fetch(`${withAccounts.url}/v1/agent/sign-in-methods`);
    expect(SignInMethodsSchema.parse(await response.json())).toEqual({
      local: true,
      oidc: { loginUrl: '/v1/agent/oidc/login' },
    });
  });
});

describe('GET /v1/agent/sign-in-methods', () => {
  it('offers the identity provider when OpenID Connect is configured', async () => {
    const response = await fetch(`${server.url}/v1/agent/sign-in-methods`);
    expect(response.status).toBe(200);
    expect(SignInMethodsSchema.parse(await response.json())).toEqual({
      local: false,
      oidc: { loginUrl: '/v1/agent/oidc/login' },
    });
  });

  it('is in the OpenAPI document with the OIDC endpoints, all without a session', async () => {
    const document = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as {
      paths: Record<string, { get?: { security?: unknown[] } }>;
    };
    for (const path of ['/v1/agent/sign-in-methods', '/v1/agent/oidc/login', CALLBACK]) {
      expect(document.paths[path]?.get?.security).toEqual([]);
    }
  });
});

describe('without OpenID Connect settings', () => {
  it('answers 404 on its endpoints, and the sign-in methods say so', async () => {
    const plain = await startTestServer();
    try {
      for (const path of ['/v1/agent/oidc/login', CALLBACK]) {
        const response = await fetch(`${plain.url}${path}`);
        expect(response.status).toBe(404);
      }
      const methods = await fetch(`${plain.url}/v1/agent/sign-in-methods`);
      expect(SignInMethodsSchema.parse(await methods.json()).oidc).toBeNull();
    } finally {
      await plain.close();
    }
  });
});

describe('OpenID Connect settings that cannot work', () => {
  it('stop the server before it starts, naming the field and never the secret', async () => {
    const attempt = startTestServer({
      oidc: {
        issuer: 'http://login.example.se',
        clientId: 'kontakt-console',
        clientSecret: 'do-not-print-me',
        groups: [{ group: 'kc-hamn', role: 'specialist', departments: ['hamn'] }],
      },
    });
    await expect(attempt).rejects.toThrow(/oidc\.issuer: invalid_url/);
    await expect(attempt).rejects.not.toThrow(/do-not-print-me/);
    const unknown = startTestServer({
      oidc: {
        issuer: 'https://login.example.se',
        clientId: 'kontakt-console',
        clientSecret: 'do-not-print-me',
        groups: [{ group: 'kc-hamn', role: 'specialist', departments: ['hamn'] }],
      },
    });
    await expect(unknown).rejects.toThrow(/oidc\.groups\.0\.departments\.0: unknown_department/);
  });
});

describe('when the provider cannot be reached', () => {
  it('says so (503) and starts no transaction', async () => {
    const down = await startTestProvider({});
    await down.close();
    const lonely = await startTestServer({
      oidc: { issuer: down.issuer, clientId: 'kontakt-console', clientSecret: 'secret' },
    });
    try {
      const browser = new TestBrowser();
      const response = await browser.request(`${lonely.url}/v1/agent/oidc/login`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('Identitetstjänsten svarar inte');
      expect(browser.cookie(new URL(lonely.url).host, TRANSACTION_COOKIE)).toBeUndefined();
    } finally {
      await lonely.close();
    }
  });
});
