import type { AccountConfig } from './accounts.js';
import type { SignInLimits } from './sign-in-limiter.js';
import { SignInLimiter } from './sign-in-limiter.js';

/** How long a session lasts. */
export interface SessionSettings {
  /** Ends after this long without a request (moved on by use). */
  idleMs: number;
  /** Ends this long after sign-in, used or not. */
  absoluteMs: number;
}

/** What sign-in and sessions need from the app (`AppContext.auth`). */
export interface AgentAuth {
  /** The local accounts of the configuration. */
  readonly accounts: readonly AccountConfig[];
  readonly session: SessionSettings;
  readonly signInLimiter: SignInLimiter;
  /**
   * Believe `X-Forwarded-Proto` about https (a `trustProxy` setting is given: a proxy in front
   * ends TLS, and the request reaches us over plain http).
   */
  readonly trustForwardedProto: boolean;
}

/**
 * The agent API's settings as the app holds them. Defaults (no accounts, 30 min / 12 h, no
 * forwarded protocol) suit tests that build an `AppContext` by hand.
 */
export function createAgentAuth(
  options: {
    accounts?: readonly AccountConfig[];
    session?: SessionSettings;
    trustForwardedProto?: boolean;
    signInLimits?: SignInLimits;
  } = {},
): AgentAuth {
  return {
    accounts: options.accounts ?? [],
    session: options.session ?? { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
    signInLimiter: new SignInLimiter(options.signInLimits),
    trustForwardedProto: options.trustForwardedProto ?? false,
  };
}
