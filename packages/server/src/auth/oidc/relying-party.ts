/**
 * The server as an OpenID Connect relying party, through `openid-client` (certified, maintained):
 * discovery on first use, the authorization request with PKCE (S256), `state` and `nonce`, and
 * the callback's validation, code exchange and claims. Nothing here knows about HTTP routes or
 * cookies.
 */
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import type { OidcSettings } from './oidc-options.js';
import { isLoopback } from './oidc-options.js';

/** What the callback needs to check the answer: kept in the browser's transaction cookie. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** Why a callback did not end with an identified user. */
export type CallbackFailure =
  /** The provider answered with `error=` (the user cancelled, or was not allowed). */
  | { kind: 'provider_error'; error: string }
  /** The answer, the code exchange or the ID token did not check out. */
  | { kind: 'invalid_response' }
  /** The provider could not be reached. */
  | { kind: 'unavailable' };

/** Thrown by the relying party; `failure` says what went wrong, for the page the user sees. */
export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    readonly failure: CallbackFailure,
    options?: ErrorOptions,
  ) {
    super(`OpenID Connect sign-in failed: ${failure.kind}`, options);
  }
}

export interface RelyingParty {
  /** A fresh `state`, `nonce` and PKCE verifier, and the provider URL to send the browser to. */
  begin(redirectUri: string): Promise<{ url: URL; checks: AuthorizationChecks }>;
  /**
   * Checks the callback (`state`, `iss`), redeems the code with the PKCE verifier, validates the
   * ID token (signature, issuer, audience, expiry, `nonce`) and returns its claims, with the
   * UserInfo endpoint's added when the provider has one. Throws `SignInError`.
   */
  finish(callbackUrl: URL, checks: AuthorizationChecks): Promise<Record<string, unknown>>;
}

/** A relying party for `settings`; the provider's metadata is read on first use and kept. */
export function createRelyingParty(settings: OidcSettings, logger: Logger): RelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined;
  /** Discovery once; a failure is not kept, so the next sign-in tries again. */
  const configure = () => {
    configuration ??= discover(settings).catch((error: unknown) => {
      configuration = undefined;
      logger.error({ err: error, issuer: settings.issuer }, 'OpenID provider discovery failed');
      throw new SignInError({ kind: 'unavailable' }, { cause: error });
    });
    return configuration;
  };

  return {
    async begin(redirectUri) {
      const config = await configure();
      const checks = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes.join(' '),
        response_type: 'code',
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
        code_challenge_method: 'S256',
      });
      return { url, checks };
    },

    async finish(callbackUrl, checks) {
      const config = await configure();
      let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          pkceCodeVerifier: checks.verifier,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new SignInError(failureOf(error), { cause: error });
      }
      const claims: Record<string, unknown> = { ...tokens.claims() };
      if (config.serverMetadata().userinfo_endpoint) {
        try {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
          // The ID token's claims win: they are signed.
          return { ...info, ...claims };
        } catch (error) {
          throw new SignInError(failureOf(error), { cause: error });
        }
      }
      return claims;
    },
  };
}

function discover(settings: OidcSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  // http is accepted only for a provider on this machine (tests, a local development provider).
  const execute =
    issuer.protocol === 'http:' && isLoopback(issuer.hostname) ? [oidc.allowInsecureRequests] : [];
  return oidc.discovery(
    issuer,
    settings.clientId,
    undefined,
    // Basic is what every provider must support (OpenID Connect Core 9); no secret: PKCE alone.
    settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
    { execute, timeout: 10 },
  );
}

function failureOf(error: unknown): CallbackFailure {
  if (error instanceof oidc.AuthorizationResponseError) {
    return { kind: 'provider_error', error: error.error };
  }
  // fetch() rejects with a TypeError when the provider cannot be reached; a timeout aborts.
  if (error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError')) {
    return { kind: 'unavailable' };
  }
  return { kind: 'invalid_response' };
}
