import { AgentSessionSchema } from '@kontakt/core/agent';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import { signIn, TEST_PASSWORD, testAccounts } from '../test-support/agents.js';
import type { TestServer, TestServerOptions } from '../test-support/departments.js';
import { startTestServer, validSubmission } from '../test-support/departments.js';
import { createTestDatabase } from '../test-support/store.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (options: TestServerOptions = {}) => {
  server = await startTestServer({ accounts: await testAccounts(), ...options });
  return server;
};

/** A settable clock, so expiry is tested without waiting. */
function clock(start = Date.parse('2027-03-01T08:00:00Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server?.url}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined,
  };
}

const signInBody = (username: string, password = TEST_PASSWORD) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username, password }),
});

const sessionOf = (cookie: string) => call('/v1/agent/session', { headers: { Cookie: cookie } });

describe('POST /v1/agent/session (sign in)', () => {
  it('signs in by id or e-mail and sets an HttpOnly, SameSite=Strict cookie on Path=/', async () => {
    await start();
    const answer = await call('/v1/agent/session', signInBody('anna'));
    expect(answer.status).toBe(200);
    const session = AgentSessionSchema.parse(answer.body);
    expect(session.agent).toEqual({
      id: 'anna',
      name: 'Anna Agent',
      email: 'anna@kommun.example.se',
      role: 'agent',
      departments: [],
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kontakt_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    // Plain http here: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/Secure/);

    const byEmail = await call('/v1/agent/session', signInBody('SVEN@kommun.example.se'));
    expect(byEmail.status).toBe(200);
    expect(AgentSessionSchema.parse(byEmail.body).agent).toMatchObject({
      id: 'sven',
      role: 'specialist',
      departments: ['skola'],
    });
  });

  it('sets a Secure __Host- cookie when a trusted proxy says the client used https', async () => {
    await start({ trustProxy: ['loopback'] });
    const init = signInBody('anna');
    const answer = await call('/v1/agent/session', {
      ...init,
      headers: { ...init.headers, 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.1' },
    });
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-kontakt_session=/);
    expect(cookie).toMatch(/; Secure/);
    // Read back over https; over plain http the browser would not even send it.
    const pair = cookie.split(';')[0] ?? '';
    const over = (proto: string) =>
      call('/v1/agent/session', { headers: { Cookie: pair, 'X-Forwarded-Proto': proto } });
    expect((await over('https')).status).toBe(200);
    expect((await over('http')).status).toBe(401);
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    await start();
    const init = signInBody('anna');
    const answer = await call('/v1/agent/session', {
      ...init,
      headers: { ...init.headers, 'X-Forwarded-Proto': 'https' },
    });
    expect(answer.headers.get('set-cookie')).toMatch(/^kontakt_session=/);
  });

  it('answers a wrong password and an unknown account alike: 401 invalid_credentials, no cookie', async () => {
    await start();
    const wrong = await call('/v1/agent/session', signInBody('anna', 'fel lösenord'));
    const unknown = await call('/v1/agent/session', signInBody('nobody', 'fel lösenord'));
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.headers.get('set-cookie')).toBeNull();
      expect(answer.body).toMatchObject({
        code: 'invalid_credentials',
        detail: 'The user name or password is wrong.',
      });
    }
  });

  it('refuses a body without a user name or password with the fields named', async () => {
    await start();
    const answer = await call('/v1/agent/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: '' }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'username', code: 'required' }),
        expect.objectContaining({ field: 'password', code: 'required' }),
      ]),
    );
  });

  it('refuses a sign-in sent from another site (login CSRF)', async () => {
    await start();
    const init = signInBody('anna');
    for (const header of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }]) {
      const answer = await call('/v1/agent/session', {
        ...init,
        headers: { ...init.headers, ...header },
      });
      expect(answer.status).toBe(403);
      expect(answer.body?.code).toBe('csrf_failed');
    }
  });

  it('after 5 failures on one account answers 429 with Retry-After, even to the right password', async () => {
    const time = clock();
    await start({ now: time.now });
    for (let i = 0; i < 5; i++) {
      expect((await call('/v1/agent/session', signInBody('anna', `fel ${i}`))).status).toBe(401);
    }
    const limited = await call('/v1/agent/session', signInBody('anna@kommun.example.se'));
    expect(limited.status).toBe(429);
    expect(limited.body?.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBe(15 * 60);
    // Another account from the same address is not locked out by it.
    expect((await call('/v1/agent/session', signInBody('sven'))).status).toBe(200);
    time.advance(15 * 60_000);
    expect((await call('/v1/agent/session', signInBody('anna'))).status).toBe(200);
  });

  it('counts unknown names like accounts, so a 429 tells nothing about which exist', async () => {
    await start();
    for (let i = 0; i < 5; i++) {
      expect((await call('/v1/agent/session', signInBody('nobody', `fel ${i}`))).status).toBe(401);
    }
    expect((await call('/v1/agent/session', signInBody('nobody'))).status).toBe(429);
  });

  it('after 20 failures from one address refuses every account from it', async () => {
    await start();
    for (let i = 0; i < 20; i++) {
      const answer = await call('/v1/agent/session', signInBody(`guess-${i}`, 'fel'));
      expect(answer.status).toBe(401);
    }
    expect((await call('/v1/agent/session', signInBody('anna'))).status).toBe(429);
  });
});

