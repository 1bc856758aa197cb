/**
 * Two instances on one PostgreSQL database, as behind a load balancer: the places of a slot are
 * taken under a row lock, so requests for the last places sent to both at once never overbook it,
 * and both offer the slot as full afterwards. (The embedded store is one instance by design.)
 */
import { CallbackSlotListSchema } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../test-support/departments.js';
import { startTestServer } from '../test-support/departments.js';
import type { TestDatabase } from '../test-support/store.js';
import { createTestDatabase, storeUnderTest } from '../test-support/store.js';

// Thursday 3 December 2026, 09:10 in Stockholm.
const now = new Date('2026-12-03T08:10:00Z');
const SLOT = '2026-12-03T13:00:00.000Z';

let database: TestDatabase;
let servers: TestServer[] = [];

describe.skipIf(storeUnderTest !== 'postgres')('call-back slots across instances', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    const options = {
      database,
      now: () => now,
      rateLimit: { windowMs: 60_000, max: 1000 },
      callback: { slotMinutes: 60, callsPerSlot: 2, daysAhead: 1 },
    };
    servers = [await startTestServer(options), await startTestServer(options)];
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database?.remove();
  });

  it('books the last places of a slot once, whichever instance each request reaches', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${servers[i % 2]?.url}/v1/callbacks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            department: 'gata',
            locale: 'sv',
            origin: { department: 'gata', pageUrl: 'https://gata.example.se/', widget: 'sdk' },
            phone: `040-34 10 ${String(i).padStart(2, '0')}`,
            when: { slot: SLOT },
          }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 409)).toHaveLength(8);
    const booked = await database.inspect((db) =>
      db
        .selectFrom('callback_requests')
        .select('case_reference')
        .where('slot_start', '=', SLOT)
        .execute(),
    );
    expect(booked).toHaveLength(2);
    for (const server of servers) {
      const list = CallbackSlotListSchema.parse(
        await (await fetch(`${server.url}/v1/callbacks/slots?department=gata`)).json(),
      );
      expect(list.slots.find((slot) => slot.start === SLOT)?.available).toBe(false);
    }
  });
});
