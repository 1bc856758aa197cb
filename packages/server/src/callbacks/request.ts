import { randomBytes } from 'node:crypto';
import type {
  CallbackRequest,
  ContactMessage,
  Department,
  FieldError,
  OpeningHours,
  Receipt,
} from '@kontakt/core/schemas';
import { CallbackRequestSchema, createCaseReference, toFieldErrors } from '@kontakt/core/schemas';
import type { IntakeClaim, IntakeResult } from '../case-intake.js';
import { inFlightKeysOf, replay, withIdempotencyKey } from '../case-intake.js';
import { answerByOf, chatNotFound, settingsOf } from '../chat/http.js';
import { callbackOffered, chatHoursOf } from '../chat/settings.js';
import type { AppContext } from '../context.js';
import { ProblemError } from '../http/http-error.js';
import { invalid } from '../http/validation.js';
import { IDEMPOTENCY_TTL_MS, sha256Hex } from '../idempotency.js';
import { isUniqueViolation } from '../store/create-case.js';
import type { IdempotencyRecord } from '../store/idempotency.js';
import type { CallbackSettings } from './settings.js';
import { CALLBACK_DEFAULTS } from './settings.js';
import type { SlotTime } from './slots.js';
import { asapDueBy, callbackSlotTimes, isSlotOfOpeningHours } from './slots.js';
import type { CreateCallbackResult, NewCallback } from './store.js';

/** The topic call-back cases are filed under (they have no category of their own). */
export const CALLBACK_TOPIC = 'uppringning';

/** References are random; a few taken in a row mean something else is wrong. */
const REFERENCE_ATTEMPTS = 5;

/** The server's call-back settings (the `callback` section), or the defaults. */
export const callbackSettingsOf = (ctx: AppContext): CallbackSettings =>
  ctx.callback ?? CALLBACK_DEFAULTS;

/**
 * The hours call-backs are made in: the contact center's, who call, when the chat section sets
 * them (`chat.openingHours`, the hours chat is answered in); else the department's own.
 */
export const callbackHoursOf = (ctx: AppContext, department: Department): OpeningHours =>
  chatHoursOf(settingsOf(ctx), department);

/**
 * Files a call-back request (`POST /v1/callbacks`) as a case on channel `phone`: validated
 * (the phone number, a slot that is one of the offered ones within opening hours), with its place
 * in the slot taken in the same transaction (a full slot: 409 `callback_slot_unavailable`), and
 * with an `Idempotency-Key` answered once (scoped by the department, as `POST /v1/cases`).
 */
export async function requestCallback(
  ctx: AppContext,
  body: unknown,
  idempotencyKey: string | undefined,
  chatTokenHash?: string,
): Promise<IntakeResult> {
  const scope =
    typeof body === 'object' && body !== null
      ? (body as { department?: unknown }).department
      : undefined;
  return withIdempotencyKey(
    ctx,
    inFlightKeysOf(ctx),
    { scope: typeof scope === 'string' ? scope : '', key: idempotencyKey, body },
    (claim) => {
      const checked = validateCallbackRequest(ctx, body);
      return fileCallback(ctx, checked, claim, chatTokenHash);
    },
  );
}

interface CheckedCallback {
  request: CallbackRequest;
  department: Department;
  /** The chosen slot, `undefined` for "as soon as possible". */
  slot?: SlotTime | undefined;
}

/** The request with its department and slot, or a 422 with every field error. */
export function validateCallbackRequest(ctx: AppContext, body: unknown): CheckedCallback {
  const parsed = CallbackRequestSchema.safeParse(body, { reportInput: true });
  const errors: FieldError[] = parsed.success ? [] : toFieldErrors(parsed.error.issues);
  const push = (path: string[], code: string) =>
    errors.push({ field: path.join('.'), pointer: `/${path.join('/')}`, code });
  if (!parsed.success) throw invalid(errors);
  const request = parsed.data;
  const department = ctx.departments.get(request.department);
  if (department) refuseWhenNotOffered(ctx, department.id);
  if (!department) push(['department'], 'invalid_option');
  else if (request.origin.department !== request.department) {
    // One department: the page's, which the case is filed under and the slots were offered for.
    push(['origin', 'department'], 'invalid_option');
  }
  let slot: SlotTime | undefined;
  if (department && 'slot' in request.when) {
    const wanted = new Date(request.when.slot).getTime();
    const settings = callbackSettingsOf(ctx);
    const hours = callbackHoursOf(ctx, department);
    slot = callbackSlotTimes(hours, settings, ctx.now()).find(
      (offered) => offered.start.getTime() === wanted,
    );
    if (!slot && isSlotOfOpeningHours(hours, settings.slotMinutes, new Date(wanted))) {
      // A slot of the opening hours, but begun already (picked a while ago) or too far ahead.
      throw slotUnavailable();
    }
    // Outside opening hours, or off the slots' grid.
    if (!slot) push(['when', 'slot'], 'outside_opening_hours');
  }
  if (!department || errors.length > 0) throw invalid(errors);
  return { request, department, slot };
}

