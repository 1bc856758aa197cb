/*
 * `client.cases.addMessage`: more information from the person who sent a case, the answer to
 * "Väntar på dig", kept in the outbox when it cannot be sent now. In the status tracker's chunk
 * (`case-lookup-stream.ts`): it is sent only from a case that was opened first, and the outbox
 * of a `createClient` loads that chunk to resend one.
 */
import type { KyInstance } from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { CaseMessageOutboxEntry } from '../outbox/types.js';
import type { CaseMessageInput, PublicCase } from '../schemas/index.js';
import { CaseMessageSchema, PublicCaseSchema, toFieldErrors } from '../schemas/index.js';
import { caseReferenceOf } from './case-lookup.js';
import type { Keeping } from './submission-parts.js';
import { keepOrThrow } from './submission-parts.js';

/** The options of `client.cases.addMessage`. */
export interface AddMessageOptions {
  /** The sender's access token: the receipt token, or the `accessToken` of an e-mail lookup. */
  accessToken: string;
  /** Sends under this key instead of a new one: the same message sent again is one message. */
  idempotencyKey?: string;
  /** Cancels the request (and its retries); a cancelled message is not kept in the outbox. */
  signal?: AbortSignal;
}

/** What `addCaseMessage` needs of its client: the requests, and where to keep a failed message. */
export interface CaseMessageContext extends Keeping {
  http: KyInstance;
  /** The client's department, recorded on a kept message (which names none itself). */
  department: string;
}

/**
 * Sends a message to a case (see `CasesResource.addMessage`); one that cannot be sent now (the
 * network, 408, 429, 5xx) is kept in the outbox under its key, and the call rejects with a
 * `NetworkError` whose `queued` names it.
 */
export async function addCaseMessage(
  context: CaseMessageContext,
  reference: string,
  message: CaseMessageInput,
  options: AddMessageOptions,
): Promise<PublicCase> {
  const normalized = caseReferenceOf(reference);
  const parsed = CaseMessageSchema.safeParse(message);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  const { accessToken, signal } = options;
  const id = options.idempotencyKey ?? createIdempotencyKey();
  try {
    return await postCaseMessage(context.http, normalized, parsed.data, accessToken, id, signal);
  } catch (error) {
    const { department } = context;
    const kept = { kind: 'case-message' as const, department, reference: normalized, accessToken };
    return keepOrThrow(context, { ...kept, submission: parsed.data }, id, 'message', error, signal);
  }
}

/** Sends a kept message to a case again, under its key (the outbox's sender). */
export function sendCaseMessage(
  http: KyInstance,
  entry: CaseMessageOutboxEntry,
): Promise<PublicCase> {
  return postCaseMessage(http, entry.reference, entry.submission, entry.accessToken, entry.id);
}

/** `POST /v1/cases/{reference}/messages` with the sender's token and an `Idempotency-Key`. */
async function postCaseMessage(
  http: KyInstance,
  reference: string,
  message: CaseMessageInput,
  accessToken: string,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<PublicCase> {
  const headers = {
    authorization: `Bearer ${accessToken}`,
    // With a key a POST is retried (network errors, 5xx), and every try is one message.
    'idempotency-key': idempotencyKey,
  };
  try {
    return await http
      .post(`v1/cases/${reference}/messages`, { json: message, headers, signal: signal ?? null })
      .json(PublicCaseSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}
