// The agent client against the real reference server: sign-in, the session cookie and CSRF
// token as a browser would carry them, typed errors, the audit log.
import type { TestServer } from '@kontakt/server/test-support';
import {
  startTestServer,
  TEST_LETTERHEAD,
  TEST_PASSWORD,
  testAccounts,
} from '@kontakt/server/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import type { KontaktError } from '../errors/KontaktError.js';
import { isKontaktError } from '../errors/KontaktError.js';
import { cookieFetch } from '../test-support/cookie-jar.js';
import { createAgentClient, withAgentResources } from './client.js';
import { createAgentSessionClient } from './session-client.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  server = await startTestServer({ accounts: await testAccounts() });
  return server;
}

const clientFor = (url: string, fetch = cookieFetch()) =>
  Object.assign(createAgentClient({ endpoint: url, fetch }), { jar: fetch });

async function failure(promise: Promise<unknown>): Promise<KontaktError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!isKontaktError(error)) throw new Error(`Expected a KontaktError, got ${String(error)}`);
  return error;
}

describe('createAgentClient', () => {
  it('signs in, knows the session afterwards, and signs out', async () => {
    const { url } = await start();
    const client = clientFor(url);
    expect(await client.session.current()).toBeUndefined();
    const session = await client.session.signIn({ username: 'anna', password: TEST_PASSWORD });
    expect(session.agent).toMatchObject({ id: 'anna', role: 'agent' });
    expect(client.jar.cookies.has('kontakt_session')).toBe(true);
    expect(await client.session.current()).toEqual(session);
    await client.session.signOut();
    expect(client.jar.cookies.size).toBe(0);
    expect(await client.session.current()).toBeUndefined();
  });

  it('rejects a wrong password with invalid_credentials, and a locked account with rate_limited', async () => {
    const { url } = await start();
    const client = clientFor(url);
    const wrong = await failure(client.session.signIn({ username: 'anna', password: 'fel' }));
    expect(wrong.code).toBe('invalid_credentials');
    expect(wrong.status).toBe(401);
    for (let i = 0; i < 4; i++) {
      await failure(client.session.signIn({ username: 'anna', password: 'fel' }));
    }
    const limited = await failure(
      client.session.signIn({ username: 'anna', password: TEST_PASSWORD }),
    );
    expect(limited.code).toBe('rate_limited');
    // 15 minutes from the first failure, a moment ago.
    expect(limited.retryAfter).toBeGreaterThan(14 * 60_000);
    expect(limited.retryAfter).toBeLessThanOrEqual(15 * 60_000);
  });

  it('sends the CSRF token it learned; a client that never learned it is refused with csrf_failed', async () => {
    const { url } = await start();
    const jar = cookieFetch();
    const first = clientFor(url, jar);
    await first.session.signIn({ username: 'anna', password: TEST_PASSWORD });
    // Same cookie (a reloaded page), but the token not yet read from the session.
    const second = clientFor(url, jar);
    const refused = await failure(second.session.signOut());
    expect(refused.code).toBe('csrf_failed');
    expect(await second.session.current()).toMatchObject({ agent: { id: 'anna' } });
    await second.session.signOut();
    expect(await first.session.current()).toBeUndefined();
  });

  it('reads the audit log as an admin, filtered and paged; others get forbidden', async () => {
    const { url } = await start();
    const anna = clientFor(url);
    await anna.session.signIn({ username: 'anna', password: TEST_PASSWORD });
    await failure(anna.session.signIn({ username: 'sven', password: 'fel' }));
    const forbidden = await failure(anna.audit.list());
    expect(forbidden.code).toBe('forbidden');
    expect(forbidden.status).toBe(403);

    const alva = clientFor(url);
    await alva.session.signIn({ username: 'alva@kommun.example.se', password: TEST_PASSWORD });
    const all = await alva.audit.list();
    expect(all.entries.map((entry) => [entry.agentId, entry.action])).toEqual([
      ['alva', 'session.signed_in'],
      ['sven', 'session.sign_in_failed'],
      ['anna', 'session.signed_in'],
    ]);
    expect(all.entries[1]?.detail).toEqual({ reason: 'wrong_password' });
    expect(all.next).toBeNull();

    const first = await alva.audit.list({ limit: 2 });
    expect(first.entries).toHaveLength(2);
    const rest = await alva.audit.list({ limit: 2, cursor: first.next ?? '' });
    expect(rest.entries.map((entry) => entry.agentId)).toEqual(['anna']);
    expect(rest.next).toBeNull();

    const annas = await alva.audit.list({ agent: 'anna' });
    expect(annas.entries.map((entry) => entry.action)).toEqual(['session.signed_in']);
    const invalid = await failure(alva.audit.list({ from: 'yesterday' }));
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.fieldErrors).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('without a session every call rejects with unauthorized', async () => {
    const { url } = await start();
    const client = clientFor(url);
    expect((await failure(client.audit.list())).code).toBe('unauthorized');
    expect((await failure(client.session.signOut())).code).toBe('unauthorized');
  });

  it('reads the letterhead the server is configured with, null when it has none, and only signed in', async () => {
    server = await startTestServer({ accounts: await testAccounts(), letterhead: TEST_LETTERHEAD });
    const client = clientFor(server.url);
    expect((await failure(client.letterhead.get())).code).toBe('unauthorized');
    await client.session.signIn({ username: 'sven', password: TEST_PASSWORD });
    expect(await client.letterhead.get()).toEqual({
      ...TEST_LETTERHEAD,
      postalAddress: { street: 'Box 8100', postalCode: '205 80', city: 'Malmö' },
    });

    const without = await startTestServer({ accounts: await testAccounts() });
    try {
      const other = clientFor(without.url);
      await other.session.signIn({ username: 'anna', password: TEST_PASSWORD });
      expect(await other.letterhead.get()).toBeNull();
    } finally {
      await without.close();
    }
  });

  it('tells how to sign in before anyone has: the password form, the identity provider, or both', async () => {
    const { url } = await start();
    expect(await clientFor(url).session.methods()).toEqual({ local: true, oidc: null });

    // Discovery happens on the first sign-in, so an issuer nobody answers at is enough here.
    const oidc = { issuer: 'http://127.0.0.1:9/', clientId: 'kontakt-console' };
    const both = await startTestServer({ accounts: await testAccounts(), oidc });
    const only = await startTestServer({ oidc });
    try {
      const loginUrl = '/v1/agent/oidc/login';
      expect(await clientFor(both.url).session.methods()).toEqual({
        local: true,
        oidc: { loginUrl },
      });
      expect(await clientFor(only.url).session.methods()).toEqual({
        local: false,
        oidc: { loginUrl },
      });
    } finally {
      await both.close();
      await only.close();
    }
  });
});

describe('createAgentSessionClient and withAgentResources', () => {
  /** Resolves when the watch has connected; rejects when its stream fails (e.g. unauthorized). */
  const opened = (watch: EventTarget & { error?: KontaktError | undefined }) =>
    new Promise<void>((resolve, reject) => {
      watch.addEventListener('open', () => resolve(), { once: true });
      watch.addEventListener('error', () => reject(watch.error ?? new Error('stream error')), {
        once: true,
      });
    });

  it('signs in with the session part alone; the resources added later share its session, CSRF token and fetch', async () => {
    const { url } = await start();
    const jar = cookieFetch();
    const base = createAgentSessionClient({ endpoint: url.replace(/\/*$/, '/'), fetch: jar });
    // What a sign-in page holds: no resources (their schemas load with withAgentResources).
    expect(Object.keys(base).sort()).toEqual(['endpoint', 'http', 'session']);
    expect(base.endpoint).toBe(url.replace(/\/+$/, ''));
    expect(await base.session.current()).toBeUndefined();
    await base.session.signIn({ username: 'alva', password: TEST_PASSWORD });

    const client = withAgentResources(base);
    expect(client.session).toBe(base.session);
    expect(client.http).toBe(base.http);
    // A state-changing request: it carries the CSRF token the session part learned.
    await client.chat.setPresence('away');
    // The live streams use the fetch the session part was made with (its cookie jar).
    const watch = client.cases.watch();
    try {
      await opened(watch);
    } finally {
      watch.close();
    }
    expect((await client.audit.list()).entries[0]).toMatchObject({ agentId: 'alva' });
    // Made whole twice over, it is the same client still (the fetch kept along).
    const again = withAgentResources(client);
    const stream = again.chat.watchQueue();
    try {
      await opened(stream);
    } finally {
      stream.close();
    }
    await again.session.signOut();
    expect(await base.session.current()).toBeUndefined();
    expect((await failure(client.audit.list())).code).toBe('unauthorized');
  });
});
