import type { Department } from '@kontakt/core/schemas';
import { roundCoordinate } from '../faults/geo.js';
import type { Open311NoteRow, Open311RequestRow } from './operations.js';
import { redactPersonalData } from './redact.js';
import type { ServiceEntry } from './services.js';
import { serviceCode } from './services.js';
import type { Open311Status } from './status.js';
import { open311Status, statusNotes } from './status.js';

/** A service request as `GET requests` and `GET requests/{id}` answer it. */
export type Open311Request = {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
  /** Only with `extensions=true`. */
  notes?: Open311Note[];
};

/**
 * The common `notes` extension (as Chicago's Open311 server has it): the public timeline, so a
 * client sees more than the last status. `type` is `opened` for the first entry, `closed` when
 * the case was finished, `activity` otherwise.
 */
export type Open311Note = { datetime: string; description: string; type: string };

/**
 * A fault case as a public service request. What the person wrote as the description is shown
 * (the form says a report is a public record), never who they are: no name, e-mail or phone (not
 * even one typed into the description or the address: `redactPersonalData`), and
 * the point rounded to about ten metres as everywhere the public sees a report. `media_url` only
 * when the Open311 client sent one; photos uploaded to kontakt are served under the case's access
 * rules, not here. The department answering is the one it was forwarded to, if any.
 */
export function toOpen311Request(
  row: Open311RequestRow,
  services: ReadonlyMap<string, ServiceEntry>,
  departments: ReadonlyMap<string, Department>,
): Open311Request {
  const code = serviceCode(row.department, row.category);
  const responsible = departments.get(row.forwardedTo ?? row.department);
  return {
    service_request_id: row.reference,
    status: open311Status(row.status),
    status_notes: statusNotes(row.status, row.note, row.duplicateOf),
    service_name: services.get(code)?.category.name.sv ?? null,
    service_code: code,
    description: row.description === null ? null : redactPersonalData(row.description),
    agency_responsible: responsible?.name.sv ?? null,
    service_notice: null,
    requested_datetime: dateTime(row.createdAt),
    updated_datetime: dateTime(row.updatedAt),
    expected_datetime: row.answerBy === null ? null : dateTime(row.answerBy),
    address: row.address === null ? null : redactPersonalData(row.address),
    lat: row.lat === null ? null : roundCoordinate(row.lat),
    long: row.lon === null ? null : roundCoordinate(row.lon),
    media_url: row.mediaUrl,
    ...(row.notes && { notes: row.notes.map(toNote) }),
  };
}

function toNote(entry: Open311NoteRow, index: number): Open311Note {
  const closed = open311Status(entry.status) === 'closed';
  return {
    datetime: dateTime(entry.at),
    description: statusNotes(entry.status, entry.note),
    type: index === 0 ? 'opened' : closed ? 'closed' : 'activity',
  };
}

/**
 * ISO 8601 in UTC to the second (`2026-12-03T14:55:15Z`): what every Open311 client parses;
 * some choke on fractions of a second.
 */
export function dateTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
