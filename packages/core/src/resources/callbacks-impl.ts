import { toKontaktError } from '../errors/to-kontakt-error.js';
import { ValidationError } from '../errors/ValidationError.js';
import { createIdempotencyKey } from '../idempotency.js';
import type { CallbackRequest } from '../schemas/index.js';
import {
  CallbackRequestSchema,
  CallbackSlotListSchema,
  ReceiptSchema,
  toFieldErrors,
} from '../schemas/index.js';
import type {
  CallbackAsk,
  CallbackRequestOptions,
  CallbacksContext,
  CallbacksResource,
} from './callbacks.js';
import { originOf } from './submission-parts.js';

/*
 * `client.callbacks`' work, loaded when first used (`callbacks.ts`).
 */

export function callbacksResource(context: CallbacksContext): CallbacksResource {
  const { http, department } = context;
  return {
    async slots(options = {}) {
      try {
        return await http
          .get('v1/callbacks/slots', {
            searchParams: { department },
            ...(options.signal ? { signal: options.signal } : {}),
          })
          .json(CallbackSlotListSchema);
      } catch (error) {
        throw toKontaktError(error);
      }
    },
    async request(input, options = {}) {
      const body = buildRequest(context, input, options);
      const headers: Record<string, string> = {
        'idempotency-key': options.idempotencyKey ?? createIdempotencyKey(),
      };
      if (options.chat) headers.authorization = `Bearer ${options.chat.token}`;
      try {
        return await http
          .post('v1/callbacks', {
            json: body,
            headers,
            ...(options.signal ? { signal: options.signal } : {}),
          })
          .json(ReceiptSchema);
      } catch (error) {
        throw toKontaktError(error);
      }
    },
  };
}

function buildRequest(
  context: CallbacksContext,
  input: CallbackAsk,
  options: CallbackRequestOptions,
): CallbackRequest {
  const origin = originOf(context, options);
  const parsed = CallbackRequestSchema.safeParse({
    ...input,
    department: context.department,
    origin,
    ...(options.chat ? { chatSession: options.chat.id } : {}),
  });
  if (!parsed.success) throw new ValidationError(toFieldErrors(parsed.error.issues));
  return parsed.data;
}
