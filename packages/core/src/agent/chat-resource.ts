import type { KyInstance } from 'ky';
import { EventStream } from '../events/event-stream.js';
import type { ChatMessage } from '../schemas/chat.js';
import { ChatMessageSchema } from '../schemas/chat.js';
import { AgentChatWatch, AgentQueueWatch } from './chat.js';
import type { AgentChat, AgentChatQueue, AgentPresence, EndChatInput } from './chat-schemas.js';
import { AgentChatQueueSchema, AgentChatSchema } from './chat-schemas.js';
import { agentCall, signalOf } from './http.js';

type Options = { signal?: AbortSignal | undefined };

/** Options of `client.chat.send()`. */
export interface AgentChatSendOptions extends Options {
  /**
   * The message's own id (a UUID). Give the same one again to retry a send that failed or timed
   * out: the server stores one message per id. Default: a new one.
   */
  clientMessageId?: string | undefined;
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
export interface AgentChatStreamOptions {
  endpoint: string;
  fetch?: typeof fetch | undefined;
}

const session = (id: string, action = '') =>
  `v1/agent/chat/sessions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function agentChatResource(
  http: KyInstance,
  stream: AgentChatStreamOptions,
): AgentChatResource {
  const open = (path: string, options: Options & { after?: string | undefined }) =>
    new EventStream(`${stream.endpoint}/${path}`, {
      credentials: 'include',
      ...(stream.fetch ? { fetch: stream.fetch } : {}),
      ...(options.after ? { lastEventId: options.after } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  const act = (id: string, action: string, json: unknown, options: Options) =>
    agentCall(() =>
      http.post(session(id, action), { json, ...signalOf(options) }).json(AgentChatSchema),
    );
  const tell = async (id: string, action: string, json: unknown, options: Options) => {
    await agentCall(() => http.post(session(id, action), { json, ...signalOf(options) }));
  };
  return {
    queue: (options = {}) =>
      agentCall(() =>
        http.get('v1/agent/chat/queue', signalOf(options)).json(AgentChatQueueSchema),
      ),
    watchQueue: (options = {}) => new AgentQueueWatch(open('v1/agent/chat/stream', options)),
    async setPresence(presence, options = {}) {
      await agentCall(() =>
        http.put('v1/agent/chat/presence', { json: { presence }, ...signalOf(options) }),
      );
    },
    take: (id, options = {}) =>
      agentCall(() =>
        http
          .post('v1/agent/chat/take', { json: id ? { id } : {}, ...signalOf(options) })
          .json(AgentChatSchema),
      ),
    get: (id, options = {}) =>
      agentCall(() => http.get(session(id), signalOf(options)).json(AgentChatSchema)),
    watch: (id, options = {}) => new AgentChatWatch(open(session(id, 'stream'), options)),
    send: (id, text, options = {}) => {
      const clientMessageId = options.clientMessageId ?? crypto.randomUUID();
      return agentCall(() =>
        http
          .post(session(id, 'messages'), {
            json: { clientMessageId, text },
            ...signalOf(options),
          })
          .json(ChatMessageSchema),
      );
    },
    typing: (id, on, options = {}) => tell(id, 'typing', { typing: on }, options),
    markRead: (id, upTo, options = {}) => tell(id, 'read', { upTo }, options),
    handover: (id, agentId, options = {}) => act(id, 'handover', { agentId }, options),
    end: (id, input = {}, options = {}) => act(id, 'end', input, options),
  };
}
