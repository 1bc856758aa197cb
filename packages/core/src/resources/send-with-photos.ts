/*
 * Sending a submission that carries photos still to be uploaded: a fault report (`report.photos`)
 * or a contact message (`message.photos`), the first time or from the outbox. A chunk of its own,
 * loaded when a submission has photos: a message without any never needs it.
 */
import type { KyInstance } from 'ky';
import { ValidationError } from '../errors/ValidationError.js';
import type { Keepable } from '../outbox/entry.js';
import type { CaseOutboxEntry, OutboxEntry } from '../outbox/types.js';
import type { CaseSubmission, Receipt, UploadedPhoto } from '../schemas/index.js';
import { MESSAGE_MAX_PHOTOS } from '../schemas/index.js';
import type { SubmitContext, SubmitOptions } from './case-submit.js';
import { sendCase } from './case-submit.js';
import { sendFault } from './faults-send.js';

/** How far a submission's photos have been uploaded, in bytes of all of them. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Uploads one photo for the client's department (`client.photos.upload`). */
export type PhotoUploader = (
  blob: Blob,
  options: { signal?: AbortSignal; onProgress?: (loaded: number, total: number) => void },
) => Promise<UploadedPhoto>;

/** What `sendWithPhotos` needs besides the entry. */
export interface SendWithPhotosOptions {
  upload: PhotoUploader | undefined;
  /** Keeps the entry as it is now (each uploaded photo's id added to its submission). */
  save: (entry: OutboxEntry) => Promise<void>;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/**
 * `cases.submit()` of a message with photos (`options.photos`): uploads them, adding their ids to
 * `message.photos`, then sends it. `onKept` hears, after each upload, what is left to keep if
 * sending fails now: the message with the photos still to upload.
 */
export function submitWithPhotos(
  context: SubmitContext,
  submission: CaseSubmission,
  id: string,
  options: SubmitOptions & { photos: readonly Blob[] },
  onKept: (left: Keepable) => void,
): Promise<Receipt> {
  checkPhotos({
    named: submission.message.photos.length,
    toUpload: options.photos.length,
    maximum: MESSAGE_MAX_PHOTOS,
    upload: context.upload,
    part: 'message',
  });
  const entry: CaseOutboxEntry = unsavedEntry(id, submission, options.photos);
  return sendWithPhotos(context.http, entry, {
    upload: context.upload,
    signal: options.signal,
    onProgress: options.onProgress,
    save: async (saved) => {
      const { submission: left, photos } = saved as CaseOutboxEntry;
      onKept(photos?.length ? { kind: 'case', submission: left, photos } : left);
    },
  });
}

/**
 * Refuses, before anything is sent, more photos than `maximum` (those the submission names and
 * those to upload; the field error is `photos`, relative to it), and photos to upload without a
 * way to upload them.
 */
export function checkPhotos(check: {
  named: number;
  toUpload: number;
  maximum: number;
  upload: PhotoUploader | undefined;
  part: 'message' | 'report';
}): void {
  const { maximum } = check;
  if (check.named + check.toUpload > maximum) {
    throw new ValidationError([
      { field: 'photos', pointer: '/photos', code: 'too_long', params: { maximum } },
    ]);
  }
  if (check.toUpload > 0 && !check.upload) {
    throw new TypeError(
      `This client cannot upload photos; pass uploaded ids in ${check.part}.photos.`,
    );
  }
}

/** A submission as an unsaved outbox entry, which `sendWithPhotos` takes like a kept one. */
export function unsavedEntry<S extends { origin: { department: string } }>(
  id: string,
  submission: S,
  photos: readonly Blob[],
) {
  const now = new Date().toISOString();
  return {
    id,
    endpoint: '',
    department: submission.origin.department,
    submission,
    photos: [...photos],
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
  };
}

/**
 * Uploads the photos an entry still carries, one at a time, each id added to the submission and
 * the entry saved before the next (so a submission whose first send got through is never resent
 * with other photo ids under its key), then sends the submission.
 */
export async function sendWithPhotos(
  http: KyInstance,
  entry: OutboxEntry,
  options: SendWithPhotosOptions,
): Promise<Receipt> {
  let current = entry;
  const total = (current.photos ?? []).reduce((sum, blob) => sum + blob.size, 0);
  let done = 0;
  while (current.photos?.length) {
    const [blob, ...rest] = current.photos as [Blob, ...Blob[]];
    if (!options.upload) throw new TypeError('This client cannot upload photos.');
    const id =
      uploadedIds.get(blob) ??
      (
        await options.upload(blob, {
          ...(options.signal ? { signal: options.signal } : {}),
          onProgress: (loaded) => options.onProgress?.({ loaded: done + loaded, total }),
        })
      ).id;
    uploadedIds.set(blob, id);
    done += blob.size;
    options.onProgress?.({ loaded: done, total });
    current = withUploaded(current, id, rest);
    await options.save(current);
  }
  return current.kind === 'fault'
    ? sendFault(http, current.submission, current.id, options.signal)
    : sendCase(http, current.submission, current.id, options.signal);
}

/**
 * The ids of the photos uploaded from this page, by Blob. Sending the same photos again (the
 * person presses send once more after a failure, under the same idempotency key) names the same
 * ids, so the body is the same: if the first request did reach the server, the second gets its
 * receipt instead of being refused for a key reused with another body.
 */
const uploadedIds = new WeakMap<Blob, string>();

/** The entry with one more uploaded photo named in its submission, and `rest` still to upload. */
function withUploaded(entry: OutboxEntry, id: string, rest: Blob[]): OutboxEntry {
  if (entry.kind === 'fault') {
    const { submission } = entry;
    const report = { ...submission.report, photos: [...submission.report.photos, id] };
    return { ...entry, submission: { ...submission, report }, photos: rest };
  }
  const { submission } = entry;
  const message = { ...submission.message, photos: [...(submission.message.photos ?? []), id] };
  return { ...entry, submission: { ...submission, message }, photos: rest };
}
