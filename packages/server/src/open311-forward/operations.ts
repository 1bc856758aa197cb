import type { CaseStatus, StaffStatus } from '@kontakt/core/schemas';
import { isFinishedStatus, publicStatus } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import { appendEntry, appendPublicEntry } from '../agent-cases/actions.js';
import { finishingColumns } from '../agent-cases/closing.js';
import { recordStatusChange } from '../agent-cases/status-history.js';
import { caseChangeEvents } from '../agent-cases/streams.js';
import type { Open311Status } from '../open311/status.js';
import { caseStatusFromUpstream } from '../open311/status.js';
import { publishPublicCaseChange } from '../public-cases/publish.js';
import { appendEvents } from '../store/events.js';
import { claimDueRows } from '../store/leases.js';
import type { Database } from '../store/schema.js';

/*
 * The forwarder's and the poller's queries, for both stores. A claim leases due forwards to one
 * forwarder (several instances never send one twice); its outcome is recorded only by the claim
 * that still holds it, with the case's change, timelines and events in the same transaction.
 */

/** What a forwarder needs to file one report upstream (or to ask for the id of its token). */
export interface ClaimedForward {
  readonly reference: string;
  readonly department: string;
  readonly category: string;
  /** Set when upstream answered a token: then its id is asked for, nothing is sent again. */
  readonly token: string | null;
  /** Attempts including this one. */
  readonly attempts: number;
  readonly leaseOwner: string;
  readonly report: ForwardedReport;
}

/** The report as the upstream form needs it; personal parts only when the citizen gave them. */
export interface ForwardedReport {
  readonly description: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly address: string | null;
  readonly answers: Record<string, string | number | string[]>;
  readonly anonymous: boolean;
  readonly name?: string | undefined;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

/** How an attempt ended, as the forwarder decided (it knows the backoff and the limit). */
export type ForwardOutcome =
  | { readonly kind: 'forwarded'; readonly serviceRequestId: string; readonly system: string }
  | { readonly kind: 'token'; readonly token: string; readonly at: Date }
  | { readonly kind: 'retry'; readonly error: string; readonly at: Date }
  | { readonly kind: 'failed'; readonly error: string; readonly system: string };

/**
 * Claims up to `limit` due forwards until `leaseUntil`: queued ones, ones waiting for their
 * token's id, and ones whose claim ended unfinished (a crashed forwarder).
 */
async function claimForwards(
  db: Kysely<Database>,
  owner: string,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<{ value: ClaimedForward[]; streams: string[] }> {
  const value = await db.transaction().execute(async (trx) => {
    const { rows, leaseOwner } = await claimDueRows(trx, 'open311_forwards', 'case_reference', {
      owner,
      now,
      leaseUntil,
      limit,
    });
    const claimed: ClaimedForward[] = [];
    for (const row of rows) {
      const report = await reportOf(trx, row.case_reference);
      if (!report) continue;
      claimed.push({
        reference: row.case_reference,
        department: row.department,
        category: row.category,
        token: row.token,
        attempts: Number(row.attempts),
        leaseOwner,
        report,
      });
    }
    return claimed;
  });
  return { value, streams: [] };
}

/** The stored report and the contact details the citizen chose to give. */
async function reportOf(
  trx: Kysely<Database>,
  reference: string,
): Promise<ForwardedReport | undefined> {
  const row = await trx
    .selectFrom('cases')
    .innerJoin('fault_reports', 'fault_reports.case_reference', 'cases.reference')
    .select([
      'cases.message',
      'fault_reports.lat',
      'fault_reports.lon',
      'fault_reports.address',
      'fault_reports.answers',
      'fault_reports.anonymous',
    ])
    .where('cases.reference', '=', reference)
    .executeTakeFirst();
  if (!row) return undefined;
  const message = JSON.parse(row.message) as {
    message?: string;
    name?: string;
    email?: string;
    phone?: string;
  };
  const anonymous = Number(row.anonymous) === 1;
  return {
    description: message.message ?? '',
    lat: row.lat === null ? null : Number(row.lat),
    lon: row.lon === null ? null : Number(row.lon),
    address: row.address,
    answers: JSON.parse(row.answers) as ForwardedReport['answers'],
    anonymous,
    ...(anonymous
      ? {}
      : {
          ...(message.name ? { name: message.name } : {}),
          ...(message.email ? { email: message.email } : {}),
          ...(message.phone ? { phone: message.phone } : {}),
        }),
  };
}

/**
 * Records a claimed forward's outcome, if `leaseOwner` still holds it. Forwarded: the case is
 * *Skickat vidare* (staff status `forwarded`) with a public timeline entry naming the system,
 * told to the console and the citizen. Failed: the agents are told in the case's timeline.
 * Returns the new state, or `undefined` when the claim was lost.
 */
async function finishForward(
  db: Kysely<Database>,
  reference: string,
  leaseOwner: string,
  outcome: ForwardOutcome,
  now: Date,
): Promise<{ value: string | undefined; streams: string[] }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('open311_forwards')
      .select(['token'])
      .where('case_reference', '=', reference)
      .where('state', '=', 'sending')
      .where('lease_owner', '=', leaseOwner)
      .executeTakeFirst();
    if (!row) return { value: undefined, streams: [] };
    const update = (changes: Partial<Record<string, string | null>>) =>
      trx
        .updateTable('open311_forwards')
        .set({ ...changes, lease_owner: null, updated_at: at })
        .where('case_reference', '=', reference)
        .execute();
    switch (outcome.kind) {
      case 'token':
        await update({
          state: 'awaiting_id',
          token: outcome.token,
          due_at: outcome.at.toISOString(),
        });
        return { value: 'awaiting_id', streams: [] };
      case 'retry':
        await update({
          state: row.token ? 'awaiting_id' : 'queued',
          due_at: outcome.at.toISOString(),
          last_error: outcome.error,
        });
        return { value: row.token ? 'awaiting_id' : 'queued', streams: [] };
      case 'failed': {
        await update({ state: 'failed', due_at: null, last_error: outcome.error });
        const text =
          `Kunde inte skickas vidare till ${outcome.system}: ${outcome.error}. ` +
          'Ärendet ligger kvar här: hantera det i kontakt eller skicka det vidare på annat sätt.';
        const streams = await tellAgents(trx, reference, at, 'note', { text });
        return { value: 'failed', streams };
      }
      case 'forwarded': {
        await update({
          state: 'forwarded',
          due_at: null,
          last_error: null,
          service_request_id: outcome.serviceRequestId,
          upstream_status: 'open',
        });
        const note = `Skickat vidare till ${outcome.system}`;
        const streams = await changeCase(trx, reference, at, {
          status: 'forwarded',
          note,
          agentNote: `${note} (ärende ${outcome.serviceRequestId} där).`,
        });
        return { value: 'forwarded', streams };
      }
    }
  });
}

