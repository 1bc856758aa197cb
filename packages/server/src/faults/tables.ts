import type { ColumnType, Kysely } from 'kysely';

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/**
 * A fault report's own facts, one row per fault case (`cases.channel = 'fault_report'`). The case
 * row keeps what every case has (status, topic = category, the personal parts in `message`); this
 * row keeps what only a fault report has and what the nearby query searches.
 */
export interface FaultReportsTable {
  case_reference: string;
  department: string;
  category: string;
  /** WGS84; both null when the person gave only an address. */
  lat: Nullable<number>;
  lon: Nullable<number>;
  /** Metres, when the point came from the device's position. */
  accuracy: Nullable<number>;
  address: Nullable<string>;
  /** The answers to the category's extra questions, `{ code: answer }` as JSON. */
  answers: string;
  /** 1 when the report was sent without contact details. */
  anonymous: number;
  /** The uploaded photos' ids, in the order given, as a JSON array. */
  photos: string;
  photo_count: number;
  created_at: string;
}

export interface FaultTables {
  fault_reports: FaultReportsTable;
}

/**
 * Migration `2026-12-03-0007-fault-reports`.
 *
 * The nearby query ("open reports of this category within 150 m") is a bounding box on
 * (department, category, lat, lon): equality on the first two, a range on `lat`, and `lon`
 * filtered from the same index entries without reading the table. A latitude band of ±150 m is a
 * thin slice of a city (±0.00135°), so the range reads a few hundred entries at most even with
 * 100,000 reports; only those in the box are joined to their case for the status. A grid-cell
 * column would read fewer entries, but needs a cell size chosen for one radius and a query over
 * several cells; the band needs neither and both stores' planners use it as it is (checked by
 * `nearby.test.ts` with `EXPLAIN`).
 */
export async function createFaultReportTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fault_reports')
    .addColumn('case_reference', 'text', (col) =>
      col.primaryKey().references('cases.reference').onDelete('cascade'),
    )
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) => col.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('accuracy', 'double precision')
    .addColumn('address', 'text')
    .addColumn('answers', 'text', (col) => col.notNull())
    .addColumn('anonymous', 'integer', (col) => col.notNull())
    .addColumn('photos', 'text', (col) => col.notNull())
    .addColumn('photo_count', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('fault_reports_nearby')
    .on('fault_reports')
    .columns(['department', 'category', 'lat', 'lon'])
    .execute();
}
