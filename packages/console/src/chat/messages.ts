import type { ChatMessage, ChatMessageState, ChatReceipt } from '@kontakt/core/schemas';

/*
 * A chat's messages as the console keeps them: one per server id, in order, merged from the
 * first read, the live stream and the answers to one's own sends in whatever order they come
 * (the stream may repeat what the read already had), states only moving forward.
 */

const RANK: Record<ChatMessageState, number> = { sent: 0, delivered: 1, read: 2 };

const later = (a: ChatMessageState, b: ChatMessageState) => (RANK[b] > RANK[a] ? b : a);

const order = (a: ChatMessage, b: ChatMessage) =>
  a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0;

/** `messages` with `incoming` added or updated (by id), in order. */
export function mergeMessages(messages: readonly ChatMessage[], incoming: readonly ChatMessage[]) {
  const byId = new Map(messages.map((message) => [message.id, message]));
  for (const message of incoming) {
    const known = byId.get(message.id);
    byId.set(
      message.id,
      known ? { ...message, state: later(known.state, message.state) } : message,
    );
  }
  return [...byId.values()].sort(order);
}

/** `messages` with the receipt applied: `role`'s messages up to `upTo` at least at `state`. */
export function applyReceipt(messages: readonly ChatMessage[], receipt: ChatReceipt) {
  const end = messages.findIndex((message) => message.id === receipt.upTo);
  if (end < 0) return [...messages];
  return messages.map((message, index) =>
    index <= end && message.role === receipt.role
      ? { ...message, state: later(message.state, receipt.state) }
      : message,
  );
}
