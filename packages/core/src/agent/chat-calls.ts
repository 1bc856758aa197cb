import type { KyInstance } from 'ky';
import { ChatMessageSchema } from '../schemas/chat.js';
import type { AgentChatResource } from './chat-resource.js';
import { AgentChatQueueSchema, AgentChatSchema } from './chat-schemas.js';
import { signalOf } from './http.js';
import { agentJson, agentSend } from './request.js';

/*
 * The requests of `client.chat` (agent) with the schemas their answers are checked by: a chunk of
 * its own, loaded at the first call, so the console's sign-in page does not carry them.
 */

/** Every method of `client.chat` but the two that open streams. */
export type AgentChatCalls = Omit<AgentChatResource, 'watch' | 'watchQueue'>;

const session = (id: string, action = '') =>
  `v1/agent/chat/sessions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function agentChatCalls(http: KyInstance): AgentChatCalls {
  const act = (
    id: string,
    action: string,
    json: unknown,
    options: { signal?: AbortSignal | undefined } = {},
  ) =>
    agentJson(http, session(id, action), AgentChatSchema, {
      ...signalOf(options),
      method: 'post',
      json,
    });
  const tell = (
    id: string,
    action: string,
    json: unknown,
    options: { signal?: AbortSignal | undefined } = {},
  ) => agentSend(http, session(id, action), { ...signalOf(options), method: 'post', json });
  return {
    queue: (options = {}) =>
      agentJson(http, 'v1/agent/chat/queue', AgentChatQueueSchema, signalOf(options)),
    setPresence: (presence, options = {}) =>
      agentSend(http, 'v1/agent/chat/presence', {
        ...signalOf(options),
        method: 'put',
        json: { presence },
      }),
    take: (id, options = {}) =>
      agentJson(http, 'v1/agent/chat/take', AgentChatSchema, {
        ...signalOf(options),
        method: 'post',
        json: id ? { id } : {},
      }),
    get: (id, options = {}) => agentJson(http, session(id), AgentChatSchema, signalOf(options)),
    send: (id, text, options = {}) => {
      const clientMessageId = options.clientMessageId ?? crypto.randomUUID();
      return agentJson(http, session(id, 'messages'), ChatMessageSchema, {
        ...signalOf(options),
        method: 'post',
        json: {
          clientMessageId,
          text,
          ...(options.language ? { language: options.language } : {}),
        },
      });
    },
    typing: (id, on, options = {}) => tell(id, 'typing', { typing: on }, options),
    markRead: (id, upTo, options = {}) => tell(id, 'read', { upTo }, options),
    handover: (id, agentId, options = {}) => act(id, 'handover', { agentId }, options),
    end: (id, input = {}, options = {}) => act(id, 'end', input, options),
  };
}
