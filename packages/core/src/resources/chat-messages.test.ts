import { describe, expect, it } from 'vitest';
import { KontaktError } from '../errors/KontaktError.js';
import type { ChatMessage } from '../schemas/chat.js';
import { compareMessageIds, furthestState, MessageList } from './chat-messages.js';

const CLIENT_ID = '0b9b6f4e-3c1a-4d2b-9a51-7f0e3c2d1a00';

const message = (seq: number, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${String(seq).padStart(6, '0')}`,
  role: 'agent',
  text: `Meddelande ${seq}`,
  state: 'sent',
  sentAt: `2026-12-03T10:00:${String(seq).padStart(2, '0')}Z`,
  ...overrides,
});

const ids = (list: MessageList) => list.list().map((each) => each.id ?? each.clientMessageId);

describe('compareMessageIds', () => {
  it('orders counters by value and fixed-width ids by their characters', () => {
    expect(['10', '9', '100'].sort(compareMessageIds)).toEqual(['9', '10', '100']);
    expect(['m000010', 'm000002', 'm000001'].sort(compareMessageIds)).toEqual([
      'm000001',
      'm000002',
      'm000010',
    ]);
    // A zero-padded counter that outgrows its width still sorts after the padded ones.
    expect(compareMessageIds('m1000000', 'm999999')).toBeGreaterThan(0);
  });
});

describe('furthestState', () => {
  it('never moves back', () => {
    expect(furthestState('read', 'delivered')).toBe('read');
    expect(furthestState('sent', 'delivered')).toBe('delivered');
  });
});

describe('MessageList', () => {
  it('places messages by the server’s id, whatever order they arrive in', () => {
    const list = new MessageList();
    list.add(message(3));
    list.add(message(1));
    list.add(message(2));
    expect(ids(list)).toEqual(['m000001', 'm000002', 'm000003']);
    expect(list.lastId()).toBe('m000003');
  });

  it('shows a message once however often it arrives, keeping its furthest state', () => {
    const list = new MessageList();
    expect(list.add(message(1)).kind).toBe('added');
    expect(list.add(message(1, { state: 'read' })).kind).toBe('updated');
    // A replay after a reconnection carries the older state: nothing changes.
    expect(list.add(message(1, { state: 'delivered' }))).toEqual({ kind: 'same' });
    expect(list.list()).toEqual([message(1, { state: 'read' })]);
  });

  it('replaces the citizen’s pending message with the stored copy (same client id), never doubling it', () => {
    const list = new MessageList();
    list.add(message(1));
    const pending = list.addPending({ clientMessageId: CLIENT_ID, text: 'Hej', sentAt: 'now' });
    expect(pending).toMatchObject({ local: 'pending', role: 'citizen' });
    expect(ids(list)).toEqual(['m000001', CLIENT_ID]);
    const stored = message(2, { role: 'citizen', clientMessageId: CLIENT_ID, text: 'Hej' });
    expect(list.add(stored).kind).toBe('replaced');
    expect(list.list()).toEqual([message(1), stored]);
    // The POST's answer after the stream's copy: still one.
    expect(list.add(stored)).toEqual({ kind: 'same' });
    expect(list.list()).toHaveLength(2);
    expect(list.pending()).toEqual([]);
  });

  it('keeps unsent messages after the stored ones, in the order written', () => {
    const list = new MessageList();
    list.addPending({ clientMessageId: 'a', text: 'Ett', sentAt: 'now' });
    list.addPending({ clientMessageId: 'b', text: 'Två', sentAt: 'now' });
    list.add(message(5));
    expect(ids(list)).toEqual(['m000005', 'a', 'b']);
  });

  it('marks a refused message failed with its error, and lets it be taken away', () => {
    const list = new MessageList();
    list.addPending({ clientMessageId: 'a', text: 'Ett', sentAt: 'now' });
    const error = new KontaktError('Nej', { code: 'validation_failed', status: 422 });
    expect(list.fail('a', error)).toMatchObject({ local: 'failed', error });
    expect(list.pending()).toEqual([]);
    expect(list.remove('a')).toBe(true);
    expect(list.list()).toEqual([]);
  });

  it('moves states forward only, for the receipt’s role and up to its message', () => {
    const list = new MessageList();
    list.add(message(1, { role: 'citizen' }));
    list.add(message(2, { role: 'agent' }));
    list.add(message(3, { role: 'citizen' }));
    list.add(message(4, { role: 'citizen' }));
    const changed = list.applyReceipt({ role: 'citizen', upTo: 'm000003', state: 'read' });
    expect(changed.map((each) => each.id)).toEqual(['m000001', 'm000003']);
    expect(list.list().map((each) => each.state)).toEqual(['read', 'sent', 'read', 'sent']);
    // An older receipt, replayed, moves nothing back.
    expect(list.applyReceipt({ role: 'citizen', upTo: 'm000004', state: 'delivered' })).toEqual([
      expect.objectContaining({ id: 'm000004', state: 'delivered' }),
    ]);
    expect(list.list().map((each) => each.state)).toEqual(['read', 'sent', 'read', 'delivered']);
    expect(list.applyReceipt({ role: 'citizen', upTo: 'm000003', state: 'delivered' })).toEqual([]);
  });

  it('gives a new array after each change and the same one otherwise', () => {
    const list = new MessageList();
    const before = list.list();
    list.add(message(1));
    const after = list.list();
    expect(after).not.toBe(before);
    list.add(message(1));
    expect(list.list()).toBe(after);
  });
});
