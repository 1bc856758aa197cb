import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { createAgentAuth } from '../auth/settings.js';
import { compileTrustProxy } from '../middleware/client-address.js';
import { createSseHub } from '../sse/hub.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';
import { createTestDatabase } from '../test-support/store.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const probe = async (path: string) => {
  const response = await fetch(`${server?.url}${path}`);
  return {
    status: response.status,
    cache: response.headers.get('cache-control'),
    body: (await response.json()) as { status: string; instance: string },
  };
};

describe('probes', () => {
  it('/healthz and /readyz name the instance; ready once the database answers', async () => {
    server = await startTestServer({ instanceId: 'kontakt-1' });
    expect(await probe('/healthz')).toEqual({
      status: 200,
      cache: 'no-store',
      body: { status: 'ok', instance: 'kontakt-1' },
    });
    expect(await probe('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('/readyz is 503 when the database does not answer, while /healthz stays up', async () => {
    const database = await createTestDatabase();
    const real = await database.open();
    server = await startTestServer({
      store: { ...real, ping: () => Promise.reject(new Error('connection refused')) },
      database,
    });
    expect(await probe('/readyz')).toMatchObject({
      status: 503,
      body: { status: 'database_unreachable' },
    });
    expect((await probe('/healthz')).status).toBe(200);
    await real.close();
  });

  it('/readyz is 503 once shutdown has started, so the load balancer stops sending', async () => {
    const database = await createTestDatabase();
    const store = await database.open();
    const ctx = {
      departments: new Map(),
      store,
      logger: pino({ level: 'silent' }),
      extraOrigins: new Set<string>(),
      bodyLimit: 1024,
      rateLimit: { windowMs: 1000, max: 1, reads: false as const },
      resolveClient: compileTrustProxy(undefined),
      serve: [],
      now: () => new Date(),
      adminApiKeys: [],
      auth: createAgentAuth(),
      hub: createSseHub({ feed: store.events }),
      instanceId: 'kontakt-2',
      lifecycle: { shuttingDown: false },
    };
    const app = createApp(ctx);
    try {
      expect((await app.request('/readyz')).status).toBe(200);
      ctx.lifecycle.shuttingDown = true;
      const answer = await app.request('/readyz');
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ status: 'shutting_down', instance: 'kontakt-2' });
    } finally {
      await store.close();
      await database.remove();
    }
  });
});
