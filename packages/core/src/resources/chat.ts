/*
 * `client.chat`, kept small inside the client: the work (the chat schemas, the conversation and
 * its live stream) loads when first used, so a widget whose client never chats (the contact
 * form) does not carry it, and the chat launcher loads it only when its panel opens.
 */
import type { KyInstance } from 'ky';
import type { ChatAvailability, ChatStartInput, ClientMessageId } from '../schemas/chat.js';
import type { ChatConversation, ChatConversationRecord } from './chat-conversation.js';

export type {
  ChatConversation,
  ChatConversationRecord,
  UnsentMessageRecord,
} from './chat-conversation.js';
export type {
  ChatConnectionEvent,
  ChatConnectionState,
  ChatConversationEvent,
  ChatConversationEventMap,
  ChatErrorEvent,
  ChatMessageEvent,
  ChatReceiptEvent,
  ChatSessionEvent,
  ChatTypingEvent,
} from './chat-events.js';
export type { ConversationMessage, UnsentChatMessage } from './chat-messages.js';

/**
 * What `client.chat.start()` takes: `ChatStartInput` without `department` (the client's) and
 * with `origin` optional (default: the client's page, read now, and the widget `'sdk'`).
 */
export type ChatStartRequest = Omit<ChatStartInput, 'department' | 'origin' | 'clientMessageId'> & {
  /** The first message's id; a new one by default (when there is a `message`). */
  clientMessageId?: ClientMessageId;
  origin?: { pageUrl?: string; widget?: string };
};

/** Options of `start()` and `resume()`. */
export interface ChatOptions {
  /**
   * Cancels the request, and afterwards stops following the conversation (the stream and the
   * retries stop, unsent messages stay in `toJSON()`); the session itself goes on, to be resumed
   * (e.g. on the next page). To end the chat, call `close()`.
   */
  signal?: AbortSignal;
}

/** `client.chat`: live chat with a *kommunvägledare* at the contact center. */
export interface ChatResource {
  /**
   * Whether the chat is open now for the client's department, when it closes or opens next, the
   * week's hours, the queue's length and expected wait, and whether call-back is offered.
   */
  availability(options?: { signal?: AbortSignal }): Promise<ChatAvailability>;
  /**
   * Starts a chat and resolves with the live conversation (already following its stream).
   * Rejects with a `ValidationError` for invalid input (no request made), with `chat_closed`
   * outside opening hours (the problem's `opensAt` member says when it opens:
   * `error.problem?.opensAt`), `rate_limited`, or a `NetworkError`. Not retried: a second try
   * could start a second chat.
   *
   * @example
   * const chat = await client.chat.start({ locale: 'sv', message: 'Hej! Jag undrar över bygglov.' });
   * sessionStorage.setItem('kontakt-chat', JSON.stringify(chat));
   */
  start(input: ChatStartRequest, options?: ChatOptions): Promise<ChatConversation>;
  /**
   * Picks a conversation up again (after a reload, on another page of the site) from what its
   * `toJSON()` gave: reads the session, follows the stream from `lastEventId` and sends the
   * messages that were not stored yet (once: the server knows their ids). Rejects with a
   * `ValidationError` when `record` is not one, and `chat_not_found` when the server no longer
   * knows the session or the token is wrong (forget the record then).
   *
   * @example
   * const saved = sessionStorage.getItem('kontakt-chat');
   * const chat = saved ? await client.chat.resume(JSON.parse(saved)) : undefined;
   */
  resume(record: ChatConversationRecord, options?: ChatOptions): Promise<ChatConversation>;
}

export interface ChatContext {
  http: KyInstance;
  endpoint: string;
  /** The client's own `fetch`, when it was given one: the stream uses it too. */
  fetch?: typeof fetch | undefined;
  department: string;
  pageUrl: () => string | undefined;
}

/** `client.chat`: each method loads the implementation (once) and runs it. */
export function chatResource(context: ChatContext): ChatResource {
  let loaded: Promise<ChatResource> | undefined;
  const impl = () => {
    loaded ??= import('./chat-impl.js').then(
      ({ chatResource: create }) => create(context),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    );
    return loaded;
  };
  return {
    availability: async (options) => (await impl()).availability(options),
    start: async (input, options) => (await impl()).start(input, options),
    resume: async (record, options) => (await impl()).resume(record, options),
  };
}
