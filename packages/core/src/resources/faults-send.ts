import type { KyInstance } from 'ky';
import type { FaultSubmission, Receipt } from '../schemas/index.js';
import type { UploadProgress } from './send-with-photos.js';
import { postSubmission } from './submission-parts.js';

export type { PhotoUploader } from './send-with-photos.js';

/** How far a report's photos have been uploaded, in bytes of all of them. */
export type FaultUploadProgress = UploadProgress;

/** POSTs a fault report (see `postSubmission`); the outbox resends kept ones with it. */
export function sendFault(
  http: KyInstance,
  submission: FaultSubmission,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<Receipt> {
  return postSubmission(http, 'v1/faults', 'report', submission, idempotencyKey, signal);
}
