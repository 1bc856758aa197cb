import type { ChatMemory } from './chat-bubble.memory.js';
import { peekMemory } from './chat-bubble.memory.js';

/**
 * What was kept for `key`, checked field by field (it may come from another version of the
 * widget, or have been edited): a conversation only with its id and token.
 */
export function readMemory(key: string): ChatMemory {
  const memory = peekMemory(key) as Record<string, unknown>;
  const conversation = memory.conversation as Record<string, unknown> | undefined;
  const valid =
    typeof conversation?.id === 'string' &&
    typeof conversation.token === 'string' &&
    (conversation.lastEventId === undefined || typeof conversation.lastEventId === 'string') &&
    (conversation.unsent === undefined || Array.isArray(conversation.unsent));
  const unread = memory.unread;
  return {
    ...(valid ? { conversation: conversation as unknown as ChatMemory['conversation'] } : {}),
    open: memory.open === true,
    unread:
      typeof unread === 'number' && Number.isInteger(unread) && unread > 0
        ? Math.min(unread, 999)
        : 0,
    ...(typeof memory.draft === 'string' ? { draft: memory.draft.slice(0, 4000) } : {}),
  };
}

/** Keeps `memory` for `key` (forgets it when there is nothing to keep); failures are ignored. */
export function writeMemory(key: string, memory: ChatMemory): void {
  try {
    if (!memory.conversation && !memory.draft) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(memory));
  } catch {
    // Not kept: the chat goes on, it only will not survive a reload.
  }
}
