import type { Actor } from '../agent-cases/actions.js';
import type { NewCase } from '../store/cases.js';
import type { IdempotencyRecord } from '../store/idempotency.js';

/** An agent acting on the store directly, who may see every case. */
export const ANNA: Actor = {
  id: 'anna',
  name: 'Anna Agent',
  scope: { all: true, departments: [] },
};

/** What the route would hand the store for a case with this reference. */
export function newCase(reference: string, overrides: Partial<NewCase> = {}): NewCase {
  return {
    reference,
    receiptTokenHash: 'a'.repeat(64),
    channel: 'web_form',
    origin: { department: 'gata', pageUrl: 'https://gata.example.se/', widget: 'kc-contact-form' },
    topic: 'parkering',
    message: {
      topic: 'parkering',
      message: 'Hej',
      answerChannel: 'email',
      answerLanguage: 'sv',
      needs: [],
      email: 'a@example.se',
    },
    createdAt: '2025-03-03T09:00:00.000Z',
    ...overrides,
  };
}

/** The idempotency record a keyed submission of case `reference` stores (live until 11 March). */
export function keyRecord(key: string, reference: string): IdempotencyRecord {
  return {
    scope: 'gata',
    key,
    requestHash: 'b'.repeat(64),
    status: 201,
    body: JSON.stringify({ reference }),
    caseReference: reference,
    createdAt: '2025-03-03T09:00:00.000Z',
    expiresAt: '2025-03-11T09:00:00.000Z',
  };
}
