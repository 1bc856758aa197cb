import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { OpenStream } from '../test-support/chat.js';
import { TestAgent, TestCitizen } from '../test-support/chat.js';
import { alwaysOpenDepartments } from '../test-support/departments.js';
import type { Instance, InstanceGroup } from '../test-support/instances.js';
import { startInstances } from '../test-support/instances.js';
import { storeUnderTest } from '../test-support/store.js';

/*
 * The store is the truth across instances: the citizen's stream held by one instance keeps their
 * waiting chat from being ended as left by another's housekeeping; once it closes, the chat ends
 * as left. And an agent signed in on two instances at once, one chat below the limit, gets one
 * chat of two taken at once.
 */

const LEFT_AFTER_SECONDS = 30;

describe.skipIf(storeUnderTest !== 'postgres')(
  'a citizen who left, and the most chats, on several instances of one PostgreSQL',
  () => {
    let group: InstanceGroup;
    let first: Instance;
    let second: Instance;
    const streams: OpenStream[] = [];

    beforeAll(async () => {
      group = await startInstances(2, {
        departments: alwaysOpenDepartments,
        accounts: await testAccounts(),
        chat: { leftAfterSeconds: LEFT_AFTER_SECONDS, maxChatsPerAgent: 2 },
      });
      [first, second] = group.instances as [Instance, Instance];
    }, 90_000);

    afterAll(async () => {
      for (const stream of streams) stream.cut();
      await group?.stop();
    });

    it('gives one chat of two taken at once on two instances by an agent one below the limit', async () => {
      const here = new TestAgent(first.url, await signIn(first.url, 'anna'));
      const there = new TestAgent(second.url, await signIn(second.url, 'anna'));
      const held = new TestCitizen(first.url);
      await held.start();
      await here.take(held.id);
      const [one, two] = [new TestCitizen(first.url), new TestCitizen(second.url)];
      await one.start();
      await two.start();
      const answers = await Promise.all([
        here.post('/take', { id: one.id }),
        there.post('/take', { id: two.id }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await here.queue()).mine).toHaveLength(2);
      for (const chat of (await here.queue()).mine) {
        expect((await here.post(`/sessions/${chat.id}/end`, {})).status).toBe(200);
      }
      for (const chat of (await here.queue()).waiting) {
        await here.take(chat.id);
        expect((await here.post(`/sessions/${chat.id}/end`, {})).status).toBe(200);
      }
    });

    it('keeps a waiting chat whose citizen’s stream is open on the other instance, and ends it once it closes', async () => {
      const alva = new TestAgent(first.url, await signIn(first.url, 'alva'));
      const citizen = new TestCitizen(first.url);
      await citizen.start();
      // The citizen's page is on the second instance; both instances do the housekeeping.
      citizen.url = second.url;
      const stream = await citizen.stream();
      streams.push(stream);
      await new Promise((resolve) => setTimeout(resolve, (LEFT_AFTER_SECONDS + 6) * 1000));
      expect((await alva.queue()).waiting.map((chat) => chat.id)).toContain(citizen.id);

      stream.cut();
      await expect
        .poll(async () => (await alva.queue()).waiting.map((chat) => chat.id), {
          timeout: (LEFT_AFTER_SECONDS + 30) * 1000,
          interval: 1000,
        })
        .not.toContain(citizen.id);
      const ended = await citizen.get();
      expect(ended.status).toBe('ended');
      expect(ended.messages.at(-1)?.system).toBe('ended_citizen_left');
    }, 150_000);
  },
);
