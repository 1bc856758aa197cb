import type { KyInstance } from 'ky';
import { ValidationError } from '../errors/ValidationError.js';
import type {
  CaseAccess,
  CaseLookup,
  CaseMessageInput,
  ContactMessageInput,
  FollowRequest,
  PublicCase,
  Receipt,
} from '../schemas/index.js';
import { normalizeCaseReference } from '../schemas/index.js';
import type { AddMessageOptions, CaseMessageContext } from './case-message.js';
import type { SubmitMessage, SubmitOptions } from './case-submit.js';
import { CaseWatch } from './case-watch.js';

export type { AddMessageOptions } from './case-message.js';
export type { SubmitOptions } from './case-submit.js';

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
  /**
   * Sends more information from the person who sent the case (the answer when it is "Väntar på
   * dig", `waiting_for_citizen`), with the sender's access token: the receipt token or the
   * `accessToken` of an e-mail lookup (a follower's does not do). Resolves with the case after
   * it: one that waited for the sender is back `in_progress`.
   *
   * A reference that cannot be one and an invalid message (`text`: `required`, `too_long`)
   * reject with a `ValidationError` without a request. It is sent with an `Idempotency-Key` (a
   * new one unless `idempotencyKey` is given; pass the same one to send the same message again),
   * so the retries of a network error or 5xx, and a resend, make one message. Rejects with
   * `case_not_found` (unknown case, or not the sender's token), `case_finished` (resolved, closed
   * or a duplicate: send a new message instead), `validation_failed` or `rate_limited`.
   *
   * With `options.photos` (Blobs, already scaled down), they are uploaded first, one at a time,
   * for the client's department, which must be the case's and take photos with messages; their
   * ids are added to the message's `photos`. The server refuses more than that department's
   * `messagePhotos.maxCount` (`too_long` at `photos`) and photos it cannot use (`unknown_photo`).
   *
   * When it cannot be sent now (network down, timeout, 408, 429, 5xx after retries), the message
   * is kept in the outbox, with the token and the photos still to upload, as `submit` keeps a
   * contact message: the call rejects
   * with a `NetworkError` whose `queued` is `{ id }`. The outbox sends it later, from this page or
   * a later one with a client made by `createClient` (a `createMessageClient` leaves it), and
   * dispatches `delivered` with the case after it (`event.case`), or `failed`.
   *
   * @since 0.6.0
   * @example
   * const updated = await client.cases.addMessage(reference, { text }, { accessToken });
   */
  addMessage(
    reference: string,
    message: CaseMessageInput,
    options: AddMessageOptions,
  ): Promise<PublicCase>;
}

/** What the rest of `client.cases` needs besides `submit`. */
export interface CasesContext extends CaseMessageContext {
  http: KyInstance;
  /** The server's base URL (the live stream is read with `fetch`, outside ky). */
  endpoint: string;
  /** The client's own `fetch`, when it was given one: the live stream uses it too. */
  fetch?: typeof fetch | undefined;
}

/** `client.cases`: `submit` (made with the client, `messageSubmitter`) and the rest. */
export function casesResource(context: CasesContext, submit: SubmitMessage): CasesResource {
  return {
    submit,
    async lookup(reference, proof, options = {}) {
      const { lookupCase } = await import('./case-lookup-stream.js');
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
      const { followCase } = await import('./case-lookup-stream.js');
      return followCase(context.http, reference, request, options.signal);
    },
    async unfollow(reference, options) {
      const { unfollowCase } = await import('./case-lookup-stream.js');
      return unfollowCase(context.http, reference, options.accessToken, options.signal);
    },
    async addMessage(reference, message, options) {
      const { addCaseMessage } = await import('./case-lookup-stream.js');
      return addCaseMessage(context, reference, message, options);
    },
  };
}
