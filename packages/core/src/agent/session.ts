import type { KyInstance } from 'ky';
import type { AgentClientState } from './http.js';
import { agentCall, signalOf } from './http.js';
import type { AgentSession, SignIn } from './schemas.js';
import { AgentSessionSchema } from './schemas.js';
import type { SignInMethods } from './sign-in-methods.js';
import { SignInMethodsSchema } from './sign-in-methods.js';

/** `client.session`: how to sign in, sign in, who am I, sign out. */
export interface SessionResource {
  /**
   * Signs in with an account's id or e-mail address and password; the server sets the session
   * cookie. Rejects with `invalid_credentials` (a wrong password and an unknown account alike)
   * or `rate_limited` (too many failures; `retryAfter` says how long to wait).
   */
  signIn(credentials: SignIn, options?: { signal?: AbortSignal }): Promise<AgentSession>;
  /** The current session, or `undefined` when there is none (never signed in, expired, signed out). */
  current(options?: { signal?: AbortSignal }): Promise<AgentSession | undefined>;
  /** Ends the session; resolves also when there was none. */
  signOut(options?: { signal?: AbortSignal }): Promise<void>;
  /**
   * How this server lets staff sign in: the password form (`local`), the identity provider
   * (`oidc.loginUrl`, a path on the server to send the browser to with `?returnTo=/console/…`),
   * or both. Public: asked before anyone is signed in.
   */
  methods(options?: { signal?: AbortSignal }): Promise<SignInMethods>;
}

export function sessionResource(http: KyInstance, state: AgentClientState): SessionResource {
  const remember = (session: AgentSession) => {
    state.csrfToken = session.csrfToken;
    return session;
  };
  return {
    async signIn(credentials, options = {}) {
      const session = await agentCall(() =>
        http
          .post('v1/agent/session', { json: credentials, ...signalOf(options) })
          .json(AgentSessionSchema),
      );
      return remember(session);
    },
    async current(options = {}) {
      try {
        return remember(
          await agentCall(() =>
            http.get('v1/agent/session', signalOf(options)).json(AgentSessionSchema),
          ),
        );
      } catch (error) {
        if ((error as { code?: unknown }).code === 'unauthorized') return undefined;
        throw error;
      }
    },
    async signOut(options = {}) {
      await agentCall(() => http.delete('v1/agent/session', signalOf(options)));
      state.csrfToken = undefined;
    },
    methods(options = {}) {
      return agentCall(() =>
        http.get('v1/agent/sign-in-methods', signalOf(options)).json(SignInMethodsSchema),
      );
    },
  };
}
