import type { CaseStatus } from '@kontakt/core/schemas';
import { caseStatusWords } from '@kontakt/core/schemas';

/*
 * kontakt's public statuses and Open311 GeoReport v2's two, mapped here and nowhere else: the
 * Open311 server reads it one way (a case → `status` and `status_notes`), forwarding to a
 * department's own Open311 system reads it the other way (upstream `status` and `status_notes`
 * → a public status change of the case).
 */

/** GeoReport v2's statuses. */
export type Open311Status = 'open' | 'closed';

/** Which public statuses Open311 calls open: everything still owed to the person who reported it. */
const OPEN311_STATUS: Readonly<Record<CaseStatus, Open311Status>> = {
  received: 'open',
  in_progress: 'open',
  waiting_for_citizen: 'open',
  forwarded: 'open',
  resolved: 'closed',
  closed: 'closed',
  duplicate: 'closed',
};

/** The Open311 status of a case's public status. */
export function open311Status(status: CaseStatus): Open311Status {
  return OPEN311_STATUS[status];
}

/** The public statuses Open311 calls `status` (for `requests?status=open,closed`). */
export function caseStatusesOf(status: Open311Status): CaseStatus[] {
  return (Object.keys(OPEN311_STATUS) as CaseStatus[]).filter(
    (caseStatus) => OPEN311_STATUS[caseStatus] === status,
  );
}

/**
 * `status_notes`: the status in the citizen's plain Swedish (*Under behandling. Någon arbetar med
 * ditt ärende.*), for a duplicate the case it duplicates, and, when staff wrote one, the latest
 * public note. The richer status is what Open311's two words lose; the words are the same the
 * status tracker and the mails use.
 */
export function statusNotes(
  status: CaseStatus,
  publicNote?: string | null,
  duplicateOf?: string | null,
): string {
  const words = caseStatusWords(status, 'sv');
  const parts = [`${words.label}. ${words.meaning}`];
  // Which report it duplicates is public (the status tracker offers to follow that one).
  if (status === 'duplicate' && duplicateOf) parts.push(`Se ärende ${duplicateOf}.`);
  const note = publicNote?.trim();
  if (note) parts.push(note);
  return parts.join(' ');
}

/**
 * What an upstream system's answer means for a case forwarded to it: the public status to set,
 * or `undefined` when nothing changed. Open311's two words say little, so the case's own status
 * is kept while both agree: a case still open here stays as it is (*Skickat vidare* or *Under
 * behandling*) while upstream says open; upstream `closed` resolves it (or marks it a duplicate
 * when mySociety's `extended_status` says so); an upstream that opens a closed case again puts it
 * back *Under behandling*.
 */
export function caseStatusFromUpstream(
  upstream: { status: Open311Status; extendedStatus?: string | undefined },
  current: CaseStatus,
): CaseStatus | undefined {
  const finished = OPEN311_STATUS[current] === 'closed';
  if (upstream.status === 'open') return finished ? 'in_progress' : undefined;
  const target = CLOSED_EXTENDED[upstream.extendedStatus?.toLowerCase() ?? ''] ?? 'resolved';
  return current === target ? undefined : finished && target === 'resolved' ? undefined : target;
}

/** mySociety's richer closed statuses (`servicerequestupdates`) kontakt has a word for. */
const CLOSED_EXTENDED: Readonly<Record<string, CaseStatus>> = {
  fixed: 'resolved',
  duplicate: 'duplicate',
  not_councils_responsibility: 'closed',
  no_further_action: 'closed',
  internal_referral: 'closed',
  closed: 'closed',
};
