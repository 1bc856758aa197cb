import type { CaseStatus, FaultAnswer, NearbyReport } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { NewCase } from '../store/cases.js';
import type { Database } from '../store/schema.js';
import { distanceMeters, nearbyBox, roundCoordinate } from './geo.js';

/** A fault report's own facts, handed to the store with its case (`NewCase.fault`). */
export interface NewFaultReport {
  category: string;
  lat?: number | undefined;
  lon?: number | undefined;
  accuracy?: number | undefined;
  address?: string | undefined;
  answers: Record<string, FaultAnswer>;
  anonymous: boolean;
  /**
   * Ids of photos uploaded for the department, kept in the fault row; `insertCases` attaches them
   * to the case in the same transaction.
   */
  photos: readonly string[];
}

/**
 * Stores the fault rows of the fault cases among `cases` (the others have none). Called by
 * `insertCases` in the transaction that stores the cases, so a fault report is stored whole —
 * case, fault row, inbox event, idempotency record — or not at all, in the same group commit as
 * contact messages.
 */
export async function insertFaultReports(
  db: Kysely<Database>,
  cases: readonly NewCase[],
): Promise<void> {
  const rows = cases.flatMap(({ reference, origin, createdAt, fault }) =>
    fault
      ? [
          {
            case_reference: reference,
            department: origin.department,
            category: fault.category,
            lat: fault.lat ?? null,
            lon: fault.lon ?? null,
            accuracy: fault.accuracy ?? null,
            address: fault.address ?? null,
            answers: JSON.stringify(fault.answers),
            anonymous: fault.anonymous ? 1 : 0,
            photos: JSON.stringify(fault.photos),
            photo_count: fault.photos.length,
            created_at: createdAt,
          },
        ]
      : [],
  );
  if (rows.length > 0) await db.insertInto('fault_reports').values(rows).execute();
}

/** Public statuses of a report that is no longer open (not offered to follow). */
export const FINISHED_PUBLIC: readonly CaseStatus[] = ['resolved', 'closed', 'duplicate'];

/** At most this many nearby reports are answered. */
export const NEARBY_LIMIT = 20;

export interface NearbyQuery {
  department: string;
  category: string;
  lat: number;
  lon: number;
  radiusMeters: number;
}

/** The nearby query itself (`EXPLAIN`ed by the tests: it must read `fault_reports_nearby`). */
export function nearbyQuery(db: Kysely<Database>, query: NearbyQuery) {
  const box = nearbyBox(query.lat, query.lon, query.radiusMeters);
  const cos = Math.cos((query.lat * Math.PI) / 180);
  return db
    .selectFrom('fault_reports as f')
    .innerJoin('cases as c', 'c.reference', 'f.case_reference')
    .select(['f.case_reference', 'f.category', 'f.lat', 'f.lon', 'c.status', 'c.created_at'])
    .select('c.updated_at')
    .where('f.department', '=', query.department)
    .where('f.category', '=', query.category)
    .where('f.lat', '>=', box.south)
    .where('f.lat', '<=', box.north)
    .where('f.lon', '>=', box.west)
    .where('f.lon', '<=', box.east)
    .where('c.status', 'not in', FINISHED_PUBLIC)
    .orderBy(
      sql`(f.lat - ${real(query.lat)}) * (f.lat - ${real(query.lat)}) + (f.lon - ${real(query.lon)}) * (f.lon - ${real(query.lon)}) * ${real(cos * cos)}`,
    )
    .orderBy('f.case_reference')
    .limit(NEARBY_LIMIT * 2);
}

/**
 * Open reports of a category within `radiusMeters` of a point, nearest first, at most 20. The
 * database reads the bounding box through `fault_reports_nearby` (see `tables.ts`) and orders the
 * box by an equirectangular distance (exact enough at these distances, and plain arithmetic both
 * stores run); the exact great-circle distance then drops the box's corners.
 */
export async function selectNearbyReports(
  db: Kysely<Database>,
  query: NearbyQuery,
): Promise<NearbyReport[]> {
  const rows = await nearbyQuery(db, query).execute();
  return rows
    .map((row) => ({
      row,
      distance: distanceMeters(query.lat, query.lon, Number(row.lat), Number(row.lon)),
    }))
    .filter(({ distance }) => distance <= query.radiusMeters)
    .slice(0, NEARBY_LIMIT)
    .map(({ row, distance }) => ({
      reference: row.case_reference,
      category: row.category,
      status: row.status as CaseStatus,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      distanceMeters: Math.round(distance),
      location: { lat: roundCoordinate(Number(row.lat)), lon: roundCoordinate(Number(row.lon)) },
    }));
}

/** A number as a parameter PostgreSQL can type (it cannot infer one in `$1 * $2`). */
const real = (value: number) => sql`cast(${value} as double precision)`;

/** What staff see of a fault report (the agent case view); `undefined` for other cases. */
export interface StoredFault {
  category: string;
  location: {
    lat: number | null;
    lon: number | null;
    accuracy: number | null;
    address: string | null;
  };
  answers: Record<string, FaultAnswer>;
  anonymous: boolean;
  photos: string[];
}

/** The fault facts of a case, `undefined` when it is not a fault report. */
export async function selectFaultReport(
  db: Kysely<Database>,
  reference: string,
): Promise<StoredFault | undefined> {
  const row = await db
    .selectFrom('fault_reports')
    .selectAll()
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const number = (value: number | null) => (value === null ? null : Number(value));
  return {
    category: row.category,
    location: {
      lat: number(row.lat),
      lon: number(row.lon),
      accuracy: number(row.accuracy),
      address: row.address,
    },
    answers: JSON.parse(row.answers) as Record<string, FaultAnswer>,
    anonymous: Number(row.anonymous) === 1,
    photos: JSON.parse(row.photos) as string[],
  };
}

/** Fault reports' reads, spread into `reads` in `store/operations.ts`. */
export const faultReads = {
  selectNearbyReports,
  selectFaultReport,
};
