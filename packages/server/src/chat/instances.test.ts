import type { ChatMessage } from '@kontakt/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testAccounts } from '../test-support/agents.js';
import type { OpenStream } from '../test-support/chat.js';
import { messagesOf, TestAgent, TestCitizen } from '../test-support/chat.js';
import { alwaysOpenDepartments } from '../test-support/departments.js';
import type { Instance, InstanceGroup } from '../test-support/instances.js';
import { startInstances, stopInstance } from '../test-support/instances.js';
import { storeUnderTest } from '../test-support/store.js';

describe.skipIf(storeUnderTest !== 'postgres')(
  'chat on several instances of one PostgreSQL',
  () => {
    let group: InstanceGroup;
    let first: Instance;
    let second: Instance;
    const streams: OpenStream[] = [];

    beforeAll(async () => {
      group = await startInstances(2, {
        departments: alwaysOpenDepartments,
        accounts: await testAccounts(),
      });
      [first, second] = group.instances as [Instance, Instance];
    }, 90_000);

    afterAll(async () => {
      for (const stream of streams) stream.cut();
      await group?.stop();
    });

    it('gives a chat taken on two instances at once to one agent', async () => {
      const citizen = new TestCitizen(first.url);
      await citizen.start();
      const anna = new TestAgent(first.url, await signIn(first.url, 'anna'));
      const alva = new TestAgent(second.url, await signIn(second.url, 'alva'));
      const answers = await Promise.all([
        anna.post('/take', { id: citizen.id }),
        alva.post('/take', { id: citizen.id }),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await citizen.get()).status).toBe('active');
    });

    it('carries the citizen on to the other instance when theirs is killed: every message once, in order', async () => {
      // The citizen on the first instance, the agent on the second.
      const citizen = new TestCitizen(first.url);
      await citizen.start({ message: 'Hej, jag har en fråga om bygglov.' });
      const anna = new TestAgent(second.url, await signIn(second.url, 'anna'));
      await anna.take(citizen.id);
      const agentStream = await anna.chatStream(citizen.id);
      streams.push(agentStream);
      const before = await citizen.stream();
      streams.push(before);

      for (const text of ['Ett', 'Två', 'Tre']) await anna.send(citizen.id, text);
      await before.until(
        (events) => messagesOf(events).filter((m) => m.role === 'agent').length === 3,
        'three answers across instances',
      );
      const fromCitizen = await citizen.send('Jag förstår.');
      await agentStream.until(
        (events) => messagesOf(events).some((m) => m.id === fromCitizen.id),
        'the citizen’s message at the agent’s instance',
      );

      await stopInstance(first, 'SIGKILL');
      await before.ended;
      // What the citizen's client last got before the connection died: its own message's echo
      // may arrive after the agent saw it, so this is read only once nothing more can come.
      const lastSeen = before.lastId();
      // Said while the citizen has no connection.
      for (const text of ['Fyra', 'Fem']) await anna.send(citizen.id, text);

      // The load balancer sends the citizen to the instance still up.
      citizen.url = second.url;
      const after = await citizen.stream(lastSeen);
      streams.push(after);
      await anna.send(citizen.id, 'Sex');
      await after.until(
        (events) => messagesOf(events).some((m) => m.text === 'Sex'),
        'the answer after the move',
      );

      const received: ChatMessage[] = [...messagesOf(before.events), ...messagesOf(after.events)];
      expect(received.filter((m) => m.role === 'agent').map((m) => m.text)).toEqual([
        'Ett',
        'Två',
        'Tre',
        'Fyra',
        'Fem',
        'Sex',
      ]);
      const ids = received.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(ids);
      const eventIds = [...before.events, ...after.events].map((e) => Number(e.id));
      expect(new Set(eventIds).size).toBe(eventIds.length);

      // And on: the citizen writes through the second instance, the agent gets it.
      const later = await citizen.send('Tack för hjälpen!');
      await agentStream.until(
        (events) => messagesOf(events).some((m) => m.id === later.id),
        'the citizen’s message after the move',
      );
    }, 60_000);
  },
);
