import { CallbackRequestSchema, CallbackSlotListSchema } from '@kontakt/core/schemas';
import type { JsonObject } from '../routes/openapi-parts.js';
import {
  COMMON_PROBLEMS,
  IDEMPOTENCY_KEY,
  json,
  jsonSchema,
  problem,
  receiptResponses,
  ref,
} from '../routes/openapi-parts.js';

/** Call-back requests' paths: the slots offered, and asking to be called. */
export function callbackPaths(): JsonObject {
  const created = receiptResponses(
    'The request is stored as a case (channel `phone`) in the inbox and the call-back queue. ' +
      'Field errors name `phone` (`invalid_phone`), `when.slot` (`outside_opening_hours`: outside ' +
      'opening hours or off the slots’ grid) and `origin.department` (not the request’s `department`).',
  );
  return {
    '/v1/callbacks/slots': {
      get: {
        operationId: 'listCallbackSlots',
        summary:
          'The times the contact center can call back: the opening hours (public holidays and ' +
          'special days applied) cut into slots for the next days with opening hours; a full ' +
          'slot is `available: false`. Cached for 15 seconds.',
        parameters: [
          {
            name: 'department',
            in: 'query',
            required: true,
            description: 'The department id.',
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': {
            description: 'The slots, in time order.',
            headers: {
              'Cache-Control': { description: '`public, max-age=15`', schema: { type: 'string' } },
            },
            content: json(ref('CallbackSlotList')),
          },
          '409': problem(
            'Call-back is off for this department (`callback_not_offered`; `chat.callback`).',
          ),
          '422': problem(
            'Invalid parameters (`validation_failed`; `unknown_department` for an unknown one).',
          ),
          ...COMMON_PROBLEMS,
        },
      },
    },
    '/v1/callbacks': {
      post: {
        operationId: 'requestCallback',
        summary:
          'Ask to be called back, as soon as possible or in one of the offered slots, with a ' +
          'phone number and an optional note; answers with a receipt (`expectedAnswerBy`: the ' +
          'slot’s end, or the end of the opening period the call is due in).',
        parameters: [
          IDEMPOTENCY_KEY,
          {
            name: 'Authorization',
            in: 'header',
            required: false,
            description:
              '`Bearer <token>` of the chat named in `chatSession` (required with it): the chat ' +
              'ends, stored as a case of its own, and the request is linked to it.',
            schema: { type: 'string' },
          },
        ],
        requestBody: { required: true, content: json(ref('CallbackRequest')) },
        responses: {
          ...created,
          '404': problem(
            'The `chatSession` is unknown or the token is not its own (`chat_not_found`); nothing ' +
              'is stored.',
          ),
          '409': problem(
            'The slot is full, has begun or is not offered yet (`callback_slot_unavailable`: ' +
              'choose another), call-back is off for the department (`callback_not_offered`), ' +
              'or the same key is still in progress (`idempotency_request_in_progress`).',
          ),
        },
      },
    },
  };
}

export function callbackSchemas(): JsonObject {
  return {
    CallbackSlotList: jsonSchema(CallbackSlotListSchema, 'output'),
    CallbackRequest: jsonSchema(CallbackRequestSchema, 'input'),
  };
}
