import type { PublicCase, StaffStatus } from '@kontakt/core/schemas';
import { FINISHED_STAFF_STATUSES, publicStatus } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import {
  appendEntry,
  appendPublicEntry,
  callbackQueueEvents,
  streamsOf,
} from '../agent-cases/actions.js';
import { recordStatusChange } from '../agent-cases/status-history.js';
import { caseChangeEvents } from '../agent-cases/streams.js';
import { attachPhotos, UnknownPhotoError } from '../photos/attach.js';
import { appendEvents } from '../store/events.js';
import type { IdempotencyRecord } from '../store/idempotency.js';
import {
  deleteExpiredIdempotencyRecords,
  insertIdempotencyRecord,
  selectIdempotencyRecord,
} from '../store/idempotency.js';
import type { Written } from '../store/operations.js';
import type { Database } from '../store/schema.js';
import { authorizeCaseSender } from './access.js';
import { selectPublicCase } from './public-case.js';
import { publishPublicCaseChange } from './publish.js';

/*
 * More information from a case's sender (`POST /v1/cases/{reference}/messages`), the answer to
 * "Väntar på dig". The text and the photos are personal data (and a photo's id is what opens it):
 * they go to the agents' timeline only, never to the public case, its events, Open311 or the logs.
 */

/** What the citizen answers with: their token (checked again here), the text, photos and key. */
export interface NewCaseMessage {
  readonly reference: string;
  readonly token: string;
  /** Validated and trimmed (`CaseMessageSchema`). */
  readonly text: string;
  /**
   * Uploaded photos' ids, in order (one named twice is one), checked before (`missingPhotos` for
   * the case's department) and claimed here.
   */
  readonly photos: readonly string[];
  /** ISO 8601 */
  readonly at: string;
  /** The request's `Idempotency-Key`, stored with the answer in this transaction. */
  readonly idempotency?: Pick<IdempotencyRecord, 'scope' | 'key' | 'requestHash' | 'expiresAt'>;
}

/** The case after the message, or why nothing was stored. */
export type CaseMessageResult =
  | { ok: true; case: PublicCase }
  /** Not the sender's token (or no such case): the one 404. */
  | { ok: false; error: 'not_found' }
  /** Resolved, closed or a duplicate: a new message is a new case. */
  | { ok: false; error: 'finished' }
  /** Another request with the key committed first: answer as it was answered. */
  | { ok: false; error: 'idempotency_key'; record: IdempotencyRecord };

/**
 * Adds the sender's message to the case's timeline (`message_in`, channel `web_form`, with its
 * `photos` when it names any) in one transaction, which also gives the photos to the case. A
 * photo gone since the route checked it (expired, or another case took it) throws
 * `UnknownPhotoError`, and nothing is stored. A case that waited for them (`waiting_for_citizen`)
 * goes back to `in_progress`, on the public timeline and stream too, without mail. The version
 * and `updated_at` move on, and the inbox is told.
 */
export async function addCaseMessage(
  db: Kysely<Database>,
  message: NewCaseMessage,
): Promise<Written<CaseMessageResult>> {
  return db.transaction().execute(async (trx) => {
    const { reference, at, idempotency } = message;
    const nothing = (value: CaseMessageResult) => ({ value, streams: [] });
    if (!(await authorizeCaseSender(trx, reference, message.token))) {
      return nothing({ ok: false, error: 'not_found' });
    }
    if (idempotency) {
      const record = await selectIdempotencyRecord(
        trx,
        idempotency.scope,
        idempotency.key,
        new Date(at),
      );
      if (record) return nothing({ ok: false, error: 'idempotency_key', record });
      await deleteExpiredIdempotencyRecords(trx, new Date(at), idempotency);
    }
    // The first statement locks the row (PostgreSQL): an agent's action at the same moment waits,
    // and a case finished meanwhile is not matched.
    const row = await trx
      .updateTable('cases')
      .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
      .where('reference', '=', reference)
      .where('staff_status', 'not in', FINISHED_STAFF_STATUSES)
      .returning(['staff_status', 'status', 'forwarded_to', 'department'])
      .executeTakeFirst();
    if (!row) return nothing({ ok: false, error: 'finished' });

    // Only after the early returns, which commit: a message not stored claims no photo.
    const photos = [...new Set(message.photos)];
    const { missing } = await attachPhotos(trx, {
      reference,
      department: row.department,
      ids: photos,
      at,
    });
    if (missing.length > 0) throw new UnknownPhotoError(missing);
    const seq = await appendEntry(trx, reference, at, null, 'message_in', {
      channel: 'web_form',
      text: message.text,
      ...(photos.length > 0 ? { photos } : {}),
    });
    const streams: string[] = [];
    const events = caseChangeEvents(reference, 'case.updated', [row.forwarded_to], {
      kind: 'message_in',
      seq,
    });
    if (row.staff_status === 'waiting_for_citizen') {
      streams.push(...(await backToWork(trx, reference, row.status, at)));
      events.push(...(await callbackQueueEvents(trx, reference)));
    }
    await appendEvents(trx, events, new Date(at));
    const found = await selectPublicCase(trx, reference);
    if (!found) throw new Error(`The case ${reference} vanished inside its transaction`);
    if (idempotency) {
      await insertIdempotencyRecord(trx, {
        ...idempotency,
        status: 201,
        body: JSON.stringify(found),
        caseReference: reference,
        createdAt: at,
      });
    }
    return { value: { ok: true, case: found }, streams: [...streamsOf(events), ...streams] };
  });
}

/**
 * `waiting_for_citizen` → `in_progress`, as an agent's status change would write it (no actor, no
 * note): the agents' timeline, the public timeline and the public stream, but no mail.
 */
async function backToWork(
  trx: Kysely<Database>,
  reference: string,
  statusBefore: string,
  at: string,
): Promise<string[]> {
  const staffStatus: StaffStatus = 'in_progress';
  const status = publicStatus(staffStatus);
  await trx
    .updateTable('cases')
    .set({ staff_status: staffStatus, status })
    .where('reference', '=', reference)
    .execute();
  await recordStatusChange(trx, { reference, at, from: 'waiting_for_citizen', to: staffStatus });
  await appendEntry(trx, reference, at, null, 'status', {
    status: staffStatus,
    visibility: 'public',
  });
  await appendPublicEntry(trx, reference, at, { status });
  return publishPublicCaseChange(trx, reference, {
    at,
    statusChanged: status !== statusBefore,
    mail: false,
  });
}
