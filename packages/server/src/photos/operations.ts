import type { Kysely } from 'kysely';
import type { CaseScope } from '../agent-cases/inbox.js';
import { inScope } from '../agent-cases/inbox.js';
import type { Database } from '../store/schema.js';
import { attachPhotos, missingPhotos } from './attach.js';

export { attachPhotos } from './attach.js';

/** A photo as the upload route stores it (ISO 8601 times). */
export interface NewPhoto {
  readonly id: string;
  readonly department: string;
  readonly type: string;
  readonly width: number;
  readonly height: number;
  readonly sha256: string;
  readonly data: Uint8Array;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A stored photo as it is served. */
export interface ServedPhoto {
  readonly type: string;
  readonly sha256: string;
  readonly data: Uint8Array;
}

/** Stores an uploaded, unattached photo; it expires at `expiresAt` unless a case names it. */
async function insertPhoto(db: Kysely<Database>, photo: NewPhoto) {
  // better-sqlite3 binds a Buffer as a BLOB; what crosses to the worker arrives as a Uint8Array.
  const data = Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength);
  await db
    .insertInto('photos')
    .values({
      id: photo.id,
      department: photo.department,
      case_reference: null,
      position: null,
      type: photo.type,
      bytes: data.byteLength,
      width: photo.width,
      height: photo.height,
      sha256: photo.sha256,
      data,
      created_at: photo.createdAt,
      expires_at: photo.expiresAt,
    })
    .execute();
  return { value: undefined, streams: [] };
}

/** Deletes the photos no case named before they expired; returns how many. */
async function deleteExpiredPhotos(db: Kysely<Database>, now: string) {
  const result = await db
    .deleteFrom('photos')
    .where('expires_at', 'is not', null)
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return { value: Number(result.numDeletedRows), streams: [] };
}

/**
 * Photo `id` of case `reference`, for whoever may read the case (the route has checked their
 * token with `authorizeCaseAccess`).
 */
async function selectCasePhoto(
  db: Kysely<Database>,
  request: { reference: string; id: string },
): Promise<ServedPhoto | undefined> {
  return db
    .selectFrom('photos')
    .select(['type', 'sha256', 'data'])
    .where('id', '=', request.id)
    .where('case_reference', '=', request.reference)
    .executeTakeFirst();
}

/** Photo `id` of case `reference`, when the case is one the agent may see (`scope`). */
async function selectAgentPhoto(
  db: Kysely<Database>,
  request: { reference: string; id: string; scope: CaseScope },
): Promise<ServedPhoto | undefined> {
  const found = await inScope(db.selectFrom('cases'), request.scope)
    .innerJoin('photos', 'photos.case_reference', 'cases.reference')
    .select(['photos.type', 'photos.sha256', 'photos.data'])
    .where('cases.reference', '=', request.reference)
    .where('photos.id', '=', request.id)
    .executeTakeFirst();
  return found;
}

/** Photo reads, spread into `reads` in `store/operations.ts`. */
export const photoReads = { missingPhotos, selectCasePhoto, selectAgentPhoto };

/** Photo writes, spread into `writes` in `store/operations.ts`. */
export const photoWrites = {
  insertPhoto,
  deleteExpiredPhotos,
  /** `attachPhotos` as its own transaction (tests; a new case attaches inside its own). */
  attachPhotos: async (db: Kysely<Database>, request: Parameters<typeof attachPhotos>[1]) => ({
    value: await db.transaction().execute((trx) => attachPhotos(trx, request)),
    streams: [],
  }),
};
