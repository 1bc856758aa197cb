import type {
  CasePriority,
  ClosingReason,
  NoteVisibility,
  ReplyChannel,
  StaffRef,
} from '@kontakt/core/agent';
import { isPaused } from '@kontakt/core/agent';
import type { Locale, StaffStatus } from '@kontakt/core/schemas';
import { publicStatus } from '@kontakt/core/schemas';
import type { Kysely, Updateable } from 'kysely';
import { sql } from 'kysely';
import { appendAudit } from '../auth/audit.js';
import { chatQueueStream } from '../chat/streams.js';
import type { OutgoingMail } from '../mail/outbox.js';
import { queueMail } from '../mail/outbox.js';
import { followOriginal, refuseDuplicateOf } from '../public-cases/duplicates.js';
import { publishPublicCaseChange } from '../public-cases/publish.js';
import { onPostgres } from '../store/dialect.js';
import type { NewEvent } from '../store/events.js';
import { appendEvents, EVENTS_CHANNEL } from '../store/events.js';
import type { CasesTable, Database } from '../store/schema.js';
import type { EscalationMail } from './classification.js';
import { escalationAddress, joinPath, splitPath } from './classification.js';
import { finishingColumns } from './closing.js';
import type { CaseScope } from './inbox.js';
import { inScope } from './inbox.js';
import { replySubject, replyText } from './reply-mail.js';
import { recordStatusChange } from './status-history.js';
import { caseChangeEvents, PARKED_CASES_STREAM } from './streams.js';

/*
 * The actions on a case, each one transaction: the change, its timeline entry (and the public
 * timeline's, when the citizen should see it), its events, its audit entry and, for an e-mail
 * reply, the queued mail. Two people acting on one case at once are kept apart by the case's
 * version: an action names the version it saw (`If-Match`), and the update only matches that one.
 */

/** Who acts: the signed-in person, as plain data for the worker thread. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly scope: CaseScope;
}

/** What to do to a case (validated by the route against the contract and the configuration). */
export type CaseAction =
  /** `take`: to oneself, refused when someone else holds it. */
  | { kind: 'assign'; assignee: StaffRef | null; take?: boolean }
  | { kind: 'reply'; via: ReplyChannel; text: string }
  | { kind: 'note'; text: string }
  | {
      kind: 'status';
      status: StaffStatus;
      visibility: NoteVisibility;
      note?: string | undefined;
      /** The language a public note is written in, when staff said. */
      noteLanguage?: Locale | undefined;
      /** With status `duplicate`: the case handled instead (the `duplicate` action). */
      duplicateOf?: string | undefined;
      /**
       * With status `parked`: when the case comes back by itself (ISO 8601, UTC; the route has
       * checked it against the clock).
       */
      resumeAt?: string | undefined;
      /** With status `resolved` or `closed`: how the case was resolved (the route has checked). */
      closingReason?: ClosingReason | undefined;
    }
  | { kind: 'forward'; department: string; reason: string }
  | { kind: 'reason'; reason: string; avoidable: boolean; page?: string | undefined }
  /** Setting the priority the case already has is still an entry, as a status set again is. */
  | { kind: 'priority'; priority: CasePriority }
  | {
      kind: 'classification';
      /** A path the route found in the case's department's tree, or `null` to take it away. */
      path: string[] | null;
      /** The department's escalating labels' addresses, to know where the path before went. */
      escalations: Readonly<Record<string, string>>;
      /** The e-mail to the address `path` reaches, if any: sent unless the path before went there. */
      escalation?: EscalationMail | undefined;
    };

export interface CaseActionRequest {
  readonly reference: string;
  readonly actor: Actor;
  readonly action: CaseAction;
  /** The version the actor saw; another one means someone acted in between. */
  readonly ifVersion?: number | undefined;
  /** ISO 8601 */
  readonly at: string;
}

/** Why an action was not taken. */
export type CaseActionRefusal =
  /** No such case, or not one this person may see. */
  | { ok: false; error: 'not_found' }
  /** Someone acted on it since the version named. */
  | { ok: false; error: 'version_conflict'; version: number }
  /** `take` of a case someone else holds. */
  | { ok: false; error: 'already_assigned'; version: number; assignee: StaffRef }
  /** An e-mail reply to a case without an e-mail address. */
  | { ok: false; error: 'no_email'; version: number }
  /** A duplicate of itself, or of a case that is not there (for this person). */
  | { ok: false; error: 'duplicate_of_self' | 'duplicate_of_unknown'; version: number };

