/**
 * A real OpenID provider (`oidc-provider`, the certified one from the author of
 * `openid-client`) on a random loopback port, for the sign-in tests: one confidential client
 * registered for the server's callback, PKCE required, test accounts with their claims, and its
 * development login and consent forms.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the provider knows: the claims it tells about them. */
export interface TestIdentity {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestProvider {
  /** `http://127.0.0.1:<port>` */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the client for these redirect URIs (known once the servers under test listen). */
  register(...redirectUris: string[]): void;
  /** Every error the provider reported, for assertions and debugging. */
  errors: unknown[];
  close(): Promise<void>;
}

/** Starts the provider; call `register` with the server's callback before signing in. */
export async function startTestProvider(
  identities: Record<string, TestIdentity>,
  /** The issuer's host name: `localhost` makes it another site than a server on 127.0.0.1. */
  { hostname = '127.0.0.1' }: { hostname?: string } = {},
): Promise<TestProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://${hostname}:${port}`;
  const clientId = 'kontakt-console';
  const clientSecret = 'a-client-secret-for-tests-only-0123456789';
  const errors: unknown[] = [];
  let provider: Provider | undefined;
  server.on('request', (req, res) => {
    if (!provider) {
      res.writeHead(503).end();
      return;
    }
    provider.callback()(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    errors,
    register(...redirectUris) {
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        pkce: { required: () => true },
        scopes: ['openid', 'email', 'profile', 'groups'],
        claims: {
          openid: ['sub'],
          email: ['email', 'email_verified'],
          profile: ['name'],
          groups: ['groups'],
        },
        findAccount: (_ctx, id) => {
          const identity = identities[id];
          return identity && { accountId: id, claims: () => ({ sub: id, ...identity }) };
        },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ['oidc-provider-test-cookie-key'] },
        // Given, so the provider does not print a notice for each default it falls back on.
        ttl: {
          AccessToken: 600,
          AuthorizationCode: 60,
          Grant: 600,
          IdToken: 600,
          Interaction: 600,
          Session: 600,
        },
      });
      for (const event of [
        'server_error',
        'authorization.error',
        'grant.error',
        'userinfo.error',
      ]) {
        provider.on(event, (...args) => errors.push([event, ...args]));
      }
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
