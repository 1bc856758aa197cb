// The sign-in view offers what the server offers: the password form, the municipality's identity
// provider (OpenID Connect), or both. The real server of these tests has local accounts only; the
// OpenID case is the same server's answer as a server with OpenID settings gives it (see
// packages/core/src/agent/client.integration.test.ts and the server's OIDC end-to-end tests).
import type { SignInMethods } from '@kontakt/core/agent';
import { createAgentClient } from '@kontakt/core/agent';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TestServer } from '../test-support/console-fixture.js';
import {
  defineConsole,
  endpointOf,
  startServer,
  stopServer,
} from '../test-support/console-fixture.js';
import type { KcSignIn } from './sign-in.js';

let server: TestServer;
const START_URL = location.href;

before(async () => {
  server = await startServer();
  defineConsole();
});
after(async () => {
  await stopServer(server);
});
afterEach(() => {
  history.replaceState(null, '', START_URL);
});

/** A fetch to the real server that answers the sign-in methods as `methods` (everything else passes). */
function offering(methods: SignInMethods): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname.endsWith('/v1/agent/sign-in-methods')) {
      return Response.json(methods, { headers: { 'Cache-Control': 'no-cache' } });
    }
    return fetch(request);
  };
}

async function signInView(fetchImpl?: typeof fetch): Promise<KcSignIn> {
  const client = createAgentClient({
    endpoint: endpointOf(server),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const element = await fixture<KcSignIn>(
    html`<kc-sign-in lang="sv" .client=${client}></kc-sign-in>`,
  );
  return element;
}

const oidcLink = (element: KcSignIn) =>
  element.shadowRoot?.querySelector<HTMLAnchorElement>('a.oidc') ?? null;
const form = (element: KcSignIn) => element.shadowRoot?.querySelector('form') ?? null;

describe('<kc-sign-in> and the ways of signing in', () => {
  it('shows only the password form when the server has local accounts only', async () => {
    const element = await signInView();
    // The server has answered once the view has asked and rendered again.
    await waitUntil(() => (element as unknown as { methods?: unknown }).methods !== undefined);
    expect(oidcLink(element)).to.equal(null);
    expect(form(element)).to.exist;
  });

  it("offers the municipality's login beside the form, coming back to the page the person was on", async () => {
    history.replaceState(null, '', '/console/dashboard?period=last-month');
    const element = await signInView(
      offering({ local: true, oidc: { loginUrl: '/v1/agent/oidc/login' } }),
    );
    await waitUntil(() => oidcLink(element) !== null, 'no OpenID link');
    const link = oidcLink(element) as HTMLAnchorElement;
    expect(link.textContent?.trim()).to.equal('Logga in med kommunens inloggning');
    const url = new URL(link.href);
    expect(`${url.origin}${url.pathname}`).to.equal(`${endpointOf(server)}/v1/agent/oidc/login`);
    expect(url.searchParams.get('returnTo')).to.equal('/console/dashboard?period=last-month');
    expect(form(element)).to.exist;
    await expect(element).to.be.accessible();
  });

  it('shows no password form when the server has no local accounts', async () => {
    const element = await signInView(
      offering({ local: false, oidc: { loginUrl: '/v1/agent/oidc/login' } }),
    );
    await waitUntil(() => oidcLink(element) !== null, 'no OpenID link');
    expect(form(element)).to.equal(null);
    element.setAttribute('lang', 'en');
    await waitUntil(
      () => oidcLink(element)?.textContent?.trim() === "Sign in with the municipality's login",
    );
    await expect(element).to.be.accessible();
  });
});