/** A change of a forwarded case, as upstream made it. */
interface UpstreamChange {
  /** The staff status to set; `undefined` keeps the status and only adds the note. */
  status: StaffStatus | undefined;
  /** The citizen's note (public timeline, mails). */
  note: string | null;
  /** The agents' note, when it says more than the public one. */
  agentNote?: string;
}

/**
 * Changes the case as upstream did: its status (unless an agent finished it here meanwhile), an
 * agent timeline entry, a public timeline entry, and the events that tell the console and the
 * citizen (`publishPublicCaseChange`: the tracker's `case.changed`, the followers' mails).
 */
async function changeCase(
  trx: Kysely<Database>,
  reference: string,
  at: string,
  change: UpstreamChange,
): Promise<string[]> {
  const row = await trx
    .selectFrom('cases')
    .select(['staff_status', 'status', 'version', 'forwarded_to'])
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (!row) return [];
  const current = row.staff_status as StaffStatus;
  const target =
    change.status !== undefined && (!isFinishedStatus(current) || change.status !== 'forwarded')
      ? change.status
      : current;
  const after = publicStatus(target);
  await trx
    .updateTable('cases')
    .set({
      staff_status: target,
      status: after,
      // A status from upstream says nothing of how the case was resolved here.
      ...(target === current ? {} : finishingColumns(target, undefined, at)),
      updated_at: at,
      version: Number(row.version) + 1,
    })
    .where('reference', '=', reference)
    .execute();
  await recordStatusChange(trx, { reference, at, from: current, to: target });
  const streams = await tellAgents(trx, reference, at, 'status', {
    status: target,
    visibility: 'public',
    ...((change.agentNote ?? change.note) ? { note: change.agentNote ?? change.note } : {}),
  });
  await appendPublicEntry(trx, reference, at, { status: after, note: change.note });
  const told = await publishPublicCaseChange(trx, reference, {
    at,
    statusChanged: after !== row.status,
    note: change.note,
  });
  return [...streams, ...told];
}

/** An agent timeline entry by no one (the system), and the events that tell the console. */
async function tellAgents(
  trx: Kysely<Database>,
  reference: string,
  at: string,
  kind: 'note' | 'status',
  data: Record<string, unknown>,
): Promise<string[]> {
  const row = await trx
    .selectFrom('cases')
    .select('forwarded_to')
    .where('reference', '=', reference)
    .executeTakeFirst();
  const seq = await appendEntry(trx, reference, at, null, kind, data);
  const events = caseChangeEvents(reference, 'case.updated', [row?.forwarded_to], { kind, seq });
  await appendEvents(trx, events, new Date(at));
  return [...new Set(events.map((event) => event.stream))];
}