/** 409 `callback_not_offered` while call-back is off for the department (`chat.callback`). */
export function refuseWhenNotOffered(ctx: AppContext, department: string): void {
  if (callbackOffered(settingsOf(ctx), department)) return;
  throw new ProblemError(409, 'callback_not_offered', {
    detail: `The contact center takes no call-back requests for ${department} now.`,
  });
}

const slotUnavailable = () =>
  new ProblemError(409, 'callback_slot_unavailable', {
    detail: 'That time is no longer available; choose another from GET /v1/callbacks/slots.',
  });

async function fileCallback(
  ctx: AppContext,
  { request, department, slot }: CheckedCallback,
  claim: IntakeClaim | undefined,
  chatTokenHash: string | undefined,
): Promise<IntakeResult> {
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
    const submittedAt = ctx.now();
    const receiptToken = randomBytes(32).toString('base64url');
    // Promised: the call within the slot, or by the end of the (next) opening period.
    const answerBy =
      slot?.end ?? asapDueBy(callbackHoursOf(ctx, department), submittedAt) ?? submittedAt;
    const receipt: Receipt = {
      reference: createCaseReference(),
      receiptToken,
      submittedAt: submittedAt.toISOString(),
      expectedAnswerBy: answerBy.toISOString(),
      answerTimePromise: { workingDays: department.answerTimePromise.workingDays },
    };
    const body = JSON.stringify(receipt);
    const idempotency: IdempotencyRecord | undefined = claim && {
      ...claim,
      status: 201,
      body,
      caseReference: receipt.reference,
      createdAt: receipt.submittedAt,
      expiresAt: new Date(submittedAt.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    };
    const callback: NewCallback = {
      ...(slot ? { slot: { start: slot.start.toISOString(), end: slot.end.toISOString() } } : {}),
      dueAt: (slot?.start ?? submittedAt).toISOString(),
      phone: request.phone,
      name: request.name || undefined,
      note: request.note || undefined,
      chatSession: request.chatSession,
    };
    let result: CreateCallbackResult;
    try {
      result = await ctx.store.write('callbacks.create', {
        case: {
          reference: receipt.reference,
          receiptTokenHash: sha256Hex(receiptToken),
          channel: 'phone',
          origin: request.origin,
          topic: CALLBACK_TOPIC,
          message: messageOf(request, department, slot),
          createdAt: receipt.submittedAt,
          answerBy: receipt.expectedAnswerBy,
        },
        callback,
        capacity: callbackSettingsOf(ctx).callsPerSlot,
        idempotency,
        chat: request.chatSession
          ? {
              id: request.chatSession,
              // No token at all is a wrong one: the same 404 as for an unknown chat.
              tokenHash: chatTokenHash ?? sha256Hex('no token'),
              answerBy: answerByOf(ctx, submittedAt),
            }
          : undefined,
      });
    } catch (error) {
      // Two instances, one key, both found no record: the second's insert failed on the key.
      if (!claim || !isUniqueViolation(error)) throw error;
      const record = await ctx.store.findIdempotencyRecord(claim.scope, claim.key, ctx.now());
      if (!record) throw error;
      return replay(record, claim.requestHash);
    }
    if (result.created) return { status: 201, body, replayed: false };
    if (result.conflict === 'idempotency_key') return replay(result.record, claim?.requestHash);
    if (result.conflict === 'chat_not_found') throw chatNotFound();
    if (result.conflict === 'slot_full') throw slotUnavailable();
  }
  throw new Error(`No free case reference after ${REFERENCE_ATTEMPTS} attempts`);
}

/**
 * The case's message as the inbox shows it: when to call (in the department's time zone, in
 * Swedish, as staff read it) and the person's note; the phone and name as a contact message's.
 */
function messageOf(
  request: CallbackRequest,
  department: Department,
  slot: SlotTime | undefined,
): ContactMessage {
  const when = slot ? slotText(slot, department.openingHours.timeZone) : 'snarast möjligt';
  const lines = [`Ring upp ${when}.`, ...(request.note ? [request.note] : [])];
  return {
    topic: CALLBACK_TOPIC,
    message: lines.join('\n\n'),
    answerChannel: 'phone',
    answerLanguage: request.locale,
    needs: [],
    photos: [],
    phone: request.phone,
    ...(request.name ? { name: request.name } : {}),
  };
}

function slotText(slot: SlotTime, timeZone: string): string {
  const day = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(slot.start);
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit' });
  return `${day} kl. ${time.format(slot.start)}–${time.format(slot.end)}`;
}