export type CaseActionResult = { ok: true; version: number; seq: number } | CaseActionRefusal;

/** Audit actions, `case.` + a past-tense verb. */
const AUDIT_ACTION: Record<CaseAction['kind'], string> = {
  assign: 'case.assigned',
  reply: 'case.replied',
  note: 'case.noted',
  status: 'case.status_set',
  forward: 'case.forwarded',
  reason: 'case.reason_tagged',
  priority: 'case.priority_set',
  classification: 'case.classified',
};

/** Runs one action on a case in one transaction (a store write). */
export async function actOnCase(
  db: Kysely<Database>,
  request: CaseActionRequest,
): Promise<{ value: CaseActionResult; streams: string[] }> {
  return db.transaction().execute(async (trx) => {
    const { reference, actor, action, at } = request;
    const row = await inScope(trx.selectFrom('cases'), actor.scope)
      .select([
        'version',
        'staff_status',
        'status',
        'assignee_id',
        'assignee_name',
        'forwarded_to',
        'first_answered_at',
        'message',
        'classification',
      ])
      .where('reference', '=', reference)
      .executeTakeFirst();
    if (!row) return refused({ ok: false, error: 'not_found' });
    const version = Number(row.version);
    if (request.ifVersion !== undefined && request.ifVersion !== version) {
      return refused({ ok: false, error: 'version_conflict', version });
    }
    if (
      action.kind === 'assign' &&
      action.take &&
      row.assignee_id !== null &&
      row.assignee_id !== actor.id
    ) {
      return refused({
        ok: false,
        error: 'already_assigned',
        version,
        assignee: { id: row.assignee_id, name: row.assignee_name ?? '' },
      });
    }
    const message = JSON.parse(row.message) as { email?: string; answerLanguage?: string };
    if (action.kind === 'reply' && action.via === 'email' && !message.email) {
      return refused({ ok: false, error: 'no_email', version });
    }
    if (action.kind === 'status' && action.duplicateOf !== undefined) {
      const refusal = await refuseDuplicateOf(trx, reference, action.duplicateOf, actor.scope);
      if (refusal) return refused({ ok: false, error: refusal, version });
    }

    const { changes, entry, publicEntry } = effectsOf(action, row, at);
    const staffStatus = (changes.staff_status ?? row.staff_status) as StaffStatus;
    // The version in the WHERE: a concurrent action that committed first makes this match nothing.
    const updated = await trx
      .updateTable('cases')
      .set({
        ...changes,
        status: publicStatus(staffStatus),
        updated_at: at,
        version: version + 1,
      })
      .where('reference', '=', reference)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      return refused({ ok: false, error: 'version_conflict', version: version + 1 });
    }
    await recordStatusChange(trx, {
      reference,
      at,
      from: row.staff_status as StaffStatus,
      to: staffStatus,
    });

    let mailId: string | undefined;
    const streams: string[] = [];
    const mail = mailOf(action, reference, message, row.classification);
    if (mail) {
      const queued = await queueMail(trx, mail, new Date(at));
      mailId = queued.id;
      streams.push(...queued.streams);
    }
    const seq = await appendEntry(trx, reference, at, actor, action.kind, {
      ...entry,
      ...(mailId ? (action.kind === 'reply' ? { mailId } : { escalated: true }) : {}),
    });
    if (publicEntry) {
      await appendPublicEntry(trx, reference, at, publicEntry);
      // The citizen's tracker, followers' mails: in this transaction, as the change itself.
      const told = await publishPublicCaseChange(trx, reference, {
        at,
        statusChanged: publicEntry.status !== row.status,
        note: publicEntry.note,
      });
      streams.push(...told);
    }
    if (action.kind === 'status' && action.duplicateOf !== undefined) {
      streams.push(...(await followOriginal(trx, reference, action.duplicateOf, at)));
    }
    if (changes.resume_at) streams.push(...(await wakeResumers(trx)));
    await appendAudit(trx, {
      agentId: actor.id,
      action:
        action.kind === 'assign' && action.take
          ? 'case.taken'
          : action.kind === 'status' && action.duplicateOf
            ? 'case.marked_duplicate'
            : AUDIT_ACTION[action.kind],
      caseReference: reference,
      detail: auditDetail(action, mailId),
      at: new Date(at),
    });
    const events = caseChangeEvents(
      reference,
      'case.updated',
      [row.forwarded_to, changes.forwarded_to],
      { kind: action.kind, seq },
    );
    if (action.kind === 'status') events.push(...(await callbackQueueEvents(trx, reference)));
    await appendEvents(trx, events, new Date(at));
    return {
      value: { ok: true, version: version + 1, seq },
      streams: [...streamsOf(events), ...streams],
    };
  });
}