describe('GET /v1/agent/session', () => {
  it('says who is signed in, with the CSRF token and both expiries', async () => {
    const time = clock();
    await start({ now: time.now });
    const { cookie, csrfToken } = await signIn(server?.url ?? '', 'alva');
    const answer = await sessionOf(cookie);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      agent: expect.objectContaining({ id: 'alva', role: 'admin' }),
      csrfToken,
      expiresAt: '2027-03-01T20:00:00.000Z',
      idleExpiresAt: '2027-03-01T08:30:00.000Z',
    });
  });

  it('answers 401 unauthorized without a session, with a made-up one, and with a receipt token or API key', async () => {
    const key = createApiKey();
    await start({ adminApiKeys: [{ id: 'ops', hash: hashApiKey(key) }] });
    const receipt = await fetch(`${server?.url}/v1/cases`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validSubmission()),
    });
    const { receiptToken } = (await receipt.json()) as { receiptToken: string };
    const attempts: Record<string, string>[] = [
      {},
      { Cookie: `kontakt_session=${'x'.repeat(43)}` },
      { Authorization: `Bearer ${key}` },
      { Authorization: `Bearer ${receiptToken}` },
      { Cookie: `kontakt_session=${receiptToken}` },
    ];
    for (const headers of attempts) {
      for (const path of ['/v1/agent/session', '/v1/agent/audit']) {
        const answer = await call(path, { headers });
        expect(answer.status, `${path} with ${JSON.stringify(headers)}`).toBe(401);
        expect(answer.body?.code).toBe('unauthorized');
        expect(answer.headers.get('www-authenticate')).toBe('Cookie realm="kontakt agent"');
      }
    }
  });

  it('ends a session idle for 30 minutes, and moves the idle expiry on with use', async () => {
    const time = clock();
    await start({ now: time.now });
    const { cookie } = await signIn(server?.url ?? '', 'anna');
    time.advance(20 * 60_000);
    const used = await sessionOf(cookie);
    expect(used.body?.idleExpiresAt).toBe('2027-03-01T08:50:00.000Z');
    time.advance(29 * 60_000);
    expect((await sessionOf(cookie)).status).toBe(200);
    time.advance(30 * 60_000);
    const expired = await sessionOf(cookie);
    expect(expired.status).toBe(401);
    expect(expired.body?.detail).toMatch(/expired/);
    // The browser is told to drop the cookie.
    expect(expired.headers.get('set-cookie')).toMatch(/^kontakt_session=; Max-Age=0/);
    // And it is gone from the store, not just refused.
    const rows = await server?.database.inspect((db) =>
      db.selectFrom('agent_sessions').selectAll().execute(),
    );
    expect(rows).toEqual([]);
  });

  it('writes the idle expiry at most once a minute', async () => {
    const time = clock();
    await start({ now: time.now });
    const { cookie } = await signIn(server?.url ?? '', 'anna');
    time.advance(30_000);
    expect((await sessionOf(cookie)).body?.idleExpiresAt).toBe('2027-03-01T08:30:00.000Z');
    time.advance(30_000);
    expect((await sessionOf(cookie)).body?.idleExpiresAt).toBe('2027-03-01T08:31:00.000Z');
  });

  it('ends every session 12 hours after sign-in, however busy', async () => {
    const time = clock();
    await start({ now: time.now });
    const { cookie } = await signIn(server?.url ?? '', 'anna');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      time.advance(20 * 60_000);
      expect((await sessionOf(cookie)).status).toBe(200);
    }
    time.advance(20 * 60_000 - 1);
    const last = await sessionOf(cookie);
    expect(last.status).toBe(200);
    // Idle expiry never runs past the absolute one.
    expect(last.body?.idleExpiresAt).toBe('2027-03-01T20:00:00.000Z');
    time.advance(1);
    expect((await sessionOf(cookie)).status).toBe(401);
  });

  it('honours the session settings', async () => {
    const time = clock();
    await start({ now: time.now, session: { idleMs: 5 * 60_000, absoluteMs: 60 * 60_000 } });
    const { cookie } = await signIn(server?.url ?? '', 'anna');
    expect((await sessionOf(cookie)).body).toMatchObject({
      expiresAt: '2027-03-01T09:00:00.000Z',
      idleExpiresAt: '2027-03-01T08:05:00.000Z',
    });
    time.advance(5 * 60_000);
    expect((await sessionOf(cookie)).status).toBe(401);
  });

  it('stores only a hash of the session id', async () => {
    await start();
    const { cookie } = await signIn(server?.url ?? '', 'anna');
    const id = cookie.split('=')[1] ?? '';
    const rows = await server?.database.inspect((db) =>
      db.selectFrom('agent_sessions').selectAll().execute(),
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(id);
  });
});

