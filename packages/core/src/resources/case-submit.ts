/*
 * `cases.submit()`: sending a contact message, and keeping it in the outbox when it cannot be sent
 * now. Apart from the rest of `client.cases` (lookup, watch, follow), so that a client that only
 * sends messages (`createMessageClient`, the contact form's) carries none of that.
 */
import type { KyInstance } from 'ky';
import { NetworkError } from '../errors/NetworkError.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { Keepable } from '../outbox/entry.js';
import type { OutboxController } from '../outbox/outbox.js';
import type { CaseSubmission, ContactMessageInput, Receipt } from '../schemas/index.js';
import { ContactMessageSchema, toFieldErrors } from '../schemas/index.js';
import type { PhotoUploader, UploadProgress } from './send-with-photos.js';
import { keepOrThrow, originOf, postSubmission } from './submission-parts.js';

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
  /**
   * Photos to upload first (already scaled down and re-encoded, e.g. by the contact form), for a
   * department that takes them with messages (`Department.messagePhotos`); their ids are added to
   * `message.photos` in this order. Kept with the message in the outbox when it cannot be sent
   * now, and uploaded before it is sent.
   */
  photos?: readonly Blob[];
  /** Bytes of the photos uploaded so far, of all of them. */
  onProgress?: (progress: UploadProgress) => void;
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
  /** Uploads a photo (`client.photos.upload`); without it, messages carry uploaded ids only. */
  upload?: PhotoUploader | undefined;
}

/** `cases.submit()` for a client. */
export function messageSubmitter(context: SubmitContext): SubmitMessage {
  return async (message, options = {}) => {
    const submission = buildSubmission(context, message, options);
    const id = options.idempotencyKey ?? createIdempotencyKey();
    const photos = options.photos ?? [];
    // What is kept if sending fails now: with photos, those not uploaded yet.
    let kept: Keepable = photos.length
      ? { kind: 'case', submission, photos: [...photos] }
      : submission;
    try {
      if (!photos.length) return await sendCase(context.http, submission, id, options.signal);
      const { submitWithPhotos } = await loadSendWithPhotos();
      return await submitWithPhotos(context, submission, id, { ...options, photos }, (left) => {
        kept = left;
      });
    } catch (error) {
      return keepOrThrow(context, kept, id, 'message', error, options.signal);
    }
  };
}

/**
 * The uploads' code, a chunk loaded by the first message with photos. Offline, the chunk may not
 * load: that is the network failing, and the message is kept like one that could not be sent.
 */
export function loadSendWithPhotos() {
  return import('./send-with-photos.js').catch((cause: unknown) => {
    throw new NetworkError('The code that uploads photos could not be loaded.', { cause });
  });
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
