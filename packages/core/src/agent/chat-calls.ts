import type { KyInstance } from 'ky';
import { ChatMessageSchema } from '../schemas/chat.js';
import type { AgentChatResource } from './chat-resource.js';
import { AgentChatQueueSchema, AgentChatSchema } from './chat-schemas.js';
import { agentCall, signalOf } from './http.js';

/*
 * The requests of `client.chat` (agent) with the schemas their answers are checked by: a chunk of
 * its own, loaded at the first call, so the console's sign-in page does not carry them.
 */

/** Every method of `client.chat` but the two that open streams. */
export type AgentChatCalls = Omit<AgentChatResource, 'watch' | 'watchQueue'>;

const session = (id: string, action = '') =>
  `v1/agent/chat/sessions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

export function agentChatCalls(http: KyInstance): AgentChatCalls {
  const act = (id: string, action: string, json: unknown, options = {}) =>
    agentCall(() =>
      http.post(session(id, action), { json, ...signalOf(options) }).json(AgentChatSchema),
    );
  const tell = async (id: string, action: string, json: unknown, options = {}) => {
    await agentCall(() => http.post(session(id, action), { json, ...signalOf(options) }));
  };
  return {
    queue: (options = {}) =>
      agentCall(() =>
        http.get('v1/agent/chat/queue', signalOf(options)).json(AgentChatQueueSchema),
      ),
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
    send: (id, text, options = {}) => {
      const clientMessageId = options.clientMessageId ?? crypto.randomUUID();
      return agentCall(() =>
        http
          .post(session(id, 'messages'), { json: { clientMessageId, text }, ...signalOf(options) })
          .json(ChatMessageSchema),
      );
    },
    typing: (id, on, options = {}) => tell(id, 'typing', { typing: on }, options),
    markRead: (id, upTo, options = {}) => tell(id, 'read', { upTo }, options),
    handover: (id, agentId, options = {}) => act(id, 'handover', { agentId }, options),
    end: (id, input = {}, options = {}) => act(id, 'end', input, options),
  };
}
