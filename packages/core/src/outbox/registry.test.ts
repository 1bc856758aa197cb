import { describe, expect, it } from 'vitest';
import { message, receipt } from '../test-support/fault-server.js';
import { memoryStore } from './memory-store.js';
import { OutboxController } from './outbox.js';
import { outboxFor } from './registry.js';

const send = async () => receipt;
const submission = {
  origin: { department: 'gata', pageUrl: 'https://gata.example.se/parkering', widget: 'sdk' },
  message: { ...message, answerLanguage: 'sv' as const, needs: [], photos: [] },
};

describe('outboxFor', () => {
  it('gives every client of one endpoint and store the same outbox', () => {
    const store = memoryStore();
    const first = outboxFor(store, 'https://kontakt.example.se', send);
    expect(first).toBeInstanceOf(OutboxController);
    expect(outboxFor(store, 'https://kontakt.example.se', send)).toBe(first);
  });

  it('gives another endpoint or another store an outbox of its own', () => {
    const store = memoryStore();
    const first = outboxFor(store, 'https://kontakt.example.se', send);
    expect(outboxFor(store, 'https://annan.example.se', send)).not.toBe(first);
    expect(outboxFor(memoryStore(), 'https://kontakt.example.se', send)).not.toBe(first);
  });

  it('keeps the first client’s sender for the entries of that endpoint', async () => {
    const store = memoryStore();
    const endpoint = 'https://kontakt.example.se';
    const sentBy: string[] = [];
    const outbox = outboxFor(store, endpoint, async () => {
      sentBy.push('first');
      return receipt;
    });
    outboxFor(store, endpoint, async () => {
      sentBy.push('second');
      return receipt;
    });
    await outbox.keep(submission, { id: 'key-1', error: undefined });
    await outbox.flush();
    expect(sentBy).toEqual(['first']);
    expect(await store.list(endpoint)).toEqual([]);
  });
});
