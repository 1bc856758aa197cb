// The notices admin API as the console uses it: an admin's session instead of an API key.
import type { NoticeInput } from '@kontakt/core/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiKey, hashApiKey } from '../api-keys.js';
import type { TestSession } from '../test-support/agents.js';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';
import { noticeText as text } from '../test-support/notices.js';

const KEY = createApiKey();
const input: NoticeInput = {
  title: text('Vattenläcka'),
  text: text('Inget vatten på Storgatan'),
  severity: 'warning',
  departments: ['gata'],
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  server = await startTestServer({
    accounts: await testAccounts(),
    adminApiKeys: [{ id: 'crisis-team', hash: hashApiKey(KEY) }],
  });
  return server;
}

async function send(path: string, method: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${server?.url}/v1/admin/notices${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const auditOf = async (admin: TestSession) => {
  const response = await fetch(`${server?.url}/v1/agent/audit`, { headers: admin.headers });
  const page = (await response.json()) as {
    entries: { agentId: string; action: string; detail: Record<string, unknown> }[];
  };
  return page.entries.filter((entry) => entry.action.startsWith('notice.'));
};

describe('/v1/admin/notices with a session', () => {
  it('lets an admin publish, change and withdraw, each audited with the notice', async () => {
    const { url } = await start();
    const alva = await signIn(url, 'alva');
    const published = await send('', 'POST', alva.headers, input);
    expect(published.status).toBe(201);
    const id = String(published.body.id);
    expect(
      (await send(`/${id}`, 'PUT', alva.headers, { ...input, severity: 'danger' })).status,
    ).toBe(200);
    expect((await send(`/${id}/withdraw`, 'POST', alva.headers)).status).toBe(200);
    expect((await send('', 'GET', { Cookie: alva.cookie })).body.notices).toHaveLength(1);
    expect(await auditOf(alva)).toEqual([
      expect.objectContaining({
        agentId: 'alva',
        action: 'notice.withdrawn',
        detail: { notice: id, severity: 'danger', departments: ['gata'] },
      }),
      expect.objectContaining({
        action: 'notice.changed',
        detail: expect.objectContaining({ severity: 'danger' }),
      }),
      expect.objectContaining({
        action: 'notice.published',
        detail: expect.objectContaining({ notice: id }),
      }),
    ]);
  });

  it('refuses a change without the CSRF token (403 csrf_failed) and publishes nothing', async () => {
    const { url } = await start();
    const alva = await signIn(url, 'alva');
    const refused = await send('', 'POST', { Cookie: alva.cookie }, input);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('csrf_failed');
    expect((await send('', 'GET', { Cookie: alva.cookie })).body.notices).toEqual([]);
  });

  it('refuses agents and specialists (403 forbidden), and a stale session (401)', async () => {
    const { url } = await start();
    for (const username of ['anna', 'sven']) {
      const session = await signIn(url, username);
      const refused = await send('', 'POST', session.headers, input);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
      expect((await send('', 'GET', session.headers)).status).toBe(403);
    }
    const stale = await send('', 'GET', { Cookie: `kontakt_session=${'a'.repeat(43)}` });
    expect(stale.status).toBe(401);
  });

  it('still takes the API key, which is judged alone and not audited', async () => {
    const { url } = await start();
    const anna = await signIn(url, 'anna');
    // A key with an agent's cookie: the key decides.
    const published = await send(
      '',
      'POST',
      { Authorization: `Bearer ${KEY}`, Cookie: anna.cookie },
      input,
    );
    expect(published.status).toBe(201);
    const alva = await signIn(url, 'alva');
    expect(await auditOf(alva)).toEqual([]);
  });
});
