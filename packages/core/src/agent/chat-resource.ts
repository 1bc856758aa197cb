import type { KyInstance } from 'ky';
import { NetworkError } from '../errors/NetworkError.js';
import type { ChatMessage } from '../schemas/chat.js';
import type { Locale } from '../schemas/common.js';
import { AgentChatWatch, AgentQueueWatch } from './chat.js';
import type { AgentChatCalls } from './chat-calls.js';
import type { AgentChat, AgentChatQueue, AgentPresence, EndChatInput } from './chat-schemas.js';
import type { AgentStreamOptions } from './feed.js';
import { openAgentStream } from './feed.js';

type Options = { signal?: AbortSignal | undefined };

/** Options of `client.chat.send()`. */
export interface AgentChatSendOptions extends Options {
  /**
   * The message's own id (a UUID). Give the same one again to retry a send that failed or timed
   * out: the server stores one message per id. Default: a new one.
   */
  clientMessageId?: string | undefined;
  /**
   * The language the message is written in (`sv`, `en`, `fi`, `ar`): the citizen's chat marks it
   * with it. Usually the chat's own `locale`.
   */
  language?: Locale | undefined;
}

/**
 * `client.chat`: the agent's side of chat — the queue, presence, taking a chat, talking in it,
 * handing it over and ending it. Every call rejects only with `KontaktError`s
 * (`chat_not_waiting` when someone else took the chat first, `chat_ended`, `chat_not_found`,
 * `agent_not_available` for a hand-over to someone who cannot take it, `unauthorized`, …).
 *
 * @since 0.5.0
 */
export interface AgentChatResource {
  /** Waiting chats, your own, open call-backs and everyone's presence. */
  queue(options?: Options): Promise<AgentChatQueue>;
  /** Follows the queue live (and offers of chats); see `AgentQueueWatch`. */
  watchQueue(options?: Options): AgentQueueWatch;
  /** Sets your presence: `available` (offered new chats), `busy` or `away`. */
  setPresence(presence: AgentPresence, options?: Options): Promise<void>;
  /** Takes the waiting chat `id`, or without one the next in line; `chat_not_waiting` (409) when it is gone. */
  take(id?: string, options?: Options): Promise<AgentChat>;
  /** One chat with its messages. */
  get(id: string, options?: Options): Promise<AgentChat>;
  /**
   * Follows one chat live. Pass the last change's `cursor` (or a watch's `lastEventId`) as
   * `after` to resume exactly there.
   */
  watch(id: string, options?: Options & { after?: string | undefined }): AgentChatWatch;
  /** Sends a message to the citizen; idempotent by its `clientMessageId`. */
  send(id: string, text: string, options?: AgentChatSendOptions): Promise<ChatMessage>;
  /** Tells the citizen you are typing (`true`, again every few seconds while you are) or stopped. */
  typing(id: string, on: boolean, options?: Options): Promise<void>;
  /** Marks the citizen's messages up to and including `upTo` as read (they see it). */
  markRead(id: string, upTo: string, options?: Options): Promise<void>;
  /** Hands the chat over to another available agent. */
  handover(id: string, agentId: string, options?: Options): Promise<AgentChat>;
  /** Ends the chat with a reason for contact; it is stored as a case (`caseReference`). */
  end(id: string, input?: EndChatInput, options?: Options): Promise<AgentChat>;
}

/** Where the resource's live streams connect, and with which `fetch`. */
export type AgentChatStreamOptions = AgentStreamOptions;

/**
 * `client.chat` as the agent client makes it: the streams open at once (the watches are small and
 * share the core's SSE reader); the requests and their answers' schemas are a chunk loaded at the
 * first call (`chat-calls.ts`), kept out of the console's sign-in page.
 */
export function agentChatResource(
  http: KyInstance,
  stream: AgentChatStreamOptions,
): AgentChatResource {
  let loading: Promise<AgentChatCalls> | undefined;
  const calls = () => {
    loading ??= import('./chat-calls.js').then(
      (module) => module.agentChatCalls(http),
      (error: unknown) => {
        // A chunk that failed to load (offline, a new release) is asked for again next time.
        loading = undefined;
        throw new NetworkError('The chat part of the client could not be loaded.', {
          cause: error,
        });
      },
    );
    return loading;
  };
  return {
    queue: async (options) => (await calls()).queue(options),
    watchQueue: (options = {}) =>
      new AgentQueueWatch(openAgentStream(stream, 'v1/agent/chat/stream', options)),
    setPresence: async (presence, options) => (await calls()).setPresence(presence, options),
    take: async (id, options) => (await calls()).take(id, options),
    get: async (id, options) => (await calls()).get(id, options),
    watch: (id, options = {}) =>
      new AgentChatWatch(
        openAgentStream(stream, `v1/agent/chat/sessions/${encodeURIComponent(id)}/stream`, options),
      ),
    send: async (id, text, options) => (await calls()).send(id, text, options),
    typing: async (id, on, options) => (await calls()).typing(id, on, options),
    markRead: async (id, upTo, options) => (await calls()).markRead(id, upTo, options),
    handover: async (id, agentId, options) => (await calls()).handover(id, agentId, options),
    end: async (id, input, options) => (await calls()).end(id, input, options),
  };
}
