import type { Problem } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testAccounts } from '../test-support/agents.js';
import { TestAgent, TestCitizen } from '../test-support/chat.js';
import type { TestServer } from '../test-support/index.js';
import { startTestServer } from '../test-support/index.js';

/*
 * `maxChatsPerAgent` limits a take as it limits offers and hand-overs: an agent at the limit is
 * refused with 409 `agent_at_capacity`, and two takes at once by an agent one below it give one
 * chat, not two. Over real HTTP on the store under test.
 */

/** Thursday 2027-03-11, 10:00 in Stockholm: open. */
const OPEN = Date.parse('2027-03-11T09:00:00Z');
const MAX = 2;

let server: TestServer;
let anna: TestAgent;

beforeAll(async () => {
  const started = Date.now();
  server = await startTestServer({
    now: () => new Date(OPEN + (Date.now() - started)),
    accounts: await testAccounts(),
    rateLimit: { windowMs: 60_000, max: 10_000 },
    chat: { startLimit: { windowMs: 60_000, max: 1000, burst: 1000 }, maxChatsPerAgent: MAX },
  });
  anna = new TestAgent(server.url, await signIn(server.url, 'anna'));
});

afterAll(async () => {
  await server?.close();
});

async function waiting(): Promise<TestCitizen> {
  const citizen = new TestCitizen(server.url);
  await citizen.start();
  return citizen;
}

async function endAnnasChats(): Promise<void> {
  for (const chat of (await anna.queue()).mine) {
    expect((await anna.post(`/sessions/${chat.id}/end`, {})).status).toBe(200);
  }
}

async function expectAtCapacity(response: Response): Promise<void> {
  expect(response.status).toBe(409);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Problem;
  expect(problem.code).toBe('agent_at_capacity');
}

describe('maxChatsPerAgent on a take', () => {
  it('refuses a take by an agent at the limit, by id or the next; the chat keeps waiting', async () => {
    await endAnnasChats();
    for (let i = 0; i < MAX; i++) await anna.take((await waiting()).id);
    const third = await waiting();
    await expectAtCapacity(await anna.post('/take', { id: third.id }));
    await expectAtCapacity(await anna.post('/take', {}));
    expect((await third.get()).status).toBe('queued');
    const queue = await anna.queue();
    expect(queue.mine).toHaveLength(MAX);
    expect(queue.waiting.map((chat) => chat.id)).toContain(third.id);
    // With a hand free again, the take goes through.
    const [first] = queue.mine;
    expect((await anna.post(`/sessions/${first?.id}/end`, {})).status).toBe(200);
    expect((await anna.take(third.id)).status).toBe('active');
    await endAnnasChats();
  });

  it('gives one chat of two taken at once by an agent one below the limit', async () => {
    for (let round = 0; round < 3; round++) {
      await endAnnasChats();
      for (let i = 0; i < MAX - 1; i++) await anna.take((await waiting()).id);
      const [one, two] = [await waiting(), await waiting()];
      const answers = await Promise.all([
        anna.post('/take', { id: one.id }),
        anna.post('/take', { id: two.id }),
      ]);
      const statuses = answers.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 409]);
      const refused = answers.find((response) => response.status === 409);
      if (refused) await expectAtCapacity(refused);
      expect((await anna.queue()).mine).toHaveLength(MAX);
      const states = [(await one.get()).status, (await two.get()).status].sort();
      expect(states).toEqual(['active', 'queued']);
    }
    await endAnnasChats();
    // Leave nothing waiting for the next file's queue.
    for (const chat of (await anna.queue()).waiting) {
      await anna.take(chat.id);
      await endAnnasChats();
    }
  });
});
