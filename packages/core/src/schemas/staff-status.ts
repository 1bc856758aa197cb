import * as z from 'zod/mini';
import type { CaseStatus } from './case.js';

/**
 * The statuses staff work with (*Inkommet, Tilldelat, Pågående, Parkerat, …*). A citizen never
 * sees these words: every public view reads `publicStatus(staff)` instead.
 */
export const STAFF_STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'parked',
  'waiting_for_citizen',
  'forwarded',
  'resolved',
  'closed',
  'duplicate',
] as const;
export const StaffStatusSchema = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof StaffStatusSchema>;

/** Statuses after which nothing more is owed to the citizen: such a case is never overdue. */
export const FINISHED_STAFF_STATUSES = [
  'resolved',
  'closed',
  'duplicate',
] as const satisfies readonly StaffStatus[];

/**
 * The one mapping from the staff vocabulary to the words a citizen sees. Assigned, in progress and
 * parked are all *Under behandling* to the citizen: who holds a case, or that it waits for a date,
 * is the contact center's business.
 */
const PUBLIC_STATUS: Readonly<Record<StaffStatus, CaseStatus>> = {
  received: 'received',
  assigned: 'in_progress',
  in_progress: 'in_progress',
  parked: 'in_progress',
  waiting_for_citizen: 'waiting_for_citizen',
  forwarded: 'forwarded',
  resolved: 'resolved',
  closed: 'closed',
  duplicate: 'duplicate',
};

/** What the citizen's status view shows for a staff status. */
export function publicStatus(staff: StaffStatus): CaseStatus {
  return PUBLIC_STATUS[staff];
}

/** True when the case is done (resolved, closed or a duplicate). */
export function isFinishedStatus(staff: StaffStatus): boolean {
  return (FINISHED_STAFF_STATUSES as readonly StaffStatus[]).includes(staff);
}
