import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Which photos a report names, for which case and department, and when (ISO 8601). */
export interface AttachPhotosRequest {
  readonly reference: string;
  readonly department: string;
  readonly ids: readonly string[];
  readonly at: string;
}

/**
 * Gives uploaded photos to a case, in the caller's transaction (the one that creates the case, so
 * a report and its photos are stored together or not at all). A photo is usable when it was
 * uploaded for `department`, belongs to no case yet and has not expired at `at`; the ids that
 * were not usable come back in `missing` (the caller refuses the report with `unknown_photo` and
 * rolls back). Two reports naming the same photo at once: one gets it, the other sees it missing.
 */
export async function attachPhotos(
  trx: Kysely<Database>,
  request: AttachPhotosRequest,
): Promise<{ missing: string[] }> {
  const ids = [...new Set(request.ids)];
  if (ids.length === 0) return { missing: [] };
  const missing: string[] = [];
  // One statement per photo (a report names at most ten) so each keeps its place in the report.
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