describe('DELETE /v1/agent/session (sign out)', () => {
  it('ends the session and clears the cookie; the old cookie no longer works', async () => {
    await start();
    const session = await signIn(server?.url ?? '', 'anna');
    const answer = await call('/v1/agent/session', { method: 'DELETE', headers: session.headers });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('set-cookie')).toMatch(/^kontakt_session=; Max-Age=0/);
    expect((await sessionOf(session.cookie)).status).toBe(401);
  });

  it('needs the CSRF token: without it or with a wrong one, 403 csrf_failed and the session lives on', async () => {
    await start();
    const session = await signIn(server?.url ?? '', 'anna');
    const attempts: Record<string, string>[] = [
      { Cookie: session.cookie },
      { Cookie: session.cookie, 'X-CSRF-Token': 'wrong' },
      // The right token but for its last character (one in 64 tokens already ended in "A").
      {
        Cookie: session.cookie,
        'X-CSRF-Token': `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('A') ? 'B' : 'A'}`,
      },
      { ...session.headers, Origin: 'https://evil.example' },
      { ...session.headers, 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of attempts) {
      const answer = await call('/v1/agent/session', { method: 'DELETE', headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body?.code).toBe('csrf_failed');
    }
    expect((await sessionOf(session.cookie)).status).toBe(200);
  });

  it("another session's token does not work", async () => {
    await start();
    const anna = await signIn(server?.url ?? '', 'anna');
    const alva = await signIn(server?.url ?? '', 'alva');
    const answer = await call('/v1/agent/session', {
      method: 'DELETE',
      headers: { Cookie: anna.cookie, 'X-CSRF-Token': alva.csrfToken },
    });
    expect(answer.status).toBe(403);
  });

  it('a same-origin browser request with the token signs out', async () => {
    await start();
    const session = await signIn(server?.url ?? '', 'anna');
    const answer = await call('/v1/agent/session', {
      method: 'DELETE',
      headers: { ...session.headers, Origin: server?.url ?? '', 'Sec-Fetch-Site': 'same-origin' },
    });
    expect(answer.status).toBe(204);
  });
});

describe('local accounts', () => {
  it('a removed account loses its sessions at once', async () => {
    const accounts = await testAccounts();
    const database = await createTestDatabase();
    try {
      server = await startTestServer({ accounts, database });
      const { cookie } = await signIn(server.url, 'anna');
      await server.close();
      server = await startTestServer({
        accounts: accounts.filter((account) => account.id !== 'anna'),
        database,
      });
      expect((await sessionOf(cookie)).status).toBe(401);
    } finally {
      await server?.close();
      server = undefined;
      await database.remove();
    }
  });
});

describe('the per-address rate limit', () => {
  it('leaves signed-in agents sharing one address alone, but counts requests without a session', async () => {
    await start({ rateLimit: { windowMs: 60_000, max: 5, reads: { windowMs: 60_000, max: 3 } } });
    const { cookie } = await signIn(server?.url ?? '', 'anna');
    for (let i = 0; i < 6; i++) expect((await sessionOf(cookie)).status).toBe(200);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call('/v1/agent/session')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('session hygiene', () => {
  it('ends the session a browser already had when it signs in again (no fixation)', async () => {
    await start();
    const before = await signIn(server?.url ?? '', 'anna');
    const init = signInBody('alva');
    const again = await call('/v1/agent/session', {
      ...init,
      headers: { ...init.headers, Cookie: before.cookie },
    });
    expect(again.status).toBe(200);
    expect(again.headers.get('set-cookie')).not.toContain(before.cookie);
    expect((await sessionOf(before.cookie)).status).toBe(401);
  });

  it('sweeps expired sessions from the store when someone signs in', async () => {
    const time = clock();
    await start({ now: time.now });
    await signIn(server?.url ?? '', 'anna');
    await signIn(server?.url ?? '', 'sven');
    time.advance(31 * 60_000);
    await signIn(server?.url ?? '', 'alva');
    const rows = await server?.database.inspect((db) =>
      db.selectFrom('agent_sessions').select('agent_id').execute(),
    );
    expect(rows).toEqual([{ agent_id: 'alva' }]);
  });
});
