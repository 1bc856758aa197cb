import type { ColumnType, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import { onPostgres } from '../store/dialect.js';

/**
 * Uploaded photos, bytes and all. They live in the database, not on a disk: every instance behind
 * a load balancer then serves every photo, they are in the same backups and transactions as the
 * cases they belong to, and a photo is attached to its case in the transaction that creates it.
 * Photos are small (the browser scales them to a few hundred kilobytes; the server caps them).
 */
export interface PhotosTable {
  /** 128 random bits, base64url (`PhotoIdSchema`). */
  id: string;
  /** The department it was uploaded for: only that department's reports may use it. */
  department: string;
  /** The case it belongs to; `null` until a report names it. */
  case_reference: ColumnType<string | null, string | null | undefined, string | null>;
  /**
   * Its place among the photos of the submission that named it (0, 1, …: a report, a message, a
   * later message), as it listed them; `null` until then.
   */
  position: ColumnType<number | null, number | null | undefined, number | null>;
  /** The sniffed type: `image/jpeg`, `image/png` or `image/webp`. */
  type: string;
  /** Size of `data` in bytes. */
  bytes: number;
  width: number;
  height: number;
  /** SHA-256 (hex) of `data`: the ETag, and a way to find the same photo sent twice. */
  sha256: string;
  /** The image with its metadata removed. */
  data: Uint8Array;
  created_at: string;
  /** When an unattached photo is deleted; `null` once a case has it. */
  expires_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The photo module's tables, for `Database` in `store/schema.ts`. */
export interface PhotoTables {
  photos: PhotosTable;
}

export type PhotoRow = Selectable<PhotosTable>;

/** `2026-12-03-0008-photos`: the photos table, with the indexes serving and the cleanup read. */
export async function createPhotoTables(db: Kysely<unknown>): Promise<void> {
  const postgres = onPostgres(db);
  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('case_reference', 'text')
    .addColumn('position', 'integer')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('bytes', 'integer', (col) => col.notNull())
    .addColumn('width', 'integer', (col) => col.notNull())
    .addColumn('height', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('data', postgres ? 'bytea' : 'blob', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .execute();
  // Partial: attached photos never expire, so the cleanup's index holds only the waiting ones.
  await db.schema
    .createIndex('photos_expires_at')
    .on('photos')
    .column('expires_at')
    .where(sql.ref('expires_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('photos_case_reference')
    .on('photos')
    .column('case_reference')
    .where(sql.ref('case_reference'), 'is not', null)
    .execute();
}
