/*
 * Which ways of signing in the server offers, so the console's sign-in view shows the password
 * form, the identity provider's button, or both (`GET /v1/agent/sign-in-methods`, public).
 */
import * as z from 'zod/mini';

/** `GET /v1/agent/sign-in-methods`: what the sign-in view offers. */
export const SignInMethodsSchema = z.object({
  /** Local accounts exist: show the user name and password form (`POST /v1/agent/session`). */
  local: z.boolean(),
  /**
   * OpenID Connect is configured: a link to `loginUrl` with `?returnTo=/console/…` starts
   * sign-in at the identity provider; `null` when it is not.
   */
  oidc: z.nullable(z.object({ loginUrl: z.string() })),
});
export type SignInMethods = z.infer<typeof SignInMethodsSchema>;
