/** What middleware puts on the Hono context for later handlers. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The client's IP address, as far as trusted proxies tell (see `trustProxy`). */
    clientAddress: string;
  };
}
