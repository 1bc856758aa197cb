/*
 * `client.cases.addMessage`: more information from the person who sent a case, the answer to
 * "Väntar på dig", kept in the outbox when it cannot be sent now. In the status tracker's chunk
 * (`case-lookup-stream.ts`): it is sent only from a case that was opened first, and the outbox
 * of a `createClient` loads that chunk to resend one.
 */
import type { KyInstance } from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { CaseMessageOutboxEntry } from '../outbox/types.js';
import type { CaseMessageInput, PublicCase } from '../schemas/index.js';
import {
  CaseMessageSchema,
  MESSAGE_MAX_PHOTOS,
  PublicCaseSchema,
  toFieldErrors,
} from '../schemas/index.js';
import { caseReferenceOf } from './case-lookup.js';
import { loadSendWithPhotos } from './case-submit.js';
import type { PhotoUploader, SendWithPhotosOptions, UploadProgress } from './send-with-photos.js';
import type { Keeping } from './submission-parts.js';
import { keepOrThrow } from './submission-parts.js';

/** The options of `client.cases.addMessage`. */
export interface AddMessageOptions {
  /** The sender's access token: the receipt token, or the `accessToken` of an e-mail lookup. */
  accessToken: string;
  /** Sends under this key instead of a new one: the same message sent again is one message. */
  idempotencyKey?: string;
  /** Cancels the request (and its retries); a cancelled message is not kept in the outbox. */
  signal?: AbortSignal;
  /**
   * Photos to upload first (already scaled down and re-encoded, e.g. by the status tracker), for
   * the client's department, which must be the case's and take photos with messages
   * (`Department.messagePhotos`); their ids are added to the message's `photos` in order. Kept
   * with the message in the outbox when it cannot be sent now, and uploaded before it is sent.
   */
  photos?: readonly Blob[];
  /** Bytes of the photos uploaded so far, of all of them. */
  onProgress?: (progress: UploadProgress) => void;
}

/** What `addCaseMessage` needs of its client: the requests, and where to keep a failed message. */
export interface CaseMessageContext extends Keeping {
  http: KyInstance;
  /** The client's department, recorded on a kept message (which names none itself). */
  department: string;
  /** Uploads a photo (`client.photos.upload`); without it, messages carry uploaded ids only. */
  upload?: PhotoUploader | undefined;
}

/**
 * Sends a message to a case (see `CasesResource.addMessage`), its photos uploaded first; one that
 * cannot be sent now (the network, 408, 429, 5xx) is kept in the outbox under its key, with the
 * photos still to upload and those uploaded, and the call rejects with a `NetworkError` whose
 * `queued` names it.
 */
export async function addCaseMessage(
  context: CaseMessageContext,
  reference: string,
  message: CaseMessageInput,
  options: AddMessageOptions,
): Promise<PublicCase> {
  const normalized = caseReferenceOf(reference);
  const parsed = CaseMessageSchema.safeParse(message);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  const { accessToken, signal } = options;
  const id = options.idempotencyKey ?? createIdempotencyKey();
  const photos = options.photos ?? [];
  const now = new Date().toISOString();
  // The message as the outbox would keep it: sent as it is, or after its photos are uploaded.
  let entry: CaseMessageOutboxEntry = {
    id,
    endpoint: '',
    department: context.department,
    kind: 'case-message',
    reference: normalized,
    accessToken,
    submission: parsed.data,
    photos: [...photos],
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
  };
  try {
    if (!photos.length) return await postEntry(context.http, entry, signal);
    const { checkPhotos, uploadThenSend } = await loadSendWithPhotos();
    checkPhotos({
      named: parsed.data.photos.length,
      toUpload: photos.length,
      maximum: MESSAGE_MAX_PHOTOS,
      upload: context.upload,
    });
    const sending = { upload: context.upload, signal, onProgress: options.onProgress };
    const save = async (saved: CaseMessageOutboxEntry) => {
      entry = saved;
    };
    return await uploadThenSend(entry, { ...sending, save }, (current) =>
      postEntry(context.http, current, signal),
    );
  } catch (error) {
    const { kind, department, submission, uploaded } = entry;
    const kept = { kind, department, reference: normalized, accessToken, submission };
    const left = { photos: entry.photos, uploaded };
    return keepOrThrow(context, { ...kept, ...left }, id, 'message', error, signal);
  }
}

/** Sends a kept message to a case again, under its key, its photos uploaded first (the outbox's sender). */
export async function sendCaseMessage(
  http: KyInstance,
  entry: CaseMessageOutboxEntry,
  options: Pick<SendWithPhotosOptions<CaseMessageOutboxEntry>, 'upload' | 'save'>,
): Promise<PublicCase> {
  if (!entry.photos?.length && !entry.uploaded) return postEntry(http, entry);
  const { uploadThenSend } = await import('./send-with-photos.js');
  return uploadThenSend(entry, options, (current) => postEntry(http, current));
}

const postEntry = (http: KyInstance, entry: CaseMessageOutboxEntry, signal?: AbortSignal) =>
  postCaseMessage(http, entry.reference, entry.submission, entry.accessToken, entry.id, signal);

/** `POST /v1/cases/{reference}/messages` with the sender's token and an `Idempotency-Key`. */
async function postCaseMessage(
  http: KyInstance,
  reference: string,
  message: CaseMessageInput,
  accessToken: string,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<PublicCase> {
  const headers = {
    authorization: `Bearer ${accessToken}`,
    // With a key a POST is retried (network errors, 5xx), and every try is one message.
    'idempotency-key': idempotencyKey,
  };
  try {
    return await http
      .post(`v1/cases/${reference}/messages`, { json: message, headers, signal: signal ?? null })
      .json(PublicCaseSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}
