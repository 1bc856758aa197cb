import { LetterheadAnswerSchema } from '@kontakt/core/agent';
import { agentOperation } from './openapi-agent.js';
import type { JsonObject } from './openapi-parts.js';
import { json, jsonSchema, ref } from './openapi-parts.js';

/** `/v1/agent/letterhead` (`routes/agent-letterhead.ts`). */
export function agentLetterheadPaths(): JsonObject {
  return {
    '/v1/agent/letterhead': {
      get: agentOperation({
        operationId: 'getLetterhead',
        summary:
          "How the contact center's letters are headed: the sender (per locale), the return " +
          'address (the postcode as `205 80`) and the phone, e-mail and web address to print. ' +
          '`letterhead` is `null` when the server has none configured.',
        responses: {
          '200': {
            description: 'The letterhead, or `null`.',
            headers: {
              'Cache-Control': { description: '`no-store`.', schema: { type: 'string' } },
            },
            content: json(ref('LetterheadAnswer')),
          },
        },
      }),
    },
  };
}

/** The schemas the letterhead path refers to. */
export function agentLetterheadSchemas(): JsonObject {
  return { LetterheadAnswer: jsonSchema(LetterheadAnswerSchema, 'output') };
}
