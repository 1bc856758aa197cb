import type { ClosingReason } from '@kontakt/core/agent';
import type { StaffStatus } from '@kontakt/core/schemas';

/*
 * How a case was finished, kept for the statistics (first-contact resolution): which statuses
 * take a closing reason, and what a status change writes of it. An agent's action, a chat's end
 * and a status from upstream (Open311) all write these columns through `finishingColumns`, so the
 * dashboard counts the cases finished in a period by one column (`finished_at`), whoever finished
 * them.
 */

/** The statuses a case is resolved with, which take a closing reason (a duplicate is not one). */
export const CLOSING_STATUSES = ['resolved', 'closed'] as const satisfies readonly StaffStatus[];

export const isClosingStatus = (status: string): boolean =>
  (CLOSING_STATUSES as readonly string[]).includes(status);

/**
 * What setting `status` writes: finished, the reason given (or none) and the time; any other
 * status, no reason (a reopened case has none). `finished_at` stays when the case is reopened:
 * the dashboard counts only cases still finished.
 */
export function finishingColumns(
  status: StaffStatus,
  closingReason: ClosingReason | undefined,
  at: string,
): { closing_reason: string | null; finished_at?: string } {
  return isClosingStatus(status)
    ? { closing_reason: closingReason ?? null, finished_at: at }
    : { closing_reason: null };
}
