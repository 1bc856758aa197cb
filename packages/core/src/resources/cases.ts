import type { KyInstance } from 'ky';
import type { KontaktError } from '../errors/KontaktError.js';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { OutboxController } from '../outbox/outbox.js';
import { isTransientFailure } from '../outbox/transient.js';
import type {
  CaseAccess,
  CaseLookup,
  CaseSubmission,
  ContactMessageInput,
  FollowRequest,
  Receipt,
} from '../schemas/index.js';
import {
  ContactMessageSchema,
  normalizeCaseReference,
  ReceiptSchema,
  toFieldErrors,
} from '../schemas/index.js';
import { CaseWatch } from './case-watch.js';
import { originOf, queuedError, relativeTo } from './submission-parts.js';

/** Options for one `cases.submit()` call. */
export interface SubmitOptions {
  /** Cancels the request (and its retries); an aborted submission is not kept in the outbox. */
  signal?: AbortSignal;
  /** The element that sends it, recorded as the case's origin. Default `'sdk'`. */
  widget?: string;
  /** The page it was written on. Default: the client's `pageUrl()`, read now. */
  pageUrl?: string;
  /**
   * Sends under this key instead of a new one. Pass the same key when the person sends the same
   * message again after a failure: if the first request did reach the server, the second gets the
   * first one's receipt instead of making a second case. Default: a new key per call.
   */
  idempotencyKey?: string;
}

/** `client.cases`: questions and messages to the contact center. */
export interface CasesResource {
  /**
   * Validates `message` with `ContactMessageSchema` (rejecting with a `ValidationError` without a
   * request), sends it with an `Idempotency-Key`, and resolves with the parsed `Receipt`.
   *
   * When it cannot be sent (network down, timeout, 408, 429, 5xx after retries), the submission
   * is kept in the outbox and the call rejects with a `NetworkError` whose `queued` is `{ id }`;
   * the outbox sends it later and dispatches `delivered` with the receipt.
   *
   * Field errors are relative to `message` (`topic`, `email`), from the SDK and from the server
   * alike; errors about the origin keep their `origin.` prefix.
   */
  submit(message: ContactMessageInput, options?: SubmitOptions): Promise<Receipt>;
  /**
   * Opens a case (the status tracker) with its receipt token (the receipt link's `token`) or the
   * e-mail address it was sent with, and resolves with the public case and an access token for
   * `watch()`. The reference may be typed loosely (`kc 7f3k 9qxm`); one that cannot be a
   * reference rejects with a `ValidationError` on `reference` without a request. An unknown case,
   * a wrong token and a wrong address all reject alike (`case_not_found`); too many attempts
   * with `rate_limited`.
   *
   * @since 0.4.0
   * @example
   * const { case: found, accessToken } = await client.cases.lookup('KC-7F3K-9QXM', { email });
   */
  lookup(
    reference: string,
    proof: CaseLookup,
    options?: { signal?: AbortSignal },
  ): Promise<CaseAccess>;
  /**
   * Follows a case live with its access token (from `lookup()`, `follow()` or a receipt): a
   * `CaseWatch` that reads it, then yields it after every change its citizen can see. Close it,
   * or abort `signal`, when done. Throws a `ValidationError` for a reference that cannot be one.
   *
   * @since 0.4.0
   * @example
   * for await (const found of client.cases.watch(reference, { accessToken })) render(found);
   */
  watch(reference: string, options: { accessToken: string; signal?: AbortSignal }): CaseWatch;
  /**
   * Follows someone else's open fault report instead of filing a duplicate: resolves with the
   * report and an access token for `watch()`. With `email`, its progress is also mailed there.
   * A report that is finished rejects with `case_not_followable`; anything else that is not an
   * open fault report with `case_not_found`.
   *
   * @since 0.4.0
   */
  follow(
    reference: string,
    request?: FollowRequest,
    options?: { signal?: AbortSignal },
  ): Promise<CaseAccess>;
  /**
   * Stops following a case with the access token `follow()` gave: no more mail, and the token
   * no longer opens it. Anything else rejects with `case_not_found`.
   *
   * @since 0.4.0
   */
  unfollow(
    reference: string,
    options: { accessToken: string; signal?: AbortSignal },
  ): Promise<void>;
}

export interface CasesContext {
  http: KyInstance;
  /** The server's base URL (the live stream is read with `fetch`, outside ky). */
  endpoint: string;
  /** The client's own `fetch`, when it was given one: the live stream uses it too. */
  fetch?: typeof fetch | undefined;
  department: string;
  pageUrl: () => string | undefined;
  /** Where a submission that could not be sent is kept; none when the outbox is turned off. */
  outbox: Pick<OutboxController, 'keep'> | undefined;
  /** Milliseconds a kept submission is tried before it is given up. */
  outboxMaxAge: number;
}

export function casesResource(context: CasesContext): CasesResource {
  return {
    async submit(message, options = {}) {
      const submission = buildSubmission(context, message, options);
      const id = options.idempotencyKey ?? createIdempotencyKey();
      try {
        return await sendCase(context.http, submission, id, options.signal);
      } catch (error) {
        if (!context.outbox || !isTransientFailure(error) || options.signal?.aborted) throw error;
        await context.outbox
          .keep(submission, { id, error, maxAge: context.outboxMaxAge })
          // Storage refused (private mode, quota): the caller gets the send error, not a false promise.
          .catch(() => Promise.reject(error));
        throw queuedError(error as KontaktError, id, 'message');
      }
    },
    async lookup(reference, proof, options = {}) {
      const { lookupCase } = await import('./case-lookup.js');
      return lookupCase(context.http, reference, proof, options.signal);
    },
    watch(reference, options) {
      const normalized = normalizeCaseReference(reference);
      if (!normalized) {
        throw new ValidationError([
          { field: 'reference', pointer: '/reference', code: 'invalid_reference' },
        ]);
      }
      const target = {
        http: context.http,
        endpoint: context.endpoint,
        reference: normalized,
        accessToken: options.accessToken,
        fetch: context.fetch,
      };
      return new CaseWatch(target, options.signal);
    },
    async follow(reference, request = {}, options = {}) {
      const { followCase } = await import('./case-lookup.js');
      return followCase(context.http, reference, request, options.signal);
    },
    async unfollow(reference, options) {
      const { unfollowCase } = await import('./case-lookup.js');
      return unfollowCase(context.http, reference, options.accessToken, options.signal);
    },
  };
}

/**
 * POSTs a submission with its idempotency key and parses the receipt. Used for the first try and
 * by the outbox, which resends the same body with the same key.
 */
export async function sendCase(
  http: KyInstance,
  submission: CaseSubmission,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<Receipt> {
  try {
    return await http
      .post('v1/cases', {
        json: submission,
        headers: { 'idempotency-key': idempotencyKey },
        ...(signal ? { signal } : {}),
      })
      .json(ReceiptSchema);
  } catch (error) {
    throw relativeTo('message', toKontaktError(error));
  }
}

function buildSubmission(
  context: CasesContext,
  message: ContactMessageInput,
  options: SubmitOptions,
): CaseSubmission {
  const parsed = ContactMessageSchema.safeParse(message);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  return { origin: originOf(context, options), message: parsed.data };
}
