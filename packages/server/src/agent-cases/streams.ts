/*
 * The event streams of case handling. Every change to a case is told on `inbox` (agents follow
 * it) and, while the case is forwarded, on its department's `inbox:<department>` (that
 * department's specialists follow it, and see nothing else); the case's own `case:<reference>`
 * carries the change for a console that has the case open.
 */
import type { NewEvent } from '../store/events.js';

/** Every case's changes, for agents and admins. */
export const INBOX_STREAM = 'inbox';

/** The changes of the cases forwarded to `department`, for its specialists. */
export const departmentInboxStream = (department: string) => `inbox:${department}`;

/**
 * Not a stream anyone reads: its name is what a commit that parked a case with a date notifies
 * (on PostgreSQL, every instance), so the resumers look at once instead of at their next poll.
 */
export const PARKED_CASES_STREAM = 'cases:parked';

/** One case's changes, for a console that has it open. */
export const caseStream = (reference: string) => `case:${reference}`;

/**
 * The events that tell of a change to a case: on `inbox`, on the inbox of each department it is
 * (or was, until this change) forwarded to, and on its own stream.
 */
export function caseChangeEvents(
  reference: string,
  type: 'case.created' | 'case.updated',
  departments: readonly (string | null | undefined)[],
  detail: Record<string, unknown> = {},
): NewEvent[] {
  const data = { reference };
  const forwarded = [...new Set(departments.filter((d): d is string => Boolean(d)))];
  return [
    { stream: INBOX_STREAM, type, data },
    ...forwarded.map((department) => ({ stream: departmentInboxStream(department), type, data })),
    { stream: caseStream(reference), type, data: { ...data, ...detail } },
  ];
}
