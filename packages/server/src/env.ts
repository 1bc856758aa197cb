import type { Agent } from '@kontakt/core/agent';
import type { ResolvedSession } from './auth/sessions.js';

/** What middleware puts on the Hono context for later handlers. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The client's IP address, as far as trusted proxies tell (see `trustProxy`). */
    clientAddress: string;
    /** The id of the API key an admin request was authorised with (see `requireApiKey`). */
    apiKeyId: string;
    /** The signed-in person of an agent request (see `requireAgent`). */
    agent: Agent;
    /** Their session (see `requireAgent`). */
    agentSession: ResolvedSession;
  };
}
