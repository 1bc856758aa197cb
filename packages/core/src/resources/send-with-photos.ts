/*
 * Sending a submission that carries photos still to be uploaded: a fault report (`report.photos`),
 * a contact message (`message.photos`) or a message to a case (`photos`), the first time or from
 * the outbox. A chunk of its own, loaded when a submission has photos: one without never needs it.
 */
import type { KyInstance } from 'ky';
import { isValidationError, ValidationError } from '../errors/ValidationError.js';
import type { Keepable } from '../outbox/entry.js';
import type {
  CaseMessageOutboxEntry,
  CaseOutboxEntry,
  SubmissionOutboxEntry,
  UploadedPhotos,
} from '../outbox/types.js';
import type { CaseSubmission, FieldError, Receipt, UploadedPhoto } from '../schemas/index.js';
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

/** An entry whose submission may name photos, some of them still to upload. */
type PhotoEntry = SubmissionOutboxEntry | CaseMessageOutboxEntry;

/** What `sendWithPhotos` needs besides the entry. */
export interface SendWithPhotosOptions<E extends PhotoEntry = SubmissionOutboxEntry> {
  upload: PhotoUploader | undefined;
  /** Keeps the entry as it is now (each uploaded photo's id added to its submission). */
  save: (entry: E) => Promise<void>;
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/**
 * `cases.submit()` of a message with photos (`options.photos`): uploads them, adding their ids to
 * `message.photos`, then sends it. `onKept` hears, after each upload, what is left to keep if
 * sending fails now: the message with the photos still to upload and those uploaded.
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
      const { submission: left, photos, uploaded } = saved as CaseOutboxEntry;
      onKept({ kind: 'case', submission: left, photos, uploaded });
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
  /** Where the submission names its photos (`message`, `report`); a message to a case: none. */
  part?: 'message' | 'report';
}): void {
  const { maximum } = check;
  if (check.named + check.toUpload > maximum) {
    throw new ValidationError([
      { field: 'photos', pointer: '/photos', code: 'too_long', params: { maximum } },
    ]);
  }
  if (check.toUpload > 0 && !check.upload) {
    throw new TypeError(
      `This client cannot upload photos; pass uploaded ids in ${check.part ? `${check.part}.` : ''}photos.`,
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

/** Uploads the photos a contact message or fault report still carries, then sends it. */
export function sendWithPhotos(
  http: KyInstance,
  entry: SubmissionOutboxEntry,
  options: SendWithPhotosOptions,
): Promise<Receipt> {
  return uploadThenSend(entry, options, (current) => send(http, current, options.signal));
}

/**
 * Uploads the photos an entry still carries, one at a time, each id added to the submission and
 * the entry saved before the next (so a submission whose first send got through is never resent
 * with other photo ids under its key), then sends the submission with `send`. Refused for photos
 * unknown (sent after the server let the ones it uploaded expire: it keeps them a day), it uploads
 * those again, names the new ids in their places and sends it once more, under the same key: the
 * server keeps a key only for what it stored.
 */
export async function uploadThenSend<E extends PhotoEntry, R>(
  entry: E,
  options: SendWithPhotosOptions<E>,
  send: (entry: E) => Promise<R>,
): Promise<R> {
  let current = entry;
  const total = (current.photos ?? []).reduce((sum, blob) => sum + blob.size, 0);
  let done = 0;
  while (current.photos?.length) {
    const [blob, ...rest] = current.photos as [Blob, ...Blob[]];
    const id = await uploadOnce(blob, options, (loaded) =>
      options.onProgress?.({ loaded: done + loaded, total }),
    );
    done += blob.size;
    options.onProgress?.({ loaded: done, total });
    const ids = [...photoIdsOf(current), id];
    current = withPhotos({ ...current, photos: rest }, ids, { ...current.uploaded, [id]: blob });
    await options.save(current);
  }
  try {
    return await send(current);
  } catch (error) {
    const uploaded = Object.entries(current.uploaded ?? {});
    const unknown = isValidationError(error) && error.fieldErrors.every(isUnknownPhoto);
    if (!unknown || uploaded.length === 0) throw error;
    for (const [gone, blob] of uploaded) {
      uploadedIds.delete(blob);
      const id = await uploadOnce(blob, options);
      const ids = photoIdsOf(current).map((each) => (each === gone ? id : each));
      current = withPhotos(current, ids, { ...current.uploaded, [id]: blob });
      await options.save(current);
    }
    return send(current);
  }
}

const isUnknownPhoto = (fieldError: FieldError) => fieldError.code === 'unknown_photo';

/** `blob`'s id: the one it was uploaded under from this page, or a new upload's. */
async function uploadOnce(
  blob: Blob,
  options: Pick<SendWithPhotosOptions, 'upload' | 'signal'>,
  onProgress?: (loaded: number) => void,
): Promise<string> {
  const known = uploadedIds.get(blob);
  if (known) return known;
  if (!options.upload) throw new TypeError('This client cannot upload photos.');
  const { id } = await options.upload(blob, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  uploadedIds.set(blob, id);
  return id;
}

const send = (http: KyInstance, entry: SubmissionOutboxEntry, signal: AbortSignal | undefined) =>
  entry.kind === 'fault'
    ? sendFault(http, entry.submission, entry.id, signal)
    : sendCase(http, entry.submission, entry.id, signal);

/**
 * The ids of the photos uploaded from this page, by Blob. Sending the same photos again (the
 * person presses send once more after a failure, under the same idempotency key) names the same
 * ids, so the body is the same: if the first request did reach the server, the second gets its
 * receipt instead of being refused for a key reused with another body.
 */
const uploadedIds = new WeakMap<Blob, string>();

/** The ids of the photos the entry's submission names, in order. */
const photoIdsOf = (entry: PhotoEntry): string[] =>
  entry.kind === 'fault'
    ? entry.submission.report.photos
    : entry.kind === 'case-message'
      ? (entry.submission.photos ?? [])
      : (entry.submission.message.photos ?? []);

/**
 * The entry with `ids` as its submission's photos, and of `blobs` (the photos it uploaded, by id)
 * those it still names.
 */
function withPhotos<E extends PhotoEntry>(entry: E, ids: string[], blobs: UploadedPhotos): E {
  const uploaded: UploadedPhotos = {};
  for (const id of ids) if (blobs[id]) uploaded[id] = blobs[id];
  // Each kind names its photos in its own place; the entry is the same kind after.
  return { ...entry, submission: named(entry, ids), uploaded } as E;
}

/** The entry's submission naming `ids` as its photos. */
function named(entry: PhotoEntry, ids: string[]): PhotoEntry['submission'] {
  if (entry.kind === 'case-message') return { ...entry.submission, photos: ids };
  if (entry.kind === 'fault') {
    const { submission } = entry;
    return { ...submission, report: { ...submission.report, photos: ids } };
  }
  const { submission } = entry;
  return { ...submission, message: { ...submission.message, photos: ids } };
}