/** A forwarded report the poller asks upstream about. */
export interface PolledForward {
  readonly reference: string;
  readonly serviceRequestId: string;
}

/** Forwarded, not yet closed reports of one category, by reference after `after`, at most `limit`. */
async function openForwards(
  db: Kysely<Database>,
  department: string,
  category: string,
  after: string,
  limit: number,
): Promise<PolledForward[]> {
  const rows = await db
    .selectFrom('open311_forwards')
    .select(['case_reference', 'service_request_id'])
    .where('department', '=', department)
    .where('category', '=', category)
    .where('state', '=', 'forwarded')
    .where('case_reference', '>', after)
    .orderBy('case_reference')
    .limit(limit)
    .execute();
  return rows.flatMap((row) =>
    row.service_request_id === null
      ? []
      : [{ reference: row.case_reference, serviceRequestId: row.service_request_id }],
  );
}

/**
 * Takes the poll of `key` when it is due: moves its next time to `nextAt` for `owner`. True when
 * this call took it; one instance polls a category per interval, whichever comes first.
 */
async function claimPoll(
  db: Kysely<Database>,
  key: string,
  owner: string,
  now: Date,
  nextAt: Date,
): Promise<{ value: boolean; streams: string[] }> {
  const result = await db
    .insertInto('open311_forward_polls')
    .values({ key, owner, next_at: nextAt.toISOString() })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ owner, next_at: nextAt.toISOString() })
        .where('open311_forward_polls.next_at', '<=', now.toISOString()),
    )
    .executeTakeFirst();
  return { value: Number(result.numInsertedOrUpdatedRows ?? 0) === 1, streams: [] };
}

/** What upstream says of one request. */
export interface UpstreamState {
  readonly status: Open311Status;
  readonly notes: string | null;
  readonly extendedStatus?: string | undefined;
}

/**
 * Records what upstream says of a forwarded report, when it changed since last time: a new
 * status (`caseStatusFromUpstream`: closed resolves it), or new notes as a public note. The
 * first notes heard are only remembered: they describe the report as it arrived. A closed
 * report is polled no more. Returns whether the case changed.
 */
async function recordUpstream(
  db: Kysely<Database>,
  reference: string,
  upstream: UpstreamState,
  now: Date,
): Promise<{ value: boolean; streams: string[] }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('open311_forwards')
      .innerJoin('cases', 'cases.reference', 'open311_forwards.case_reference')
      .select([
        'open311_forwards.upstream_status',
        'open311_forwards.upstream_notes',
        'cases.status',
      ])
      .where('open311_forwards.case_reference', '=', reference)
      .where('open311_forwards.state', '=', 'forwarded')
      .executeTakeFirst();
    if (!row) return { value: false, streams: [] };
    const notes = upstream.notes?.trim() || null;
    const sameStatus = row.upstream_status === upstream.status;
    if (sameStatus && row.upstream_notes === notes) return { value: false, streams: [] };
    await trx
      .updateTable('open311_forwards')
      .set({
        upstream_status: upstream.status,
        upstream_notes: notes,
        state: upstream.status === 'closed' ? 'done' : 'forwarded',
        updated_at: at,
      })
      .where('case_reference', '=', reference)
      .execute();
    // Only a change of upstream's own status moves the case: new notes on a report still open
    // there never reopen what an agent here has finished meanwhile.
    const status = sameStatus
      ? undefined
      : caseStatusFromUpstream(upstream, row.status as CaseStatus);
    const firstNotes = row.upstream_notes === null && sameStatus;
    if (status === undefined && (firstNotes || notes === null)) {
      return { value: false, streams: [] };
    }
    const streams = await changeCase(trx, reference, at, {
      status: status as StaffStatus | undefined,
      note: notes,
    });
    return { value: true, streams };
  });
}

/** The forward of a case, for the console and tests. */
async function findForward(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('open311_forwards')
    .selectAll()
    .where('case_reference', '=', reference)
    .executeTakeFirst();
}

/** When the next forward falls due (ISO 8601), or `null` when none waits. */
async function nextForwardDue(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('open311_forwards')
    .select('due_at')
    .where('due_at', 'is not', null)
    .orderBy('due_at')
    .limit(1)
    .executeTakeFirst();
  return row?.due_at ?? null;
}

/** The store operations of forwarding, spread into `reads` / `writes` in `store/operations.ts`. */
export const open311ForwardReads = { openForwards, findForward, nextForwardDue };
export const open311ForwardWrites = { claimForwards, finishForward, claimPoll, recordUpstream };
