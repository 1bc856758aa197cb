/**
 * OpenID Connect sign-in in a real Chromium, with the provider on another site (`localhost`)
 * than the server (`127.0.0.1`): the provider's redirect back is a cross-site navigation, and
 * the transaction cookie (`SameSite=Lax`) must come along with it, and the session cookie
 * (`SameSite=Strict`) it sets must then work for the console's own requests.
 */
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeArgs, findChrome } from '../../../../scripts/find-chrome.mjs';
import type { TestProvider } from '../auth/oidc/test-support/provider.js';
import { startTestProvider } from '../auth/oidc/test-support/provider.js';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

let provider: TestProvider;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  provider = await startTestProvider(
    {
      'anna-kv': {
        email: 'anna.kommunvagledare@example.se',
        email_verified: true,
        name: 'Anna Kommunvägledare',
        groups: ['kc-kontaktcenter'],
      },
    },
    { hostname: 'localhost' },
  );
  server = await startTestServer({
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: ['email', 'profile', 'groups'],
      groups: [{ group: 'kc-kontaktcenter', role: 'agent' }],
    },
  });
  provider.register(`${server.url}/v1/agent/oidc/callback`);
  browser = await puppeteer.launch({
    executablePath: findChrome(),
    headless: true,
    args: chromeArgs(),
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await provider?.close();
});

describe('OpenID Connect sign-in in Chromium', () => {
  it('signs in across sites and the console then has a session', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/v1/agent/oidc/login?returnTo=/console/`);
    expect(new URL(page.url()).origin).toBe(provider.issuer);

    // The provider's own forms, as a person fills them in: login, then consent.
    await page.type('input[name="login"]', 'anna-kv');
    await page.type('input[name="password"]', 'secret');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);

    expect(new URL(page.url()).origin).toBe(server.url);
    expect(new URL(page.url()).pathname).toBe('/console/');
    const session = await page.evaluate(async () => {
      const response = await fetch('/v1/agent/session');
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ agent: { id: 'oidc.anna-kv', role: 'agent' } });
    const cookies = await browser.cookies();
    expect(cookies.find((cookie) => cookie.name === 'kontakt_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
    });
    await page.close();
  });
});
