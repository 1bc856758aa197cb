import type { KyInstance } from 'ky';
import type { FaultOutboxEntry, OutboxEntry } from '../outbox/types.js';
import type { FaultSubmission, Receipt, UploadedPhoto } from '../schemas/index.js';
import { postSubmission } from './submission-parts.js';

/** How far a report's photos have been uploaded, in bytes of all of them. */
export interface FaultUploadProgress {
  loaded: number;
  total: number;
}

/** Uploads one photo for the client's department (`client.photos.upload`). */
export type PhotoUploader = (
  blob: Blob,
  options: { signal?: AbortSignal; onProgress?: (loaded: number, total: number) => void },
) => Promise<UploadedPhoto>;

/** POSTs a fault report (see `postSubmission`); the outbox resends kept ones with it. */
export function sendFault(
  http: KyInstance,
  submission: FaultSubmission,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<Receipt> {
  return postSubmission(http, 'v1/faults', 'report', submission, idempotencyKey, signal);
}

/**
 * Uploads the photos an entry still carries, one at a time, each id added to the report and the
 * entry saved before the next (so a report whose first send got through is never resent with
 * other photo ids under its key), then sends the report.
 */
export async function sendFaultEntry(
  http: KyInstance,
  entry: FaultOutboxEntry,
  options: {
    upload: PhotoUploader | undefined;
    save: (entry: OutboxEntry) => Promise<void>;
    signal?: AbortSignal | undefined;
    onProgress?: ((progress: FaultUploadProgress) => void) | undefined;
  },
): Promise<Receipt> {
  let current = entry;
  const total = (current.photos ?? []).reduce((sum, blob) => sum + blob.size, 0);
  let done = 0;
  while (current.photos?.length) {
    const [blob, ...rest] = current.photos as [Blob, ...Blob[]];
    if (!options.upload) throw new TypeError('This client cannot upload photos.');
    const photo = await options.upload(blob, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (loaded) => options.onProgress?.({ loaded: done + loaded, total }),
    });
    done += blob.size;
    const { submission } = current;
    current = {
      ...current,
      submission: {
        ...submission,
        report: { ...submission.report, photos: [...submission.report.photos, photo.id] },
      },
      photos: rest,
    };
    await options.save(current);
  }
  return sendFault(http, current.submission, current.id, options.signal);
}
