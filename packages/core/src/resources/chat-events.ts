/*
 * The events a `ChatConversation` dispatches, and yields from its async iterator: the same
 * objects both ways, so a view may listen or loop, whichever suits it.
 */
import type { KontaktError } from '../errors/KontaktError.js';
import type { ChatReceipt, ChatSessionState } from '../schemas/chat.js';
import type { ConversationMessage } from './chat-messages.js';

/**
 * A message was added or changed: a new one from either side or the server, the citizen's own
 * shown as pending, stored (the pending one replaced, same `clientMessageId`), or failed.
 *
 * @since 0.5.0
 */
export class ChatMessageEvent extends Event {
  declare readonly type: 'message';
  constructor(readonly message: ConversationMessage) {
    super('message');
  }
}

/** Messages moved on to `delivered` or `read` (`receipt` says which: up to and including `upTo`). */
export class ChatReceiptEvent extends Event {
  declare readonly type: 'receipt';
  constructor(readonly receipt: ChatReceipt) {
    super('receipt');
  }
}

/**
 * The agent started or stopped typing. A stop that never arrives (typing is not stored and may be
 * missed) is dispatched by the conversation itself after a few seconds, or with the agent's message.
 */
export class ChatTypingEvent extends Event {
  declare readonly type: 'typing';
  constructor(readonly typing: boolean) {
    super('typing');
  }
}

/** The session changed: the place in the queue, an agent joined or took over, it ended. */
export class ChatSessionEvent extends Event {
  declare readonly type: 'session';
  constructor(readonly session: ChatSessionState) {
    super('session');
  }
}

/**
 * `online`: the live stream is connected. `reconnecting`: it was lost and is being reopened
 * (messages may arrive late; nothing is lost). `closed`: the conversation stopped following
 * (it ended, was closed, or its signal aborted).
 */
export type ChatConnectionState = 'online' | 'reconnecting' | 'closed';

/** The live stream's connection changed. */
export class ChatConnectionEvent extends Event {
  declare readonly type: 'connection';
  constructor(readonly state: ChatConnectionState) {
    super('connection');
  }
}

/**
 * Something went wrong that is not about one message (a failed message is a `message` event with
 * `local: 'failed'`). `willRetry`: the conversation carries on by itself; otherwise it has stopped
 * (the server no longer knows the session: `chat_not_found`).
 */
export class ChatErrorEvent extends Event {
  declare readonly type: 'error';
  constructor(
    readonly error: KontaktError,
    readonly willRetry: boolean,
  ) {
    super('error');
  }
}

/**
 * Every event a `ChatConversation` dispatches and yields; narrow it by `type`.
 *
 * @since 0.5.0
 */
export type ChatConversationEvent =
  | ChatMessageEvent
  | ChatReceiptEvent
  | ChatTypingEvent
  | ChatSessionEvent
  | ChatConnectionEvent
  | ChatErrorEvent;

/** The events by name, for typed `addEventListener`. */
export interface ChatConversationEventMap {
  message: ChatMessageEvent;
  receipt: ChatReceiptEvent;
  typing: ChatTypingEvent;
  session: ChatSessionEvent;
  connection: ChatConnectionEvent;
  error: ChatErrorEvent;
}
