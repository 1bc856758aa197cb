import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/*
 * How a submission's photos (a fault report's `report.photos`, a contact message's
 * `message.photos`, a sender's later message's `photos`) become its case's: read first for field
 * errors per photo (`missingPhotos`), then attached in the transaction that stores the case or
 * the later message (`attachPhotos`).
 */

/** Which photos a submission names, for which case and department, and when (ISO 8601). */
export interface AttachPhotosRequest {
  readonly reference: string;
  readonly department: string;
  readonly ids: readonly string[];
  readonly at: string;
}

/**
 * Gives uploaded photos to a case, in the caller's transaction (the one that creates the case or
 * adds the later message, so a submission and its photos are stored together or not at all). A photo is usable when it was
 * uploaded for `department`, belongs to no case yet and has not expired at `at`; the ids that
 * were not usable come back in `missing` (the caller refuses the submission with `unknown_photo`
 * and rolls back). Two submissions naming the same photo at once: one gets it, the other sees it
 * missing.
 */
export async function attachPhotos(
  trx: Kysely<Database>,
  request: AttachPhotosRequest,
): Promise<{ missing: string[] }> {
  const ids = [...new Set(request.ids)];
  if (ids.length === 0) return { missing: [] };
  const missing: string[] = [];
  // One statement per photo (a submission names at most ten) so each keeps its place in it.
  for (const [position, id] of ids.entries()) {
    const attached = await trx
      .updateTable('photos')
      .set({ case_reference: request.reference, position, expires_at: null })
      .where('id', '=', id)
      .where('department', '=', request.department)
      .where('case_reference', 'is', null)
      .where('expires_at', '>', request.at)
      .executeTakeFirst();
    if (attached.numUpdatedRows === 0n) missing.push(id);
  }
  return { missing };
}

/** A case named photos that could not be attached; `code` crosses the store's worker thread. */
export class UnknownPhotoError extends Error {
  readonly code = UNKNOWN_PHOTO;
  constructor(missing: readonly string[]) {
    super(`Photos not usable for this case: ${missing.join(', ')}`);
    this.name = 'UnknownPhotoError';
  }
}
export const UNKNOWN_PHOTO = 'KONTAKT_UNKNOWN_PHOTO';

/**
 * The ids among `ids` that a submission to `department` could not use at `at`: not uploaded for
 * it, already another case's, or expired. Read before filing, for field errors per photo.
 */
export async function missingPhotos(
  db: Kysely<Database>,
  request: { department: string; ids: readonly string[]; at: string },
): Promise<string[]> {
  if (request.ids.length === 0) return [];
  const usable = await db
    .selectFrom('photos')
    .select('id')
    .where('id', 'in', [...request.ids])
    .where('department', '=', request.department)
    .where('case_reference', 'is', null)
    .where('expires_at', '>', request.at)
    .execute();
  const found = new Set(usable.map((row) => row.id));
  return request.ids.filter((id) => !found.has(id));
}
