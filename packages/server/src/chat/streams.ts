import type { ChatEventType } from '@kontakt/core/schemas';
import type { Kysely } from 'kysely';
import type { NewEvent } from '../store/events.js';
import { appendEvents } from '../store/events.js';
import type { Database } from '../store/schema.js';

/*
 * Chat's event streams. A session's own stream carries everything its two sides see
 * (`CHAT_EVENTS`); the agents' streams say that the queue changed (`chat.queue`) and offer a chat
 * to one agent (`chat.offer`). Agents follow the union of their departments' queue streams, the
 * presence stream and their own (`agentStreamOf`), so a specialist never hears of another
 * department's chats, not even their ids.
 */

/** A session's stream: messages, receipts, typing, its state. */
export const chatStream = (id: string) => `chat:${id}`;

/** The queue of `department`'s chats changed (a chat waits, was taken, ended, was written in). */
export const chatQueueStream = (department: string) => `chat-queue:${department}`;

/** Someone's presence changed (the hand-over list). */
export const CHAT_PRESENCE_STREAM = 'chat-presence';

/** One agent's own: offers, and changes to the chats they hold. */
export const chatAgentStream = (agentId: string) => `chat-agent:${agentId}`;

/** The one stream an agent's console follows: their departments' queues, presence, their own. */
export function agentStreamOf(agentId: string, departments: readonly string[]): string {
  return [
    ...[...new Set(departments)].sort().map(chatQueueStream),
    CHAT_PRESENCE_STREAM,
    chatAgentStream(agentId),
  ].join('|');
}

/** Collects a write's events and the streams they go to, appended once at its end. */
export class ChatEvents {
  readonly #events: NewEvent[] = [];
  readonly #streams = new Set<string>();

  /** An event of a session's stream. */
  session(id: string, type: ChatEventType, data: unknown): this {
    return this.add({ stream: chatStream(id), type, data });
  }

  /** `chat.queue` on a department's queue stream (`{ id }`). */
  queue(department: string, id?: string): this {
    return this.add({
      stream: chatQueueStream(department),
      type: 'chat.queue',
      data: id ? { id } : {},
    });
  }

  /** `chat.queue` on an agent's own stream: a chat they hold changed. */
  agent(agentId: string, id: string): this {
    return this.add({ stream: chatAgentStream(agentId), type: 'chat.queue', data: { id } });
  }

  add(event: NewEvent): this {
    this.#events.push(event);
    this.#streams.add(event.stream);
    return this;
  }

  /** Also report these streams (a queued mail's, the inbox's) when the write returns. */
  also(streams: readonly string[]): this {
    for (const stream of streams) this.#streams.add(stream);
    return this;
  }

  /** Appends the events in the caller's transaction; returns every stream to notify. */
  async flush(trx: Kysely<Database>, at: string): Promise<string[]> {
    await appendEvents(trx, this.#events, new Date(at));
    this.#events.length = 0;
    return [...this.#streams];
  }
}
