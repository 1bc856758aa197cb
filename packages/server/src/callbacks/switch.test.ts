import type { CallbackRequestInput } from '@kontakt/core/schemas';
import { ChatAvailabilitySchema, ProblemSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';

/*
 * Call-back switched off: the contact center's `chat.callback`, and a department's own over it
 * (`chat.departments.<id>.callback`). Availability says so, and the slots and the request refuse
 * with 409 `callback_not_offered`, storing nothing. Over real HTTP on the store under test.
 */

// Thursday 3 December 2026, 09:10 in Stockholm: open.
const THURSDAY = new Date('2026-12-03T08:10:00Z');

/** Call-back off for the contact center, on for skola alone. */
let centerOff: TestServer;
/** Call-back on (the default), off for gata alone. */
let gataOff: TestServer;

beforeAll(async () => {
  [centerOff, gataOff] = await Promise.all([
    startTestServer({
      now: () => THURSDAY,
      chat: { callback: false, departments: { skola: { callback: true } } },
    }),
    startTestServer({ now: () => THURSDAY, chat: { departments: { gata: { callback: false } } } }),
  ]);
});
afterAll(async () => {
  await Promise.all([centerOff?.close(), gataOff?.close()]);
});

async function availability(server: TestServer, department: string) {
  const response = await fetch(`${server.url}/v1/chat/availability?department=${department}`);
  expect(response.status).toBe(200);
  return ChatAvailabilitySchema.parse(await response.json());
}

const slots = (server: TestServer, department: string) =>
  fetch(`${server.url}/v1/callbacks/slots?department=${department}`);

const post = (server: TestServer, department: string) => {
  const body: CallbackRequestInput = {
    department,
    locale: 'sv',
    origin: { department, pageUrl: `https://${department}.example.se/`, widget: 'kc-chat-bubble' },
    phone: '070-123 45 67',
    when: { asap: true },
  };
  return fetch(`${server.url}/v1/callbacks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
};

async function expectNotOffered(response: Response): Promise<void> {
  expect(response.status).toBe(409);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  expect(ProblemSchema.parse(await response.json()).code).toBe('callback_not_offered');
}

const callbacksStored = (server: TestServer) =>
  server.database.inspect(async (db) =>
    Number(
      (
        await db
          .selectFrom('callback_requests')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    ),
  );

describe('call-back switched off', () => {
  it('for the contact center: availability says so, slots and requests are refused', async () => {
    expect((await availability(centerOff, 'gata')).callback).toBe(false);
    await expectNotOffered(await slots(centerOff, 'gata'));
    await expectNotOffered(await post(centerOff, 'gata'));
    expect(await callbacksStored(centerOff)).toBe(0);
    // A department that keeps it, over the contact center's setting.
    expect((await availability(centerOff, 'skola')).callback).toBe(true);
    expect((await slots(centerOff, 'skola')).status).toBe(200);
    expect((await post(centerOff, 'skola')).status).toBe(201);
    expect(await callbacksStored(centerOff)).toBe(1);
  });

  it('for one department: only its own call-backs are refused', async () => {
    expect((await availability(gataOff, 'gata')).callback).toBe(false);
    await expectNotOffered(await slots(gataOff, 'gata'));
    await expectNotOffered(await post(gataOff, 'gata'));
    expect((await availability(gataOff, 'skola')).callback).toBe(true);
    expect((await post(gataOff, 'skola')).status).toBe(201);
  });
});
