import type { ChatMessage } from '@kontakt/core/schemas';
import { expect } from '@open-wc/testing';
import { applyReceipt, mergeMessages } from './messages.js';
import { TYPING_EVERY_MS, TypingThrottle } from './typing-throttle.js';

const message = (id: string, role: ChatMessage['role'], at: string, state = 'sent'): ChatMessage =>
  ({ id, role, text: id, state, sentAt: `2026-12-03T10:00:${at}Z` }) as ChatMessage;

describe('chat messages', () => {
  it('keeps one message per id, in order, whatever order they arrive in', () => {
    const read = [message('1', 'citizen', '01'), message('3', 'agent', '03')];
    const merged = mergeMessages(read, [
      message('2', 'citizen', '02'),
      message('1', 'citizen', '01'),
    ]);
    expect(merged.map((each) => each.id)).to.deep.equal(['1', '2', '3']);
  });

  it('never moves a state back', () => {
    const [merged] = mergeMessages(
      [message('1', 'agent', '01', 'read')],
      [message('1', 'agent', '01')],
    );
    expect(merged?.state).to.equal('read');
  });

  it("applies a receipt to the role's messages up to the one named", () => {
    const list = [
      message('1', 'agent', '01'),
      message('2', 'citizen', '02'),
      message('3', 'agent', '03'),
    ];
    const after = applyReceipt(list, { role: 'agent', upTo: '1', state: 'delivered' });
    expect(after.map((each) => each.state)).to.deep.equal(['delivered', 'sent', 'sent']);
    expect(applyReceipt(list, { role: 'agent', upTo: 'unknown', state: 'read' })).to.deep.equal(
      list,
    );
  });
});

describe('typing throttle', () => {
  it('tells typing at the first key, again only after a while, and stopping once', () => {
    const told: boolean[] = [];
    const throttle = new TypingThrottle((on) => told.push(on));
    throttle.input(1000);
    throttle.input(1500);
    throttle.input(1000 + TYPING_EVERY_MS);
    throttle.stop();
    throttle.stop();
    expect(told).to.deep.equal([true, true, false]);
  });
});