/**
 * The chat queue beside the inbox lists open call-backs: a call-back whose status changes (called,
 * resolved) leaves or rejoins it, so the consoles showing that queue read it again.
 */
export async function callbackQueueEvents(
  trx: Kysely<Database>,
  reference: string,
): Promise<NewEvent[]> {
  const callback = await trx
    .selectFrom('callback_requests')
    .select('department')
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  return callback
    ? [{ stream: chatQueueStream(callback.department), type: 'chat.queue', data: {} }]
    : [];
}

/**
 * The mail an action sends, in its transaction: an e-mail reply to the citizen, or a case
 * classified on to an escalation address the path before did not reach (moving within the
 * subtree of one escalating label, or setting the same path again, sends nothing more).
 */
function mailOf(
  action: CaseAction,
  reference: string,
  message: { email?: string; answerLanguage?: string },
  classifiedBefore: string | null,
): OutgoingMail | undefined {
  if (action.kind === 'reply' && action.via === 'email' && message.email) {
    return {
      caseReference: reference,
      to: message.email,
      subject: replySubject(reference, message.answerLanguage),
      text: replyText(reference, action.text, message.answerLanguage),
    };
  }
  if (action.kind === 'classification' && action.escalation) {
    const before = escalationAddress(action.escalations, splitPath(classifiedBefore));
    if (before?.toLowerCase() === action.escalation.to.toLowerCase()) return undefined;
    return { caseReference: reference, ...action.escalation };
  }
  return undefined;
}

const refused = (value: CaseActionRefusal) => ({ value, streams: [] as string[] });

interface CurrentRow {
  staff_status: string;
  status: string;
  assignee_id: string | null;
  forwarded_to: string | null;
  first_answered_at: string | null;
}

/** An entry for the public timeline: what the citizen's status view shows. */
export interface PublicEntry {
  status: string;
  department?: string | null;
  note?: string | null;
  /** The language `note` is written in, when staff said. */
  noteLanguage?: Locale | undefined;
}

/** What an action changes on the case, its timeline entry, and whether the citizen sees it. */
function effectsOf(
  action: CaseAction,
  row: CurrentRow,
  at: string,
): { changes: Updateable<CasesTable>; entry: Record<string, unknown>; publicEntry?: PublicEntry } {
  switch (action.kind) {
    case 'assign': {
      const changes: Updateable<CasesTable> = {
        assignee_id: action.assignee?.id ?? null,
        assignee_name: action.assignee?.name ?? null,
      };
      // Someone holds a new case now; handing it back to nobody leaves the status as it is.
      if (action.assignee && row.staff_status === 'received') changes.staff_status = 'assigned';
      return withPublicStatusChange(row, changes, { assignee: action.assignee });
    }
    case 'reply':
      return {
        changes: { first_answered_at: row.first_answered_at ?? at },
        entry: { via: action.via, text: action.text },
      };
    case 'note':
      return { changes: {}, entry: { text: action.text } };
    case 'status': {
      const changes: Updateable<CasesTable> = {
        staff_status: action.status,
        // Paused again without a date: no longer comes back by itself.
        resume_at: isPaused(action.status) ? (action.resumeAt ?? null) : null,
        // Finished again without a reason has none; a reopened case has none either.
        ...finishingColumns(action.status, action.closingReason, at),
        // Only a duplicate points to another case: any other status ends that, and setting
        // `duplicate` again (with a note, say) keeps the case it points to.
        ...(action.duplicateOf !== undefined
          ? { duplicate_of: action.duplicateOf }
          : action.status === 'duplicate'
            ? {}
            : { duplicate_of: null }),
      };
      const entry = {
        status: action.status,
        visibility: action.visibility,
        ...(action.note ? { note: action.note } : {}),
        ...(action.note && action.noteLanguage ? { noteLanguage: action.noteLanguage } : {}),
        ...(action.duplicateOf ? { duplicateOf: action.duplicateOf } : {}),
        ...(action.resumeAt ? { resumeAt: action.resumeAt } : {}),
        ...(action.closingReason ? { closingReason: action.closingReason } : {}),
      };
      const effects = withPublicStatusChange(row, changes, entry);
      // A public note shows even when the citizen's status stays the same.
      if (action.visibility === 'public' && action.note) {
        effects.publicEntry = {
          status: publicStatus(action.status),
          note: action.note,
          noteLanguage: action.noteLanguage,
        };
      }
      return effects;
    }
    case 'forward':
      return {
        changes: {
          forwarded_to: action.department,
          staff_status: 'forwarded',
          resume_at: null,
          closing_reason: null,
        },
        entry: { department: action.department, reason: action.reason },
        // The citizen sees where it went, not why: the reason is for the department.
        publicEntry: { status: 'forwarded', department: action.department },
      };
    case 'reason':
      return {
        changes: {
          reason: action.reason,
          reason_avoidable: action.avoidable ? 1 : 0,
          reason_page: action.avoidable ? (action.page ?? null) : null,
        },
        entry: {
          reason: action.reason,
          avoidable: action.avoidable,
          ...(action.avoidable && action.page ? { page: action.page } : {}),
        },
      };
    case 'priority':
      return { changes: { priority: action.priority }, entry: { priority: action.priority } };
    case 'classification':
      return { changes: { classification: joinPath(action.path) }, entry: { path: action.path } };
  }
}

