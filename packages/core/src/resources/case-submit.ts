/*
 * `cases.submit()`: sending a contact message, and keeping it in the outbox when it cannot be sent
 * now. Apart from the rest of `client.cases` (lookup, watch, follow), so that a client that only
 * sends messages (`createMessageClient`, the contact form's) carries none of that.
 */
import type { KyInstance } from 'ky';
import type { KontaktError } from '../errors/KontaktError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { OutboxController } from '../outbox/outbox.js';
import { isTransientFailure } from '../outbox/transient.js';
import type { CaseSubmission, ContactMessageInput, Receipt } from '../schemas/index.js';
import { ContactMessageSchema, toFieldErrors } from '../schemas/index.js';
import { originOf, postSubmission, queuedError } from './submission-parts.js';

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

/** `cases.submit()` (see `CasesResource.submit`). */
export type SubmitMessage = (
  message: ContactMessageInput,
  options?: SubmitOptions,
) => Promise<Receipt>;

/** What sending a message needs of its client. */
export interface SubmitContext {
  http: KyInstance;
  department: string;
  pageUrl: () => string | undefined;
  /** Where a submission that could not be sent is kept; none when the outbox is turned off. */
  outbox: Pick<OutboxController, 'keep'> | undefined;
  /** Milliseconds a kept submission is tried before it is given up. */
  outboxMaxAge: number;
}

/** `cases.submit()` for a client. */
export function messageSubmitter(context: SubmitContext): SubmitMessage {
  return async (message, options = {}) => {
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
  };
}

/** POSTs a contact message (see `postSubmission`); the outbox resends kept ones with it. */
export function sendCase(
  http: KyInstance,
  submission: CaseSubmission,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<Receipt> {
  return postSubmission(http, 'v1/cases', 'message', submission, idempotencyKey, signal);
}

function buildSubmission(
  context: SubmitContext,
  message: ContactMessageInput,
  options: SubmitOptions,
): CaseSubmission {
  const parsed = ContactMessageSchema.safeParse(message);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  return { origin: originOf(context, options), message: parsed.data };
}
