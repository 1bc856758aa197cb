import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer, TestServerOptions } from '../test-support/index.js';
import { signIn, startTestServer, TEST_LETTERHEAD, testAccounts } from '../test-support/index.js';

/*
 * `GET /v1/agent/letterhead` over real HTTP on the store under test: the configured letterhead as
 * the server checked it, to every signed-in member of staff and no one else.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const start = async (options: TestServerOptions = {}) => {
  server = await startTestServer({ accounts: await testAccounts(), ...options });
  return server;
};

const letterheadAs = async (url: string, username?: string) => {
  const headers = username ? (await signIn(url, username)).headers : {};
  return fetch(`${url}/v1/agent/letterhead`, { headers });
};

describe('GET /v1/agent/letterhead', () => {
  it('answers the configured letterhead, the postcode as the post writes it, to every role', async () => {
    const { url } = await start({ letterhead: TEST_LETTERHEAD });
    const response = await letterheadAs(url, 'anna');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      letterhead: {
        ...TEST_LETTERHEAD,
        postalAddress: { street: 'Box 8100', postalCode: '205 80', city: 'Malmö' },
      },
    });
    for (const username of ['sven', 'alva']) {
      const answer = await letterheadAs(url, username);
      expect(answer.status, username).toBe(200);
      expect(await answer.json(), username).toMatchObject({
        letterhead: { phone: '040-34 10 00' },
      });
    }
  });

  it('answers null when none is configured', async () => {
    const { url } = await start();
    const response = await letterheadAs(url, 'anna');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ letterhead: null });
  });

  it('answers 401 without a session', async () => {
    const { url } = await start({ letterhead: TEST_LETTERHEAD });
    const response = await letterheadAs(url);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses to start with a bad letterhead, naming each field', async () => {
    await expect(
      start({
        letterhead: {
          ...TEST_LETTERHEAD,
          // @ts-expect-error: a letterhead's sender needs Swedish
          sender: { en: 'City of Malmö, Contact Centre' },
          postalAddress: { street: 'Box 8100', postalCode: '05 80', city: 'Malmö' },
        },
      }),
    ).rejects.toMatchObject({
      name: 'ConfigError',
      errors: [
        expect.objectContaining({ field: 'letterhead.sender.sv', code: 'required' }),
        expect.objectContaining({
          field: 'letterhead.postalAddress.postalCode',
          code: 'invalid_postal_code',
        }),
      ],
    });
  });
});