/** Adds a public timeline entry when the change moves what the citizen sees. */
function withPublicStatusChange(
  row: CurrentRow,
  changes: Updateable<CasesTable>,
  entry: Record<string, unknown>,
): { changes: Updateable<CasesTable>; entry: Record<string, unknown>; publicEntry?: PublicEntry } {
  const after = publicStatus((changes.staff_status ?? row.staff_status) as StaffStatus);
  return after === row.status
    ? { changes, entry }
    : { changes, entry, publicEntry: { status: after } };
}

function auditDetail(action: CaseAction, mailId: string | undefined): Record<string, unknown> {
  // Ids and codes only: admins read the audit log, and it holds no message text.
  switch (action.kind) {
    case 'assign':
      return { assignee: action.assignee?.id ?? null };
    case 'reply':
      return { via: action.via, ...(mailId ? { mailId } : {}) };
    case 'note':
      return {};
    case 'status':
      return {
        status: action.status,
        visibility: action.visibility,
        ...(action.duplicateOf ? { duplicateOf: action.duplicateOf } : {}),
        // A date is not personal data.
        ...(action.resumeAt ? { resumeAt: action.resumeAt } : {}),
        ...(action.closingReason ? { closingReason: action.closingReason } : {}),
      };
    case 'forward':
      return { department: action.department };
    case 'reason':
      return { reason: action.reason, avoidable: action.avoidable };
    case 'priority':
      return { priority: action.priority };
    case 'classification':
      // Label ids, and the mail's id when escalated: never the address it went to.
      return { path: action.path, ...(mailId ? { mailId } : {}) };
  }
}

/**
 * Tells the resumers of parked cases (`resume-parked.ts`) that a case was parked with a date, so
 * one minutes away is not left to their poll: this instance's through the write's streams, every
 * instance's on PostgreSQL through NOTIFY at commit (and not at all on rollback).
 */
async function wakeResumers(trx: Kysely<Database>): Promise<string[]> {
  if (onPostgres(trx)) {
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${PARKED_CASES_STREAM})`.execute(trx);
  }
  return [PARKED_CASES_STREAM];
}

/** Appends an entry to the agent timeline; returns its `seq`. */
export async function appendEntry(
  trx: Kysely<Database>,
  reference: string,
  at: string,
  actor: { id: string; name: string } | null,
  kind: string,
  data: Record<string, unknown>,
): Promise<number> {
  const last = await trx
    .selectFrom('case_entries')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto('case_entries')
    .values({
      case_reference: reference,
      seq,
      at,
      kind,
      actor_id: actor?.id ?? null,
      actor_name: actor?.name ?? null,
      data: JSON.stringify(data),
    })
    .execute();
  return seq;
}

/** Appends an entry to the public timeline (what the citizen's status view lists). */
export async function appendPublicEntry(
  trx: Kysely<Database>,
  reference: string,
  at: string,
  entry: PublicEntry,
): Promise<void> {
  const last = await trx
    .selectFrom('case_timeline')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_reference', '=', reference)
    .executeTakeFirst();
  await trx
    .insertInto('case_timeline')
    .values({
      case_reference: reference,
      seq: Number(last?.seq ?? 0) + 1,
      at,
      status: entry.status,
      department: entry.department ?? null,
      note: entry.note ?? null,
      note_language: (entry.note && entry.noteLanguage) || null,
    })
    .execute();
}

export const streamsOf = (events: readonly NewEvent[]) => [
  ...new Set(events.map((event) => event.stream)),
];
