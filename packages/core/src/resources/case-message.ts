/*
 * `client.cases.addMessage`: more information from the person who sent a case, the answer to
 * "Väntar på dig". In the status tracker's chunk (`case-lookup-stream.ts`): it is sent only from
 * a case that was opened first.
 */
import type { KyInstance } from 'ky';
import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { CaseMessageInput, PublicCase } from '../schemas/index.js';
import { CaseMessageSchema, PublicCaseSchema, toFieldErrors } from '../schemas/index.js';
import { caseReferenceOf } from './case-lookup.js';

/** The options of `client.cases.addMessage`. */
export interface AddMessageOptions {
  /** The sender's access token: the receipt token, or the `accessToken` of an e-mail lookup. */
  accessToken: string;
  /** Sends under this key instead of a new one: the same message sent again is one message. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** `POST /v1/cases/{reference}/messages` with the sender's token and an `Idempotency-Key`. */
export async function addCaseMessage(
  http: KyInstance,
  reference: string,
  message: CaseMessageInput,
  options: AddMessageOptions,
): Promise<PublicCase> {
  const path = `v1/cases/${caseReferenceOf(reference)}/messages`;
  const parsed = CaseMessageSchema.safeParse(message);
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  const headers = {
    authorization: `Bearer ${options.accessToken}`,
    // With a key a POST is retried (network errors, 5xx), and every try is one message.
    'idempotency-key': options.idempotencyKey ?? createIdempotencyKey(),
  };
  try {
    return await http
      .post(path, {
        json: parsed.data,
        headers,
        ...(options.signal ? { signal: options.signal } : {}),
      })
      .json(PublicCaseSchema);
  } catch (error) {
    throw toKontaktError(error);
  }
}
